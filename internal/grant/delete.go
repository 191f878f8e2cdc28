// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package grant

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
)

// Delete revokes the grant; revoking one that is gone succeeds in Milvus.
// Revoking Load also revokes GetLoadState and GetLoadingProgress, and Flush
// GetFlushState: Milvus treats them as one.
func (r *grantResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var m grantModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.Data.Client.Revoke(ctx, m.grant()); err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Revoke Milvus Grant", err))
	}
}
