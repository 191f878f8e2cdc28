// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package release

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func readFile(t *testing.T, rel string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(repoRoot(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// A tag can be moved to other code; a commit cannot. Every third-party
// action is pinned by its full commit, with the release it is in a comment
// for people and for update tools.
func TestWorkflowActionsArePinnedByCommit(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(repoRoot(t), ".github/workflows/*.yml"))
	if err != nil || len(files) < 2 {
		t.Fatalf("workflows: %v %v", files, err)
	}
	uses := regexp.MustCompile(`(?m)^\s*(?:-\s*)?uses:\s*(\S+)(.*)$`)
	pinned := regexp.MustCompile(`^[\w.-]+/[\w./-]+@[0-9a-f]{40}$`)
	count := 0
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		for _, m := range uses.FindAllStringSubmatch(string(raw), -1) {
			count++
			if !pinned.MatchString(m[1]) {
				t.Errorf("%s: %s is not pinned to a full commit SHA", filepath.Base(f), m[1])
			}
			if !regexp.MustCompile(`#\s*v\d+\.\d+\.\d+`).MatchString(m[2]) {
				t.Errorf("%s: %s has no `# vX.Y.Z` comment naming its release", filepath.Base(f), m[1])
			}
		}
	}
	if count < 8 {
		t.Fatalf("only %d actions found: the pattern is wrong", count)
	}
}

// The acceptance job runs docker-compose.yml's servers: the server settings
// live there only.
func TestTestWorkflowUsesComposeServers(t *testing.T) {
	wf := readFile(t, ".github/workflows/test.yml")
	for _, want := range []string{
		"docker compose up -d --wait",
		"MILVUS_IMAGE: milvusdb/milvus:${{ matrix.milvus }}",
		"go run ./internal/acctest/cmd/milvus-settings -test-env",
		"-run TestAcc ./internal/...",
	} {
		if !strings.Contains(wf, want) {
			t.Errorf("test.yml lacks %q", want)
		}
	}
	for _, setting := range []string{"COMMON_SECURITY", "PROXY_MAX", "superUsers", "authorizationEnabled"} {
		if strings.Contains(wf, setting) {
			t.Errorf("test.yml sets %s itself; it belongs in docker-compose.yml", setting)
		}
	}
	if !strings.Contains(readFile(t, "docker-compose.yml"), "image: ${MILVUS_IMAGE:-") {
		t.Error("docker-compose.yml does not take its image from MILVUS_IMAGE")
	}
}

// The matrix covers the Milvus minors and the CLIs the README promises.
func TestTestWorkflowMatrix(t *testing.T) {
	wf := readFile(t, ".github/workflows/test.yml")
	for _, want := range []string{`milvus: [v2.4.`, `v2.5.`, `v2.6.`, `v3.0.`, `"1.6.*"`, `"1.11.*"`, `latest`, `cli: opentofu`} {
		if !strings.Contains(wf, want) {
			t.Errorf("test.yml's matrix lacks %s", want)
		}
	}
}

// The release workflow signs with the imported key and runs the goreleaser
// that `make release-check` runs.
func TestReleaseWorkflow(t *testing.T) {
	wf := readFile(t, ".github/workflows/release.yml")
	for _, want := range []string{`tags: ["v*"]`, "contents: write", "args: release --clean",
		"GPG_FINGERPRINT: ${{ steps.import_gpg.outputs.fingerprint }}", "fetch-depth: 0"} {
		if !strings.Contains(wf, want) {
			t.Errorf("release.yml lacks %q", want)
		}
	}
	local := regexp.MustCompile(`GORELEASER_VERSION:-(v[\d.]+)`).FindStringSubmatch(readFile(t, "scripts/go-tool.sh"))
	ci := regexp.MustCompile(`(?m)^\s*version:\s*(v[\d.]+)\s*$`).FindStringSubmatch(wf)
	if local == nil || ci == nil || local[1] != ci[1] {
		t.Errorf("goreleaser versions differ: scripts/go-tool.sh %v, release.yml %v", local, ci)
	}
	if !strings.Contains(readFile(t, ".goreleaser.yml"), "{{ .Env.GPG_FINGERPRINT }}") {
		t.Error(".goreleaser.yml does not sign with GPG_FINGERPRINT")
	}
}
