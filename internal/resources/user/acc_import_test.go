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
	return acctest.ConfigDirs(t, "testdata/provider", "testdata/import")
}

func expectUpdate() resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
	}}
}

func TestAccUser_importByIDThenEmptyPlan(t *testing.T) {
	server := acctest.Connect(t)
	name, password := acctest.RandomName("tfacc"), acctest.RandomPassword()
	run(t, server.CheckUserGone(name),
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

func TestAccUser_importWithNewPasswordUsesSuperUser(t *testing.T) {
	server := acctest.Connect(t)
	name, old, configured := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword()
	run(t, server.CheckUserGone(name), resource.TestStep{
		PreConfig:        func() { acctest.Must(t, server.CreateUser(name, old)) },
		ConfigDirectory:  importConfig(t),
		ConfigVariables:  vars(name, configured, "super_user", true),
		ConfigPlanChecks: expectUpdate(),
		Check: resource.ComposeAggregateTestCheckFunc(
			server.CheckLogin(name, configured),
			server.CheckNoLogin(name, old),
		),
	})
}

func TestAccUser_unknownOldPasswordWithoutSuperUser(t *testing.T) {
	server := acctest.Connect(t)
	admin, adminPassword := acctest.RandomName("tfacc_admin"), acctest.RandomPassword()
	server.CreateAdmin(t, admin, adminPassword)
	secret := acctest.NewSecretFile(t, adminPassword)
	name, old, configured := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword()
	asAdmin := func(password string, superUser bool) config.Variables {
		return vars(name, password, "super_user", superUser, "provider_username", admin, "provider_password_file", secret.Path)
	}
	run(t, server.CheckUserGone(name),
		resource.TestStep{
			PreConfig:       func() { acctest.Must(t, server.CreateUser(name, old)) },
			ConfigDirectory: importConfig(t),
			ConfigVariables: asAdmin(configured, false),
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Old Milvus Password Unknown") + ".*" + acctest.Words("Ways out:") +
				".*common\\.security\\.superUsers.*" + acctest.Words("set `password` of user")),
		},
		resource.TestStep{
			// The setting claims a super user, but the server does not list
			// this admin in common.security.superUsers.
			ConfigDirectory: importConfig(t),
			ConfigVariables: asAdmin(configured, true),
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Milvus Did Not Treat the Provider as a Super User") + ".*" + admin +
				".*" + acctest.Words("is not listed in common.security.superUsers")),
		},
		resource.TestStep{
			// Neither failure changed anything, and the way out from the first
			// message works: configure the current password.
			ConfigDirectory: importConfig(t),
			ConfigVariables: asAdmin(old, false),
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckLogin(name, old),
				server.CheckNoLogin(name, configured),
			),
		},
		resource.TestStep{
			// Now the old password is known, rotation needs no super user.
			ConfigDirectory:  userConfig(t),
			ConfigVariables:  asAdmin(configured, false),
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
	run(t, server.CheckUserGone(name),
		resource.TestStep{
			PreConfig:       func() { acctest.Must(t, server.CreateUser(name, existing)) },
			ConfigDirectory: userConfig(t),
			ConfigVariables: vars(name, configured),
			ExpectError: regexp.MustCompile(`(?s)Milvus User Already Exists.*` + name +
				`.*terraform import <resource address> ` + name + `.*import \{.*id = "` + name + `"`),
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
	runCase(t, resource.TestCase{
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
