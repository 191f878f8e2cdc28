// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolemembers

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// ModifyPlan refuses users and roles that neither exist nor are created by
// this configuration, a plan that would lock the provider out or that
// another resource would fight, and explains each binding made or removed
// outside Terraform.
func (r *membersResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var prior membersModel
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	}
	if req.Plan.Raw.IsNull() {
		none := []string{}
		resp.Diagnostics.Append(entity.CheckLockOut(ctx, r.Data, entity.AccessChange{Role: prior.Role.ValueString(), Members: &none})...)
		return
	}
	var planned membersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !planned.Role.IsUnknown() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), planned.Role)...)
	}
	want, known := planned.users()
	if r.Data == nil || !known || planned.Role.IsUnknown() {
		return
	}
	role := planned.Role.ValueString()
	resp.Diagnostics.Append(entity.MembersConflicts(role, r.Data.Declared.Members(role, want))...)
	resp.Diagnostics.Append(r.checkExist(ctx, role, want)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(entity.CheckLockOut(ctx, r.Data, entity.AccessChange{Role: role, Members: &want})...)
	have, _ := prior.users()
	if req.State.Raw.IsNull() {
		if current, err := r.Data.Client.LookupRoleUsers(ctx, role); err == nil {
			if extra := minus(current.Users, want); len(extra) > 0 {
				resp.Diagnostics.Append(diagnostics.Warning("Milvus Role Members Removes Existing Bindings", role, fmt.Sprintf(
					"Role %q has %s that this resource does not list, and the apply unbinds them. To keep any, add it to members. "+
						"To review them in the plan first, import the resource (an import block with id = %q).",
					role, diagnostics.Some(extra, "member"), role)))
			}
		}
		return
	}
	applied, recorded, diags := entity.LoadApplied(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	if !recorded {
		return
	}
	for _, u := range minus(have, want) {
		if !applied[u] {
			resp.Diagnostics.Append(diagnostics.Warning("Milvus Role Binding Made Outside Terraform", role+"/"+u, fmt.Sprintf(
				"User %q is bound to role %q, which its milvus_role_members does not list: the binding was made outside Terraform. "+
					"The apply removes it.", u, role)))
		}
	}
	for _, u := range minus(want, have) {
		if applied[u] {
			resp.Diagnostics.Append(diagnostics.Warning("Milvus Role Binding Removed Outside Terraform", role+"/"+u, fmt.Sprintf(
				"User %q, which the milvus_role_members of role %q lists, is no longer bound to it: the binding was removed outside "+
					"Terraform. The apply binds it again.", u, role)))
		}
	}
}

// checkExist refuses a role or a user that neither exists nor is created by
// this configuration (Terraform plans a milvus_user or milvus_role this
// resource refers to first, so it has declared itself by now).
func (r *membersResource) checkExist(ctx context.Context, role string, users []string) diag.Diagnostics {
	var diags diag.Diagnostics
	if !milvus.BuiltInRole(role) && !r.Data.Declared.HasRole(role) {
		if err := r.Data.Client.LookupRole(ctx, role); errors.Is(err, milvus.ErrNotFound) {
			diags.AddAttributeError(path.Root("role"), "Unknown Milvus Role", fmt.Sprintf(
				"Milvus has no role %q, and no milvus_role of this configuration creates it. Create it with a milvus_role resource and "+
					"refer to it (role = milvus_role.<name>.name), so Terraform creates it first; or check the name (case-sensitive).", role))
		} else if err != nil {
			diags.Append(diagnostics.MilvusError("Unable to Read Milvus Role", err))
		}
	}
	var unknown []string
	for _, u := range users {
		if r.Data.Declared.HasUser(u) {
			continue
		}
		_, err := r.Data.Client.LookupUser(ctx, u)
		switch {
		case errors.Is(err, milvus.ErrNotFound):
			unknown = append(unknown, u)
		case err != nil:
			diags.Append(diagnostics.MilvusError("Unable to Read Milvus User", err))
			return diags
		}
	}
	if len(unknown) > 0 {
		diags.AddAttributeError(path.Root("members"), "Unknown Milvus User", fmt.Sprintf(
			"Milvus has no %s, and no milvus_user of this configuration creates them. Create each with a milvus_user resource and "+
				"refer to it (members = [milvus_user.<name>.name]), so Terraform creates it first; or check the names (case-sensitive).",
			diagnostics.Some(unknown, "user")))
	}
	return diags
}
