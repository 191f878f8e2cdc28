// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolemembers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Create makes the role's members exactly the configured users: others are
// unbound (the plan listed them), missing ones bound.
func (r *membersResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var planned membersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.enforce(ctx, planned, resp.Private, &resp.State, resp.Identity, &resp.Diagnostics)
}
