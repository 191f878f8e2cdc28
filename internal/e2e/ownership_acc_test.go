// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package e2e_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// Bindings and grants are additive: two configurations (two teams, two
// states) bind roles to the same user and grant privileges to the same
// role without fighting. Each plans empty after the other applies, and
// destroying one leaves the other's bindings and grants in place.
func TestAccE2E_twoConfigurationsDoNotFight(t *testing.T) {
	server := acctest.Connect(t)
	user, password := acctest.RandomName("tfacc_shared"), acctest.RandomPassword()
	platform, team := acctest.RandomName("tfacc_platform"), acctest.RandomName("tfacc_team")
	t.Cleanup(func() {
		_ = server.DropUser(user)
		for _, role := range []string{platform, team} {
			for _, p := range []string{"Query", "Search"} {
				_ = server.Revoke(role, acctest.GrantRow{ObjectType: "Collection", ObjectName: "*", DB: "default", Privilege: p})
			}
			_ = server.DropRole(role)
		}
	})

	// The platform team's configuration owns the user and its role.
	first := acctest.NewCLI(t, fmt.Sprintf(`
resource "milvus_user" "app" {
  name     = %q
  password = %q
}

resource "milvus_role" "platform" {
  name = %q
}

resource "milvus_user_role" "platform" {
  user = milvus_user.app.name
  role = milvus_role.platform.name
}

resource "milvus_grant" "query" {
  role      = milvus_role.platform.name
  privilege = "Query"
}
`, user, password, platform))
	// An application team's configuration refers to both by name, and adds
	// its own role, binding and a grant on the platform's role.
	second := acctest.NewCLI(t, fmt.Sprintf(`
resource "milvus_role" "team" {
  name = %q
}

resource "milvus_user_role" "team" {
  user = %q
  role = milvus_role.team.name
}

resource "milvus_grant" "search" {
  role      = %q
  privilege = "Search"
}
`, team, user, platform))

	first.MustRun("apply", "-auto-approve", "-input=false")
	second.MustRun("apply", "-auto-approve", "-input=false")
	for name, cli := range map[string]*acctest.CLI{"first": first, "second": second} {
		if plan := cli.Run("plan", "-detailed-exitcode", "-input=false"); plan.Code != 0 {
			t.Errorf("the %s configuration plans changes after both applied (exit %d):\n%s", name, plan.Code, plan.Output)
		}
	}
	roles, err := server.Roles(user)
	acctest.Must(t, err)
	if !slices.Contains(roles, platform) || !slices.Contains(roles, team) {
		t.Errorf("%s has roles %v, want both %s and %s", user, roles, platform, team)
	}
	if got := grantedPrivileges(t, server, platform); !slices.Equal(got, []string{"Query", "Search"}) {
		t.Errorf("%s has %v, want Query and Search", platform, got)
	}

	second.MustRun("destroy", "-auto-approve", "-input=false")
	if plan := first.Run("plan", "-detailed-exitcode", "-input=false"); plan.Code != 0 {
		t.Errorf("the first configuration plans changes after the second was destroyed (exit %d):\n%s", plan.Code, plan.Output)
	}
	roles, err = server.Roles(user)
	acctest.Must(t, err)
	if !slices.Equal(roles, []string{platform}) {
		t.Errorf("after the second configuration was destroyed %s has roles %v, want [%s]", user, roles, platform)
	}
	if got := grantedPrivileges(t, server, platform); !slices.Equal(got, []string{"Query"}) {
		t.Errorf("after the second configuration was destroyed %s has %v, want [Query]", platform, got)
	}
	first.MustRun("destroy", "-auto-approve", "-input=false")
}

// grantedPrivileges lists a role's privileges in the default database, sorted.
func grantedPrivileges(t *testing.T, server *acctest.Server, role string) []string {
	t.Helper()
	rows, err := server.Grants(role, "default")
	acctest.Must(t, err)
	var privileges []string
	for _, r := range rows {
		if !slices.Contains(privileges, r.Privilege) {
			privileges = append(privileges, r.Privilege)
		}
	}
	slices.Sort(privileges)
	return privileges
}
