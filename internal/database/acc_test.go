// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database_test

import (
	"fmt"
	"regexp"
	"slices"
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

const addr = "milvus_database.test"

func databaseConfig(t *testing.T) config.TestStepConfigFunc {
	return acctest.Config(t, "testdata/database")
}

func TestAccDatabase_createImportAndRecreate(t *testing.T) {
	server := acctest.Connect(t)
	name := acctest.RandomName("tfacc_db")
	acctest.Steps(t, server.CheckDatabase(name, false),
		resource.TestStep{
			ConfigDirectory: databaseConfig(t),
			ConfigVariables: acctest.Vars("name", name),
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckDatabase(name, true),
				resource.TestCheckResourceAttr(addr, "id", name),
				resource.TestCheckNoResourceAttr(addr, "properties"),
			),
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
		resource.TestStep{
			ConfigDirectory:   databaseConfig(t),
			ConfigVariables:   acctest.Vars("name", name),
			ResourceName:      addr,
			ImportState:       true,
			ImportStateVerify: true,
		},
		resource.TestStep{
			// Dropped outside Terraform: the plan creates it again.
			PreConfig:       func() { acctest.Must(t, server.DropDatabase(name)) },
			ConfigDirectory: databaseConfig(t),
			ConfigVariables: acctest.Vars("name", name),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
			}},
			Check: server.CheckDatabase(name, true),
		},
	)
}

func TestAccDatabase_importByIdentity(t *testing.T) {
	server := acctest.Connect(t)
	name := acctest.RandomName("tfacc_db")
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		CheckDestroy:           server.CheckDatabase(name, false),
		Steps: []resource.TestStep{
			{
				ConfigDirectory: databaseConfig(t),
				ConfigVariables: acctest.Vars("name", name),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{"name": knownvalue.StringExact(name)}),
				},
			},
			{
				ConfigDirectory: databaseConfig(t),
				ConfigVariables: acctest.Vars("name", name),
				ResourceName:    addr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
		},
	})
}

// Milvus drops only an empty database: the destroy fails, names the
// collections, and changes nothing (the grants in it included); once the
// collections are gone, it succeeds.
func TestAccDatabase_destroyRefusedWhileItHoldsCollections(t *testing.T) {
	server := acctest.Connect(t)
	name, role := acctest.RandomName("tfacc_db"), acctest.RandomName("tfacc_role")
	acctest.Must(t, server.CreateRole(role))
	row := acctest.GrantRow{ObjectType: "Global", ObjectName: "*", DB: name, Privilege: "ShowCollections"}
	t.Cleanup(func() { _ = server.Revoke(role, row); _ = server.DropRole(role); _ = server.DropDatabase(name) })
	collections := []string{"c1", "c2", "c3", "c4", "c5", "c6", "c7"}
	acctest.Steps(t, server.CheckDatabase(name, false),
		resource.TestStep{
			ConfigDirectory: databaseConfig(t),
			ConfigVariables: acctest.Vars("name", name),
			Check: func(*terraform.State) error {
				for _, c := range collections {
					if err := server.CreateCollection(name, c); err != nil {
						return err
					}
				}
				return server.Grant(role, row)
			},
		},
		resource.TestStep{
			ConfigDirectory: databaseConfig(t),
			ConfigVariables: acctest.Vars("name", name),
			Destroy:         true,
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Unable to Drop Milvus Database") + ".*" +
				acctest.Words(fmt.Sprintf(`Database %q holds 7 collections (c1, c2, c3, c4, c5, and 2 more)`, name)) + ".*" +
				acctest.Words("nothing was deleted and no grant was revoked")),
		},
		resource.TestStep{
			// Nothing changed: the database, its collections and the grant are all there.
			PreConfig: func() {
				got, err := server.Collections(name)
				acctest.Must(t, err)
				if !slices.Equal(got, collections) {
					t.Fatalf("the refused destroy left collections %v, want %v", got, collections)
				}
				acctest.Must(t, server.CheckGrant(role, row, true)(nil))
				acctest.Must(t, server.DropDatabase(name)) // its collections, then itself
				acctest.Must(t, server.CreateDatabase(name))
			},
			ConfigDirectory: databaseConfig(t),
			ConfigVariables: acctest.Vars("name", name),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectEmptyPlan(),
			}},
		},
	)
}

// Milvus keeps the grants that name a dropped database, and a new database
// of the same name inherits them (seen here on the real server first);
// destroying a milvus_database revokes them, so the new one inherits none.
func TestAccDatabase_destroyLeavesNothingToInherit(t *testing.T) {
	server := acctest.Connect(t)
	name, role := acctest.RandomName("tfacc_db"), acctest.RandomName("tfacc_role")
	acctest.Must(t, server.CreateRole(role))
	rows := []acctest.GrantRow{
		{ObjectType: "Global", ObjectName: "*", DB: name, Privilege: "CreateCollection"},
		{ObjectType: "Collection", ObjectName: "orders", DB: name, Privilege: "Insert"},
		{ObjectType: "Collection", ObjectName: "*", DB: name, Privilege: "Query"},
	}
	other := acctest.GrantRow{ObjectType: "Collection", ObjectName: "*", DB: "default", Privilege: "Search"}
	t.Cleanup(func() {
		for _, g := range append(rows, other) {
			_ = server.Revoke(role, g)
		}
		_ = server.DropRole(role)
		_ = server.DropDatabase(name)
	})

	// The premise, on the real server: a database dropped behind
	// Terraform's back keeps its grants for the next one of its name.
	acctest.Must(t, server.CreateDatabase(name))
	acctest.Must(t, server.Grant(role, rows[0]))
	acctest.Must(t, server.DropDatabase(name))
	acctest.Must(t, server.CreateDatabase(name))
	acctest.Must(t, server.CheckGrant(role, rows[0], true)(nil))
	acctest.Must(t, server.DropDatabase(name))

	acctest.Steps(t, func(*terraform.State) error {
		if err := server.CreateDatabase(name); err != nil {
			return err
		}
		inherited, err := server.Grants(role, name)
		if err != nil {
			return err
		}
		for _, g := range inherited {
			if g.DB == name {
				return fmt.Errorf("the new database %s inherited %v", name, g)
			}
		}
		// A grant in another database is not touched.
		return server.CheckGrant(role, other, true)(nil)
	}, resource.TestStep{
		ConfigDirectory: databaseConfig(t),
		ConfigVariables: acctest.Vars("name", name),
		Check: func(*terraform.State) error {
			for _, g := range append(rows, other) {
				if err := server.Grant(role, g); err != nil {
					return err
				}
			}
			return nil
		},
	})
}

// default always exists: creating it is refused at plan time; imported, its
// destroy only forgets it.
func TestAccDatabase_defaultDatabase(t *testing.T) {
	server := acctest.Connect(t)
	acctest.Steps(t, server.CheckDatabase("default", true),
		resource.TestStep{
			ConfigDirectory: databaseConfig(t),
			ConfigVariables: acctest.Vars("name", "default"),
			PlanOnly:        true,
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Built-In Milvus Database") + ".*" +
				acctest.Words("import it (an import block with id = \"default\")")),
		},
		resource.TestStep{
			ConfigDirectory: acctest.Config(t, "testdata/import"),
			ConfigVariables: acctest.Vars("name", "default"),
			Check:           resource.TestCheckResourceAttr(addr, "id", "default"),
		},
	)
}

func TestAccDatabase_planTimeValidation(t *testing.T) {
	acctest.PreCheck(t)
	cases := map[string]string{
		"":                       "it is empty",
		"1db":                    `it starts with "1"`,
		"team-a":                 `it contains "-"`,
		"team$a":                 `it contains "$"`,
		"équipe":                 "only ASCII characters are allowed",
		strings.Repeat("d", 256): "it is 256 characters long",
	}
	var steps []resource.TestStep
	for name, problem := range cases {
		steps = append(steps, resource.TestStep{
			ConfigDirectory: databaseConfig(t),
			ConfigVariables: acctest.Vars("name", name),
			PlanOnly:        true,
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Invalid Milvus Database Name") + ".*" + acctest.Words(problem) + ".*" +
				acctest.Words("1 to 255 characters: an ASCII letter or '_' first, then letters, digits or '_'")),
		})
	}
	steps = append(steps, resource.TestStep{
		ConfigDirectory: databaseConfig(t), ConfigVariables: acctest.Vars("name", "_"+strings.Repeat("d", 254)),
		PlanOnly: true, ExpectNonEmptyPlan: true,
	})
	acctest.Steps(t, nil, steps...)
}

func TestAccDatabaseDataSources_matchServer(t *testing.T) {
	server := acctest.Connect(t)
	name := acctest.RandomName("tfacc_db")
	acctest.Must(t, server.CreateDatabase(name))
	t.Cleanup(func() { _ = server.DropDatabase(name) })
	acctest.Must(t, server.CreateCollection(name, "b_coll"))
	acctest.Must(t, server.CreateCollection(name, "a_coll"))
	ds := "data.milvus_database.test"
	acctest.Steps(t, nil, resource.TestStep{
		ConfigDirectory: acctest.Config(t, "testdata/datasource"),
		ConfigVariables: acctest.Vars("name", name),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(ds, "collections.#", "2"),
			resource.TestCheckResourceAttr(ds, "collections.0", "a_coll"),
			resource.TestCheckResourceAttr(ds, "collections.1", "b_coll"),
			resource.TestCheckResourceAttr(ds, "properties.%", "0"),
			func(st *terraform.State) error {
				want, err := server.Databases()
				if err != nil {
					return err
				}
				attrs := st.RootModule().Resources["data.milvus_databases.all"].Primary.Attributes
				for i, n := range want {
					if got := attrs[fmt.Sprintf("names.%d", i)]; got != n {
						return fmt.Errorf("names[%d] = %q, want %q (Milvus lists %v)", i, got, n, want)
					}
					if got := attrs[fmt.Sprintf("databases.%d.name", i)]; got != n {
						return fmt.Errorf("databases[%d].name = %q, want %q", i, got, n)
					}
				}
				if attrs["names.#"] != fmt.Sprint(len(want)) {
					return fmt.Errorf("%s names, Milvus lists %d", attrs["names.#"], len(want))
				}
				return nil
			},
		),
	}, resource.TestStep{
		ConfigDirectory: acctest.Config(t, "testdata/datasource"),
		ConfigVariables: acctest.Vars("name", "tfacc_no_such_db"),
		ExpectError:     regexp.MustCompile(`(?s)Milvus Database Not Found.*tfacc_no_such_db`),
	})
}
