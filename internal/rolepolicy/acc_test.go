// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolepolicy_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
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

const addr = "milvus_role_policy.test"

func policyConfig(t *testing.T) config.TestStepConfigFunc {
	return acctest.Config(t, "testdata/policy")
}

// grants is the JSON of the grants variable: each row as pairs of
// attribute and value.
func grants(rows ...[]string) string {
	list := make([]map[string]string, len(rows))
	for i, r := range rows {
		list[i] = map[string]string{}
		for j := 0; j+1 < len(r); j += 2 {
			list[i][r[j]] = r[j+1]
		}
	}
	raw, _ := json.Marshal(list)
	return string(raw)
}

// checkRows passes when the role has exactly rows in each of dbs (in the
// listing of each database, which on 2.3 also shows the "*" rows).
func checkRows(server *acctest.Server, role string, dbs []string, rows ...acctest.GrantRow) resource.TestCheckFunc {
	return func(*terraform.State) error {
		var got []acctest.GrantRow
		for _, db := range dbs {
			list, err := server.Grants(role, db)
			if err != nil {
				return err
			}
			for _, g := range list {
				if g.DB == db && !slices.Contains(got, g) {
					got = append(got, g)
				}
			}
		}
		for _, want := range rows {
			if !slices.Contains(got, want) {
				return fmt.Errorf("role %s lacks %v; it has %v", role, want, got)
			}
		}
		if len(got) != len(rows) {
			return fmt.Errorf("role %s has %v, want exactly %v", role, got, rows)
		}
		return nil
	}
}

// The policy holds every grant of its role: a grant made by hand is planned
// for removal and revoked (and the user bound to the role can no longer do
// what it allowed); a configured grant revoked by hand is granted again;
// changes are made in place; import reads every grant back.
func TestAccRolePolicy_authoritative(t *testing.T) {
	server := acctest.Connect(t)
	role, user := acctest.RandomName("tfacc_role"), acctest.RandomName("tfacc_u")
	db1, db2 := acctest.RandomName("tfacc_db"), acctest.RandomName("tfacc_db")
	password := acctest.RandomPassword()
	for _, db := range []string{db1, db2} {
		acctest.Must(t, server.CreateDatabase(db))
		t.Cleanup(func() { _ = server.DropDatabase(db) })
	}
	acctest.Must(t, server.CreateRole(role))
	acctest.Must(t, server.CreateUser(user, password))
	acctest.Must(t, server.Bind(user, role))
	t.Cleanup(func() { _ = server.DropUser(user); _ = server.DropRole(role) })
	dbs := []string{db1, db2, "default"}

	create := acctest.GrantRow{ObjectType: "Global", ObjectName: "*", DB: db1, Privilege: "CreateCollection"}
	show := acctest.GrantRow{ObjectType: "Global", ObjectName: "*", DB: db1, Privilege: "ShowCollections"}
	insert := acctest.GrantRow{ObjectType: "Collection", ObjectName: "c1", DB: db2, Privilege: "Insert"}
	query := acctest.GrantRow{ObjectType: "Collection", ObjectName: "*", DB: "default", Privilege: "Query"}
	byHand := acctest.GrantRow{ObjectType: "Global", ObjectName: "*", DB: db1, Privilege: "DropCollection"}
	all := grants(
		[]string{"privilege", "CreateCollection", "db_name", db1},
		[]string{"privilege", "ShowCollections", "db_name", db1},
		[]string{"privilege", "Insert", "db_name", db2, "object_name", "c1"},
		[]string{"privilege", "Query"},
	)
	vars := acctest.Vars("role", role, "grants", all)
	session := server.As(user, password, db1)
	acctest.Steps(t, checkRows(server, role, dbs),
		resource.TestStep{
			ConfigDirectory: policyConfig(t),
			ConfigVariables: vars,
			Check: resource.ComposeAggregateTestCheckFunc(
				checkRows(server, role, dbs, create, show, insert, query),
				resource.TestCheckResourceAttr(addr, "id", role),
				resource.TestCheckResourceAttr(addr, "grants.#", "4"),
			),
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
		resource.TestStep{
			// By hand: DropCollection granted (the user may now drop), Query
			// revoked. The plan revokes the one and grants the other, in place.
			PreConfig: func() {
				acctest.Must(t, server.Grant(role, byHand))
				acctest.Must(t, server.Revoke(role, query))
				acctest.Must(t, server.CreateCollection(db1, "victim"))
				acctest.Must(t, server.ExpectAllowed(true, func() error { return session.DropCollection("victim") }))
				acctest.Must(t, server.CreateCollection(db1, "victim"))
			},
			ConfigDirectory: policyConfig(t),
			ConfigVariables: vars,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				checkRows(server, role, dbs, create, show, insert, query),
				func(*terraform.State) error {
					return server.ExpectAllowed(false, func() error { return session.DropCollection("victim") })
				},
				func(*terraform.State) error {
					return server.ExpectAllowed(true, func() error { _, err := session.ListCollections(); return err })
				},
			),
		},
		resource.TestStep{
			ConfigDirectory:                      policyConfig(t),
			ConfigVariables:                      vars,
			ResourceName:                         addr,
			ImportState:                          true,
			ImportStateVerify:                    true,
			ImportStateVerifyIdentifierAttribute: "role",
			ImportStateId:                        role,
		},
		resource.TestStep{
			// In place: one grant fewer.
			ConfigDirectory: policyConfig(t),
			ConfigVariables: acctest.Vars("role", role, "grants", grants(
				[]string{"privilege", "CreateCollection", "db_name", db1},
				[]string{"privilege", "ShowCollections", "db_name", db1},
				[]string{"privilege", "Query"},
			)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
			}},
			Check: checkRows(server, role, dbs, create, show, query),
		},
	)
}

// A new policy revokes what the role had beyond it; an empty set leaves the
// role with no grant at all.
func TestAccRolePolicy_emptySet(t *testing.T) {
	server := acctest.Connect(t)
	role := acctest.RandomName("tfacc_role")
	acctest.Must(t, server.CreateRole(role))
	t.Cleanup(func() { _ = server.DropRole(role) })
	old := acctest.GrantRow{ObjectType: "Collection", ObjectName: "*", DB: "default", Privilege: "Search"}
	acctest.Must(t, server.Grant(role, old))
	t.Cleanup(func() { _ = server.Revoke(role, old) })
	acctest.Steps(t, nil, resource.TestStep{
		ConfigDirectory: policyConfig(t),
		ConfigVariables: acctest.Vars("role", role, "grants", "[]"),
		Check:           checkRows(server, role, []string{"default"}),
	})
}

func TestAccRolePolicy_importByIdentity(t *testing.T) {
	server := acctest.Connect(t)
	role := acctest.RandomName("tfacc_role")
	acctest.Must(t, server.CreateRole(role))
	t.Cleanup(func() { _ = server.DropRole(role) })
	vars := acctest.Vars("role", role, "grants", grants([]string{"privilege", "Query"}))
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		Steps: []resource.TestStep{
			{
				ConfigDirectory: policyConfig(t),
				ConfigVariables: vars,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{"role": knownvalue.StringExact(role)}),
				},
			},
			{
				ConfigDirectory: policyConfig(t),
				ConfigVariables: vars,
				ResourceName:    addr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
		},
	})
}

// What the configuration shows of a role is checked at plan time, nothing
// sent: two policies for one role, a policy beside a milvus_grant it does
// not list, a role nobody creates, two spellings of one grant, a privilege
// of another object type.
func TestAccRolePolicy_planTimeChecks(t *testing.T) {
	server := acctest.Connect(t)
	role := acctest.RandomName("tfacc_role")
	acctest.Must(t, server.CreateRole(role))
	t.Cleanup(func() { _ = server.DropRole(role) })
	steps := []resource.TestStep{
		{
			ConfigDirectory: acctest.Config(t, "testdata/twice"),
			ConfigVariables: acctest.Vars("role", role),
			PlanOnly:        true,
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Milvus Role Managed Twice") + ".*" +
				acctest.Words("Two milvus_role_policy resources of this configuration hold the grants of role")),
		},
		{
			ConfigDirectory: acctest.Config(t, "testdata/beside_grant"),
			ConfigVariables: acctest.Vars("role", role),
			PlanOnly:        true,
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Milvus Role Managed Twice") + ".*" +
				acctest.Words("milvus_grant resources of this configuration grant it Insert on Collection * in database default")),
		},
		{
			ConfigDirectory: policyConfig(t),
			ConfigVariables: acctest.Vars("role", "tfacc_nobody_made_it", "grants", "[]"),
			PlanOnly:        true,
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Unknown Milvus Role") + ".*" +
				acctest.Words(`Milvus has no role "tfacc_nobody_made_it", and no milvus_role of this configuration creates it`)),
		},
		{
			ConfigDirectory: policyConfig(t),
			ConfigVariables: acctest.Vars("role", role, "grants", grants([]string{"privilege", "Insert"},
				[]string{"privilege", "Insert", "db_name", "default", "object_type", "Collection"})),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Duplicate Grant in Milvus Role Policy") + ".*" + acctest.Words("list it once")),
		},
		{
			ConfigDirectory: policyConfig(t),
			ConfigVariables: acctest.Vars("role", role, "grants", grants([]string{"privilege", "Insert", "object_type", "Global"})),
			PlanOnly:        true,
			ExpectError:     regexp.MustCompile(`(?s)` + acctest.Words("Privilege of Another Object Type") + ".*" + acctest.Words("Insert is a privilege of object type Collection")),
		},
		{
			ConfigDirectory: policyConfig(t),
			ConfigVariables: acctest.Vars("role", role, "grants", grants([]string{"privilege", "Insert", "privilege_group", "ClusterReadOnly"})),
			PlanOnly:        true,
			ExpectError:     regexp.MustCompile(`(?s)` + acctest.Words("sets exactly one of privilege and privilege_group")),
		},
	}
	acctest.Steps(t, nil, steps...)
	if rows, err := server.Grants(role, "default"); err != nil || len(rows) != 0 {
		t.Fatalf("a refused plan changed the role: %v %v", rows, err)
	}
}
