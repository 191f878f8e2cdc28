// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package acctest is the acceptance-test harness: provider factories, the
// Milvus server the tests run against, and checks that ask that server
// directly, independently of the provider's own client.
package acctest

import (
	"crypto/rand"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/config"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/provider"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/serve"
)

// ProviderFactories serves the provider in-process to the test CLI, through
// the same server wrapper as the released binary.
var ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	provider.TypeName: serve.Factory(provider.New("test")),
}

func init() {
	// OpenTofu resolves an undeclared provider on its own registry host; the
	// test framework must reattach the in-process provider under that name.
	if os.Getenv("TF_ACC_PROVIDER_HOST") == "" && strings.Contains(filepath.Base(os.Getenv("TF_ACC_TERRAFORM_PATH")), "tofu") {
		_ = os.Setenv("TF_ACC_PROVIDER_HOST", "registry.opentofu.org")
	}
}

// PreCheck fails the test when the environment names no Milvus server.
// Acceptance tests run only with TF_ACC set; `make test` sets it and starts
// the server.
func PreCheck(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		// The same rule as resource.Test: acceptance tests run only when asked.
		t.Skip("acceptance test: set TF_ACC=1 and a Milvus server (make test does both)")
	}
	for _, name := range []string{"MILVUS_ADDRESS", "MILVUS_USERNAME", "MILVUS_PASSWORD"} {
		if os.Getenv(name) == "" {
			t.Fatalf("%s must be set for acceptance tests: run `make test`, or see README.md for your own Milvus", name)
		}
	}
	if os.Getenv("TF_ACC_TERRAFORM_PATH") == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must name a terraform or tofu binary: run `make test`, or scripts/terraform-cli.sh")
	}
}

// AdminIsSuperUser reports whether the test server lists the admin user
// (MILVUS_USERNAME) in common.security.superUsers, as MILVUS_TEST_SUPERUSERS
// says (make test lists root).
func AdminIsSuperUser() bool {
	for _, u := range strings.Split(os.Getenv("MILVUS_TEST_SUPERUSERS"), ",") {
		if strings.TrimSpace(u) == os.Getenv("MILVUS_USERNAME") {
			return true
		}
	}
	return false
}

// RandomName returns a valid, unused-looking Milvus username.
func RandomName(prefix string) string {
	const letters = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 8)
	for i := range b {
		n, _ := rand.Int(rand.Reader, big.NewInt(int64(len(letters))))
		b[i] = letters[n.Int64()]
	}
	return prefix + "_" + string(b)
}

// RandomPassword returns a password Milvus accepts.
func RandomPassword() string { return "Pw_" + RandomName("x") }

// ConfigDirs merges configuration files into one temporary directory, so
// scenarios share a provider block without copies of it. Each path is a
// directory (all its .tf files) or a single file; later ones win on equal
// file names.
func ConfigDirs(t *testing.T, paths ...string) config.TestStepConfigFunc {
	t.Helper()
	merged := t.TempDir()
	for _, path := range paths {
		files := []string{path}
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			files, _ = filepath.Glob(filepath.Join(path, "*.tf"))
		}
		if len(files) == 0 {
			t.Fatalf("no .tf files in %s", path)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(merged, filepath.Base(f)), data, 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	return config.StaticDirectory(merged)
}

// Words turns text into a pattern that matches it across the line breaks
// and indentation the CLI inserts when it wraps a diagnostic.
func Words(text string) string {
	words := strings.Fields(text)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(words, `\s+`)
}
