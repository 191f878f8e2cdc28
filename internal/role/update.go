// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package role

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
)

// Update sets the description in place (a new name replaces the role).
func (r *roleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var planned, prior roleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := planned.Name.ValueString()
	if description, set := entity.DescriptionChange(planned.Description, prior.Description); set {
		if err := r.Data.Client.SetRoleDescription(ctx, name, description); err != nil {
			resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Set the Description of Milvus Role", err))
			return
		}
	}
	state := planned
	if role, ok := r.readBack(ctx, name, &resp.Diagnostics); ok {
		state.fromServer(name, r.description(ctx, role, planned.Description))
		resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, state)...)
	}
}
