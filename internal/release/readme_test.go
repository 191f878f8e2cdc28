// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package release

import (
	"strings"
	"testing"
)

// tables returns the markdown table rows under a "## Compatibility" heading.
func tables(t *testing.T, text string) []string {
	t.Helper()
	_, section, ok := strings.Cut(text, "\n## Compatibility\n")
	if !ok {
		t.Fatal("no ## Compatibility section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var rows []string
	for _, line := range strings.Split(section, "\n") {
		if strings.HasPrefix(line, "|") {
			rows = append(rows, line)
		}
	}
	return rows
}

// The README and the registry's provider page show the same compatibility
// tables.
func TestCompatibilityTablesAgree(t *testing.T) {
	readme := tables(t, readFile(t, "README.md"))
	index := tables(t, readFile(t, "templates/index.md.tmpl"))
	if len(readme) < 10 || strings.Join(readme, "\n") != strings.Join(index, "\n") {
		t.Errorf("README.md and templates/index.md.tmpl differ in their compatibility tables:\nREADME:\n%s\nindex:\n%s",
			strings.Join(readme, "\n"), strings.Join(index, "\n"))
	}
}
