// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// The provider logs in as root and manages root's own password: import it,
// rotate it, and destroy it (which only forgets it).
func TestAccUser_rootImportRotateAndForget(t *testing.T) {
	server := acctest.Connect(t)
	if server.Username != "root" {
		t.Fatalf("this test needs MILVUS_USERNAME=root, got %q", server.Username)
	}
	original, rotated := server.Password, acctest.RandomPassword()
	t.Cleanup(func() {
		// Put root back for the tests that follow, whatever happened here.
		for _, current := range []string{rotated, original} {
			server.UsePassword(current)
			if server.SetPassword("root", current, original) == nil {
				server.UsePassword(original)
				return
			}
		}
		t.Error("could not restore root's password")
	})
	secret := acctest.NewSecretFile(t, original)
	acctest.Steps(t, func(*terraform.State) error { return server.Login("root", rotated) },
		resource.TestStep{
			ConfigDirectory: importConfig(t),
			ConfigVariables: vars("root", original, "super_user", false, "provider_username", "root", "provider_password_file", secret.Path),
			Check:           server.CheckLogin("root", original),
		},
		resource.TestStep{
			ConfigDirectory:  userConfig(t),
			ConfigVariables:  vars("root", rotated, "super_user", false, "provider_username", "root", "provider_password_file", secret.Path),
			ConfigPlanChecks: expectUpdate(),
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckLogin("root", rotated),
				server.CheckNoLogin("root", original),
				// Later plans log in with the new password, as a user would
				// after updating the provider's secret.
				secret.CheckSet(rotated),
				func(*terraform.State) error { server.UsePassword(rotated); return nil },
			),
		},
	)
	// CheckDestroy logged in as root: destroying the managed root only forgot it.
}

// The provider rotates the password of the very user it logs in as, then
// keeps working on the same connection for the rest of the apply.
func TestAccUser_providerKeepsWorkingAfterRotatingItself(t *testing.T) {
	server := acctest.Connect(t)
	self, first, second := acctest.RandomName("tfacc_self"), acctest.RandomPassword(), acctest.RandomPassword()
	server.CreateAdmin(t, self, first)
	secret := acctest.NewSecretFile(t, first)
	after1, after2 := acctest.RandomName("tfacc_after"), acctest.RandomName("tfacc_after")
	step := func() resource.TestStep {
		return resource.TestStep{ConfigDirectory: acctest.Config(t, "testdata/self_rotation")}
	}
	step1, step2 := step(), step()
	step1.ConfigVariables = selfVars(self, secret.Path, first, after1)
	step1.Check = server.CheckLogin(self, first)
	step2.ConfigVariables = selfVars(self, secret.Path, second, after2)
	step2.Check = resource.ComposeAggregateTestCheckFunc(
		server.CheckLogin(self, second),
		server.CheckNoLogin(self, first),
		server.CheckUserExists(after2),
		server.CheckUserGone(after1),
		secret.CheckSet(second),
	)
	acctest.Steps(t, resource.ComposeAggregateTestCheckFunc(server.CheckUserGone(self), server.CheckUserGone(after2)), step1, step2)
}

func selfVars(self, passwordFile, newPassword, afterName string) config.Variables {
	return config.Variables{
		"provider_username":      config.StringVariable(self),
		"provider_password_file": config.StringVariable(passwordFile),
		"super_user":             config.BoolVariable(false),
		"new_password":           config.StringVariable(newPassword),
		"after_name":             config.StringVariable(afterName),
	}
}
