// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolepolicy

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Update revokes the grants the policy no longer lists (and those granted
// outside Terraform), and grants what it lists and the role lacks, in place.
func (r *policyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var planned policyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.enforce(ctx, planned, resp.Private, &resp.State, resp.Identity, &resp.Diagnostics)
}
