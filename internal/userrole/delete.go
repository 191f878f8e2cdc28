// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package userrole

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
)

// Delete removes the binding; removing one that is gone succeeds in Milvus.
func (r *bindingResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var m bindingModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.Data.Client.UnbindRole(ctx, m.User.ValueString(), m.Role.ValueString()); err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Unbind Milvus User from Role", err))
	}
}
