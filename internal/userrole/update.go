// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package userrole

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Update is never called: both attributes replace the binding.
func (r *bindingResource) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw
}
