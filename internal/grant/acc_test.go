// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package grant_test

import (
	"fmt"
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

const addr = "milvus_grant.test"

func grantConfig(t *testing.T) config.TestStepConfigFunc { return acctest.Config(t, "testdata/grant") }

// testRole creates a role outside Terraform for the test.
func testRole(t *testing.T, server *acctest.Server) string {
	t.Helper()
	role := acctest.RandomName("tfacc_role")
	acctest.Must(t, server.CreateRole(role))
	t.Cleanup(func() {
		for _, db := range []string{"default", "*"} {
			rows, _ := server.Grants(role, db)
			for _, r := range rows {
				_ = server.Revoke(role, r)
			}
		}
		_ = server.DropRole(role)
	})
	return role
}

// A Global privilege in one database: the user may create a collection
// there while bound to the role and granted, and Milvus denies it without
// the binding, after the revoke, and in another database.
func TestAccGrant_globalPrivilegeTakesEffect(t *testing.T) {
	server := acctest.Connect(t)
	user, password, role := acctest.RandomName("tfacc_u"), acctest.RandomPassword(), acctest.RandomName("tfacc_role")
	db := acctest.RandomName("tfacc_db")
	acctest.Must(t, server.CreateDatabase(db))
	t.Cleanup(func() { _ = server.DropDatabase(db) })
	step := func(bind, grant bool, check resource.TestCheckFunc) resource.TestStep {
		return resource.TestStep{
			ConfigDirectory: acctest.Config(t, "testdata/effect"),
			ConfigVariables: acctest.Vars("user", user, "password", password, "role", role, "db", db,
				"bind", bind, "grant", grant, "privilege", "CreateCollection"),
			Check: check,
		}
	}
	n := 0
	createIn := func(db string, allowed bool) resource.TestCheckFunc {
		return func(*terraform.State) error {
			n++
			return server.ExpectAllowed(allowed, func() error {
				return server.CreateCollectionAs(user, password, db, fmt.Sprintf("tfacc_c%d", n))
			})
		}
	}
	acctest.Steps(t, server.CheckRoleGone(role),
		step(true, true, resource.ComposeAggregateTestCheckFunc(
			server.CheckGrant(role, acctest.GrantRow{ObjectType: "Global", ObjectName: "*", DB: db, Privilege: "CreateCollection"}, true),
			createIn(db, true),
			createIn("default", false),
		)),
		step(false, true, createIn(db, false)),
		step(true, false, resource.ComposeAggregateTestCheckFunc(
			server.CheckGrant(role, acctest.GrantRow{ObjectType: "Global", ObjectName: "*", DB: db, Privilege: "CreateCollection"}, false),
			createIn(db, false),
		)),
	)
}

// A Collection privilege on one named collection allows that collection
// and not another.
func TestAccGrant_collectionPrivilegeOnOneCollection(t *testing.T) {
	server := acctest.Connect(t)
	user, password, role := acctest.RandomName("tfacc_u"), acctest.RandomPassword(), acctest.RandomName("tfacc_role")
	db := acctest.RandomName("tfacc_db")
	acctest.Must(t, server.CreateDatabase(db))
	t.Cleanup(func() { _ = server.DropDatabase(db) })
	for _, c := range []string{"granted", "other"} {
		acctest.Must(t, server.CreateCollectionAs(server.Username, server.Password, db, c))
	}
	vars := acctest.Vars("user", user, "password", password, "role", role, "db", db, "bind", true, "grant", true,
		"privilege", "ShowPartitions", "object_name", "granted")
	acctest.Steps(t, server.CheckRoleGone(role), resource.TestStep{
		ConfigDirectory: acctest.Config(t, "testdata/effect"),
		ConfigVariables: vars,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr("milvus_grant.app.0", "object_type", "Collection"),
			func(*terraform.State) error {
				return server.ExpectAllowed(true, func() error { return server.ShowPartitionsAs(user, password, db, "granted") })
			},
			func(*terraform.State) error {
				return server.ExpectAllowed(false, func() error { return server.ShowPartitionsAs(user, password, db, "other") })
			},
		),
	})
}

func TestAccGrant_importAndRegrant(t *testing.T) {
	server := acctest.Connect(t)
	role := testRole(t, server)
	row := acctest.GrantRow{ObjectType: "Collection", ObjectName: "c1", DB: "default", Privilege: "Insert"}
	vars := acctest.Vars("role", role, "privilege", "Insert", "object_name", "c1")
	acctest.Steps(t, server.CheckGrant(role, row, false),
		resource.TestStep{
			ConfigDirectory: grantConfig(t),
			ConfigVariables: vars,
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckGrant(role, row, true),
				resource.TestCheckResourceAttr(addr, "object_type", "Collection"),
				resource.TestCheckResourceAttr(addr, "db_name", "default"),
				resource.TestCheckResourceAttr(addr, "id", role+"/default/Collection/c1/Insert"),
			),
		},
		resource.TestStep{
			ConfigDirectory:   grantConfig(t),
			ConfigVariables:   vars,
			ResourceName:      addr,
			ImportState:       true,
			ImportStateVerify: true,
		},
		resource.TestStep{
			PreConfig:       func() { acctest.Must(t, server.Revoke(role, row)) },
			ConfigDirectory: grantConfig(t),
			ConfigVariables: vars,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
			}},
			Check: server.CheckGrant(role, row, true),
		},
		resource.TestStep{
			// Every change replaces the grant: the old row is revoked.
			ConfigDirectory: grantConfig(t),
			ConfigVariables: acctest.Vars("role", role, "privilege", "Insert", "object_name", "c2"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckGrant(role, row, false),
				server.CheckGrant(role, acctest.GrantRow{ObjectType: "Collection", ObjectName: "c2", DB: "default", Privilege: "Insert"}, true),
			),
		},
	)
}

// Load brings two more rows with it on the server (Milvus 2.3.6 and later
// add GetLoadState and GetLoadingProgress themselves; the 2.3.5 test server
// does not, so the test adds them as those versions would). They are not
// this resource's, so the plan stays empty.
func TestAccGrant_companionRowsAreNotDrift(t *testing.T) {
	server := acctest.Connect(t)
	role := testRole(t, server)
	vars := acctest.Vars("role", role, "privilege", "Load", "object_name", "c1")
	companions := []acctest.GrantRow{
		{ObjectType: "Collection", ObjectName: "c1", DB: "default", Privilege: "GetLoadState"},
		{ObjectType: "Collection", ObjectName: "c1", DB: "default", Privilege: "GetLoadingProgress"},
	}
	acctest.Steps(t, nil,
		resource.TestStep{
			ConfigDirectory: grantConfig(t),
			ConfigVariables: vars,
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckGrant(role, acctest.GrantRow{ObjectType: "Collection", ObjectName: "c1", DB: "default", Privilege: "Load"}, true),
				func(*terraform.State) error {
					for _, g := range companions {
						if err := server.Grant(role, g); err != nil {
							return err
						}
					}
					return nil
				},
			),
		},
		resource.TestStep{ConfigDirectory: grantConfig(t), ConfigVariables: vars, PlanOnly: true},
	)
}

// A Global privilege is derived as such, in every database when asked.
func TestAccGrant_derivedObjectTypeAndAllDatabases(t *testing.T) {
	server := acctest.Connect(t)
	role := testRole(t, server)
	acctest.Steps(t, nil, resource.TestStep{
		ConfigDirectory: grantConfig(t),
		ConfigVariables: acctest.Vars("role", role, "privilege", "ShowCollections", "db_name", "*"),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(addr, "object_type", "Global"),
			resource.TestCheckResourceAttr(addr, "object_name", "*"),
			server.CheckGrant(role, acctest.GrantRow{ObjectType: "Global", ObjectName: "*", DB: "*", Privilege: "ShowCollections"}, true),
		),
		ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
	})
}

func TestAccGrant_importByIdentity(t *testing.T) {
	server := acctest.Connect(t)
	role := testRole(t, server)
	vars := acctest.Vars("role", role, "privilege", "Search")
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		Steps: []resource.TestStep{
			{
				ConfigDirectory: grantConfig(t),
				ConfigVariables: vars,
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{
					"role": knownvalue.StringExact(role), "db_name": knownvalue.StringExact("default"),
					"object_type": knownvalue.StringExact("Collection"), "object_name": knownvalue.StringExact("*"),
					"privilege": knownvalue.StringExact("Search"),
				})},
			},
			{
				ConfigDirectory: grantConfig(t),
				ConfigVariables: vars,
				ResourceName:    addr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
		},
	})
}
