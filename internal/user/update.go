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

// Update changes the password in place when the plan says so; nothing else
// about a user can change.
func (r *userResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var prior, planned, config userModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := planned.Name.ValueString()
	state := planned
	if description, set := entity.DescriptionChange(planned.Description, prior.Description); set {
		if err := r.Data.Client.SetUserDescription(ctx, name, description); err != nil {
			resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Set the Description of Milvus User", err))
			return
		}
	}

	if passwordChanged(prior, planned) {
		password := desiredPassword(planned, config)
		if resp.Diagnostics.Append(checkPasswordAtApply(password)...); resp.Diagnostics.HasError() {
			return
		}
		if resp.Diagnostics.Append(r.setPassword(ctx, name, prior.Password, password.ValueString())...); resp.Diagnostics.HasError() {
			return
		}
		if planned.writeOnly() {
			state.PasswordWORevision = nextRevision(prior.PasswordWORevision)
			resp.Diagnostics.Append(rememberPassword(ctx, resp.Private, password.ValueString())...)
		}
	}
	if !planned.writeOnly() || config.unmanaged() {
		state.PasswordWORevision = types.StringNull()
		resp.Diagnostics.Append(forgetPassword(ctx, resp.Private)...)
	}

	// Milvus has the new password now: state says so even if the read-back
	// fails, so it never holds a password the user no longer has.
	if !r.readBack(ctx, &state, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, state)...)
}

// setPassword changes name's password to newPassword. With the old password
// from state it proves the old one. When that is unknown (write-only,
// imported, changed outside Terraform) or no longer valid, it checks whether
// the new password already logs in, and otherwise asks Milvus to set it
// without the old one: Milvus decides, allowing it only when the provider's
// user is in common.security.superUsers.
func (r *userResource) setPassword(ctx context.Context, name string, old types.String, newPassword string) diag.Diagnostics {
	var diags diag.Diagnostics
	client := r.Data.Client
	if !old.IsNull() && !old.IsUnknown() {
		err := client.UpdatePassword(ctx, name, old.ValueString(), newPassword)
		switch {
		case err == nil:
			return diags
		case !errors.Is(err, milvus.ErrWrongOldPassword):
			diags.Append(diagnostics.MilvusError("Unable to Change Milvus User Password", err))
			return diags
		}
		tflog.Info(ctx, "the password in state is no longer the user's; trying without it", map[string]any{"name": name})
	}
	done, err := r.alreadySet(ctx, name, newPassword)
	if err != nil {
		diags.Append(diagnostics.MilvusError("Unable to Verify Milvus User Password", err))
		return diags
	}
	if done {
		return diags
	}
	if r.Data.ForbidPasswordReset {
		diags.AddError("Old Milvus Password Unknown", fmt.Sprintf(
			"Terraform must change the password of user %q but does not know the current one (it is write-only, the user "+
				"was imported, or the password was changed outside Terraform), and the provider's super_user = false "+
				"forbids setting a password without the old one.\n\n%s", name, r.waysOut(name, true)))
		return diags
	}
	err = client.ResetPassword(ctx, name, newPassword)
	switch {
	case errors.Is(err, milvus.ErrWrongOldPassword):
		diags.AddError("Milvus Refused to Set the Password Without the Old One", fmt.Sprintf(
			"Terraform must change the password of user %q but does not know the current one (it is write-only, the user "+
				"was imported, or the password was changed outside Terraform). Milvus sets a password without the old one "+
				"only for callers listed in common.security.superUsers, and it refused: the provider's user %q is not "+
				"listed on this server. Nothing was changed.\n\n%s", name, client.Username(), r.waysOut(name, false)))
	case err != nil:
		diags.Append(diagnostics.MilvusError("Unable to Change Milvus User Password", err))
	}
	return diags
}

// alreadySet checks whether the user can already log in with newPassword,
// as after importing a user whose configured password is its current one.
// On a server without authorization every password logs in, which proves
// nothing, so it only answers there.
func (r *userResource) alreadySet(ctx context.Context, name, newPassword string) (bool, error) {
	client := r.Data.Client
	enforced, err := client.AuthorizationEnabled(ctx)
	if err != nil || !enforced {
		return false, err
	}
	done, err := client.CheckPassword(ctx, name, newPassword)
	if done {
		tflog.Info(ctx, "the user already has the configured password", map[string]any{"name": name})
	}
	return done, err
}

func (r *userResource) waysOut(name string, forbidden bool) string {
	first := fmt.Sprintf("List the provider's user (%q) in common.security.superUsers in milvus.yaml (or the "+
		"environment variable COMMON_SECURITY_SUPERUSERS) and restart Milvus; the password rotation guide shows "+
		"the setting for Helm and the Milvus Operator.", r.Data.Client.Username())
	if forbidden {
		first = "Remove super_user = false from the provider block (or MILVUS_SUPER_USER=false): the provider then asks " +
			"Milvus, which sets the password when the provider's user is in common.security.superUsers."
	}
	return fmt.Sprintf("Ways out:\n  1. %s\n  2. Or give user %q its current password in `password` and apply once, "+
		"so Terraform knows it; then change `password` to the new one and apply again.", first, name)
}
