// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolemembers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Update unbinds the users the resource no longer lists (and those bound
// outside Terraform) and binds the ones it lists, in place.
func (r *membersResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var planned membersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.enforce(ctx, planned, resp.Private, &resp.State, resp.Identity, &resp.Diagnostics)
}
