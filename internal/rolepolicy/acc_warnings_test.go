// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolepolicy_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

func said(t *testing.T, r acctest.Result, words ...string) {
	t.Helper()
	for _, w := range words {
		if !regexp.MustCompile(acctest.Words(w)).MatchString(r.Output) {
			t.Errorf("the CLI did not say %q:\n%s", w, r.Output)
		}
	}
}

// What the plan says, as the real CLI prints it: a new policy lists what it
// revokes; a grant made by hand is "granted outside Terraform", one revoked
// by hand "revoked outside Terraform"; the same for bindings.
func TestAccRolePolicy_planSaysWhatChangedOutside(t *testing.T) {
	server := acctest.Connect(t)
	role, user := acctest.RandomName("tfacc_role"), acctest.RandomName("tfacc_u")
	acctest.Must(t, server.CreateRole(role))
	acctest.Must(t, server.CreateUser(user, acctest.RandomPassword()))
	old := acctest.GrantRow{ObjectType: "Collection", ObjectName: "*", DB: "default", Privilege: "Search"}
	query := acctest.GrantRow{ObjectType: "Collection", ObjectName: "*", DB: "default", Privilege: "Query"}
	byHand := acctest.GrantRow{ObjectType: "Global", ObjectName: "*", DB: "default", Privilege: "DropCollection"}
	acctest.Must(t, server.Grant(role, old))
	t.Cleanup(func() {
		for _, g := range []acctest.GrantRow{old, query, byHand} {
			_ = server.Revoke(role, g)
		}
		_ = server.DropUser(user)
		_ = server.DropRole(role)
	})
	cli := acctest.NewCLI(t, fmt.Sprintf("provider \"milvus\" {\n  address  = %q\n  username = %q\n  password = %q\n}\n\n"+
		"resource \"milvus_role_policy\" \"p\" {\n  role   = %q\n  grants = [{ privilege = \"Query\" }]\n}\n\n"+
		"resource \"milvus_role_members\" \"m\" {\n  role    = %q\n  members = [%q]\n}\n",
		server.Address, server.Username, server.Password, role, role, user))
	first := cli.Run("plan", "-input=false")
	said(t, first, "Warning: Milvus Role Policy Revokes Existing Grants: "+role,
		fmt.Sprintf(`Role %q has 1 grant that this policy does not list, and the apply revokes them`, role),
		`privilege Search on Collection "*" in database "default"`)
	cli.MustRun("apply", "-auto-approve", "-input=false")
	acctest.Must(t, server.CheckGrant(role, old, false)(nil))

	acctest.Must(t, server.Grant(role, byHand))
	acctest.Must(t, server.Revoke(role, query))
	acctest.Must(t, server.Unbind(user, role))
	plan := cli.Run("plan", "-input=false")
	said(t, plan,
		"Warning: Milvus Grant Granted Outside Terraform: "+role+"/default/Global/*/DropCollection",
		fmt.Sprintf(`Role %q has the privilege DropCollection on Global "*" in database "default", which its milvus_role_policy does not list: it was granted outside Terraform. The apply revokes it.`, role),
		"Warning: Milvus Grant Revoked Outside Terraform: "+role+"/default/Collection/*/Query",
		"it was revoked outside Terraform. The apply grants it again.",
		"Warning: Milvus Role Binding Removed Outside Terraform: "+role+"/"+user,
		"the binding was removed outside Terraform. The apply binds it again.")
	cli.MustRun("apply", "-auto-approve", "-input=false")
	acctest.Must(t, server.CheckGrant(role, byHand, false)(nil))
	acctest.Must(t, server.CheckGrant(role, query, true)(nil))
	acctest.Must(t, server.CheckBound(user, role, true)(nil))
	if again := cli.Run("plan", "-input=false", "-detailed-exitcode"); again.Code != 0 || regexp.MustCompile("Warning: Milvus").MatchString(again.Output) {
		t.Errorf("the plan after the apply is not empty and quiet (exit %d):\n%s", again.Code, again.Output)
	}
}
