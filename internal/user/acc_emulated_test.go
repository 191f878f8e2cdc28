// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// User descriptions exist from Milvus 2.6.19: set on create, changed in
// place without touching the password (UpdateCredential with a description
// only), set back when changed outside Terraform, and shown by the data
// source. On the emulator of 2.6.19 and 3.0.1.
func TestAccUser_descriptionOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	for _, version := range []string{"v2.6.19", "v3.0.1"} {
		t.Run(version, func(t *testing.T) {
			s := acctest.StartEmulator(t, version)
			name, password := "svc_search", acctest.RandomPassword()
			has := func(want string) resource.TestCheckFunc {
				return func(*terraform.State) error {
					if got := s.UserDescription(name); got != want {
						return fmt.Errorf("the user's description is %q, want %q", got, want)
					}
					return nil
				}
			}
			acctest.Steps(t, nil,
				resource.TestStep{
					ConfigDirectory: userConfig(t),
					ConfigVariables: s.Vars(t, "name", name, "password", password, "description", "The search service"),
					Check:           resource.ComposeAggregateTestCheckFunc(has("The search service"), resource.TestCheckResourceAttr(addr, "description", "The search service")),
				},
				resource.TestStep{
					PreConfig:       func() { s.SetDescriptionsOutside(name, "changed by hand", "", "") },
					ConfigDirectory: userConfig(t),
					ConfigVariables: s.Vars(t, "name", name, "password", password, "description", "The search API"),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					}},
					Check: resource.ComposeAggregateTestCheckFunc(has("The search API"),
						func(*terraform.State) error { return s.CheckPassword(name, password) }),
				},
				resource.TestStep{
					ConfigDirectory: acctest.Config(t, "testdata/user", "testdata/read_back"),
					ConfigVariables: s.Vars(t, "name", name, "password", password, "description", "The search API"),
					Check:           resource.TestCheckResourceAttr("data.milvus_user.test", "description", "The search API"),
				},
			)
		})
	}
}

// Milvus 2.6.18 and older list an empty ("ghost") role name for a user after
// repeated grants and revokes: it is not a role, so it is not shown, and it
// is no drift. On the emulator of 2.6.18.
func TestAccUser_ghostRoleNamesOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	s := acctest.StartEmulator(t, "v2.6.18")
	name, password := "svc_ghost", acctest.RandomPassword()
	acctest.Steps(t, nil,
		resource.TestStep{
			ConfigDirectory: userConfig(t),
			ConfigVariables: s.Vars(t, "name", name, "password", password),
			Check:           func(*terraform.State) error { s.AddGhostRole(name); return nil },
		},
		resource.TestStep{
			ConfigDirectory:  userConfig(t),
			ConfigVariables:  s.Vars(t, "name", name, "password", password),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			Check:            resource.TestCheckResourceAttr(addr, "roles.#", "0"),
		},
		resource.TestStep{
			ConfigDirectory: acctest.Config(t, "testdata/user", "testdata/read_back"),
			ConfigVariables: s.Vars(t, "name", name, "password", password),
			Check:           resource.TestCheckResourceAttr("data.milvus_user.test", "roles.#", "0"),
		},
	)
}
