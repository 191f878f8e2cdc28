// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// SecretFile holds a password the configuration reads with file(), so a test
// can change the provider's password between steps as a user would update a
// secret store.
type SecretFile struct{ Path string }

// NewSecretFile writes the first value.
func NewSecretFile(t *testing.T, value string) *SecretFile {
	t.Helper()
	f := &SecretFile{Path: filepath.Join(t.TempDir(), "provider-password")}
	if err := f.write(value); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *SecretFile) write(value string) error { return os.WriteFile(f.Path, []byte(value), 0o600) }

// CheckSet is a step check that stores a new value for the following plans.
func (f *SecretFile) CheckSet(value string) resource.TestCheckFunc {
	return func(*terraform.State) error { return f.write(value) }
}
