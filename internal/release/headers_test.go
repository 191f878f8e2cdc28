// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package release

import (
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// repoRoot is the repository's top directory.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// repoFiles lists the files git knows or would add.
func repoFiles(t *testing.T) []string {
	t.Helper()
	out, err := exec.Command("git", "-C", repoRoot(t), "ls-files", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	var files []string
	for _, f := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if _, err := os.Stat(filepath.Join(repoRoot(t), f)); err == nil {
			files = append(files, f)
		}
	}
	return files
}

// headerIgnore reads .copywrite.hcl's header_ignore globs, the one list
// both this test and HashiCorp's header tool follow.
func headerIgnore(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(repoRoot(t), ".copywrite.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile(`(?s)header_ignore\s*=\s*\[(.*?)\]`).FindSubmatch(raw)
	if block == nil {
		t.Fatal(".copywrite.hcl has no header_ignore list")
	}
	var globs []string
	for _, m := range regexp.MustCompile(`"([^"]+)"`).FindAllSubmatch(block[1], -1) {
		globs = append(globs, string(m[1]))
	}
	return globs
}

// ignored matches the tool's doublestar globs: "**" spans directories.
func ignored(file string, globs []string) bool {
	for _, g := range globs {
		pattern := "^" + strings.NewReplacer(`\*\*/`, `(.*/)?`, `\*\*`, `.*`, `\*`, `[^/]*`).Replace(regexp.QuoteMeta(g)) + "$"
		if regexp.MustCompile(pattern).MatchString(file) {
			return true
		}
	}
	return false
}

func commentPrefix(file string) string {
	switch path.Ext(file) {
	case ".go":
		return "//"
	case ".sh", ".py", ".yml", ".yaml", ".hcl":
		return "#"
	}
	if file == "GNUmakefile" || file == ".ci/run" {
		return "#"
	}
	return ""
}

func TestLicenseIsMPL2(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(repoRoot(t), "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	if !strings.HasPrefix(text, "Mozilla Public License Version 2.0\n") || !strings.Contains(text, `Exhibit B - "Incompatible With Secondary Licenses" Notice`) {
		t.Fatal("LICENSE is not the full text of the Mozilla Public License 2.0")
	}
}

func TestEverySourceFileHasTheLicenseHeader(t *testing.T) {
	globs := headerIgnore(t)
	checked := 0
	for _, file := range repoFiles(t) {
		c := commentPrefix(file)
		if c == "" || ignored(file, globs) {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(repoRoot(t), file))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitN(string(raw), "\n", 4)
		if len(lines) > 0 && strings.HasPrefix(lines[0], "#!") {
			lines = lines[1:]
		}
		want := []string{c + " Copyright (c) The terraform-provider-milvus authors", c + " SPDX-License-Identifier: MPL-2.0"}
		if len(lines) < 2 || lines[0] != want[0] || lines[1] != want[1] {
			t.Errorf("%s: does not start with the license header:\n%s\n%s", file, want[0], want[1])
		}
		checked++
	}
	if checked < 100 {
		t.Fatalf("only %d files checked: the file list is wrong", checked)
	}
}

func TestHeaderIgnoreGlobs(t *testing.T) {
	globs := []string{"examples/**", "**/testdata/**", ".golangci.yml"}
	for file, want := range map[string]bool{
		"examples/resources/milvus_user/resource.tf": true,
		"internal/user/testdata/x/main.tf":           true,
		"testdata/a.tf":                              true,
		".golangci.yml":                              true,
		"internal/user/resource.go":                  false,
		"scripts/golangci.yml":                       false,
	} {
		if got := ignored(file, globs); got != want {
			t.Errorf("ignored(%q) = %v, want %v", file, got, want)
		}
	}
}
