// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package entity

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/providerdata"
)

// managingPrivileges are what the provider's own user needs to manage users,
// roles, bindings and grants.
var managingPrivileges = []string{"CreateOwnership", "DropOwnership", "SelectOwnership", "ManageOwnership", "UpdateUser", "SelectUser"}

// AccessChange is what a plan does to one role: its grants after the apply
// (when Grants is set) and its members after the apply (when Members is set).
type AccessChange struct {
	Role    string
	Grants  *[]milvus.Grant
	Members *[]string
}

// CheckLockOut refuses, at plan time, a change that would take from the
// provider's own user what it needs to manage access: its admin binding, or
// a privilege it holds through no other role. Adding members or grants is
// never refused, and neither is anything when the provider acts as root
// (Milvus never checks root's privileges) or by API key.
func CheckLockOut(ctx context.Context, data *providerdata.Data, change AccessChange) diag.Diagnostics {
	var diags diag.Diagnostics
	if data == nil {
		return diags
	}
	me := data.Client.Username()
	if me == "" || me == milvus.RootUser {
		return diags
	}
	user, err := data.Client.DescribeUser(ctx, me)
	if err != nil {
		diags.Append(diagnostics.MilvusError("Unable to Check the Provider's Own Access", err))
		return diags
	}
	roles := append([]string{milvus.RolePublic}, user.Roles...)
	after := slices.Clone(roles)
	if change.Members != nil && slices.Contains(user.Roles, change.Role) && !slices.Contains(*change.Members, me) {
		after = slices.DeleteFunc(after, func(r string) bool { return r == change.Role })
		if change.Role == milvus.RoleAdmin {
			diags.AddError("Plan Would Lock the Provider Out of Milvus", fmt.Sprintf(
				"This plan removes the provider's own user %q from the admin role. After the apply the provider could no longer "+
					"manage users, roles and grants, and no Terraform run as %q could undo it. Nothing was changed. Keep %q among the "+
					"members, or run Terraform as root (Milvus never checks root's privileges) to change admin's members.", me, me, me))
			return diags
		}
	}
	if slices.Contains(after, milvus.RoleAdmin) {
		return diags // admin may do everything
	}
	before, err := held(ctx, data.Client, roles, nil)
	if err == nil {
		var now []string
		now, err = held(ctx, data.Client, after, &change)
		lost := slices.DeleteFunc(before, func(p string) bool { return slices.Contains(now, p) })
		if err == nil && len(lost) > 0 {
			diags.AddError("Plan Would Lock the Provider Out of Milvus", fmt.Sprintf(
				"This plan takes from role %q, which the provider's own user %q holds, the privileges %s, and no other role of "+
					"%q gives them. After the apply the provider could no longer manage users, roles and grants, and no Terraform run as "+
					"%q could undo it. Nothing was changed. Keep them in the role, give %q another role that holds them first, or run "+
					"Terraform as root (Milvus never checks root's privileges).", change.Role, me, strings.Join(lost, ", "), me, me, me))
		}
	}
	if err != nil {
		diags.Append(diagnostics.MilvusError("Unable to Check the Provider's Own Access", err))
	}
	return diags
}

// held returns the managing privileges that roles give, with change applied.
func held(ctx context.Context, c *milvus.Client, roles []string, change *AccessChange) ([]string, error) {
	v, err := c.Version(ctx)
	if err != nil {
		return nil, err
	}
	var groups map[string][]string
	found := map[string]bool{}
	for _, role := range roles {
		var grants []milvus.Grant
		if change != nil && change.Role == role && change.Grants != nil {
			grants = *change.Grants
		} else if grants, err = c.ListRoleGrants(ctx, role); err != nil {
			return nil, err
		}
		for _, g := range grants {
			// Milvus checks these in the provider's database; Milvus 3.0
			// checks cluster-level privileges, which all of them are, in "*".
			if g.DBName != milvus.AllDatabases && (g.DBName != c.DBName() || v.Major >= 3) {
				continue
			}
			names := []string{g.Privilege}
			if g.Group {
				if groups == nil {
					if groups, err = groupMembers(ctx, c); err != nil {
						return nil, err
					}
				}
				names = groups[g.Privilege]
			}
			for _, p := range names {
				if p == milvus.AnyPrivilege || p == "All" {
					return slices.Clone(managingPrivileges), nil
				}
				if slices.Contains(managingPrivileges, p) {
					found[p] = true
				}
			}
		}
	}
	out := make([]string, 0, len(found))
	for p := range found {
		out = append(out, p)
	}
	sort.Strings(out)
	return out, nil
}

func groupMembers(ctx context.Context, c *milvus.Client) (map[string][]string, error) {
	list, err := c.ListPrivilegeGroups(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, g := range list {
		out[g.Name] = g.Privileges
	}
	return out, nil
}
