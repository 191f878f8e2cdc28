// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
)

// ModifyPlan explains replacements and decides whether password_wo must be
// sent again (see planWriteOnly).
func (r *userResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var planned, config userModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !planned.Name.IsUnknown() && r.Data != nil {
		r.Data.Declared.User(planned.Name.ValueString()) // role members may refer to it
	}
	resp.Diagnostics.Append(entity.CheckDescription(ctx, r.Data, config.Description)...)
	if req.State.Raw.IsNull() {
		if config.unmanaged() {
			// Not attached to an attribute: both hold secrets.
			resp.Diagnostics.AddError("Missing Milvus Password", fmt.Sprintf(
				"User %s is new, so it needs a password: set password or password_wo. (Only a user that already exists, "+
					"imported, may be managed without one: Terraform then keeps the password it has.)", planned.Name.String()))
			return
		}
		// A new user: the revision starts at 1 when password_wo sets it.
		revision := types.StringNull()
		if planned.writeOnly() {
			revision = nextRevision(types.StringNull())
		}
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("password_wo_revision"), revision)...)
		return
	}
	var prior userModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !planned.Name.Equal(prior.Name) {
		resp.Diagnostics.Append(replacementWarning(prior, planned))
	}

	revision := types.StringNull()
	if planned.writeOnly() && !config.unmanaged() {
		send, diags := r.planWriteOnly(ctx, req.Private, prior, planned, config.PasswordWO)
		if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() {
			return
		}
		switch {
		case config.PasswordWO.IsUnknown():
			revision = types.StringUnknown()
		case send:
			revision = nextRevision(prior.PasswordWORevision)
		default:
			revision = prior.PasswordWORevision
		}
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("password_wo_revision"), revision)...)
}

// planWriteOnly decides whether an existing user's password_wo is sent:
//   - when password_wo_version changed (or the password moves from
//     `password` to password_wo);
//   - without password_wo_version: when password_wo differs from the value
//     last sent (its hash in private state), or, with verify_passwords, when
//     the user does not log in with it;
//   - with password_wo_version unchanged: when password_wo is the value last
//     sent but no longer logs in (changed outside Terraform). A different
//     value waits for a new version, with a warning.
//
// The login check comes first: it is one cheap request, and when it passes
// the hash (about 20 ms of CPU) is not needed at all.
func (r *userResource) planWriteOnly(ctx context.Context, private entity.PrivateState, prior, planned userModel,
	password types.String) (bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	name := planned.Name.ValueString()
	switch {
	case password.IsUnknown():
		return true, diags // known only at apply: send it then
	case !prior.writeOnly() || !planned.PasswordWOVersion.Equal(prior.PasswordWOVersion):
		return true, diags
	}
	versioned := !planned.PasswordWOVersion.IsNull()

	if r.Data.VerifyPasswords {
		enforced, err := r.Data.Client.AuthorizationEnabled(ctx)
		if err != nil {
			diags.Append(diagnostics.MilvusError("Unable to Verify Milvus User Password", err))
			return false, diags
		}
		if enforced {
			ok, err := r.Data.Client.CheckPassword(ctx, name, password.ValueString())
			if err != nil {
				diags.Append(diagnostics.MilvusError("Unable to Verify Milvus User Password", err))
				return false, diags
			}
			if ok {
				return false, diags
			}
		}
	}

	same, known, d := sentBefore(ctx, private, password.ValueString())
	diags.Append(d...)
	switch {
	case known && same && r.Data.VerifyPasswords:
		diags.Append(passwordDrift(name, "the password_wo Terraform last set"))
		return true, diags
	case known && same:
		return false, diags
	case versioned && known:
		diags.AddWarning("Changed password_wo Not Sent", fmt.Sprintf(
			"The password_wo of user %q differs from the one Terraform last set, but password_wo_version did not change, "+
				"so this plan does not send it. Change password_wo_version to send it, or remove password_wo_version "+
				"to have every change of password_wo sent.", name))
		return false, diags
	case versioned:
		return false, diags // no record of what was sent: wait for a new version
	case known:
		return true, diags // password_wo changed in the configuration
	case r.Data.VerifyPasswords:
		diags.AddWarning("Milvus User Password Will Be Set", fmt.Sprintf(
			"User %q does not log in with the configured password_wo, and Terraform has no record of setting it "+
				"(the user was imported, or Terraform last set it as `password`). The plan sets it, in place.", name))
		return true, diags
	}
	return true, diags // no record and no check: send once, and keep the hash from then on
}

// replacementWarning says what a rename costs: Milvus cannot rename a user.
func replacementWarning(prior, planned userModel) diag.Diagnostic {
	var roles []string
	for _, v := range prior.Roles.Elements() {
		if s, ok := v.(types.String); ok {
			roles = append(roles, s.ValueString())
		}
	}
	bindings := "It has no role bindings now."
	if len(roles) > 0 {
		bindings = fmt.Sprintf("Its role bindings (%s) are deleted with it; bind the new user with milvus_user_role resources.",
			strings.Join(roles, ", "))
	}
	return diag.NewWarningDiagnostic("Milvus User Will Be Replaced", fmt.Sprintf(
		"Milvus cannot rename a user, so renaming %q to %q deletes user %q and creates user %q. %s",
		prior.Name.ValueString(), planned.Name.ValueString(), prior.Name.ValueString(), planned.Name.ValueString(), bindings))
}
