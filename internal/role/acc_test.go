// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package role_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

const addr = "milvus_role.test"

func roleConfig(t *testing.T) config.TestStepConfigFunc { return acctest.Config(t, "testdata/role") }

func TestAccRole_createImportAndRecreate(t *testing.T) {
	server := acctest.Connect(t)
	name := acctest.RandomName("tfacc_role")
	acctest.Steps(t, server.CheckRoleGone(name),
		resource.TestStep{
			ConfigDirectory: roleConfig(t),
			ConfigVariables: acctest.Vars("name", name),
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckRoleExists(name),
				resource.TestCheckResourceAttr(addr, "id", name),
			),
		},
		resource.TestStep{
			ConfigDirectory:   roleConfig(t),
			ConfigVariables:   acctest.Vars("name", name),
			ResourceName:      addr,
			ImportState:       true,
			ImportStateVerify: true,
		},
		resource.TestStep{
			// Dropped outside Terraform: the plan creates it again.
			PreConfig:       func() { acctest.Must(t, server.DropRole(name)) },
			ConfigDirectory: roleConfig(t),
			ConfigVariables: acctest.Vars("name", name),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
			}},
			Check: server.CheckRoleExists(name),
		},
	)
}

func TestAccRole_importByIdentity(t *testing.T) {
	server := acctest.Connect(t)
	name := acctest.RandomName("tfacc_role")
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		CheckDestroy:           server.CheckRoleGone(name),
		Steps: []resource.TestStep{
			{
				ConfigDirectory: roleConfig(t),
				ConfigVariables: acctest.Vars("name", name),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{"name": knownvalue.StringExact(name)}),
				},
			},
			{
				ConfigDirectory: roleConfig(t),
				ConfigVariables: acctest.Vars("name", name),
				ResourceName:    addr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
		},
	})
}

// Destroying a role revokes its grants in every database first: a role of
// the same name created again afterwards has none. (Milvus 2.3 would have
// dropped the role and kept the grants outside the default database.)
func TestAccRole_destroyLeavesNoGrants(t *testing.T) {
	server := acctest.Connect(t)
	name := acctest.RandomName("tfacc_role")
	dbs := []string{acctest.RandomName("tfacc_db"), acctest.RandomName("tfacc_db")}
	for _, db := range dbs {
		acctest.Must(t, server.CreateDatabase(db))
		t.Cleanup(func() { _ = server.DropDatabase(db) })
	}
	grants := []acctest.GrantRow{
		{ObjectType: "Global", ObjectName: "*", DB: dbs[0], Privilege: "CreateCollection"},
		{ObjectType: "Collection", ObjectName: "c1", DB: dbs[1], Privilege: "Insert"},
		{ObjectType: "Collection", ObjectName: "*", DB: "default", Privilege: "Query"},
	}
	acctest.Steps(t, func(*terraform.State) error {
		// The role is gone; a new one of the same name inherits nothing.
		if err := server.CheckRoleGone(name)(nil); err != nil {
			return err
		}
		if err := server.CreateRole(name); err != nil {
			return err
		}
		defer func() { _ = server.DropRole(name) }()
		for _, db := range append(dbs, "default") {
			rows, err := server.Grants(name, db)
			if err != nil {
				return err
			}
			if len(rows) > 0 {
				return fmt.Errorf("the new role %s inherited grants in %s: %v", name, db, rows)
			}
		}
		return nil
	}, resource.TestStep{
		ConfigDirectory: roleConfig(t),
		ConfigVariables: acctest.Vars("name", name),
		Check: func(*terraform.State) error {
			for _, g := range grants {
				if err := server.Grant(name, g); err != nil {
					return err
				}
			}
			rows, err := server.Grants(name, dbs[1])
			if err == nil && len(rows) == 0 {
				err = fmt.Errorf("the grants were not made")
			}
			return err
		},
	})
}

// admin and public are built in: creating them is refused at plan time;
// imported, they are only forgotten on destroy.
func TestAccRole_builtInRoles(t *testing.T) {
	server := acctest.Connect(t)
	acctest.Steps(t, server.CheckRoleExists("public"),
		resource.TestStep{
			ConfigDirectory: roleConfig(t),
			ConfigVariables: acctest.Vars("name", "admin"),
			PlanOnly:        true,
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Built-In Milvus Role") + ".*" +
				acctest.Words(`Reference it by name instead`)),
		},
		resource.TestStep{
			ConfigDirectory: acctest.Config(t, "testdata/import"),
			ConfigVariables: acctest.Vars("name", "public"),
			Check:           resource.TestCheckResourceAttr(addr, "id", "public"),
		},
	)
}

func TestAccRole_planTimeValidation(t *testing.T) {
	acctest.PreCheck(t)
	cases := map[string]string{
		"":                       "it is empty",
		"1role":                  `it starts with "1"`,
		"read-only":              `it contains "-"`,
		" reader":                `it starts with " "`,
		"rôle":                   "only ASCII characters are allowed",
		strings.Repeat("r", 256): "it is 256 characters long",
	}
	var steps []resource.TestStep
	for name, problem := range cases {
		steps = append(steps, resource.TestStep{
			ConfigDirectory: roleConfig(t),
			ConfigVariables: acctest.Vars("name", name),
			PlanOnly:        true,
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Invalid Milvus Role Name") + ".*" + acctest.Words(problem) + ".*" +
				acctest.Words("1 to 255 characters: an ASCII letter or '_' first, then letters, digits, '_' or '$'")),
		})
	}
	steps = append(steps, resource.TestStep{
		ConfigDirectory: roleConfig(t), ConfigVariables: acctest.Vars("name", "_Svc$1"),
		PlanOnly: true, ExpectNonEmptyPlan: true,
	})
	acctest.Steps(t, nil, steps...)
}

func TestAccRole_importIDIsChecked(t *testing.T) {
	acctest.PreCheck(t)
	for id, problem := range map[string]string{"bad-role": `contains "-"`, "a/b": "does not have the form <name>"} {
		acctest.Steps(t, nil, resource.TestStep{
			ConfigDirectory: roleConfig(t),
			ConfigVariables: acctest.Vars("name", "tfacc_any"),
			ResourceName:    addr,
			ImportState:     true,
			ImportStateId:   id,
			ExpectError:     regexp.MustCompile(`(?s)Invalid Import ID.*` + acctest.Words(problem)),
		})
	}
}

func TestAccRoleDataSources_matchServer(t *testing.T) {
	server := acctest.Connect(t)
	name, user := acctest.RandomName("tfacc_role"), acctest.RandomName("tfacc_u")
	db := acctest.RandomName("tfacc_db")
	acctest.Must(t, server.CreateDatabase(db))
	t.Cleanup(func() { _ = server.DropDatabase(db) })
	acctest.Must(t, server.CreateRole(name))
	acctest.Must(t, server.CreateUser(user, acctest.RandomPassword()))
	t.Cleanup(func() { _ = server.DropUser(user) })
	acctest.Must(t, server.Bind(user, name))
	for _, g := range []acctest.GrantRow{
		{ObjectType: "Global", ObjectName: "*", DB: db, Privilege: "CreateCollection"},
		{ObjectType: "Collection", ObjectName: "b_coll", DB: "default", Privilege: "Search"},
		{ObjectType: "Collection", ObjectName: "a_coll", DB: "default", Privilege: "Query"},
	} {
		acctest.Must(t, server.Grant(name, g))
		t.Cleanup(func() { _ = server.Revoke(name, g) })
	}
	t.Cleanup(func() { _ = server.DropRole(name) })
	ds := "data.milvus_role.test"
	acctest.Steps(t, nil, resource.TestStep{
		ConfigDirectory: acctest.Config(t, "testdata/datasource"),
		ConfigVariables: acctest.Vars("name", name),
		Check: resource.ComposeAggregateTestCheckFunc(
			server.CheckRolesMatch("data.milvus_roles.all"),
			resource.TestCheckResourceAttr(ds, "users.#", "1"),
			resource.TestCheckResourceAttr(ds, "users.0", user),
			// Every database, sorted by database, object type, name, privilege.
			resource.TestCheckResourceAttr(ds, "grants.#", "3"),
			resource.TestCheckResourceAttr(ds, "grants.0.db_name", "default"),
			resource.TestCheckResourceAttr(ds, "grants.0.object_name", "a_coll"),
			resource.TestCheckResourceAttr(ds, "grants.0.privilege", "Query"),
			resource.TestCheckResourceAttr(ds, "grants.1.object_name", "b_coll"),
			resource.TestCheckResourceAttr(ds, "grants.2.db_name", db),
			resource.TestCheckResourceAttr(ds, "grants.2.object_type", "Global"),
			resource.TestCheckResourceAttr(ds, "grants.2.privilege", "CreateCollection"),
			resource.TestCheckNoResourceAttr(ds, "grants.2.privilege_group"),
			resource.TestCheckResourceAttr(ds, "grants.2.role", name),
		),
	}, resource.TestStep{
		ConfigDirectory: acctest.Config(t, "testdata/datasource"),
		ConfigVariables: acctest.Vars("name", "tfacc_no_such_role"),
		ExpectError:     regexp.MustCompile(`(?s)Milvus Role Not Found.*tfacc_no_such_role`),
	})
}
