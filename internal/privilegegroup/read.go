// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package privilegegroup

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

func (r *groupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state groupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	g, err := r.Data.Client.LookupPrivilegeGroup(ctx, state.Name.ValueString())
	if errors.Is(err, milvus.ErrNotFound) {
		entity.Gone(ctx, resp, state, diagnostics.DeletedOutside(object(state.Name.ValueString()), ""))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus Privilege Group", err))
		return
	}
	state.fromServer(g)
	resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, state)...)
}
