// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package userrole_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

const addr = "milvus_user_role.test"

func bindingConfig(t *testing.T) config.TestStepConfigFunc {
	return acctest.Config(t, "testdata/binding")
}

// userAndRole creates a user and a role outside Terraform for the test.
func userAndRole(t *testing.T, server *acctest.Server) (user, role string) {
	t.Helper()
	user, role = acctest.RandomName("tfacc_u"), acctest.RandomName("tfacc_role")
	acctest.Must(t, server.CreateUser(user, acctest.RandomPassword()))
	t.Cleanup(func() { _ = server.DropUser(user) })
	acctest.Must(t, server.CreateRole(role))
	t.Cleanup(func() { _ = server.DropRole(role) })
	return user, role
}

func TestAccUserRole_bindImportAndRebind(t *testing.T) {
	server := acctest.Connect(t)
	user, role := userAndRole(t, server)
	vars := acctest.Vars("user", user, "role", role)
	acctest.Steps(t, server.CheckBound(user, role, false),
		resource.TestStep{
			ConfigDirectory: bindingConfig(t),
			ConfigVariables: vars,
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckBound(user, role, true),
				resource.TestCheckResourceAttr(addr, "id", user+"/"+role),
			),
		},
		resource.TestStep{
			ConfigDirectory:   bindingConfig(t),
			ConfigVariables:   vars,
			ResourceName:      addr,
			ImportState:       true,
			ImportStateVerify: true,
		},
		resource.TestStep{
			// Removed outside Terraform: the plan binds it again.
			PreConfig:       func() { acctest.Must(t, server.Unbind(user, role)) },
			ConfigDirectory: bindingConfig(t),
			ConfigVariables: vars,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
			}},
			Check: server.CheckBound(user, role, true),
		},
	)
}

// A binding made before Terraform is imported with an import block: the
// plan after it is empty, and destroying it removes it.
func TestAccUserRole_importBlock(t *testing.T) {
	server := acctest.Connect(t)
	user, role := userAndRole(t, server)
	acctest.Must(t, server.Bind(user, role))
	acctest.Steps(t, server.CheckBound(user, role, false), resource.TestStep{
		ConfigDirectory: acctest.Config(t, "testdata/import"),
		ConfigVariables: acctest.Vars("user", user, "role", role),
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
		},
	})
}

func TestAccUserRole_importByIdentity(t *testing.T) {
	server := acctest.Connect(t)
	user, role := userAndRole(t, server)
	vars := acctest.Vars("user", user, "role", role)
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		CheckDestroy:           server.CheckBound(user, role, false),
		Steps: []resource.TestStep{
			{
				ConfigDirectory: bindingConfig(t),
				ConfigVariables: vars,
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{
					"user": knownvalue.StringExact(user), "role": knownvalue.StringExact(role),
				})},
			},
			{
				ConfigDirectory: bindingConfig(t),
				ConfigVariables: vars,
				ResourceName:    addr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
		},
	})
}

func TestAccUserRole_missingUserOrRole(t *testing.T) {
	server := acctest.Connect(t)
	user, role := userAndRole(t, server)
	acctest.Steps(t, nil,
		resource.TestStep{
			ConfigDirectory: bindingConfig(t),
			ConfigVariables: acctest.Vars("user", "tfacc_nobody", "role", role),
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Unable to Bind Milvus User to Role") + ".*" +
				acctest.Words("not found the user") + ".*" + acctest.Words("Binding needs both the user and the role to exist")),
		},
		resource.TestStep{
			ConfigDirectory: bindingConfig(t),
			ConfigVariables: acctest.Vars("user", user, "role", "tfacc_no_role"),
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Unable to Bind Milvus User to Role") + ".*" +
				acctest.Words("not found the role") + ".*" + acctest.Words("Binding needs both the user and the role to exist")),
		},
	)
}

func TestAccUserRole_planTimeValidation(t *testing.T) {
	acctest.PreCheck(t)
	acctest.Steps(t, nil,
		resource.TestStep{
			ConfigDirectory: bindingConfig(t), ConfigVariables: acctest.Vars("user", "1user", "role", "r"), PlanOnly: true,
			ExpectError: regexp.MustCompile(`(?s)Invalid Milvus Username.*` + acctest.Words(`starts with "1"`)),
		},
		resource.TestStep{
			ConfigDirectory: bindingConfig(t), ConfigVariables: acctest.Vars("user", "u", "role", "a-b"), PlanOnly: true,
			ExpectError: regexp.MustCompile(`(?s)Invalid Milvus Role Name.*` + acctest.Words(`contains "-"`)),
		},
		resource.TestStep{
			ConfigDirectory: bindingConfig(t), ConfigVariables: acctest.Vars("user", "u", "role", "r"),
			ResourceName: addr, ImportState: true, ImportStateId: "just_one_part",
			ExpectError: regexp.MustCompile(`(?s)Invalid Import ID.*` + acctest.Words("does not have the form <user>/<role>")),
		},
	)
}
