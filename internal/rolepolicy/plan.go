// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolepolicy

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/grant"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// ModifyPlan fills in each grant's defaults and object type, checks the
// grants against the server's version, refuses a plan that would lock the
// provider out or that another resource of the configuration would fight,
// and explains each grant that changed outside Terraform.
func (r *policyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var prior policyModel
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	}
	if req.Plan.Raw.IsNull() {
		// Destroy revokes every grant of the role.
		none := []milvus.Grant{}
		resp.Diagnostics.Append(entity.CheckLockOut(ctx, r.Data, entity.AccessChange{Role: prior.Role.ValueString(), Grants: &none})...)
		return
	}
	var planned, config policyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The defaults and derived object types go into the plan, from the
	// configuration (the plan marks what it leaves out as unknown). A set
	// element Terraform cannot match after the apply is an error then, so a
	// grant must be known now.
	want, known := config.desired()
	if !known {
		resp.Diagnostics.AddAttributeError(path.Root("grants"), "Grant Known Only After Apply", fmt.Sprintf(
			"A grant of the policy of role %s depends on a value that is known only after apply. Give every grant values known at plan "+
				"time: names from the configuration (milvus_role.<name>.name and milvus_database.<name>.name are), not computed "+
				"attributes.", planned.Role.String()))
		return
	}
	planned.Grants = setOf(want)
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("grants"), planned.Grants)...)
	if !planned.Role.IsUnknown() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), planned.Role)...)
	}
	if r.Data == nil || planned.Role.IsUnknown() {
		return
	}
	role := planned.Role.ValueString()
	for _, e := range planned.elements() {
		at := func(name string) path.Path { return path.Root("grants").AtSetValue(e.value).AtName(name) }
		resp.Diagnostics.Append(grant.CheckVersion(ctx, r.Data, e.spec, at)...)
		g, _ := e.spec.Grant(role)
		resp.Diagnostics.Append(grant.ScopeWarning(ctx, r.Data, g)...)
		if collection, isAlias := grant.AliasOf(ctx, r.Data, g); isAlias {
			resp.Diagnostics.AddAttributeError(at("object_name"), "Milvus Grant on an Alias", fmt.Sprintf(
				"%q is an alias of collection %q in database %q, and Milvus 2.6.12 and later store a grant on an alias as the grant "+
					"on its collection: the role would hold a grant on %q, not on %q, and the policy could never match it. Name the "+
					"collection: object_name = %q.", g.ObjectName, collection, g.DBName, collection, g.ObjectName, collection))
		}
	}
	resp.Diagnostics.Append(r.checkRole(ctx, role)...)
	resp.Diagnostics.Append(entity.PolicyConflicts(role, r.Data.Declared.Policy(role, want))...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(entity.CheckLockOut(ctx, r.Data, entity.AccessChange{Role: role, Grants: &want})...)
	if req.State.Raw.IsNull() {
		resp.Diagnostics.Append(r.revokedOnCreate(ctx, role, want)...)
		return
	}
	have, _ := prior.desired()
	applied, ok, diags := entity.LoadApplied(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	if ok {
		resp.Diagnostics.Append(r.driftWarnings(ctx, role, applied, have, want)...)
	}
}

// checkRole refuses a role that neither exists nor is created by this
// configuration (whose milvus_role Terraform plans first when the policy
// refers to it).
func (r *policyResource) checkRole(ctx context.Context, role string) diag.Diagnostics {
	var diags diag.Diagnostics
	if milvus.BuiltInRole(role) || r.Data.Declared.HasRole(role) {
		return diags
	}
	err := r.Data.Client.LookupRole(ctx, role)
	switch {
	case err == nil:
	case errors.Is(err, milvus.ErrNotFound):
		diags.AddAttributeError(path.Root("role"), "Unknown Milvus Role", fmt.Sprintf(
			"Milvus has no role %q, and no milvus_role of this configuration creates it. Create it with a milvus_role resource "+
				"and refer to it (role = milvus_role.<name>.name), so Terraform creates it first; or check the name (roles are case-sensitive).", role))
	default:
		diags.Append(diagnostics.MilvusError("Unable to Read Milvus Role", err))
	}
	return diags
}

// revokedOnCreate warns about the grants the role has now that the new
// policy does not list: the apply revokes them.
func (r *policyResource) revokedOnCreate(ctx context.Context, role string, want []milvus.Grant) diag.Diagnostics {
	var diags diag.Diagnostics
	rows, err := r.Data.Client.ListRoleGrants(ctx, role)
	if err != nil {
		if !errors.Is(err, milvus.ErrNotFound) {
			diags.Append(diagnostics.MilvusError("Unable to Read Milvus Grants", err))
		}
		return diags
	}
	extra := minus(visible(rows, want), want)
	if len(extra) == 0 {
		return diags
	}
	list := make([]string, len(extra))
	for i, g := range extra {
		list[i] = describe(g)
	}
	diags.Append(diagnostics.Warning("Milvus Role Policy Revokes Existing Grants", role, fmt.Sprintf(
		"Role %q has %s that this policy does not list, and the apply revokes them:\n\n  %s\n\nTo keep any, add it to "+
			"grants. To review the role's grants first, import the policy (an import block with id = %q) and plan.",
		role, diagnostics.Count(len(extra), "grant"), strings.Join(list, "\n  "), role)))
	return diags
}

// driftWarnings names each grant that changed outside Terraform when the
// apply changes it back: granted outside (the apply revokes it) or revoked
// outside (the apply grants it again).
func (r *policyResource) driftWarnings(ctx context.Context, role string, applied map[string]bool, have, want []milvus.Grant) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, g := range minus(have, want) {
		if !applied[key(g)] {
			diags.Append(diagnostics.Warning("Milvus Grant Granted Outside Terraform", role+"/"+key(g), fmt.Sprintf(
				"Role %q has the %s, which its milvus_role_policy does not list: it was granted outside Terraform. The apply revokes it.",
				role, describe(g))))
		}
	}
	for _, g := range minus(want, have) {
		if gone, err := r.Data.Client.GoneWithItsCollection(ctx, g); err == nil && gone && applied[key(g)] {
			diags.Append(grant.CollectionGone(g, "milvus_role_policy"))
			continue
		}
		if applied[key(g)] {
			diags.Append(diagnostics.Warning("Milvus Grant Revoked Outside Terraform", role+"/"+key(g), fmt.Sprintf(
				"Role %q no longer has the %s, which its milvus_role_policy lists: it was revoked outside Terraform. The apply grants it again.",
				role, describe(g))))
		}
	}
	return diags
}
