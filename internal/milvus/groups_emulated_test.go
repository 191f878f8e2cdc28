// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/milvus-io/milvus-proto/go-api/v2/commonpb"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Privilege groups on the emulator of Milvus 2.4.16 to 2.6.19
// (acctest.Emulator: replies written from each release's source, not
// recorded from a server): only 2.3 runs here.
func connectEmulator(t *testing.T, version string) (*acctest.Emulator, *milvus.Client) {
	t.Helper()
	s := acctest.StartEmulator(t, version)
	c, err := milvus.Connect(context.Background(), milvus.Config{Address: s.Address, Timeout: 5 * time.Second,
		Credentials: milvus.Credentials{Username: "root", Password: "Milvus"}, MaxRetries: 1, RetryDelay: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close(context.Background()) })
	return s, c
}

func TestPrivilegeGroups_emulated(t *testing.T) {
	for _, version := range []string{"v2.4.16", "v2.5.4", "v2.6.6", "v2.6.19"} {
		t.Run(version, func(t *testing.T) {
			_, c := connectEmulator(t, version)
			ctx := context.Background()
			if _, err := c.CreatePrivilegeGroup(ctx, "g1"); err != nil {
				t.Fatal(err)
			}
			if _, err := c.CreatePrivilegeGroup(ctx, "g1"); !errors.Is(err, milvus.ErrAlreadyExists) {
				t.Errorf("creating it again: %v, want ErrAlreadyExists", err)
			}
			if err := c.AddPrivileges(ctx, "g1", []string{"Search", "Query", "Insert"}); err != nil {
				t.Fatal(err)
			}
			if err := c.AddPrivileges(ctx, "g1", []string{"Query"}); err != nil {
				t.Errorf("adding a member twice: %v", err)
			}
			if err := c.AddPrivileges(ctx, "nope", []string{"Query"}); !errors.Is(err, milvus.ErrNotFound) {
				t.Errorf("adding to a missing group: %v, want ErrNotFound", err)
			}
			if err := c.AddPrivileges(ctx, "g1", []string{"Inesrt"}); !errors.Is(err, milvus.ErrInvalidArgument) {
				t.Errorf("an unknown privilege: %v, want ErrInvalidArgument", err)
			}
			if err := c.AddPrivileges(ctx, "g1", nil); err != nil {
				t.Errorf("nothing to add must send nothing (2.6.6+ refuses an empty list): %v", err)
			}
			if err := c.RemovePrivileges(ctx, "g1", []string{"Insert", "Delete"}); err != nil {
				t.Errorf("removing a member and a non-member: %v", err)
			}
			for i := 0; i < 5; i++ { // the server shuffles members on every listing
				g, err := c.DescribePrivilegeGroup(ctx, "g1")
				if err != nil || !slices.Equal(g.Privileges, []string{"Query", "Search"}) {
					t.Fatalf("members %v, %v; want them sorted", g, err)
				}
			}
			if err := c.DropPrivilegeGroup(ctx, "g1"); err != nil {
				t.Fatal(err)
			}
			if err := c.DropPrivilegeGroup(ctx, "g1"); err != nil {
				t.Errorf("dropping a missing group: %v", err)
			}
			if _, err := c.DescribePrivilegeGroup(ctx, "g1"); !errors.Is(err, milvus.ErrNotFound) {
				t.Errorf("after the drop: %v", err)
			}
		})
	}
}

// The SDK's own ListPrivilegeGroups ignores the reply's status; the
// provider's reads it.
func TestPrivilegeGroups_listReadsTheStatus(t *testing.T) {
	s, c := connectEmulator(t, "v2.5.4")
	s.FailNext("ListPrivilegeGroups", &commonpb.Status{Code: 65535, ErrorCode: commonpb.ErrorCode_ListPrivilegeGroupsFailure,
		Reason: "failed to list privilege groups: etcdserver: request timed out"})
	groups, err := c.ListPrivilegeGroups(context.Background())
	if err == nil || groups != nil {
		t.Fatalf("a failed listing read as %v groups, %v", groups, err)
	}
}

// In use: the drop fails as ErrInUse; the roles are listed across databases.
func TestPrivilegeGroups_inUse(t *testing.T) {
	s, c := connectEmulator(t, "v2.6.19")
	ctx := context.Background()
	if _, err := c.CreatePrivilegeGroup(ctx, "g1"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateRole(ctx, "r1"); err != nil {
		t.Fatal(err)
	}
	if err := c.Grant(ctx, milvus.Grant{Role: "r1", ObjectType: "Global", ObjectName: "*", DBName: "d1", Privilege: "g1", Group: true}); err != nil {
		t.Fatal(err)
	}
	roles, err := c.RolesUsing(ctx, "g1")
	if err != nil || !slices.Equal(roles, []string{"r1"}) {
		t.Fatalf("roles using g1: %v, %v", roles, err)
	}
	if err := c.DropPrivilegeGroup(ctx, "g1"); !errors.Is(err, milvus.ErrInUse) {
		t.Fatalf("dropping a granted group: %v, want ErrInUse", err)
	}
	// Dropping the role revokes the group grant (with the 2.4.18 call) first.
	if err := c.DropRole(ctx, "r1"); err != nil {
		t.Fatal(err)
	}
	if s.Calls("OperatePrivilege") != 0 {
		t.Fatal("a group grant was revoked with the classic call, which 2.4.18+ refuses")
	}
	if err := c.DropPrivilegeGroup(ctx, "g1"); err != nil {
		t.Fatal(err)
	}
}

// On a server before 2.4.16 nothing is sent: the version says no first.
func TestPrivilegeGroups_versionGate(t *testing.T) {
	s, c := connectEmulator(t, "v2.4.15")
	_, err := c.CreatePrivilegeGroup(context.Background(), "g1")
	var e *milvus.Error
	if !errors.As(err, &e) || e.Kind != milvus.ErrUnsupported {
		t.Fatalf("got %v, want ErrUnsupported", err)
	}
	if want := "custom privilege groups needs Milvus 2.4.16 or later, and this server is v2.4.15"; e.Reason != want {
		t.Fatalf("reason %q, want %q", e.Reason, want)
	}
	if s.Calls("CreatePrivilegeGroup") != 0 {
		t.Fatal("the request was sent to a server without it")
	}
}
