// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// A user whose password Terraform does not know is adopted with neither
// password nor password_wo: it is kept as it is, never re-passworded, and a
// change of its password outside Terraform is not drift. Setting a password
// later sets it, in place.
func TestAccUser_adoptedWithoutItsPassword(t *testing.T) {
	server := acctest.Connect(t)
	name, unknown, changed, chosen := acctest.RandomName("tfacc_u"), acctest.RandomPassword(), acctest.RandomPassword(), acctest.RandomPassword()
	acctest.Must(t, server.CreateUser(name, unknown))
	acctest.Steps(t, server.CheckUserGone(name),
		resource.TestStep{
			ConfigDirectory: acctest.Config(t, "testdata/adopted"),
			ConfigVariables: acctest.Vars("name", name, "verify_passwords", true),
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckLogin(name, unknown),
				resource.TestCheckNoResourceAttr("milvus_user.test", "password"),
			),
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
		resource.TestStep{
			// Changed outside Terraform: not Terraform's to know.
			PreConfig:        func() { acctest.Must(t, server.SetPassword(name, unknown, changed)) },
			ConfigDirectory:  acctest.Config(t, "testdata/adopted"),
			ConfigVariables:  acctest.Vars("name", name, "verify_passwords", true),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			Check:            server.CheckLogin(name, changed),
		},
		resource.TestStep{
			// Managed from now on: set in place (the roles stay).
			ConfigDirectory: acctest.Config(t, "testdata/adopted"),
			ConfigVariables: acctest.Vars("name", name, "password", chosen),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("milvus_user.test", plancheck.ResourceActionUpdate),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(server.CheckLogin(name, chosen), server.CheckNoLogin(name, changed)),
		},
	)
}
