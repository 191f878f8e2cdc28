// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package grant

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/providerdata"
)

// ModifyPlan derives object_type and the ID for a new grant, and refuses,
// before anything changes, a privilege the server's version does not have.
func (r *grantResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // a destroy
	}
	var m grantModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !req.State.Raw.IsNull() {
		r.declare(m, &resp.Diagnostics)
		return // an existing grant: every change replaces it
	}
	if m.ObjectType.IsUnknown() {
		switch {
		case !m.PrivilegeGroup.IsNull() && !m.PrivilegeGroup.IsUnknown():
			m.ObjectType = types.StringValue(milvus.ObjectGlobal)
		case !m.Privilege.IsNull() && !m.Privilege.IsUnknown():
			m.ObjectType = types.StringValue(milvus.ObjectTypeOf(m.Privilege.ValueString()))
		}
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("object_type"), m.ObjectType)...)
	}
	if !m.Role.IsUnknown() && !m.ObjectType.IsUnknown() && !m.ObjectName.IsUnknown() && !m.DBName.IsUnknown() &&
		!m.Privilege.IsUnknown() && !m.PrivilegeGroup.IsUnknown() {
		m.setID()
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), m.ID)...)
	}
	r.declare(m, &resp.Diagnostics)
	resp.Diagnostics.Append(r.checkVersion(ctx, m)...)
}

// declare tells the configuration's other resources about this grant: a
// milvus_role_policy of the same role would fight it.
func (r *grantResource) declare(m grantModel, diags *diag.Diagnostics) {
	if r.Data == nil || m.Role.IsUnknown() {
		return
	}
	if g, known := m.spec().Grant(m.Role.ValueString()); known {
		diags.Append(entity.PolicyConflicts(g.Role, r.Data.Declared.Grant(g))...)
	}
}

// checkVersion refuses a privilege or a group grant the server lacks.
func (r *grantResource) checkVersion(ctx context.Context, m grantModel) diag.Diagnostics {
	return CheckVersion(ctx, r.Data, m.spec(), path.Root)
}

// CheckVersion refuses, at plan time, a privilege or a group grant the
// server's version lacks, naming the version it needs; at gives the path of
// an attribute of this grant.
func CheckVersion(ctx context.Context, data *providerdata.Data, s Spec, at func(name string) path.Path) diag.Diagnostics {
	var diags diag.Diagnostics
	if data == nil {
		return diags // the provider's settings are unknown until apply
	}
	if !s.PrivilegeGroup.IsNull() {
		return entity.RequireAt(ctx, data, milvus.FeatureGrantGroups, at("privilege_group"))
	}
	p, ok := milvus.LookupPrivilege(s.Privilege.ValueString())
	if s.Privilege.IsUnknown() || !ok {
		return diags
	}
	v, err := data.Client.Version(ctx)
	if err != nil {
		diags.Append(diagnostics.MilvusError("Unable to Read the Milvus Version", err))
		return diags
	}
	if !v.AtLeast(p.Since) {
		diags.AddAttributeError(at("privilege"), "Unsupported Milvus Version", fmt.Sprintf(
			"The privilege %s (object type %s) needs Milvus %s or later, and this server is %s. Nothing was changed.",
			p.Name, p.Object, p.Since, v))
	}
	return diags
}
