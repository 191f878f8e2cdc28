// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package privilegegroup

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// ModifyPlan refuses, before anything changes, a server without privilege
// groups (before 2.4.16) and members the server's version would refuse as
// unlike each other.
func (r *groupResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.Data == nil {
		return
	}
	var planned groupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	if resp.Diagnostics.HasError() || req.Plan.Raw.Equal(req.State.Raw) {
		return
	}
	if resp.Diagnostics.Append(entity.Require(ctx, r.Data, milvus.FeaturePrivilegeGroups)...); resp.Diagnostics.HasError() {
		return
	}
	if planned.Privileges.IsUnknown() {
		return
	}
	members, diags := planned.members(ctx)
	if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() {
		return
	}
	v, err := r.Data.Client.Version(ctx)
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read the Milvus Version", err))
		return
	}
	if problem := mixedMembers(sameKindRule(v), v, members); problem != "" {
		resp.Diagnostics.AddAttributeError(path.Root("privileges"), "Privileges of Different Kinds in One Group", fmt.Sprintf(
			"Milvus %s keeps a privilege group to privileges of one %s, and %s. Split them into groups of one kind.",
			v, sameKindRule(v), problem))
	}
}
