// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolemembers

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/tfvalue"
)

// Read takes every user bound to the role, from the process's shared
// listing of roles with their users (one request for all of them).
func (r *membersResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state membersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	_, recorded, diags := entity.LoadApplied(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	role := state.Role.ValueString()
	current, err := r.Data.Client.LookupRoleUsers(ctx, role)
	if errors.Is(err, milvus.ErrNotFound) {
		entity.Gone(ctx, resp, state, diagnostics.Warning("Milvus Role Deleted Outside Terraform", role, fmt.Sprintf(
			"Milvus no longer has role %q, whose members this milvus_role_members holds: it was dropped outside Terraform, and its "+
				"bindings with it. Terraform has removed the resource from state, and the plan binds them again once the role exists.", role)))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus Role", err))
		return
	}
	state.ID, state.Members = types.StringValue(role), tfvalue.StringSet(current.Users)
	if !recorded {
		resp.Diagnostics.Append(entity.SaveApplied(ctx, resp.Private, current.Users)...)
	}
	resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, state)...)
}

// enforce makes the role's members the planned users, then records what
// Milvus holds.
func (r *membersResource) enforce(ctx context.Context, planned membersModel, private entity.PrivateState, state *tfsdk.State,
	identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	role := planned.Role.ValueString()
	want, _ := planned.users()
	current, err := r.Data.Client.DescribeRole(ctx, role)
	if err != nil {
		diags.Append(diagnostics.MilvusError("Unable to Set the Members of Milvus Role", err))
		return
	}
	for _, u := range minus(current.Users, want) {
		if err := r.Data.Client.UnbindRole(ctx, u, role); err != nil {
			diags.Append(diagnostics.MilvusError("Unable to Set the Members of Milvus Role", err))
			return
		}
	}
	for _, u := range minus(want, current.Users) {
		if err := r.Data.Client.BindRole(ctx, u, role); err != nil {
			diags.Append(diagnostics.MilvusError("Unable to Set the Members of Milvus Role", err))
			return
		}
	}
	result := planned
	result.ID = planned.Role
	if current, err = r.Data.Client.DescribeRole(ctx, role); err != nil {
		diags.Append(diagnostics.Warning("Unable to Read Back Milvus Role Members", role, fmt.Sprintf(
			"Milvus carried out the change to the members of role %q, and Terraform recorded it, but reading them back failed: %s",
			role, diagnostics.Detail(err))))
	} else {
		result.Members = tfvalue.StringSet(current.Users)
	}
	diags.Append(entity.SaveApplied(ctx, private, want)...)
	diags.Append(entity.Save(ctx, state, identity, result)...)
}
