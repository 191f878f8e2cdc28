// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package privilegegroup

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

func (r *groupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var planned groupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := planned.Name.ValueString()
	members, diags := planned.members(ctx)
	if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() {
		return
	}
	_, err := r.Data.Client.CreatePrivilegeGroup(ctx, name)
	switch {
	case errors.Is(err, milvus.ErrAlreadyExists):
		if !r.takeOver(ctx, name, members, &resp.Diagnostics) {
			return
		}
	case err != nil:
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Create Milvus Privilege Group", err))
		return
	}
	// The group exists from here on: record it even if adding its members
	// fails, so Terraform keeps track of it.
	state := planned
	state.ID = planned.Name
	if err := r.Data.Client.AddPrivileges(ctx, name, members); err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Add Privileges to Milvus Privilege Group", err))
	}
	r.readBack(ctx, &state, &resp.Diagnostics)
	resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, state)...)
}

// readBack sets the members Milvus reports.
func (r *groupResource) readBack(ctx context.Context, state *groupModel, diags *diag.Diagnostics) {
	g, err := r.Data.Client.DescribePrivilegeGroup(ctx, state.Name.ValueString())
	if err != nil {
		diags.Append(diagnostics.Warning("Unable to Read Back Milvus Privilege Group", state.Name.ValueString(),
			"Milvus carried out the change to "+object(state.Name.ValueString()).Name+", and Terraform recorded it, but reading it back failed: "+
				diagnostics.Detail(err)))
		return
	}
	state.fromServer(g)
}
