// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package privilegegroup

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
)

// Update adds and removes members in place, from what Milvus holds now.
func (r *groupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var planned groupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := planned.Name.ValueString()
	desired, diags := planned.members(ctx)
	if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() {
		return
	}
	current, err := r.Data.Client.DescribePrivilegeGroup(ctx, name)
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus Privilege Group", err))
		return
	}
	add, remove := diff(current.Privileges, desired)
	if err := r.Data.Client.AddPrivileges(ctx, name, add); err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Add Privileges to Milvus Privilege Group", err))
		return
	}
	if err := r.Data.Client.RemovePrivileges(ctx, name, remove); err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Remove Privileges from Milvus Privilege Group", err))
		return
	}
	state := planned
	r.readBack(ctx, &state, &resp.Diagnostics)
	resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, state)...)
}
