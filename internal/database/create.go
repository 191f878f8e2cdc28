// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

func (r *databaseResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var planned databaseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := planned.Name.ValueString()
	props, _ := planned.managed()
	created, err := r.Data.Client.CreateDatabase(ctx, name, props)
	switch {
	case errors.Is(err, milvus.ErrAlreadyExists):
		if !r.takeOver(ctx, name, props, &resp.Diagnostics) {
			return
		}
	case err != nil:
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Create Milvus Database", err))
		return
	case created == milvus.CreatedAfterLostReply:
		tflog.Info(ctx, "Milvus did not answer the create, but the database exists now", map[string]any{"name": name})
	}
	r.save(ctx, planned, props, resp.Private, &resp.State, resp.Identity, &resp.Diagnostics)
}
