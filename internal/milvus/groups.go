// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"context"
	"errors"
	"sort"

	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"
	"github.com/milvus-io/milvus/client/v2/milvusclient"
	"github.com/milvus-io/milvus/pkg/v2/util/merr"
)

// PrivilegeGroup is a named set of privileges (Milvus 2.4.16+).
type PrivilegeGroup struct {
	Name       string
	Privileges []string // sorted: Milvus returns a custom group's members in random order
}

// ListPrivilegeGroups returns every privilege group, the custom ones and (on
// 2.4.18+) the built-in ones, sorted by name. The SDK's own call ignores the
// reply's status, so this one reads it.
func (c *Client) ListPrivilegeGroups(ctx context.Context) ([]PrivilegeGroup, error) {
	if err := c.Require(ctx, FeaturePrivilegeGroups); err != nil {
		return nil, err
	}
	var groups []PrivilegeGroup
	err := c.call(ctx, opListGroups, "list privilege groups", func(ctx context.Context) error {
		resp, err := c.sdk.GetService().ListPrivilegeGroups(ctx, &milvuspb.ListPrivilegeGroupsRequest{}, noSDKRetry)
		if err := merr.CheckRPCCall(resp, err); err != nil {
			return err
		}
		groups = groups[:0]
		for _, g := range resp.GetPrivilegeGroups() {
			group := PrivilegeGroup{Name: g.GetGroupName(), Privileges: []string{}}
			for _, p := range g.GetPrivileges() {
				group.Privileges = append(group.Privileges, p.GetName())
			}
			sort.Strings(group.Privileges)
			groups = append(groups, group)
		}
		return nil
	})
	sort.Slice(groups, func(i, j int) bool { return groups[i].Name < groups[j].Name })
	return groups, err
}

// DescribePrivilegeGroup returns one group, or ErrNotFound.
func (c *Client) DescribePrivilegeGroup(ctx context.Context, name string) (*PrivilegeGroup, error) {
	groups, err := c.ListPrivilegeGroups(ctx)
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		if g.Name == name {
			return &g, nil
		}
	}
	return nil, &Error{Kind: ErrNotFound, Entity: EntityPrivilegeGroup, Op: "read privilege group " + name,
		Reason: "Milvus has no privilege group named " + name}
}

// CreatePrivilegeGroup creates an empty group; ErrAlreadyExists if the name
// is taken. When Milvus does not answer, it is asked whether the group exists
// before the request is sent again.
func (c *Client) CreatePrivilegeGroup(ctx context.Context, name string) (Created, error) {
	if err := c.Require(ctx, FeaturePrivilegeGroups); err != nil {
		return 0, err
	}
	return c.createNamed(ctx, opCreateGroup, "create privilege group "+name, func(ctx context.Context) error {
		return c.sdk.CreatePrivilegeGroup(ctx, milvusclient.NewCreatePrivilegeGroupOption(name), noSDKRetry)
	}, func(ctx context.Context) (bool, error) {
		_, err := c.DescribePrivilegeGroup(ctx, name)
		if errors.Is(err, ErrNotFound) {
			return false, nil
		}
		return err == nil, err
	})
}

// DropPrivilegeGroup drops a group. A missing group is success; a group that
// a role's grant still uses is ErrInUse.
func (c *Client) DropPrivilegeGroup(ctx context.Context, name string) error {
	if err := c.Require(ctx, FeaturePrivilegeGroups); err != nil {
		return err
	}
	return c.call(ctx, opDropGroup, "drop privilege group "+name, func(ctx context.Context) error {
		return c.sdk.DropPrivilegeGroup(ctx, milvusclient.NewDropPrivilegeGroupOption(name), noSDKRetry)
	})
}

// AddPrivileges adds privileges to a group; adding a member twice succeeds.
func (c *Client) AddPrivileges(ctx context.Context, group string, privileges []string) error {
	if len(privileges) == 0 {
		return nil // 2.6.6+ refuses an empty list
	}
	return c.call(ctx, opAlterGroup, "add privileges to privilege group "+group, func(ctx context.Context) error {
		return c.sdk.AddPrivilegesToGroup(ctx, milvusclient.NewAddPrivilegesToGroupOption(group, privileges...), noSDKRetry)
	})
}

// RemovePrivileges removes privileges from a group; removing an absent
// member succeeds.
func (c *Client) RemovePrivileges(ctx context.Context, group string, privileges []string) error {
	if len(privileges) == 0 {
		return nil
	}
	return c.call(ctx, opAlterGroup, "remove privileges from privilege group "+group, func(ctx context.Context) error {
		return c.sdk.RemovePrivilegesFromGroup(ctx, milvusclient.NewRemovePrivilegesFromGroupOption(group, privileges...), noSDKRetry)
	})
}

// LookupPrivilegeGroup returns one group from the process's shared listing
// of groups, or ErrNotFound.
func (c *Client) LookupPrivilegeGroup(ctx context.Context, name string) (*PrivilegeGroup, error) {
	groups, err := listed(ctx, c, "privilege groups", c.ListPrivilegeGroups)
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		if g.Name == name {
			return &g, nil
		}
	}
	return nil, &Error{Kind: ErrNotFound, Entity: EntityPrivilegeGroup, Op: "read privilege group " + name,
		Reason: "Milvus has no privilege group named " + name}
}
