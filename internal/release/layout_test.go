// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package release

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The file roles every entity package keeps (CONTRIBUTING.md): a reader who
// knows one package knows where everything is in the others.
var (
	requiredEntityFiles = []string{"resource.go", "schema.go", "models.go", "create.go", "read.go", "update.go", "delete.go"}
	optionalEntityFiles = []string{
		"plan.go",            // ModifyPlan: version gates, derived values, plan warnings
		"validate.go",        // cross-attribute rules and custom validators
		"takeover.go",        // when an existing object may be taken over on create
		"datasource.go",      // the data source for one object
		"datasource_list.go", // the data source for all objects
		"private.go",         // private state
		"upgrade.go",         // state upgraders
	}
)

// entityPackages are the packages under internal/ with a resource.go.
func entityPackages(t *testing.T) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(repoRoot(t), "internal", "*", "resource.go"))
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, m := range matches {
		dirs = append(dirs, filepath.Dir(m))
	}
	sort.Strings(dirs)
	return dirs
}

func TestEveryEntityPackageHasTheSameFileRoles(t *testing.T) {
	dirs := entityPackages(t)
	if len(dirs) < 6 {
		t.Fatalf("found only %d entity packages: %v", len(dirs), dirs)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var files []string
		dirsIn := map[string]bool{}
		for _, e := range entries {
			if e.IsDir() {
				dirsIn[e.Name()] = true
				continue
			}
			files = append(files, e.Name())
		}
		for _, want := range requiredEntityFiles {
			if !slices.Contains(files, want) {
				t.Errorf("internal/%s has no %s", name, want)
			}
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") || slices.Contains(requiredEntityFiles, f) || slices.Contains(optionalEntityFiles, f) {
				continue
			}
			t.Errorf("internal/%s/%s has no role in CONTRIBUTING.md's list: fold it into a file that has one, or add the role", name, f)
		}
		for _, want := range []string{"descriptions", "testdata"} {
			if !dirsIn[want] {
				t.Errorf("internal/%s has no %s/ directory", name, want)
			}
		}
	}
}

// CONTRIBUTING.md names every file role the test above allows.
func TestContributingNamesEveryFileRole(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "CONTRIBUTING.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range append(append([]string{}, requiredEntityFiles...), optionalEntityFiles...) {
		if !strings.Contains(string(data), "`"+f+"`") {
			t.Errorf("CONTRIBUTING.md does not name %s", f)
		}
	}
}
