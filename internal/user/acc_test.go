// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

const addr = "milvus_user.test"

// userConfig is the configuration with a plain `password`.
func userConfig(t *testing.T) config.TestStepConfigFunc { return acctest.Config(t, "testdata/user") }

func vars(name, password string, extra ...any) config.Variables {
	return acctest.Vars(append([]any{"name", name, "password", password}, extra...)...)
}

func TestAccUser_createThenLogIn(t *testing.T) {
	server := acctest.Connect(t)
	name, password := acctest.RandomName("tfacc"), acctest.RandomPassword()
	acctest.Steps(t, server.CheckUserGone(name), resource.TestStep{
		ConfigDirectory: userConfig(t),
		ConfigVariables: vars(name, password),
		Check: resource.ComposeAggregateTestCheckFunc(
			server.CheckLogin(name, password),
			server.CheckNoLogin(name, password+"x"),
			resource.TestCheckResourceAttr(addr, "id", name),
			resource.TestCheckResourceAttr(addr, "name", name),
			resource.TestCheckResourceAttr(addr, "roles.#", "0"),
			resource.TestCheckNoResourceAttr(addr, "password_wo"),
		),
	})
}

func TestAccUser_changePasswordInPlace(t *testing.T) {
	server := acctest.Connect(t)
	name, first, second := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword()
	sameID := statecheck.CompareValue(compare.ValuesSame())
	acctest.Steps(t, server.CheckUserGone(name),
		resource.TestStep{
			ConfigDirectory:   userConfig(t),
			ConfigVariables:   vars(name, first),
			ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(addr, tfjsonpath.New("id"))},
			Check:             server.CheckLogin(name, first),
		},
		resource.TestStep{
			// Tell the server the provider is no super user: with the old
			// password in state, none is needed.
			ConfigDirectory: userConfig(t),
			ConfigVariables: vars(name, second, "super_user", false),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(addr, tfjsonpath.New("id"))},
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckLogin(name, second),
				server.CheckNoLogin(name, first),
			),
		},
	)
}

func TestAccUser_deletedOutsideTerraformIsRecreated(t *testing.T) {
	server := acctest.Connect(t)
	name, password := acctest.RandomName("tfacc"), acctest.RandomPassword()
	acctest.Steps(t, server.CheckUserGone(name),
		resource.TestStep{
			ConfigDirectory: userConfig(t),
			ConfigVariables: vars(name, password),
			Check:           server.CheckLogin(name, password),
		},
		resource.TestStep{
			PreConfig:       func() { acctest.Must(t, server.DropUser(name)) },
			ConfigDirectory: userConfig(t),
			ConfigVariables: vars(name, password),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckUserExists(name),
				server.CheckLogin(name, password),
			),
		},
	)
}

func TestAccUser_passwordChangedOutsideTerraformIsRepaired(t *testing.T) {
	server := acctest.Connect(t)
	name, password, outside := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword()
	acctest.Steps(t, server.CheckUserGone(name),
		resource.TestStep{
			ConfigDirectory: userConfig(t),
			ConfigVariables: vars(name, password),
		},
		resource.TestStep{
			PreConfig:       func() { acctest.Must(t, server.SetPassword(name, password, outside)) },
			ConfigDirectory: userConfig(t),
			ConfigVariables: vars(name, password),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckLogin(name, password),
				server.CheckNoLogin(name, outside),
			),
		},
	)
}

func TestAccUser_passwordDriftCheckCanBeTurnedOff(t *testing.T) {
	server := acctest.Connect(t)
	name, password, outside := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword()
	off := vars(name, password, "verify_passwords", false)
	acctest.Steps(t, server.CheckUserGone(name),
		resource.TestStep{ConfigDirectory: userConfig(t), ConfigVariables: off},
		resource.TestStep{
			PreConfig:       func() { acctest.Must(t, server.SetPassword(name, password, outside)) },
			ConfigDirectory: userConfig(t),
			ConfigVariables: off,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectEmptyPlan(),
			}},
			// Nothing was checked, so the outside change stands.
			Check: server.CheckLogin(name, outside),
		},
	)
}

func TestAccUser_stalePasswordWithoutDriftCheckAsksMilvus(t *testing.T) {
	server := acctest.Connect(t)
	name, password, outside, next := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword(), acctest.RandomPassword()
	acctest.Steps(t, server.CheckUserGone(name),
		resource.TestStep{ConfigDirectory: userConfig(t), ConfigVariables: vars(name, password, "verify_passwords", false)},
		resource.TestStep{
			// The old password in state no longer works; the super-user path
			// sets the new one anyway.
			PreConfig:       func() { acctest.Must(t, server.SetPassword(name, password, outside)) },
			ConfigDirectory: userConfig(t),
			ConfigVariables: vars(name, next, "verify_passwords", false),
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckLogin(name, next),
				server.CheckNoLogin(name, outside),
			),
		},
	)
}
