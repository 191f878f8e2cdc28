// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolepolicy

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Create makes the role's grants exactly the configured ones: what it has
// beyond them is revoked (the plan listed it), what it lacks is granted.
func (r *policyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var planned policyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.enforce(ctx, planned, resp.Private, &resp.State, resp.Identity, &resp.Diagnostics)
}
