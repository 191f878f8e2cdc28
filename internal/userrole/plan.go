// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package userrole

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
)

var _ resource.ResourceWithModifyPlan = (*bindingResource)(nil)

// ModifyPlan declares the binding, so a milvus_role_members resource of the
// same role in this configuration (which would fight it) is reported.
func (r *bindingResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.Data == nil {
		return
	}
	var m bindingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.User.IsUnknown() || m.Role.IsUnknown() {
		return
	}
	resp.Diagnostics.Append(entity.MembersConflicts(m.Role.ValueString(), r.Data.Declared.Binding(m.User.ValueString(), m.Role.ValueString()))...)
}
