// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// DropRole asks for force_drop only where the server honours it (2.4.11+),
// and revokes first everywhere, so nothing is left behind on any version.
// On the emulator (replies written from the source): only 2.3 runs here.
func TestDropRole_forceOnlyWhereTheServerHonoursIt(t *testing.T) {
	for version, wantForce := range map[string]bool{"v2.4.10": false, "v2.4.11": true, "v2.5.4": true, "v2.6.19": true} {
		t.Run(version, func(t *testing.T) {
			s, c := connectEmulator(t, version)
			ctx := context.Background()
			if _, err := c.CreateRole(ctx, "reader"); err != nil {
				t.Fatal(err)
			}
			g := milvus.Grant{Role: "reader", ObjectType: "Collection", ObjectName: "books", DBName: "db1", Privilege: "Query"}
			if err := c.Grant(ctx, g); err != nil {
				t.Fatal(err)
			}
			if err := c.DropRole(ctx, "reader"); err != nil {
				t.Fatal(err)
			}
			if got := s.DropRoleForced(); !slices.Equal(got, []bool{wantForce}) {
				t.Errorf("force_drop sent %v, want [%v]", got, wantForce)
			}
			if s.Calls("OperatePrivilege") != 2 {
				t.Errorf("OperatePrivilege called %d times, want a grant and its revoke", s.Calls("OperatePrivilege"))
			}
			if _, err := c.RoleGrants(ctx, "reader"); !errors.Is(err, milvus.ErrNotFound) {
				t.Errorf("after the drop: %v, want ErrNotFound", err)
			}
		})
	}
}
