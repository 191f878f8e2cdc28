// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package privilegegroup

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
)

// Delete drops the group, unless a role's grant still uses it: then it
// fails, naming every such role, and changes nothing (Milvus itself names
// only one).
func (r *groupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state groupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()
	roles, err := r.Data.Client.RolesUsing(ctx, name)
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Drop Milvus Privilege Group", err))
		return
	}
	if len(roles) > 0 {
		resp.Diagnostics.AddError("Milvus Privilege Group Still Granted", fmt.Sprintf(
			"Privilege group %q is still granted to the roles %s, so Milvus would refuse to drop it. Nothing was changed. "+
				"Revoke it from those roles first (remove the milvus_grant resources that grant it, or make the group depend on them), "+
				"then destroy the group.", name, strings.Join(roles, ", ")))
		return
	}
	if err := r.Data.Client.DropPrivilegeGroup(ctx, name); err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Drop Milvus Privilege Group", err))
	}
}
