// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package provider_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/provider"
)

// Every example is `terraform fmt` clean, and validates with the real CLI:
// each resource example alone and with each of its import examples (import
// by identity needs a CLI of 1.12 or later).
func TestAccExamples_validateAndFormat(t *testing.T) {
	fmtCLI := acctest.NewCLI(t, "")
	abs, err := filepath.Abs(examples)
	acctest.Must(t, err)
	if r := fmtCLI.Run("fmt", "-check", "-diff", "-recursive", abs); r.Code != 0 {
		t.Errorf("examples are not terraform fmt clean:\n%s", r.Output)
	}
	dirs, _ := filepath.Glob(filepath.Join(examples, "*", "*"))
	dirs = append(dirs, filepath.Join(examples, "provider"), filepath.Join(examples, "quickstart"))
	checked := 0
	for _, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			continue
		}
		main, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
		var base, imports []string
		for _, f := range main {
			if strings.HasPrefix(filepath.Base(f), "import-") || filepath.Base(dir) == "provider" {
				imports = append(imports, f) // checked one at a time
			} else {
				base = append(base, f)
			}
		}
		combinations := imports
		if len(base) > 0 {
			combinations = append([]string{""}, imports...)
		}
		for _, extra := range combinations {
			name := filepath.Base(filepath.Dir(dir)) + "/" + filepath.Base(dir)
			if extra != "" {
				name += "+" + filepath.Base(extra)
			}
			t.Run(name, func(t *testing.T) {
				files := map[string]string{}
				for _, f := range append(append([]string{}, base...), extra) {
					if f == "" {
						continue
					}
					data, err := os.ReadFile(f)
					acctest.Must(t, err)
					files[filepath.Base(f)] = string(data)
				}
				if !strings.Contains(strings.Join(mapValues(files), ""), "required_providers") {
					files["versions.tf"] = fmt.Sprintf("terraform {\n  required_providers {\n    milvus = { source = %q }\n  }\n}\n", provider.Source)
				}
				cli := acctest.NewCLIFiles(t, files)
				if strings.Contains(extra, "identity") {
					cli.SkipBelow("1.12.0", "import by identity")
				}
				if strings.Contains(strings.Join(mapValues(files), ""), "password_wo") {
					cli.SkipBelow("1.11.0", "write-only arguments")
				}
				if r := cli.Run("validate"); r.Code != 0 {
					t.Errorf("%s does not validate:\n%s", name, r.Output)
				}
			})
			checked++
		}
	}
	t.Logf("validated %d example configurations", checked)
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
