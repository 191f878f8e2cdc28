// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolemembers

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Delete unbinds every user from the role (the plan refused it if the
// provider's own user would lose what it needs).
func (r *membersResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state membersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	role := state.Role.ValueString()
	current, err := r.Data.Client.DescribeRole(ctx, role)
	if errors.Is(err, milvus.ErrNotFound) {
		return
	}
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Unbind the Members of Milvus Role", err))
		return
	}
	for _, u := range current.Users {
		if err := r.Data.Client.UnbindRole(ctx, u, role); err != nil {
			resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Unbind the Members of Milvus Role", err))
			return
		}
	}
}
