// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package role

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

func (r *roleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state roleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()
	role, err := r.Data.Client.LookupRoleUsers(ctx, name)
	if errors.Is(err, milvus.ErrNotFound) {
		entity.Gone(ctx, resp, state, diagnostics.DeletedOutside(object(name),
			" Milvus deleted its user bindings with it (milvus_user_role resources bind them again); grants it had in "+
				"databases other than default may still be stored and would apply to the new role again, as Milvus before 2.4.18 keeps them."))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus Role", err))
		return
	}
	// The role is in state: the journal's proof is no longer needed.
	r.Data.Journal.Forget(journalKind, name)
	state.fromServer(name, entity.DescriptionValue(ctx, r.Data.Client, role.Description))
	resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, state)...)
}

// readBack reads the role after a write; ok is false when Milvus no longer
// lists it (a failed read is a warning: the role is recorded as planned).
func (r *roleResource) readBack(ctx context.Context, name string, diags *diag.Diagnostics) (role *milvus.Role, ok bool) {
	role, err := r.Data.Client.DescribeRole(ctx, name)
	switch {
	case errors.Is(err, milvus.ErrNotFound):
		diags.AddError("Milvus Role Not Found After Creating It", fmt.Sprintf(
			"Milvus accepted the new role %q but does not list it right after. Something else may have dropped it; run terraform apply again.", name))
		return nil, false
	case err != nil:
		diags.Append(diagnostics.Warning("Unable to Read Back Milvus Role", name, fmt.Sprintf(
			"Milvus wrote role %q, and Terraform recorded it, but reading it back failed: %s", name, diagnostics.Detail(err))))
	}
	return role, true
}

// description is what state records after a write: what Milvus reports, or
// what was planned when the read-back failed.
func (r *roleResource) description(ctx context.Context, role *milvus.Role, planned types.String) types.String {
	if role == nil {
		if planned.IsUnknown() {
			return types.StringNull()
		}
		return planned
	}
	return entity.DescriptionValue(ctx, r.Data.Client, role.Description)
}
