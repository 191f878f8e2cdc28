// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package access is the milvus_access data source: everything
// access-related a Milvus server holds, in the shapes and import IDs of the
// provider's resources, for adopting a server that scripts set up.
package access

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// inventory is what the server holds.
type inventory struct {
	users     []milvus.User
	roles     []milvus.Role
	grants    map[string][]milvus.Grant // by role, without the rows Milvus adds beside Load and Flush
	groups    []milvus.PrivilegeGroup   // custom groups only
	databases []milvus.Database
}

// read lists everything: users with their roles, roles with their users,
// every role's grants in every database, custom privilege groups (2.4.16+)
// and databases with their properties.
func read(ctx context.Context, c *milvus.Client) (*inventory, error) {
	inv := &inventory{grants: map[string][]milvus.Grant{}}
	var err error
	if inv.users, err = c.ListUsers(ctx); err != nil {
		return nil, err
	}
	if inv.roles, err = c.ListRolesWithUsers(ctx); err != nil {
		return nil, err
	}
	for _, r := range inv.roles {
		rows, err := c.ListRoleGrants(ctx, r.Name)
		if errors.Is(err, milvus.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, g := range rows {
			if !milvus.CompanionOf(g, rows) {
				inv.grants[r.Name] = append(inv.grants[r.Name], g)
			}
		}
	}
	if groups, err := c.Supports(ctx, milvus.FeaturePrivilegeGroups); err != nil {
		return nil, err
	} else if groups {
		all, err := c.ListPrivilegeGroups(ctx)
		if err != nil {
			return nil, err
		}
		for _, g := range all {
			if _, builtIn := milvus.LookupBuiltInGroup(g.Name); !builtIn {
				inv.groups = append(inv.groups, g)
			}
		}
	}
	if inv.databases, err = c.DescribeDatabases(ctx); err != nil {
		return nil, err
	}
	return inv, nil
}

// grantID is a milvus_grant's import ID.
func grantID(g milvus.Grant) string {
	return entity.ID(g.Role, g.DBName, g.ObjectType, g.ObjectName, g.Privilege)
}

// adoption is one resource to import: its type, a label for its address,
// and its import ID.
type adoption struct {
	Type, Label, ID string
}

// Styles of adoption for grants and bindings.
const (
	Additive      = "additive"
	Authoritative = "authoritative"
)

// adoptions are the resources that would manage what the server holds:
// every user (root included: adopted without its password, it is kept as
// it is), every role but the built-in ones, every custom group, every
// database but default; and grants and bindings, one resource each
// (additive) or one per role (authoritative: every role's grant set,
// public's included, and every role's members, admin's included).
func (inv *inventory) adoptions(style string) []adoption {
	labels := map[string]int{}
	label := func(typeName string, parts ...string) string {
		for i, p := range parts {
			if p == milvus.AllDatabases {
				parts[i] = "all" // "*": every database, object or privilege
			}
		}
		l := strings.Trim(nonIdentifier.ReplaceAllString(strings.ToLower(strings.Join(parts, "_")), "_"), "_")
		if l == "" || (l[0] >= '0' && l[0] <= '9') {
			l = "x_" + l
		}
		key := typeName + "." + l
		labels[key]++
		if n := labels[key]; n > 1 {
			l = fmt.Sprintf("%s_%d", l, n)
		}
		return l
	}
	var out []adoption
	add := func(typeName, id string, parts ...string) {
		out = append(out, adoption{Type: typeName, Label: label(typeName, parts...), ID: id})
	}
	for _, u := range inv.users {
		add("milvus_user", u.Name, u.Name)
	}
	for _, d := range inv.databases {
		if d.Name != milvus.DefaultDatabase {
			add("milvus_database", d.Name, d.Name)
		}
	}
	for _, g := range inv.groups {
		add("milvus_privilege_group", g.Name, g.Name)
	}
	for _, r := range inv.roles {
		builtIn := milvus.BuiltInRole(r.Name)
		if !builtIn {
			add("milvus_role", r.Name, r.Name)
		}
		switch {
		case style == Authoritative:
			if r.Name != milvus.RoleAdmin {
				add("milvus_role_policy", r.Name, r.Name)
			}
			if r.Name != milvus.RolePublic {
				add("milvus_role_members", r.Name, r.Name)
			}
		case !builtIn:
			for _, g := range inv.grants[r.Name] {
				add("milvus_grant", grantID(g), g.Role, g.DBName, g.ObjectName, g.Privilege)
			}
		}
	}
	if style != Authoritative {
		for _, u := range inv.users {
			for _, r := range u.Roles {
				if r != milvus.RolePublic {
					add("milvus_user_role", entity.ID(u.Name, r), u.Name, r)
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Type < out[j].Type })
	return out
}

var nonIdentifier = regexp.MustCompile(`[^a-z0-9]+`)

// importBlocks is the HCL of one import block per adoption, for
// `terraform plan -generate-config-out`.
func importBlocks(adoptions []adoption) string {
	var b strings.Builder
	b.WriteString("# Generated by the milvus_access data source: one import block per object the server holds.\n")
	for _, a := range adoptions {
		fmt.Fprintf(&b, "\nimport {\n  to = %s.%s\n  id = %q\n}\n", a.Type, a.Label, a.ID)
	}
	return b.String()
}
