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

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

func woUnversioned(t *testing.T) config.TestStepConfigFunc {
	return acctest.Config(t, "testdata/user_wo_unversioned")
}

func expectAction(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, action)}}
}

// A write-only password changed outside Terraform: with verify_passwords on,
// the plan logs in with the configured password_wo, and when Milvus refuses
// it, plans an in-place update that sets it again.
func TestAccUser_writeOnlyPasswordChangedOutsideIsRepaired(t *testing.T) {
	server := acctest.Connect(t)
	name, password, outside := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword()
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: writeOnlyCLI,
		CheckDestroy:           server.CheckUserGone(name),
		Steps: []resource.TestStep{
			{
				ConfigDirectory: woUnversioned(t),
				ConfigVariables: vars(name, password),
				Check:           resource.TestCheckResourceAttr(addr, "password_wo_revision", "1"),
			},
			{
				PreConfig:        func() { acctest.Must(t, server.SetPassword(name, password, outside)) },
				ConfigDirectory:  woUnversioned(t),
				ConfigVariables:  vars(name, password),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					server.CheckLogin(name, password),
					server.CheckNoLogin(name, outside),
					resource.TestCheckResourceAttr(addr, "password_wo_revision", "2"),
				),
			},
		},
	})
}

// With verify_passwords off nothing is checked: no update, and the change
// made outside stands.
func TestAccUser_writeOnlyDriftCheckCanBeTurnedOff(t *testing.T) {
	server := acctest.Connect(t)
	name, password, outside := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword()
	off := vars(name, password, "verify_passwords", false)
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: writeOnlyCLI,
		CheckDestroy:           server.CheckUserGone(name),
		Steps: []resource.TestStep{
			{ConfigDirectory: woUnversioned(t), ConfigVariables: off},
			{
				PreConfig:        func() { acctest.Must(t, server.SetPassword(name, password, outside)) },
				ConfigDirectory:  woUnversioned(t),
				ConfigVariables:  off,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            server.CheckLogin(name, outside),
			},
		},
	})
}

// Without password_wo_version, a changed password_wo is found (its hash
// differs from the one kept in private state) and sent, with verify_passwords
// off too; the same value again plans nothing.
func TestAccUser_changedWriteOnlyPasswordIsSentWithoutAVersion(t *testing.T) {
	server := acctest.Connect(t)
	name, first, second := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword()
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: writeOnlyCLI,
		CheckDestroy:           server.CheckUserGone(name),
		Steps: []resource.TestStep{
			{ConfigDirectory: woUnversioned(t), ConfigVariables: vars(name, first, "verify_passwords", false)},
			{
				ConfigDirectory:   woUnversioned(t),
				ConfigVariables:   vars(name, second, "verify_passwords", false),
				ConfigPlanChecks:  expectAction(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{acctest.SecretNotInState(second), acctest.SecretNotInState(first)},
				Check: resource.ComposeAggregateTestCheckFunc(
					server.CheckLogin(name, second),
					server.CheckNoLogin(name, first),
					resource.TestCheckResourceAttr(addr, "password_wo_revision", "2"),
				),
			},
			{
				ConfigDirectory:  woUnversioned(t),
				ConfigVariables:  vars(name, second, "verify_passwords", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// With password_wo_version, the version decides as before, but a password
// changed outside Terraform is still set back while password_wo is the
// value last sent.
func TestAccUser_versionedWriteOnlyDriftIsRepaired(t *testing.T) {
	server := acctest.Connect(t)
	name, password, outside := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword()
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: writeOnlyCLI,
		CheckDestroy:           server.CheckUserGone(name),
		Steps: []resource.TestStep{
			{ConfigDirectory: woConfig(t), ConfigVariables: woVars(name, password, "1")},
			{
				PreConfig:        func() { acctest.Must(t, server.SetPassword(name, password, outside)) },
				ConfigDirectory:  woConfig(t),
				ConfigVariables:  woVars(name, password, "1"),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					server.CheckLogin(name, password),
					resource.TestCheckResourceAttr(addr, "password_wo_version", "1"),
				),
			},
		},
	})
}

// The provider's user is an admin that is not listed in superUsers: a new
// password_wo_version asks Milvus to set the password without the old one,
// Milvus refuses, and the error says what to do; nothing changes.
func TestAccUser_writeOnlyRotationRefusedWithoutSuperUser(t *testing.T) {
	server := acctest.Connect(t)
	admin, adminPassword := acctest.RandomName("tfacc_admin"), acctest.RandomPassword()
	server.CreateAdmin(t, admin, adminPassword)
	secret := acctest.NewSecretFile(t, adminPassword)
	name, first, second := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword()
	asAdmin := func(password, version string) config.Variables {
		return woVars(name, password, version, "provider_username", admin, "provider_password_file", secret.Path)
	}
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: writeOnlyCLI,
		CheckDestroy:           server.CheckUserGone(name),
		Steps: []resource.TestStep{
			{ConfigDirectory: woConfig(t), ConfigVariables: asAdmin(first, "1")},
			{
				ConfigDirectory: woConfig(t),
				ConfigVariables: asAdmin(second, "2"),
				ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Milvus Refused to Set the Password Without the Old One") + ".*" +
					`"` + admin + `" ` + acctest.Words("is not listed on this server. Nothing was changed.") + ".*" +
					acctest.Words("in common.security.superUsers in milvus.yaml")),
			},
			{
				ConfigDirectory:  woConfig(t),
				ConfigVariables:  asAdmin(first, "1"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: resource.ComposeAggregateTestCheckFunc(
					server.CheckLogin(name, first),
					server.CheckNoLogin(name, second),
				),
			},
		},
	})
}
