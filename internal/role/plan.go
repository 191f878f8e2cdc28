// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package role

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// ModifyPlan declares the role for the resources that refer to it, and
// refuses to create the built-in roles: they always exist, so a
// configuration names them instead (or imports them to manage them).
func (r *roleResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var name types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("name"), &name)...)
	if !name.IsUnknown() && r.Data != nil {
		r.Data.Declared.Role(name.ValueString()) // a policy of this role may refer to it
	}
	var description types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("description"), &description)...)
	resp.Diagnostics.Append(entity.CheckDescription(ctx, r.Data, description)...)
	if !req.State.Raw.IsNull() || name.IsUnknown() || !milvus.BuiltInRole(name.ValueString()) {
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root("name"), "Built-In Milvus Role", fmt.Sprintf(
		"Milvus creates the role %q itself, and it cannot be created or dropped. Reference it by name instead: "+
			"for example role = %q in milvus_user_role or milvus_grant. To track it in state anyway, import it "+
			"(destroying it then only forgets it).", name.ValueString(), name.ValueString()))
}
