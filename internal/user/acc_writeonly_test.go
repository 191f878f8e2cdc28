// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// Write-only attributes need Terraform or OpenTofu 1.11.
var writeOnlyCLI = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)}

func woConfig(t *testing.T) config.TestStepConfigFunc {
	return acctest.Config(t, "testdata/user_wo")
}

func woVars(name, password, version string, extra ...any) config.Variables {
	v := vars(name, password, extra...)
	v["password_version"] = config.StringVariable(version)
	return v
}

func TestAccUser_writeOnlyPasswordRotatesOnVersionBump(t *testing.T) {
	server := acctest.Connect(t)
	name, first, second := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword()
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: writeOnlyCLI,
		CheckDestroy:           server.CheckUserGone(name),
		Steps: []resource.TestStep{
			{
				ConfigDirectory: woConfig(t),
				ConfigVariables: woVars(name, first, "1"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.SecretNotInPlan(first),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.SecretNotInState(first)},
				Check: resource.ComposeAggregateTestCheckFunc(
					server.CheckLogin(name, first),
					resource.TestCheckNoResourceAttr(addr, "password_wo"),
					resource.TestCheckNoResourceAttr(addr, "password"),
					resource.TestCheckResourceAttr(addr, "password_wo_version", "1"),
				),
			},
			{
				// A new password_wo without a new version does nothing.
				ConfigDirectory: woConfig(t),
				ConfigVariables: woVars(name, second, "1"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					server.CheckLogin(name, first),
					server.CheckNoLogin(name, second),
				),
			},
			{
				// A new version sends it, in place.
				ConfigDirectory: woConfig(t),
				ConfigVariables: woVars(name, second, "2"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					acctest.SecretNotInPlan(second),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.SecretNotInState(second)},
				Check: resource.ComposeAggregateTestCheckFunc(
					server.CheckLogin(name, second),
					server.CheckNoLogin(name, first),
					resource.TestCheckResourceAttr(addr, "password_wo_version", "2"),
				),
			},
		},
	})
}

func TestAccUser_writeOnlyRotationForbiddenBySuperUserFalse(t *testing.T) {
	server := acctest.Connect(t)
	name, first, second := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword()
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: writeOnlyCLI,
		CheckDestroy:           server.CheckUserGone(name),
		Steps: []resource.TestStep{
			{
				ConfigDirectory: woConfig(t),
				ConfigVariables: woVars(name, first, "1", "super_user", false),
				Check:           server.CheckLogin(name, first),
			},
			{
				ConfigDirectory: woConfig(t),
				ConfigVariables: woVars(name, second, "2", "super_user", false),
				ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Old Milvus Password Unknown") + ".*" +
					acctest.Words("super_user = false forbids") + ".*" + acctest.Words("Remove super_user = false")),
			},
			{
				// The failed apply lost nothing: the old password still works,
				// and state still holds version 1, so a retry is planned.
				ConfigDirectory: woConfig(t),
				ConfigVariables: woVars(name, first, "1", "super_user", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					server.CheckLogin(name, first),
					server.CheckNoLogin(name, second),
				),
			},
		},
	})
}

func TestAccUser_switchBetweenPasswordAndWriteOnly(t *testing.T) {
	server := acctest.Connect(t)
	name, first, second, third := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword(), acctest.RandomPassword()
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: writeOnlyCLI,
		CheckDestroy:           server.CheckUserGone(name),
		Steps: []resource.TestStep{
			{
				ConfigDirectory: userConfig(t),
				ConfigVariables: vars(name, first, "super_user", false),
				Check:           server.CheckLogin(name, first),
			},
			{
				// The old password is still in state, so no super user is needed.
				ConfigDirectory: woConfig(t),
				ConfigVariables: woVars(name, second, "1", "super_user", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.SecretNotInState(second), acctest.SecretNotInState(first)},
				Check: resource.ComposeAggregateTestCheckFunc(
					server.CheckLogin(name, second),
					server.CheckNoLogin(name, first),
					resource.TestCheckNoResourceAttr(addr, "password"),
				),
			},
			{
				// Back to a stored password: the write-only one is unknown, so
				// Milvus is asked to set it without the old one (root is a
				// super user on the test server).
				ConfigDirectory: userConfig(t),
				ConfigVariables: vars(name, third),
				Check: resource.ComposeAggregateTestCheckFunc(
					server.CheckLogin(name, third),
					server.CheckNoLogin(name, second),
				),
			},
		},
	})
}
