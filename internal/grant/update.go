// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package grant

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Update is never called: every attribute replaces the grant.
func (r *grantResource) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw
}
