// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package privilegegroup

import (
	"context"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/tfvalue"
)

// groupModel is the milvus_privilege_group state.
type groupModel struct {
	ID         types.String `tfsdk:"id"`
	Name       types.String `tfsdk:"name"`
	Privileges types.Set    `tfsdk:"privileges"`
}

func (m *groupModel) fromServer(g *milvus.PrivilegeGroup) {
	m.ID = types.StringValue(g.Name)
	m.Name = types.StringValue(g.Name)
	m.Privileges = tfvalue.StringSet(g.Privileges)
}

// members are the configured privileges, sorted.
func (m groupModel) members(ctx context.Context) ([]string, diag.Diagnostics) {
	var members []string
	diags := m.Privileges.ElementsAs(ctx, &members, false)
	sort.Strings(members)
	return members, diags
}

func object(name string) diagnostics.Object {
	return diagnostics.Object{Entity: milvus.EntityPrivilegeGroup, Name: fmt.Sprintf("privilege group %q", name),
		Resource: "milvus_privilege_group", ImportID: name}
}

// diff returns what to add to and remove from current to reach desired.
func diff(current, desired []string) (add, remove []string) {
	has := func(list []string, v string) bool {
		for _, x := range list {
			if x == v {
				return true
			}
		}
		return false
	}
	for _, p := range desired {
		if !has(current, p) {
			add = append(add, p)
		}
	}
	for _, p := range current {
		if !has(desired, p) {
			remove = append(remove, p)
		}
	}
	return add, remove
}
