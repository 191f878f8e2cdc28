// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"context"
	"errors"
	"sort"
	"strings"

	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"
	"github.com/milvus-io/milvus/client/v2/milvusclient"
	"github.com/milvus-io/milvus/pkg/v2/util/merr"
)

// The roles every Milvus server has; they cannot be dropped.
const (
	RoleAdmin  = "admin"
	RolePublic = "public"
)

// BuiltInRole reports whether Milvus creates the role itself.
func BuiltInRole(name string) bool { return name == RoleAdmin || name == RolePublic }

// Role is a Milvus role with the users bound to it.
type Role struct {
	Name  string
	Users []string // sorted
	// Description is the role's description (Milvus 2.6.19 and later; ""
	// before).
	Description string
}

// ListRoles returns every role name, sorted.
func (c *Client) ListRoles(ctx context.Context) ([]string, error) {
	var names []string
	err := c.call(ctx, opListRoles, "list roles", func(ctx context.Context) error {
		var err error
		names, err = c.sdk.ListRoles(ctx, milvusclient.NewListRoleOption(), noSDKRetry)
		return err
	})
	sort.Strings(names)
	return names, err
}

// DescribeRole returns one role with its users, or ErrNotFound. The SDK has
// no call that includes users, so this one uses the SDK's connection.
func (c *Client) DescribeRole(ctx context.Context, name string) (*Role, error) {
	var role *Role
	err := c.call(ctx, opListRoles, "read role "+name, func(ctx context.Context) error {
		resp, err := c.sdk.GetService().SelectRole(ctx, &milvuspb.SelectRoleRequest{
			Role: &milvuspb.RoleEntity{Name: name}, IncludeUserInfo: true}, noSDKRetry)
		if err := merr.CheckRPCCall(resp, err); err != nil {
			return err
		}
		// Milvus answers a missing role with success and no results.
		for _, r := range resp.GetResults() {
			if r.GetRole().GetName() != name {
				continue
			}
			role = &Role{Name: name, Users: usersOf(r), Description: r.GetRole().GetDescription()}
			sort.Strings(role.Users)
		}
		return nil
	})
	if err == nil && role == nil {
		err = &Error{Kind: ErrNotFound, Entity: EntityRole, Op: "read role " + name, Reason: "Milvus has no role named " + name}
	}
	return role, err
}

func (c *Client) roleExists(ctx context.Context, name string) (bool, error) {
	_, err := c.DescribeRole(ctx, name)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// CreateRole creates a role; ErrAlreadyExists if the name is taken, and
// ErrLimitExceeded at proxy.maxRoleNum. When Milvus does not answer, it is
// asked whether the role exists before the request is sent again.
func (c *Client) CreateRole(ctx context.Context, name string) (Created, error) {
	return c.createNamed(ctx, opCreateRole, "create role "+name, func(ctx context.Context) error {
		return c.sdk.CreateRole(ctx, milvusclient.NewCreateRoleOption(name), noSDKRetry)
	}, func(ctx context.Context) (bool, error) { return c.roleExists(ctx, name) })
}

// DropRole removes a role and leaves nothing behind: it revokes every grant
// of the role in every database first, because servers before 2.4.18 drop a
// role whose grants live outside the default database and keep those grants,
// which a new role of the same name would inherit. Then it drops the role,
// with force_drop where the server honours it (2.4.11+). A role that is
// already gone is success.
func (c *Client) DropRole(ctx context.Context, name string) error {
	grants, err := c.RoleGrants(ctx, name)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, g := range grants {
		if err := c.Revoke(ctx, g); err != nil {
			return err
		}
	}
	force, err := c.Supports(ctx, FeatureForceDropRole)
	if err != nil {
		return err
	}
	_, err = c.write(ctx, opDropRole, "drop role "+name, func(ctx context.Context) error {
		return c.sdk.DropRole(ctx, dropRoleOption{name: name, force: force}, noSDKRetry)
	}, func(ctx context.Context) (bool, error) {
		exists, err := c.roleExists(ctx, name)
		return !exists, err
	})
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// dropRoleOption adds force_drop, which the SDK's own option never sets.
type dropRoleOption struct {
	name  string
	force bool
}

func (o dropRoleOption) Request() *milvuspb.DropRoleRequest {
	return &milvuspb.DropRoleRequest{RoleName: o.name, ForceDrop: o.force}
}

// BindRole binds user to role. Binding twice succeeds.
func (c *Client) BindRole(ctx context.Context, user, role string) error {
	return c.call(ctx, opBindRole, "bind user "+user+" to role "+role, func(ctx context.Context) error {
		return c.sdk.GrantRole(ctx, milvusclient.NewGrantRoleOption(user, role), noSDKRetry)
	})
}

// UnbindRole removes the binding of user to role. Removing a missing binding
// succeeds.
func (c *Client) UnbindRole(ctx context.Context, user, role string) error {
	return c.call(ctx, opUnbindRole, "unbind user "+user+" from role "+role, func(ctx context.Context) error {
		return c.sdk.RevokeRole(ctx, milvusclient.NewRevokeRoleOption(user, role), noSDKRetry)
	})
}

// LookupRole reports whether a role exists, from the process's shared
// listing of roles; ErrNotFound when it does not.
func (c *Client) LookupRole(ctx context.Context, name string) error {
	names, err := listed(ctx, c, "roles", c.ListRoles)
	if err != nil {
		return err
	}
	if i := sort.SearchStrings(names, name); i < len(names) && names[i] == name {
		return nil
	}
	return &Error{Kind: ErrNotFound, Entity: EntityRole, Op: "read role " + name, Reason: "Milvus has no role named " + name}
}

// ListRolesWithUsers returns every role with its users, sorted, in one
// request, from the process's shared listing.
func (c *Client) ListRolesWithUsers(ctx context.Context) ([]Role, error) {
	return listed(ctx, c, "roles with users", func(ctx context.Context) ([]Role, error) {
		var roles []Role
		err := c.call(ctx, opListRoles, "list roles with their users", func(ctx context.Context) error {
			resp, err := c.sdk.GetService().SelectRole(ctx, &milvuspb.SelectRoleRequest{IncludeUserInfo: true}, noSDKRetry)
			if err := merr.CheckRPCCall(resp, err); err != nil {
				return err
			}
			roles = roles[:0]
			for _, r := range resp.GetResults() {
				if strings.TrimSpace(r.GetRole().GetName()) == "" {
					continue // a ghost entry of Milvus 2.6.18 and older
				}
				roles = append(roles, Role{Name: r.GetRole().GetName(), Users: usersOf(r), Description: r.GetRole().GetDescription()})
			}
			return nil
		})
		sort.Slice(roles, func(i, j int) bool { return roles[i].Name < roles[j].Name })
		return roles, err
	})
}

// LookupRoleUsers returns one role with its users from the shared listing,
// or ErrNotFound.
func (c *Client) LookupRoleUsers(ctx context.Context, name string) (*Role, error) {
	roles, err := c.ListRolesWithUsers(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range roles {
		if r.Name == name {
			return &r, nil
		}
	}
	return nil, &Error{Kind: ErrNotFound, Entity: EntityRole, Op: "read role " + name, Reason: "Milvus has no role named " + name}
}

// usersOf are a role's users, sorted, without the empty ("ghost") names
// Milvus 2.6.18 and older list after repeated grants and revokes (#50544).
func usersOf(r *milvuspb.RoleResult) []string {
	users := []string{}
	for _, u := range r.GetUsers() {
		if name := strings.TrimSpace(u.GetName()); name != "" {
			users = append(users, name)
		}
	}
	sort.Strings(users)
	return users
}
