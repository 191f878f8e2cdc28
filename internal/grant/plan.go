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
	if g, known := m.spec().Grant(m.Role.ValueString()); known && !m.Role.IsUnknown() && r.Data != nil {
		resp.Diagnostics.Append(ScopeWarning(ctx, r.Data, g)...)
		if collection, isAlias := AliasOf(ctx, r.Data, g); isAlias {
			resp.Diagnostics.Append(diagnostics.Warning("Milvus Grant on an Alias", object(g).ImportID, fmt.Sprintf(
				"%q is an alias of collection %q in database %q. Milvus 2.6.12 and later store a grant on an alias as the grant "+
					"on its collection, and check access through the alias on the collection: this grant is %q's, and follows it, not "+
					"the alias. Terraform tracks it as long as the alias names that collection; to keep it stable when the alias "+
					"moves, name the collection: object_name = %q.", g.ObjectName, collection, g.DBName, collection, collection)))
		}
	}
}

// AliasOf returns the collection a grant's object names when it is an alias
// on a server that resolves aliases in grants (Milvus 2.6.12 and later).
func AliasOf(ctx context.Context, data *providerdata.Data, g milvus.Grant) (string, bool) {
	if g.ObjectType != milvus.ObjectCollection || g.ObjectName == "*" || g.DBName == milvus.AllDatabases {
		return "", false
	}
	if ok, err := data.Client.Supports(ctx, milvus.FeatureGrantsFollowCollections); err != nil || !ok {
		return "", false
	}
	collection, isAlias, err := data.Client.ResolveAlias(ctx, g.DBName, g.ObjectName)
	return collection, err == nil && isAlias
}

// ScopeWarning warns about a cluster-level privilege granted in one
// database on Milvus 3.0, which checks such privileges in database "*"
// (#50690): the grant allows nothing there.
func ScopeWarning(ctx context.Context, data *providerdata.Data, g milvus.Grant) diag.Diagnostics {
	var diags diag.Diagnostics
	if g.DBName == milvus.AllDatabases || g.Group {
		return diags
	}
	p, ok := milvus.LookupPrivilege(g.Privilege)
	v, err := data.Client.Version(ctx)
	if !ok || err != nil || !v.Known() || v.Major < 3 || p.LevelIn(v) != milvus.LevelCluster {
		return diags
	}
	diags.Append(diagnostics.Warning("Milvus Grant Without Effect", object(g).ImportID, fmt.Sprintf(
		"%s is a cluster-level privilege, and Milvus %s checks cluster-level privileges in database \"*\", whichever database a "+
			"request names: granted in database %q, it allows nothing. Grant it with db_name = \"*\".", g.Privilege, v, g.DBName)))
	return diags
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
