// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package grant_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Plan-time validation: every case is refused by `terraform plan` before
// anything reaches Milvus, with the rule in the message.
func TestAccGrant_planTimeValidation(t *testing.T) {
	acctest.PreCheck(t)
	cases := []struct {
		vars config.Variables
		want string // "" means the plan succeeds
	}{
		{acctest.Vars("role", "r", "privilege", "Inesrt"), `Unknown Milvus Privilege.*` + acctest.Words(`No Milvus version from 2.3 to 3.0 has a privilege named "Inesrt". Did you mean "Insert"?`)},
		{acctest.Vars("role", "r", "privilege", "Frobnicate"), `Unknown Milvus Privilege.*` + acctest.Words(`No Milvus version from 2.3 to 3.0 has a privilege named "Frobnicate"`) + `.*Collection:.*Insert`},
		{acctest.Vars("role", "r", "privilege", "insert"), `Unknown Milvus Privilege.*` + acctest.Words(`did you mean "Insert"?`)},
		{acctest.Vars("role", "r", "privilege", "ClusterAdmin"), acctest.Words(`"ClusterAdmin" is a privilege group: set privilege_group = "ClusterAdmin" instead`)},
		{acctest.Vars("role", "r", "privilege", "Insert", "object_type", "Global"), acctest.Words("Privilege of Another Object Type") + ".*" + acctest.Words("Insert is a privilege of object type Collection, not Global")},
		{acctest.Vars("role", "r", "privilege", "UpdateUser", "object_type", "Collection"), acctest.Words("UpdateUser is a privilege of object type User, not Collection")},
		{acctest.Vars("role", "r", "privilege", "All", "object_type", "Collection"), acctest.Words("All is a privilege of object type Global, not Collection")},
		{acctest.Vars("role", "r", "privilege", "CreateCollection", "object_name", "c1"), acctest.Words("Global Privilege on a Single Object") + ".*" + acctest.Words(`Set object_name = "*" or leave it out`)},
		{acctest.Vars("role", "r", "privilege", "Insert", "object_type", "Database"), `Invalid Attribute Value Match.*Global.*Collection.*User`},
		{acctest.Vars("role", "r", "privilege", "Insert", "db_name", ""), acctest.Words("Invalid Milvus Database Name") + ".*" + acctest.Words("it is empty")},
		{acctest.Vars("role", "r", "privilege", "Insert", "db_name", "my-db"), acctest.Words(`it contains "-"`)},
		{acctest.Vars("role", "r", "privilege", "Insert", "object_name", "a.b/c"), acctest.Words("Invalid Milvus Object Name")},
		{acctest.Vars("role", "", "privilege", "Insert"), acctest.Words("Invalid Milvus Role Name") + ".*" + acctest.Words("it is empty")},
		{acctest.Vars("role", "r"), acctest.Words("Missing Attribute Configuration") + `.*\[privilege,privilege_group\]`},
		{acctest.Vars("role", "r", "privilege", "Insert", "privilege_group", "CollectionReadOnly"), acctest.Words("Invalid Attribute Combination")},
		{acctest.Vars("role", "r", "privilege_group", "ClusterAdmin"), acctest.Words("Privilege Group at the Wrong Level") + ".*" + acctest.Words(`cluster-level group: Milvus grants it only with db_name = "*" and object_name = "*"`)},
		{acctest.Vars("role", "r", "privilege_group", "DatabaseReadOnly", "object_name", "c1"), acctest.Words("database-level group")},
		{acctest.Vars("role", "r", "privilege_group", "CollectionAdmin", "db_name", "*", "object_name", "c1"), acctest.Words("needs a concrete db_name for a single collection")},
		{acctest.Vars("role", "r", "privilege_group", "CollectionAdmin", "object_type", "Collection"), acctest.Words("Privilege Group on Another Object Type")},
		{acctest.Vars("role", "r", "privilege_group", "bad-group"), acctest.Words("Invalid Milvus Privilege Group Name") + ".*" + acctest.Words(`it contains "-"`)},
		// Accepted.
		{acctest.Vars("role", "r", "privilege", "*"), ""},
		{acctest.Vars("role", "r", "privilege", "All", "db_name", "*"), ""},
		{acctest.Vars("role", "r", "privilege", "UpdateUser", "object_name", "alice"), ""},
		{acctest.Vars("role", "r", "privilege", "Insert", "object_name", "c1", "db_name", "d1"), ""},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		step := resource.TestStep{ConfigDirectory: grantConfig(t), ConfigVariables: c.vars, PlanOnly: true}
		if c.want == "" {
			step.ExpectNonEmptyPlan = true
		} else {
			step.ExpectError = regexp.MustCompile(`(?s)` + c.want)
		}
		steps = append(steps, step)
	}
	acctest.Steps(t, nil, steps...)
}

// A privilege, or a group grant, that the server's version lacks is refused
// at plan time, naming the version it needs and the server's. Run against
// the 2.3 test server both are refused; a newer server must accept them.
func TestAccGrant_versionGates(t *testing.T) {
	server := acctest.Connect(t)
	version := milvus.ParseVersion(acctest.ServerVersion(t))
	role := testRole(t, server)
	step := func(vars config.Variables, since string, want string) resource.TestStep {
		s := resource.TestStep{ConfigDirectory: grantConfig(t), ConfigVariables: vars, PlanOnly: true}
		if version.AtLeast(milvus.ParseVersion(since)) {
			s.ExpectNonEmptyPlan = true
		} else {
			s.ExpectError = regexp.MustCompile(`(?s)Unsupported Milvus Version.*` + acctest.Words(want) + `.*` +
				regexp.QuoteMeta(version.String()))
		}
		return s
	}
	acctest.Steps(t, nil,
		step(acctest.Vars("role", role, "privilege", "AlterDatabase"), "2.4.5",
			"The privilege AlterDatabase (object type Global) needs Milvus 2.4.5 or later, and this server is"),
		step(acctest.Vars("role", role, "privilege", "CreateAlias"), "2.3.6", "needs Milvus 2.3.6 or later"),
		step(acctest.Vars("role", role, "privilege_group", "CollectionReadOnly"), "2.4.18",
			"granting privilege groups needs Milvus 2.4.18 or later, and this server is"),
		step(acctest.Vars("role", role, "privilege", "CreateSnapshot"), "3.0.0",
			"The privilege CreateSnapshot (object type Collection) needs Milvus 3.0.0 or later, and this server is"),
	)
	if !strings.HasPrefix(version.String(), "v2.3") {
		t.Logf("Milvus %s has these features; checked that the plans pass", version)
	}
}

func TestAccGrant_importIDIsChecked(t *testing.T) {
	acctest.PreCheck(t)
	for id, want := range map[string]string{
		"r/default/Collection/c1":         "does not have the form <role>/<db_name>/<object_type>/<object_name>/<privilege>",
		"r/default/Database/c1/Insert":    `The object type in the import ID ("Database") is not valid`,
		"r/my-db/Collection/c1/Insert":    `The db name in the import ID ("my-db") is not valid`,
		"1r/default/Collection/c1/Insert": `The role in the import ID ("1r") is not valid`,
		"r/default/Collection/c1/In-sert": `The privilege in the import ID ("In-sert") is not valid`,
		"r/default/Collection/c 1/Insert": `The object name in the import ID ("c 1") is not valid`,
	} {
		acctest.Steps(t, nil, resource.TestStep{
			ConfigDirectory: grantConfig(t),
			ConfigVariables: acctest.Vars("role", "r", "privilege", "Insert"),
			ResourceName:    addr,
			ImportState:     true,
			ImportStateId:   id,
			ExpectError:     regexp.MustCompile(`(?s)Invalid Import ID.*` + acctest.Words(want)),
		})
	}
}
