// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolemembers_test

import (
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

const addr = "milvus_role_members.test"

func membersConfig(t *testing.T) config.TestStepConfigFunc {
	return acctest.Config(t, "testdata/members")
}

// checkMembers passes when Milvus binds exactly users to role.
func checkMembers(server *acctest.Server, role string, users ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		all, err := server.Users()
		if err != nil {
			return err
		}
		var got []string
		for _, u := range all {
			roles, err := server.Roles(u)
			if err != nil {
				return err
			}
			if slices.Contains(roles, role) {
				got = append(got, u)
			}
		}
		slices.Sort(users)
		if !slices.Equal(got, users) {
			return fmt.Errorf("role %s has members %v, want %v", role, got, users)
		}
		return nil
	}
}

func users(t *testing.T, server *acctest.Server, n int) []string {
	t.Helper()
	var out []string
	for i := 0; i < n; i++ {
		u := acctest.RandomName("tfacc_u")
		acctest.Must(t, server.CreateUser(u, acctest.RandomPassword()))
		t.Cleanup(func() { _ = server.DropUser(u) })
		out = append(out, u)
	}
	return out
}

// The resource holds every member of its role: a binding made by hand is
// planned for removal and removed; one removed by hand is made again;
// changes are made in place; import reads the members back.
func TestAccRoleMembers_authoritative(t *testing.T) {
	server := acctest.Connect(t)
	role := acctest.RandomName("tfacc_role")
	acctest.Must(t, server.CreateRole(role))
	t.Cleanup(func() { _ = server.DropRole(role) })
	u := users(t, server, 3)
	acctest.Must(t, server.Bind(u[2], role)) // the new resource unbinds it
	vars := acctest.Vars("role", role, "members", []string{u[0], u[1]})
	acctest.Steps(t, checkMembers(server, role),
		resource.TestStep{
			ConfigDirectory: membersConfig(t),
			ConfigVariables: vars,
			Check:           checkMembers(server, role, u[0], u[1]),
		},
		resource.TestStep{
			PreConfig: func() {
				acctest.Must(t, server.Bind(u[2], role))
				acctest.Must(t, server.Unbind(u[1], role))
			},
			ConfigDirectory: membersConfig(t),
			ConfigVariables: vars,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
			}},
			Check: checkMembers(server, role, u[0], u[1]),
		},
		resource.TestStep{
			ConfigDirectory:                      membersConfig(t),
			ConfigVariables:                      vars,
			ResourceName:                         addr,
			ImportState:                          true,
			ImportStateVerify:                    true,
			ImportStateVerifyIdentifierAttribute: "role",
			ImportStateId:                        role,
		},
		resource.TestStep{
			ConfigDirectory: membersConfig(t),
			ConfigVariables: acctest.Vars("role", role, "members", []string{u[2]}),
			Check:           checkMembers(server, role, u[2]),
		},
	)
}

// Who is admin is answered in code: a user bound to admin by hand is
// removed by the next apply, and loses admin's rights.
func TestAccRoleMembers_adminBoundByHandIsRemoved(t *testing.T) {
	server := acctest.Connect(t)
	before, err := adminMembers(server)
	acctest.Must(t, err)
	t.Cleanup(func() {
		for _, m := range before {
			_ = server.Bind(m, "admin")
		}
	})
	intruder, password := acctest.RandomName("tfacc_u"), acctest.RandomPassword()
	acctest.Must(t, server.CreateUser(intruder, password))
	t.Cleanup(func() { _ = server.DropUser(intruder) })
	vars := acctest.Vars("role", "admin", "members", before)
	acctest.Steps(t, nil,
		resource.TestStep{ConfigDirectory: membersConfig(t), ConfigVariables: vars},
		resource.TestStep{
			PreConfig: func() {
				acctest.Must(t, server.Bind(intruder, "admin"))
				acctest.Must(t, server.ExpectAllowed(true, func() error { return server.ListUsersAs(intruder, password) }))
			},
			ConfigDirectory: membersConfig(t),
			ConfigVariables: vars,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				checkMembers(server, "admin", before...),
				func(*terraform.State) error {
					return server.ExpectAllowed(false, func() error { return server.ListUsersAs(intruder, password) })
				},
			),
		},
	)
}

func adminMembers(server *acctest.Server) ([]string, error) {
	all, err := server.Users()
	var out []string
	for _, u := range all {
		roles, e := server.Roles(u)
		if e != nil {
			return nil, e
		}
		if slices.Contains(roles, "admin") {
			out = append(out, u)
		}
	}
	return out, err
}

// Checked at plan time, nothing sent: users nobody creates, public, a
// milvus_user_role that the members resource would fight.
func TestAccRoleMembers_planTimeChecks(t *testing.T) {
	server := acctest.Connect(t)
	role := acctest.RandomName("tfacc_role")
	acctest.Must(t, server.CreateRole(role))
	t.Cleanup(func() { _ = server.DropRole(role) })
	u := users(t, server, 1)
	acctest.Steps(t, nil,
		resource.TestStep{
			ConfigDirectory: membersConfig(t),
			ConfigVariables: acctest.Vars("role", role, "members", []string{u[0], "tfacc_nobody_a", "tfacc_nobody_b"}),
			PlanOnly:        true,
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Unknown Milvus User") + ".*" +
				acctest.Words("Milvus has no 2 users (tfacc_nobody_a, tfacc_nobody_b), and no milvus_user of this configuration creates them")),
		},
		resource.TestStep{
			ConfigDirectory: membersConfig(t),
			ConfigVariables: acctest.Vars("role", "public", "members", []string{}),
			PlanOnly:        true,
			ExpectError:     regexp.MustCompile(`(?s)` + acctest.Words("Members of public Cannot Be Managed")),
		},
		resource.TestStep{
			ConfigDirectory: acctest.Config(t, "testdata/beside_binding"),
			ConfigVariables: acctest.Vars("role", role, "user", u[0]),
			PlanOnly:        true,
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Milvus Role Managed Twice") + ".*" +
				acctest.Words("milvus_user_role resources of this configuration bind "+u[0]+" to it, whom it does not list")),
		},
	)
	acctest.Must(t, checkMembers(server, role)(nil))
}
