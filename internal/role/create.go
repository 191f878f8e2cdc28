// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package role

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Create creates the role, or takes over one that is provably this
// configuration's (see takeOver). The journal entry is written before the
// create is sent, and only when the role does not exist: it then proves,
// should this apply be killed before Terraform records the role, that this
// configuration made it.
func (r *roleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var planned roleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := planned.Name.ValueString()
	existing, err := r.Data.Client.DescribeRole(ctx, name)
	switch {
	case err == nil:
		if !r.takeOver(ctx, existing, &resp.Diagnostics) {
			return
		}
	case !errors.Is(err, milvus.ErrNotFound):
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Create Milvus Role", err))
		return
	default:
		if err := r.Data.Journal.Intend(journalKind, name); err != nil {
			tflog.Warn(ctx, "the journal of roles being created could not be written", map[string]any{"error": err.Error()})
		}
		created, err := r.Data.Client.CreateRole(ctx, name)
		switch {
		case errors.Is(err, milvus.ErrAlreadyExists):
			// Someone made it since the check: it is not ours.
			r.Data.Journal.Forget(journalKind, name)
			resp.Diagnostics.Append(diagnostics.AlreadyExists(object(name), "It was created by someone else a moment ago."))
			return
		case err != nil:
			resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Create Milvus Role", err))
			return
		case created == milvus.CreatedAfterLostReply:
			tflog.Info(ctx, "Milvus did not answer the create, but the role exists now", map[string]any{"name": name})
		}
	}
	if description, set := entity.DescriptionChange(planned.Description, types.StringValue("")); set {
		if err := r.Data.Client.SetRoleDescription(ctx, name, description); err != nil {
			resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Set the Description of Milvus Role", err))
		}
	}
	state := planned
	if role, ok := r.readBack(ctx, name, &resp.Diagnostics); ok {
		state.fromServer(name, r.description(ctx, role, planned.Description))
		resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, state)...)
	}
}
