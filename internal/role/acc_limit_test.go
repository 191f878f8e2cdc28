// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package role_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// On a server with Milvus's default proxy.maxRoleNum (10, admin and public
// included), the eleventh role is refused, and the error names the setting.
func TestAccRole_limitNamesTheSetting(t *testing.T) {
	server := acctest.ConnectDefaults(t)
	secret := acctest.NewSecretFile(t, server.Password)
	existing, err := server.AllRoles()
	acctest.Must(t, err)
	for i := len(existing); i < 10; i++ {
		name := fmt.Sprintf("tfacc_fill_%d", i)
		acctest.Must(t, server.CreateRole(name))
		t.Cleanup(func() { _ = server.DropRole(name) })
	}
	name := acctest.RandomName("tfacc_role")
	acctest.Steps(t, server.CheckRoleGone(name), resource.TestStep{
		ConfigDirectory: roleConfig(t),
		ConfigVariables: acctest.Vars("name", name, "address", server.Address,
			"provider_username", server.Username, "provider_password_file", secret.Path),
		ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Unable to Create Milvus Role") + ".*" +
			acctest.Words("the number of roles has reached the limit") + ".*" +
			acctest.Words("Milvus allows proxy.maxRoleNum roles (10 by default), and the built-in roles admin and public count toward it") +
			".*" + acctest.Words("enforced by rootcoord")),
	})
}
