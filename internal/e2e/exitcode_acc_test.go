// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package e2e_test

import (
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

const exitCodeConfig = `
variable "prefix" {
  type = string
}
variable "password" {
  type      = string
  sensitive = true
}
variable "password_wo" {
  type      = string
  ephemeral = true
}

resource "milvus_user" "stored" {
  for_each = toset(["a", "b"])
  name     = "${var.prefix}_${each.key}"
  password = var.password
}

resource "milvus_user" "write_only" {
  for_each    = toset(["c", "d"])
  name        = "${var.prefix}_${each.key}"
  password_wo = var.password_wo
}
`

// A scheduled drift job can trust the exit code: with nothing changed,
// `plan -refresh-only -detailed-exitcode` exits 0 every time, for users with
// `password` and with `password_wo`. (Terraform 1.11 compares the order of
// sensitive attribute paths, which it saves in random order, hashicorp/
// terraform#36403: so password_wo is not also marked sensitive, leaving one
// sensitive path per user.)
func TestAccE2E_refreshOnlyExitCodeIsStable(t *testing.T) {
	server := acctest.Connect(t)
	prefix := strings.ToLower(acctest.RandomName("tfx"))
	cli := acctest.NewCLI(t, exitCodeConfig, "TF_VAR_prefix="+prefix, "TF_VAR_password=Pw_"+prefix, "TF_VAR_password_wo=Wo_"+prefix)
	cli.SkipBelow("1.11.0", "password_wo")
	t.Cleanup(func() {
		cli.Run("destroy", "-auto-approve", "-input=false")
		for _, k := range []string{"a", "b", "c", "d"} {
			_ = server.DropUser(prefix + "_" + k)
		}
	})
	cli.MustRun("apply", "-auto-approve", "-input=false")
	var codes []int
	for i := 0; i < 8; i++ {
		r := cli.Run("plan", "-refresh-only", "-detailed-exitcode", "-input=false")
		codes = append(codes, r.Code)
		if r.Code != 0 {
			t.Errorf("run %d: exit %d:\n%s", i+1, r.Code, r.Output)
		}
	}
	if r := cli.Run("plan", "-detailed-exitcode", "-input=false"); r.Code != 0 {
		t.Errorf("plan -detailed-exitcode: exit %d:\n%s", r.Code, r.Output)
	}
	t.Logf("refresh-only exit codes: %v", codes)
}
