// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolepolicy

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Delete revokes every grant the policy holds: the role is left with none
// (the role itself stays; milvus_role owns it).
func (r *policyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state policyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	role := state.Role.ValueString()
	rows, err := r.Data.Client.RoleGrants(ctx, role)
	if errors.Is(err, milvus.ErrNotFound) {
		return // the role is gone, and its grants with it
	}
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Revoke the Grants of Milvus Role", err))
		return
	}
	for _, g := range rows {
		if err := r.Data.Client.Revoke(ctx, g); err != nil {
			resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Revoke the Grants of Milvus Role", err))
			return
		}
	}
}
