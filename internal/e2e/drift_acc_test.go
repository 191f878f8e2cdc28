// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package e2e_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

const driftConfig = `
variable "prefix" {
  type = string
}
variable "stored_name" {
  type = string
}

resource "milvus_user" "stored" {
  name     = var.stored_name
  password = "Pw_${var.prefix}_stored"
}

resource "milvus_user" "deleted" {
  name     = "${var.prefix}_deleted"
  password = "Pw_${var.prefix}_deleted"
}

resource "milvus_role" "reader" {
  name = "${var.prefix}_reader"
}

resource "milvus_user_role" "stored_reader" {
  user = milvus_user.stored.name
  role = milvus_role.reader.name
}

resource "milvus_grant" "query" {
  role        = milvus_role.reader.name
  privilege   = "Query"
  object_name = "books"
}
`

// Every kind of drift the provider finds is explained in the plan's own
// output (not only in logs or the JSON plan): a password changed by hand, a
// deleted user, a removed binding, a revoked grant; and a rename warns that
// the user's role bindings go with it. The apply then repairs them all.
func TestAccE2E_driftIsExplainedInThePlan(t *testing.T) {
	server := acctest.Connect(t)
	prefix := strings.ToLower(acctest.RandomName("tfd"))
	stored := prefix + "_stored"
	cli := acctest.NewCLI(t, driftConfig, "TF_VAR_prefix="+prefix, "TF_VAR_stored_name="+stored)
	t.Cleanup(func() { cli.Run("destroy", "-auto-approve", "-input=false") })
	cli.MustRun("apply", "-auto-approve", "-input=false")

	// Changes made by hand, as with pymilvus.
	acctest.Must(t, server.SetPassword(stored, "Pw_"+stored, "Changed_by_hand_1"))
	acctest.Must(t, server.DropUser(prefix+"_deleted"))
	acctest.Must(t, server.Unbind(stored, prefix+"_reader"))
	acctest.Must(t, server.Revoke(prefix+"_reader", acctest.GrantRow{ObjectType: "Collection", ObjectName: "books", DB: "default", Privilege: "Query"}))

	plan := cli.Run("plan", "-input=false", "-detailed-exitcode")
	if plan.Code != 2 {
		t.Fatalf("plan exit code %d, want 2 (changes):\n%s", plan.Code, plan.Output)
	}
	for _, want := range []string{
		`Warning: Milvus User Password Changed Outside Terraform … User "` + stored + `" no longer logs in with the password in Terraform's state … The plan sets the configured password again, in place`,
		`Warning: Milvus User Deleted Outside Terraform … Milvus no longer has user "` + prefix + `_deleted" … the plan creates it again`,
		`Warning: Milvus Role Binding Removed Outside Terraform … the binding of user "` + stored + `" to role "` + prefix + `_reader" … the plan binds it again`,
		`Warning: Milvus Grant Revoked Outside Terraform … the grant of privilege Query on Collection "books" in database "default" to role "` + prefix + `_reader" … the plan grants it again`,
	} {
		if !matches(plan.Output, want) {
			t.Errorf("the plan does not say %q:\n%s", want, plan.Output)
		}
	}
	cli.MustRun("apply", "-auto-approve", "-input=false")
	acctest.Must(t, server.Login(stored, "Pw_"+stored))
	acctest.Must(t, server.Login(prefix+"_deleted", "Pw_"+prefix+"_deleted"))
	if r := cli.Run("plan", "-input=false", "-detailed-exitcode"); r.Code != 0 {
		t.Fatalf("the repair left a plan (exit %d):\n%s", r.Code, r.Output)
	}

	// A rename replaces the user, and its bindings go with it: the plan says so.
	cli.Env = append(cli.Env, "TF_VAR_stored_name="+prefix+"_renamed")
	rename := cli.Run("plan", "-input=false")
	want := `Warning: Milvus User Will Be Replaced … Milvus cannot rename a user, so renaming "` + stored + `" to "` + prefix +
		`_renamed" deletes user "` + stored + `" … Its role bindings (` + prefix + `_reader) are deleted with it`
	if !matches(rename.Output, want) {
		t.Errorf("the plan does not say %q:\n%s", want, rename.Output)
	}
}

// matches finds the parts of want (separated by " … ") in order, across the
// line breaks the CLI adds.
func matches(text, want string) bool {
	var parts []string
	for _, w := range strings.Split(want, " … ") {
		parts = append(parts, acctest.Words(w))
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, ".*")).MatchString(text)
}
