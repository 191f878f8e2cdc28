// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user_test

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

func importConfig(t *testing.T) config.TestStepConfigFunc {
	return acctest.Config(t, "testdata/import")
}

func expectUpdate() resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
	}}
}

func TestAccUser_importByIDThenEmptyPlan(t *testing.T) {
	server := acctest.Connect(t)
	name, password := acctest.RandomName("tfacc"), acctest.RandomPassword()
	acctest.Steps(t, server.CheckUserGone(name),
		resource.TestStep{
			// An import block with the current password: no super user is
			// needed, nothing is replaced, and the next plan is empty.
			PreConfig:       func() { acctest.Must(t, server.CreateUser(name, password)) },
			ConfigDirectory: importConfig(t),
			ConfigVariables: vars(name, password, "super_user", false),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckLogin(name, password),
				resource.TestCheckResourceAttr(addr, "id", name),
			),
		},
		resource.TestStep{
			// `terraform import` by ID reads back the same user.
			ConfigDirectory:         userConfig(t),
			ConfigVariables:         vars(name, password),
			ResourceName:            addr,
			ImportState:             true,
			ImportStateVerify:       true,
			ImportStateVerifyIgnore: []string{"password"},
		},
	)
}

// The provider logs in as root, which the test server lists in superUsers:
// with no super_user setting at all, Milvus sets the imported user's
// configured password without the old one.
func TestAccUser_importWithNewPasswordUsesSuperUser(t *testing.T) {
	server := acctest.Connect(t)
	name, old, configured := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword()
	acctest.Steps(t, server.CheckUserGone(name), resource.TestStep{
		PreConfig:        func() { acctest.Must(t, server.CreateUser(name, old)) },
		ConfigDirectory:  importConfig(t),
		ConfigVariables:  vars(name, configured),
		ConfigPlanChecks: expectUpdate(),
		Check: resource.ComposeAggregateTestCheckFunc(
			server.CheckLogin(name, configured),
			server.CheckNoLogin(name, old),
		),
	})
}

// The provider's user here is an admin that is not in superUsers: Milvus
// refuses to set a password without the old one, and the advice says so.
func TestAccUser_unknownOldPasswordWithoutSuperUser(t *testing.T) {
	server := acctest.Connect(t)
	admin, adminPassword := acctest.RandomName("tfacc_admin"), acctest.RandomPassword()
	server.CreateAdmin(t, admin, adminPassword)
	secret := acctest.NewSecretFile(t, adminPassword)
	name, old, configured := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword()
	asAdmin := func(password string, extra ...any) config.Variables {
		return vars(name, password, append([]any{"provider_username", admin, "provider_password_file", secret.Path}, extra...)...)
	}
	acctest.Steps(t, server.CheckUserGone(name),
		resource.TestStep{
			// super_user = false forbids even asking.
			PreConfig:       func() { acctest.Must(t, server.CreateUser(name, old)) },
			ConfigDirectory: importConfig(t),
			ConfigVariables: asAdmin(configured, "super_user", false),
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Old Milvus Password Unknown") + ".*" +
				acctest.Words("super_user = false forbids") + ".*" + acctest.Words("Ways out:") + ".*" +
				acctest.Words("Remove super_user = false") + ".*" + acctest.Words("its current password in `password`")),
		},
		resource.TestStep{
			// Without the setting the provider asks, and Milvus refuses: this
			// admin is not listed in common.security.superUsers.
			ConfigDirectory: importConfig(t),
			ConfigVariables: asAdmin(configured),
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Milvus Refused to Set the Password Without the Old One") + ".*" +
				acctest.Words("the provider's user") + ` "` + admin + `" ` + acctest.Words("is not listed on this server") + ".*" +
				acctest.Words("List the provider's user") + ` \("` + admin + `"\) ` + acctest.Words("in common.security.superUsers")),
		},
		resource.TestStep{
			// Neither failure changed anything, and the second way out works:
			// configure the current password.
			ConfigDirectory: importConfig(t),
			ConfigVariables: asAdmin(old),
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckLogin(name, old),
				server.CheckNoLogin(name, configured),
			),
		},
		resource.TestStep{
			// Now the old password is known, rotation needs no super user.
			ConfigDirectory:  userConfig(t),
			ConfigVariables:  asAdmin(configured),
			ConfigPlanChecks: expectUpdate(),
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckLogin(name, configured),
				server.CheckNoLogin(name, old),
			),
		},
	)
}

func TestAccUser_existingNameIsNotAdopted(t *testing.T) {
	server := acctest.Connect(t)
	name, existing, configured := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword()
	acctest.Steps(t, server.CheckUserGone(name),
		resource.TestStep{
			PreConfig:       func() { acctest.Must(t, server.CreateUser(name, existing)) },
			ConfigDirectory: userConfig(t),
			ConfigVariables: vars(name, configured),
			// It does not log in with the configured password, so it is not
			// taken over; the message says why and how to import it.
			ExpectError: regexp.MustCompile(`(?s)Milvus User Already Exists.*` + name + `.*` +
				acctest.Words("does not log in with the configured password") + `.*` + acctest.Words("interrupted") +
				`.*import \{.*id = "` + name + `".*for_each.*each\.key.*terraform import <resource address> ` + name),
		},
		resource.TestStep{
			// The existing user kept its password; importing it now works.
			ConfigDirectory: importConfig(t),
			ConfigVariables: vars(name, existing, "super_user", false),
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckLogin(name, existing),
				server.CheckNoLogin(name, configured),
			),
		},
	)
}

func TestAccUser_importByIdentity(t *testing.T) {
	server := acctest.Connect(t)
	name, password := acctest.RandomName("tfacc"), acctest.RandomPassword()
	acctest.Test(t, resource.TestCase{
		// Resource identity needs Terraform 1.12 or OpenTofu 1.12.
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		CheckDestroy:           server.CheckUserGone(name),
		Steps: []resource.TestStep{
			{
				ConfigDirectory: userConfig(t),
				ConfigVariables: vars(name, password),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{"name": knownvalue.StringExact(name)}),
				},
			},
			{
				ConfigDirectory: userConfig(t),
				ConfigVariables: vars(name, password),
				ResourceName:    addr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
				// Terraform cannot read a password back, so importing plans one
				// in-place update that sets the configured password; never a replace.
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
			},
		},
	})
}
