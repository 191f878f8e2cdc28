// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolepolicy

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
)

// Read takes every grant the role has, in every database, from the
// process's shared listing of the role's grants.
func (r *policyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state policyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	applied, recorded, diags := entity.LoadApplied(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	role := state.Role.ValueString()
	rows, err := r.Data.Client.ListRoleGrants(ctx, role)
	if errors.Is(err, milvus.ErrNotFound) {
		entity.Gone(ctx, resp, state, diagnostics.Warning("Milvus Role Deleted Outside Terraform", role, fmt.Sprintf(
			"Milvus no longer has role %q, whose grants this milvus_role_policy holds: it was dropped outside Terraform. Terraform "+
				"has removed the policy from state, and the plan grants them again once the role exists.", role)))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus Grants", err))
		return
	}
	var asked []milvus.Grant
	for _, g := range rows {
		if applied[key(g)] {
			asked = append(asked, g)
		}
	}
	state.ID, state.Grants = types.StringValue(role), setOf(visible(rows, asked))
	if !recorded {
		// An import: what the role has now is what Terraform found.
		resp.Diagnostics.Append(entity.SaveApplied(ctx, resp.Private, keys(visible(rows, nil)))...)
	}
	resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, state)...)
}

// enforce makes the role's grants the planned ones, then records what
// Milvus holds. Revoking Load or Flush revokes the rows Milvus added beside
// them, even those the policy lists, so the role is read again after the
// revocations and granted what it then lacks.
func (r *policyResource) enforce(ctx context.Context, planned policyModel, private entity.PrivateState, state *tfsdk.State,
	identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	role := planned.Role.ValueString()
	want, _ := planned.desired()
	rows, err := r.Data.Client.RoleGrants(ctx, role)
	if err != nil {
		diags.Append(diagnostics.MilvusError("Unable to Set the Grants of Milvus Role", err))
		return
	}
	for _, g := range minus(visible(rows, want), want) {
		if err = r.Data.Client.Revoke(ctx, g); err != nil {
			diags.Append(diagnostics.MilvusError("Unable to Set the Grants of Milvus Role", err))
			return
		}
		if milvus.HasCompanions(g) {
			if rows, err = r.Data.Client.RoleGrants(ctx, role); err != nil {
				diags.Append(diagnostics.MilvusError("Unable to Set the Grants of Milvus Role", err))
				return
			}
		}
	}
	for _, g := range minus(want, rows) {
		if err := r.Data.Client.Grant(ctx, g); err != nil {
			diags.Append(diagnostics.MilvusError("Unable to Set the Grants of Milvus Role", err))
			return
		}
	}
	result := planned
	result.ID = planned.Role
	if rows, err = r.Data.Client.RoleGrants(ctx, role); err != nil {
		diags.Append(diagnostics.Warning("Unable to Read Back Milvus Grants", role, fmt.Sprintf(
			"Milvus carried out the change to the grants of role %q, and Terraform recorded it, but reading them back failed: %s",
			role, diagnostics.Detail(err))))
	} else {
		result.Grants = setOf(visible(rows, want))
	}
	diags.Append(entity.SaveApplied(ctx, private, keys(want))...)
	diags.Append(entity.Save(ctx, state, identity, result)...)
}
