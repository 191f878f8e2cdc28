// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package e2e_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// A refresh of many users, their bindings and their roles needs one listing
// of the users per provider process, not one request per user; with
// verify_passwords off there are no per-user requests at all. Milvus's calls
// are counted by the proxy between the CLI and the server.
func TestAccE2E_refreshListsUsersOnce(t *testing.T) {
	server := acctest.Connect(t)
	proxy := acctest.StartProxy(t, server.Address)
	prefix := strings.ToLower(acctest.RandomName("tfl"))
	const n = 30
	config := fmt.Sprintf(`
variable "verify" {
  type = bool
}

provider "milvus" {
  address          = %q
  verify_passwords = var.verify
}

resource "milvus_role" "r" {
  name = "%s_role"
}

resource "milvus_user" "u" {
  for_each = toset([for i in range(%d) : format("%s_%%02d", i)])
  name     = each.key
  password = "Pw_${each.key}"
}

resource "milvus_user_role" "b" {
  for_each = milvus_user.u
  user     = each.value.name
  role     = milvus_role.r.name
}
`, proxy.Address, prefix, n, prefix)
	cli := acctest.NewCLI(t, config, "TF_VAR_verify=false")
	t.Cleanup(func() { cli.Run("destroy", "-auto-approve", "-input=false") })
	cli.MustRun("apply", "-auto-approve", "-input=false")

	for _, verify := range []string{"false", "true"} {
		proxy.ResetCalls()
		cli.Env = append(cli.Env, "TF_VAR_verify="+verify)
		cli.MustRun("plan", "-refresh-only", "-input=false")
		calls := proxy.CallsByMethod()
		processes := calls["Connect"]
		t.Logf("verify_passwords=%s: %v", verify, calls)
		if processes == 0 || calls["SelectUser"] > processes {
			t.Errorf("refreshing %d users and %d bindings listed users %d times in %d provider processes",
				n, n, calls["SelectUser"], processes)
		}
		if calls["SelectRole"] > processes {
			t.Errorf("the role was listed %d times in %d provider processes", calls["SelectRole"], processes)
		}
		logins := calls["GetVersion"]
		if verify == "false" && logins > processes {
			t.Errorf("with verify_passwords off, %d login checks were sent", logins)
		}
		if verify == "true" && logins < n {
			t.Errorf("with verify_passwords on, only %d login checks for %d users", logins, n)
		}
	}
}
