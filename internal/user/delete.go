// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

func (r *userResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state userModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()

	if name == milvus.RootUser {
		// Milvus refuses to delete root; managing its password is still useful.
		resp.Diagnostics.AddWarning("Milvus Root User Not Deleted",
			"Milvus never deletes the root user, so Terraform has only stopped managing it. "+
				"root still exists, with the password it has now.")
		return
	}
	tflog.Debug(ctx, "deleting Milvus user", map[string]any{"name": name})
	// Deleting a user that is already gone succeeds in Milvus.
	if err := r.Data.Client.DropUser(ctx, name); err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Delete Milvus User", err))
	}
}
