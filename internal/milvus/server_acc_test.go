// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// The classification, checked against the real test server's replies
// (make test starts it; TF_ACC and MILVUS_* name it).
func TestAccClient_realServerReplies(t *testing.T) {
	if os.Getenv("TF_ACC") == "" || os.Getenv("MILVUS_ADDRESS") == "" {
		t.Skip("acceptance test: set TF_ACC=1 and MILVUS_ADDRESS (make test does)")
	}
	ctx := context.Background()
	connect := func(user, password string) *Client {
		c, err := Connect(ctx, Config{Address: os.Getenv("MILVUS_ADDRESS"), Timeout: 10 * time.Second,
			Credentials: Credentials{Username: user, Password: password}})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = c.Close(ctx) })
		return c
	}
	c := connect(os.Getenv("MILVUS_USERNAME"), os.Getenv("MILVUS_PASSWORD"))
	// The admin skips the old-password check only if it is a super user.
	var adminWrongOld Kind
	if !adminIsSuperUser() {
		adminWrongOld = ErrWrongOldPassword
	}

	name := "tfacc_client_" + time.Now().Format("150405")
	t.Cleanup(func() { _ = c.DropUser(ctx, name) })
	steps := []struct {
		what string
		err  error
		want Kind // "" means success
	}{
		{"describe a missing user", second(c.DescribeUser(ctx, name)), ErrNotFound},
		{"drop a missing user", c.DropUser(ctx, name), ""},
		{"create", second(c.CreateUser(ctx, name, "first_pw_1")), ""},
		{"create again with another password", second(c.CreateUser(ctx, name, "other_pw_1")), ErrAlreadyExists},
		{"the user changes its own password with a wrong old one", connect(name, "first_pw_1").UpdatePassword(ctx, name, "not_the_pw", "second_pw_2"), ErrWrongOldPassword},
		{"update with a too short new password", c.UpdatePassword(ctx, name, "first_pw_1", "short"), ErrInvalidArgument},
		{"update", c.UpdatePassword(ctx, name, "first_pw_1", "second_pw_2"), ""},
		{"create again with its current password", found(c.CreateUser(ctx, name, "second_pw_2")), ""},
		{"the admin updates with a wrong old password", c.UpdatePassword(ctx, name, "not_the_pw", "third_pw_3"), adminWrongOld},
		{"create with an invalid name", second(c.CreateUser(ctx, "1"+name, "first_pw_1")), ErrInvalidArgument},
		{"drop root", c.DropUser(ctx, RootUser), ErrPermissionDenied},
		{"drop", c.DropUser(ctx, name), ""},
	}
	for _, s := range steps {
		switch {
		case s.want == "" && s.err != nil:
			t.Errorf("%s: %v", s.what, s.err)
		case s.want != "" && !errors.Is(s.err, s.want):
			t.Errorf("%s: got %v, want %s", s.what, s.err, s.want)
		}
	}
	if ok, err := c.CheckPassword(ctx, RootUser, os.Getenv("MILVUS_PASSWORD")); !ok || err != nil {
		t.Errorf("root's password check: %v, %v", ok, err)
	}
	if ok, err := c.CheckPassword(ctx, RootUser, "wrong_pw_1"); ok || err != nil {
		t.Errorf("a wrong password check: %v, %v", ok, err)
	}
	if enabled, err := c.AuthorizationEnabled(ctx); !enabled || err != nil {
		t.Errorf("the test server has authorization on: %v, %v", enabled, err)
	}
}

func second[T any](_ T, err error) error { return err }

// found passes only for a create that found the user already there with the
// password given.
func found(created Created, err error) error {
	if err == nil && created != FoundExisting {
		return fmt.Errorf("outcome %d, want FoundExisting", created)
	}
	return err
}

// adminIsSuperUser is acctest.AdminIsSuperUser (this package cannot import
// acctest, which imports the provider).
func adminIsSuperUser() bool {
	for _, u := range strings.Split(os.Getenv("MILVUS_TEST_SUPERUSERS"), ",") {
		if strings.TrimSpace(u) == os.Getenv("MILVUS_USERNAME") {
			return true
		}
	}
	return false
}
