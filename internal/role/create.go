// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package role

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

func (r *roleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var planned roleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := planned.Name.ValueString()
	created, err := r.Data.Client.CreateRole(ctx, name)
	switch {
	case errors.Is(err, milvus.ErrAlreadyExists):
		resp.Diagnostics.Append(diagnostics.AlreadyExists(object(name),
			"A role has nothing that proves who created it, so Terraform never takes one over by name."))
		return
	case err != nil:
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Create Milvus Role", err))
		return
	case created == milvus.CreatedAfterLostReply:
		tflog.Info(ctx, "Milvus did not answer the create, but the role exists now", map[string]any{"name": name})
	}
	state := planned
	state.fromServer(name)
	if r.readBack(ctx, name, &resp.Diagnostics) {
		resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, state)...)
	}
}
