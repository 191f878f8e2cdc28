// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

// userExistsWhy is what the "already exists" error adds for users: why the
// provider did not take the user over, and why an import is cheap.
const userExistsWhy = "It does not log in with the configured password, so it cannot be told apart from a user someone " +
	"else created. (Had an earlier, interrupted apply created it, it would log in with the configured password, unless " +
	"that password is new on every run, as from an ephemeral random_password.) Importing it needs no super user when " +
	"the configured password is its current one: the apply after the import finds the password already set."

func (r *userResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var planned, config userModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := planned.Name.ValueString()
	password := desiredPassword(planned, config)
	if resp.Diagnostics.Append(checkPasswordAtApply(password)...); resp.Diagnostics.HasError() {
		return
	}

	tflog.Debug(ctx, "creating Milvus user", map[string]any{"name": name})
	created, err := r.Data.Client.CreateUser(ctx, name, password.ValueString())
	switch {
	case errors.Is(err, milvus.ErrAlreadyExists):
		resp.Diagnostics.Append(diagnostics.AlreadyExists(object(name), userExistsWhy))
		return
	case err != nil:
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Create Milvus User", err))
		return
	case created == milvus.FoundExisting:
		resp.Diagnostics.Append(diagnostics.TakenOver(object(name), "it logs in with the configured password"))
	case created == milvus.CreatedAfterLostReply:
		tflog.Info(ctx, "Milvus did not answer the create, but the user exists and logs in with the configured password",
			map[string]any{"name": name})
	}

	if description, set := entity.DescriptionChange(planned.Description, types.StringValue("")); set {
		if err := r.Data.Client.SetUserDescription(ctx, name, description); err != nil {
			resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Set the Description of Milvus User", err))
		}
	}
	state := planned
	description := planned.Description
	if description.IsUnknown() {
		description = types.StringNull() // the read-back fills it in
	}
	state.fromServer(&milvus.User{Name: name, Roles: []string{}}, description)
	if planned.writeOnly() {
		state.PasswordWORevision = nextRevision(types.StringNull())
		resp.Diagnostics.Append(rememberPassword(ctx, resp.Private, password.ValueString())...)
	}
	// The user exists now, so it is recorded whatever the read-back says: a
	// failed read leaves it in state (not tainted, which would replace it),
	// with a warning, for the next refresh to complete.
	if !r.readBack(ctx, &state, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, state)...)
}

// checkPasswordAtApply repeats the plan-time length check for a password
// that was unknown at plan time (from another resource, say).
func checkPasswordAtApply(password types.String) diag.Diagnostics {
	if password.IsNull() || password.IsUnknown() {
		var diags diag.Diagnostics
		diags.AddError("Missing Milvus Password", "Neither password nor password_wo has a value at apply time. Set exactly one of them.")
		return diags
	}
	return validate.Password("the password", password)
}
