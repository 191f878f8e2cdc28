// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolepolicy_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// The provider never locks itself out: run as a user whose one role gives
// it what it needs to manage access, a policy taking a privilege from that
// role, or a members resource taking the user out of it (or out of admin,
// for a user bound to admin), is refused at plan time and changes nothing.
// Adding is never refused.
func TestAccRolePolicy_neverLocksTheProviderOut(t *testing.T) {
	server := acctest.Connect(t)
	op, password, role := acctest.RandomName("tfacc_op"), acctest.RandomPassword(), acctest.RandomName("tfacc_ops")
	acctest.Must(t, server.CreateUser(op, password))
	acctest.Must(t, server.CreateRole(role))
	managing := []acctest.GrantRow{
		{ObjectType: "Global", ObjectName: "*", DB: "default", Privilege: "CreateOwnership"},
		{ObjectType: "Global", ObjectName: "*", DB: "default", Privilege: "DropOwnership"},
		{ObjectType: "Global", ObjectName: "*", DB: "default", Privilege: "SelectOwnership"},
		{ObjectType: "Global", ObjectName: "*", DB: "default", Privilege: "ManageOwnership"},
		{ObjectType: "User", ObjectName: "*", DB: "default", Privilege: "UpdateUser"},
		{ObjectType: "User", ObjectName: "*", DB: "default", Privilege: "SelectUser"},
		// Before Milvus 2.4.1, reading a role's grants in every database lists them.
		{ObjectType: "Global", ObjectName: "*", DB: "default", Privilege: "ListDatabases"},
	}
	for _, g := range managing {
		acctest.Must(t, server.Grant(role, g))
	}
	acctest.Must(t, server.Bind(op, role))
	t.Cleanup(func() {
		for _, g := range managing {
			_ = server.Revoke(role, g)
		}
		_ = server.DropUser(op)
		_ = server.DropRole(role)
	})
	// Milvus 2.3 applies each grant to logins on its own, after a while:
	// wait for every one the plans below use to read.
	session := server.As(op, password, "default")
	acctest.Must(t, server.ExpectAllowed(true, func() error { return server.ListUsersAs(op, password) }))
	acctest.Must(t, server.ExpectAllowed(true, func() error { _, err := session.ListDatabases(); return err }))
	acctest.Must(t, server.ExpectAllowed(true, func() error { return session.ListGrants("admin") }))
	admin, adminPassword := acctest.RandomName("tfacc_adm"), acctest.RandomPassword()
	server.CreateAdmin(t, admin, adminPassword)

	asOp := acctest.NewSecretFile(t, password)
	asAdmin := acctest.NewSecretFile(t, adminPassword)
	all := grants([]string{"privilege", "CreateOwnership"}, []string{"privilege", "DropOwnership"},
		[]string{"privilege", "SelectOwnership"}, []string{"privilege", "ManageOwnership"},
		[]string{"privilege", "UpdateUser", "object_type", "User"}, []string{"privilege", "SelectUser", "object_type", "User"},
		[]string{"privilege", "ListDatabases"})
	lockedOut := "Plan Would Lock the Provider Out of Milvus"
	acctest.Steps(t, nil,
		resource.TestStep{
			ConfigDirectory: policyConfig(t),
			ConfigVariables: acctest.Vars("role", role, "grants", grants([]string{"privilege", "CreateOwnership"},
				[]string{"privilege", "SelectOwnership"}, []string{"privilege", "UpdateUser"}, []string{"privilege", "SelectUser"}, []string{"privilege", "ListDatabases"}),
				"provider_username", op, "provider_password_file", asOp.Path),
			PlanOnly: true,
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words(lockedOut) + ".*" + acctest.Words(
				`takes from role "`+role+`", which the provider's own user "`+op+`" holds, the privileges DropOwnership, ManageOwnership`) +
				".*" + acctest.Words("Nothing was changed")),
		},
		resource.TestStep{
			// Adding is never refused.
			ConfigDirectory: policyConfig(t),
			ConfigVariables: acctest.Vars("role", role, "grants", all[:len(all)-1]+`,{"privilege":"Query"}]`,
				"provider_username", op, "provider_password_file", asOp.Path),
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		},
		resource.TestStep{
			ConfigDirectory: acctest.Config(t, "../rolemembers/testdata/members"),
			ConfigVariables: acctest.Vars("role", role, "members", []string{},
				"provider_username", op, "provider_password_file", asOp.Path),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words(lockedOut) + ".*" + acctest.Words("the privileges CreateOwnership, DropOwnership")),
		},
		resource.TestStep{
			ConfigDirectory: acctest.Config(t, "../rolemembers/testdata/members"),
			ConfigVariables: acctest.Vars("role", "admin", "members", []string{},
				"provider_username", admin, "provider_password_file", asAdmin.Path),
			PlanOnly: true,
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words(lockedOut) + ".*" +
				acctest.Words(`This plan removes the provider's own user "`+admin+`" from the admin role`)),
		},
	)
	for _, g := range managing {
		acctest.Must(t, server.CheckGrant(role, g, true)(nil))
	}
	acctest.Must(t, server.CheckBound(op, role, true)(nil))
	acctest.Must(t, server.CheckBound(admin, "admin", true)(nil))
}
