// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

func (r *userResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state userModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()

	user, err := r.Data.Client.LookupUser(ctx, name)
	if errors.Is(err, milvus.ErrNotFound) {
		entity.Gone(ctx, resp, state, diagnostics.DeletedOutside(object(name),
			" Milvus deleted its role bindings with it; milvus_user_role resources bind them again."))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus User", err))
		return
	}
	state.fromServer(user, entity.DescriptionValue(ctx, r.Data.Client, user.Description))

	if r.Data.VerifyPasswords && !state.Password.IsNull() && !state.Password.IsUnknown() {
		ok, err := r.Data.Client.CheckPassword(ctx, name, state.Password.ValueString())
		if err != nil {
			resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Verify Milvus User Password", err))
			return
		}
		if !ok {
			// Forgetting the password that no longer logs in makes the plan
			// set the configured one again.
			tflog.Warn(ctx, "Milvus user password was changed outside Terraform", map[string]any{"name": name})
			resp.Diagnostics.Append(passwordDrift(name, "the password in Terraform's state"))
			state.Password = types.StringNull()
		}
	}
	resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, state)...)
}

// passwordDrift is the warning for a user that no longer logs in with the
// password Terraform set.
func passwordDrift(name, which string) diag.Diagnostic {
	return diagnostics.Warning("Milvus User Password Changed Outside Terraform", name, fmt.Sprintf(
		"User %q no longer logs in with %s: its password was changed outside Terraform. "+
			"The plan sets the configured password again, in place (the user and its role bindings stay).", name, which))
}

// readBack refreshes the server-side attributes after a write, so state is
// what Milvus says rather than what was asked for. The write has happened, so
// a failed read is a warning: state keeps what was written, and the next
// refresh completes it. It returns false only when Milvus no longer has the
// user at all, which leaves nothing true to record.
func (r *userResource) readBack(ctx context.Context, state *userModel, diags *diag.Diagnostics) bool {
	name := state.Name.ValueString()
	user, err := r.Data.Client.DescribeUser(ctx, name)
	switch {
	case errors.Is(err, milvus.ErrNotFound):
		diags.AddError("Milvus User Not Found After Writing It", fmt.Sprintf(
			"Milvus accepted the change to user %q but does not list the user right after it. "+
				"Something else may have deleted it; run terraform apply again.", name))
		return false
	case err != nil:
		diags.Append(diagnostics.Warning("Unable to Read Back Milvus User", name, fmt.Sprintf(
			"Milvus carried out the change to user %q, and Terraform recorded it, but reading the user back failed: %s. "+
				"The next refresh reads the rest (its roles).", name, diagnostics.Detail(err))))
		return true
	}
	state.fromServer(user, entity.DescriptionValue(ctx, r.Data.Client, user.Description))
	return true
}
