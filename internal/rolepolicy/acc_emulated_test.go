// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolepolicy_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Privilege groups in a policy, and the rows Milvus adds beside Load: on
// the emulator of Milvus 2.4.18 to 2.6.19 (groups are granted with the call
// 2.4.18 added; the companions of Load come with 2.3.6). The companions are
// not extras, and revoking Load revokes them; a group granted by hand is
// revoked like any other grant.
func TestAccRolePolicy_groupsAndCompanionsOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	for _, version := range []string{"v2.4.18", "v2.5.4", "v2.6.19"} {
		t.Run(version, func(t *testing.T) {
			s := acctest.StartEmulator(t, version)
			role := "tfacc_readers"
			s.CreateGroupOutside("tfacc_search", "Search")
			s.GrantOutside(milvus.Grant{Role: role, ObjectType: "Global", ObjectName: "*", DBName: "*", Privilege: "ClusterAdmin"})
			rows := func(want ...string) resource.TestCheckFunc {
				return func(*terraform.State) error {
					var got []string
					for _, g := range s.Grants(role) {
						got = append(got, g.DBName+"/"+g.ObjectType+"/"+g.ObjectName+"/"+g.Privilege)
					}
					if fmt.Sprint(got) != fmt.Sprint(want) {
						return fmt.Errorf("role %s has %v, want %v", role, got, want)
					}
					return nil
				}
			}
			with := grants(
				[]string{"privilege", "Load", "object_name", "c1"},
				[]string{"privilege_group", "CollectionReadOnly", "object_name", "c2"},
				[]string{"privilege_group", "tfacc_search"},
			)
			acctest.Steps(t, nil,
				resource.TestStep{
					// ClusterAdmin, granted outside Terraform, goes.
					ConfigDirectory: policyConfig(t),
					ConfigVariables: s.Vars(t, "role", role, "grants", with),
					Check: rows("default/Collection/c1/GetLoadState", "default/Collection/c1/GetLoadingProgress", "default/Collection/c1/Load",
						"default/Global/*/tfacc_search", "default/Global/c2/CollectionReadOnly"),
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
				resource.TestStep{
					// Load goes, and its companions with it; a group granted by hand goes too.
					PreConfig: func() {
						s.GrantOutside(milvus.Grant{Role: role, ObjectType: "Global", ObjectName: "*", DBName: "default", Privilege: "DatabaseAdmin"})
					},
					ConfigDirectory: policyConfig(t),
					ConfigVariables: s.Vars(t, "role", role, "grants", grants([]string{"privilege_group", "tfacc_search"})),
					Check:           rows("default/Global/*/tfacc_search"),
				},
			)
		})
	}
}

// A policy's grant that went with its collection is said to have (2.6.12
// and later), and a grant on an alias is refused at plan time: Milvus would
// hold it on the alias's collection, and the policy could never match it.
// On the emulator of 2.6.12.
func TestAccRolePolicy_collectionsAndAliasesOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	s := acctest.StartEmulator(t, "v2.6.12")
	s.CreateRoleOutside("tfacc_writers")
	s.AddCollection("default", "orders")
	s.AddCollection("default", "books_v2")
	s.CreateAliasOutside("default", "books", "books_v2")
	vars := func(object string) config.Variables {
		return s.Vars(t, "role", "tfacc_writers", "grants", grants([]string{"privilege", "Insert", "object_name", object}))
	}
	acctest.Steps(t, nil,
		resource.TestStep{ConfigDirectory: policyConfig(t), ConfigVariables: vars("orders")},
		resource.TestStep{
			PreConfig:       func() { s.DropCollectionOutside("default", "orders") },
			ConfigDirectory: policyConfig(t),
			ConfigVariables: vars("orders"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
			}},
		},
		resource.TestStep{
			ConfigDirectory: policyConfig(t),
			ConfigVariables: vars("books"),
			PlanOnly:        true,
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Milvus Grant on an Alias") + ".*" +
				acctest.Words(`"books" is an alias of collection "books_v2"`) + ".*" + acctest.Words(`object_name = "books_v2"`)),
		},
	)
}
