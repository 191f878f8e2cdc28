// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package privilegegroup_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// A group that exists already is taken over when that changes nothing
// anyone may do: it holds exactly the configured privileges, or none and
// no role is granted it. Otherwise the create is refused. On the emulator
// of Milvus 2.5.4 (groups need 2.4.16).
func TestAccPrivilegeGroup_takeOverOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	s := acctest.StartEmulator(t, "v2.5.4")
	s.CreateGroupOutside("tfacc_same", "Search", "Query")
	s.CreateGroupOutside("tfacc_empty")
	s.CreateGroupOutside("tfacc_granted")
	s.GrantOutside(milvus.Grant{Role: "tfacc_other", ObjectType: "Global", ObjectName: "*", DBName: "default", Privilege: "tfacc_granted"})
	s.CreateGroupOutside("tfacc_other_members", "Insert")
	group := func(name string) string {
		return fmt.Sprintf("resource \"milvus_privilege_group\" \"g\" {\n  name       = %q\n  privileges = [\"Query\", \"Search\"]\n}\n", name)
	}
	provider := fmt.Sprintf("provider \"milvus\" {\n  address  = %q\n  username = \"root\"\n  password = \"Milvus\"\n}\n", s.Address)
	run := func(name string) acctest.Result {
		cli := acctest.NewCLI(t, provider)
		cli.WriteFile("group.tf", group(name))
		return cli.Run("apply", "-auto-approve", "-input=false")
	}
	for name, want := range map[string]string{
		"tfacc_same":  "Warning: Existing Milvus Privilege Group Taken Over: tfacc_same .* it holds exactly the configured privileges",
		"tfacc_empty": "Warning: Existing Milvus Privilege Group Taken Over: tfacc_empty .* it holds no privileges and no role is granted it",
		"tfacc_granted": "Error: Milvus Privilege Group Already Exists .* It holds no privileges, but 1 role \\(tfacc_other\\) already hold it: " +
			"the configured privileges would reach them",
		"tfacc_other_members": "Error: Milvus Privilege Group Already Exists .* It holds 1 privilege \\(Insert\\), not the configured Query, Search",
	} {
		r := run(name)
		flat := regexp.MustCompile(`\s+`).ReplaceAllString(r.Output, " ")
		if !regexp.MustCompile(want).MatchString(flat) {
			t.Errorf("%s: the CLI did not say %q:\n%s", name, want, r.Output)
		}
	}
	for name, want := range map[string][]string{"tfacc_same": {"Query", "Search"}, "tfacc_empty": {"Query", "Search"},
		"tfacc_granted": nil, "tfacc_other_members": {"Insert"}} {
		if err := checkMembers(s, name, want...)(nil); err != nil {
			t.Error(err)
		}
	}
}
