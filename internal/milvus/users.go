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

// RootUser is the built-in account Milvus creates at first start and refuses
// to delete.
const RootUser = "root"

// User is a Milvus user as the server reports it.
type User struct {
	Name  string
	Roles []string // sorted
	// Description is the user's description (Milvus 2.6.19 and later; ""
	// before).
	Description string
}

// Created says how a create came to succeed.
type Created int

const (
	// CreatedNow: Milvus created the object on this request.
	CreatedNow Created = iota
	// CreatedAfterLostReply: an attempt went unanswered, and Milvus turned out
	// to have carried it out.
	CreatedAfterLostReply
	// FoundExisting: the object already existed, and is provably the one asked
	// for (a user that logs in with the configured password); most likely an
	// earlier, interrupted run created it.
	FoundExisting
)

// CreateUser creates a user. A create is never repeated blindly: when
// Milvus does not answer, or answers that the user exists, the user counts as
// created only if it logs in with password. Otherwise the error is
// ErrAlreadyExists.
func (c *Client) CreateUser(ctx context.Context, name, password string) (Created, error) {
	hasPassword := func(ctx context.Context) (bool, error) { return c.userHasPassword(ctx, name, password) }
	lostReply, err := c.write(ctx, opCreateUser, "create user "+name, func(ctx context.Context) error {
		return c.sdk.CreateUser(ctx, milvusclient.NewCreateUserOption(name, password), noSDKRetry)
	}, hasPassword)
	switch {
	case err == nil && lostReply:
		return CreatedAfterLostReply, nil
	case err == nil:
		return CreatedNow, nil
	case !errors.Is(err, ErrAlreadyExists):
		return 0, err
	}
	ours, checkErr := hasPassword(ctx)
	switch {
	case checkErr != nil:
		return 0, checkErr
	case !ours:
		return 0, err
	case lostReply:
		return CreatedAfterLostReply, nil
	}
	return FoundExisting, nil
}

// userHasPassword reports whether name exists and logs in with password. A
// server that does not check passwords accepts any login, which proves
// nothing: there the answer is always false.
func (c *Client) userHasPassword(ctx context.Context, name, password string) (bool, error) {
	enforced, err := c.AuthorizationEnabled(ctx)
	if err != nil {
		return false, err
	}
	if !enforced {
		return false, nil
	}
	return c.CheckPassword(ctx, name, password)
}

// DescribeUser returns one user with its roles, or ErrNotFound.
func (c *Client) DescribeUser(ctx context.Context, name string) (*User, error) {
	var users []User
	err := c.call(ctx, opDescribeUser, "read user "+name, func(ctx context.Context) error {
		var err error
		users, err = c.selectUsers(ctx, &milvuspb.UserEntity{Name: name})
		return err
	})
	if err != nil {
		return nil, err
	}
	// Milvus answers a missing user with success and no results.
	for _, u := range users {
		if u.Name == name {
			return &u, nil
		}
	}
	return nil, &Error{Kind: ErrNotFound, Entity: EntityUser, Op: "read user " + name, Reason: "Milvus has no user named " + name}
}

// ListUsers returns every user with its roles, sorted by name: Milvus's own
// order differs between versions.
func (c *Client) ListUsers(ctx context.Context) ([]User, error) {
	var users []User
	err := c.call(ctx, opListUsers, "list users", func(ctx context.Context) error {
		var err error
		users, err = c.selectUsers(ctx, nil)
		return err
	})
	sort.Slice(users, func(i, j int) bool { return users[i].Name < users[j].Name })
	return users, err
}

// selectUsers calls SelectUser with role information. The SDK has no
// list-with-roles call, so this one uses the SDK's connection directly.
func (c *Client) selectUsers(ctx context.Context, user *milvuspb.UserEntity) ([]User, error) {
	resp, err := c.sdk.GetService().SelectUser(ctx, &milvuspb.SelectUserRequest{User: user, IncludeRoleInfo: true}, noSDKRetry)
	if err := merr.CheckRPCCall(resp, err); err != nil {
		return nil, err
	}
	users := make([]User, 0, len(resp.GetResults()))
	for _, r := range resp.GetResults() {
		roles := make([]string, 0, len(r.GetRoles()))
		for _, role := range r.GetRoles() {
			// Milvus 2.6.18 and older list an empty ("ghost") role name for a
			// user after repeated grants and revokes (fixed by #50544).
			if name := strings.TrimSpace(role.GetName()); name != "" {
				roles = append(roles, name)
			}
		}
		sort.Strings(roles)
		users = append(users, User{Name: r.GetUser().GetName(), Roles: roles, Description: r.GetDescription()})
	}
	return users, nil
}

// UpdatePassword changes a password, proving the old one. A wrong old
// password gives ErrWrongOldPassword. When Milvus does not answer, the change
// counts as made if the new password logs in; it is never sent again with an
// old password that may no longer be valid.
func (c *Client) UpdatePassword(ctx context.Context, name, oldPassword, newPassword string) error {
	lostReply, err := c.write(ctx, opUpdatePassword, "update the password of user "+name, func(ctx context.Context) error {
		return c.sdk.UpdatePassword(ctx, milvusclient.NewUpdatePasswordOption(name, oldPassword, newPassword), noSDKRetry)
	}, func(ctx context.Context) (bool, error) { return c.userHasPassword(ctx, name, newPassword) })
	if lostReply && errors.Is(err, ErrWrongOldPassword) {
		// The unanswered attempt may have changed it after all.
		if done, checkErr := c.userHasPassword(ctx, name, newPassword); checkErr == nil && done {
			err = nil
		}
	}
	if err == nil {
		c.followRotation(name, newPassword)
	}
	return err
}

// ResetPassword sets a password without the old one. Milvus skips the old
// password check only when the caller is listed in common.security.superUsers;
// otherwise this fails with ErrWrongOldPassword. Milvus 2.3 to 2.6.4 would
// create a missing user here, so the user's existence is checked first.
func (c *Client) ResetPassword(ctx context.Context, name, newPassword string) error {
	if _, err := c.DescribeUser(ctx, name); err != nil {
		return err
	}
	return c.UpdatePassword(ctx, name, "", newPassword)
}

// followRotation keeps the provider logged in after it changed its own
// user's password.
func (c *Client) followRotation(name, newPassword string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.credential.APIKey == "" && c.credential.Username == name {
		c.credential.Password = newPassword
	}
}

// DropUser deletes a user. A user that is already gone is success, as in
// Milvus itself.
func (c *Client) DropUser(ctx context.Context, name string) error {
	return c.call(ctx, opDropUser, "delete user "+name, func(ctx context.Context) error {
		return c.sdk.DropUser(ctx, milvusclient.NewDropUserOption(name), noSDKRetry)
	})
}

// CheckPassword reports whether name can log in with password. It sends one
// cheap request (GetVersion) on the existing connection with that user's
// credentials instead of the provider's.
func (c *Client) CheckPassword(ctx context.Context, name, password string) (bool, error) {
	err := c.loginAs(ctx, Credentials{Username: name, Password: password}, "check the password of user "+name)
	if errors.Is(err, ErrUnauthenticated) {
		return false, nil
	}
	return err == nil, err
}

// loginAs sends one cheap request (GetVersion) on the existing connection
// with creds instead of the provider's own credentials.
func (c *Client) loginAs(ctx context.Context, creds Credentials, what string) error {
	ctx = context.WithValue(ctx, credentialKey{}, creds)
	return c.call(ctx, opCheckPassword, what, func(ctx context.Context) error {
		_, err := c.sdk.GetServerVersion(ctx, milvusclient.NewGetServerVersionOption(), noSDKRetry)
		return err
	})
}

// ServerVersion is the version Milvus reports, e.g. "v2.5.4".
func (c *Client) ServerVersion(ctx context.Context) (string, error) {
	var version string
	err := c.call(ctx, opVersion, "read the server version", func(ctx context.Context) error {
		var err error
		version, err = c.sdk.GetServerVersion(ctx, milvusclient.NewGetServerVersionOption(), noSDKRetry)
		return err
	})
	return version, err
}

// LookupUser returns one user with its roles from the process's shared
// listing of all users (one request for any number of users), or
// ErrNotFound. Reads after a write use DescribeUser, which asks Milvus.
func (c *Client) LookupUser(ctx context.Context, name string) (*User, error) {
	users, err := listed(ctx, c, "users", c.ListUsers)
	if err != nil {
		return nil, err
	}
	i := sort.Search(len(users), func(i int) bool { return users[i].Name >= name })
	if i < len(users) && users[i].Name == name {
		u := users[i]
		return &u, nil
	}
	return nil, &Error{Kind: ErrNotFound, Entity: EntityUser, Op: "read user " + name, Reason: "Milvus has no user named " + name}
}
