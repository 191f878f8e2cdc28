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
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Update changes the password in place when password or
// password_wo_version changed; nothing else about a user can change.
func (r *userResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var prior, planned, config userModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := planned.Name.ValueString()

	if passwordChanged(prior, planned) {
		password := desiredPassword(planned, config)
		if !checkPasswordAtApply(password, &resp.Diagnostics) {
			return
		}
		if !r.setPassword(ctx, name, prior.Password, password.ValueString(), &resp.Diagnostics) {
			return
		}
	}

	// Milvus has the new password now: state says so even if the read-back
	// fails, so it never holds a password the user no longer has.
	state := planned
	r.readInto(ctx, &state, &resp.Diagnostics, "Updated Milvus User Not Found")
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, name)...)
}

// setPassword changes name's password to newPassword. With the old password
// from state it proves the old one; when that is unknown or stale it takes
// the super-user path, which needs the provider's super_user setting.
func (r *userResource) setPassword(ctx context.Context, name string, old types.String, newPassword string, diags *diag.Diagnostics) bool {
	client := r.data.Client
	if !old.IsNull() && !old.IsUnknown() {
		err := client.UpdatePassword(ctx, name, old.ValueString(), newPassword)
		switch {
		case err == nil:
			return true
		case !errors.Is(err, milvus.ErrWrongOldPassword):
			diags.Append(diagnostics.MilvusError("Unable to Change Milvus User Password", err))
			return false
		case !r.data.SuperUser:
			diags.AddError("Old Milvus Password Not Accepted", fmt.Sprintf(
				"Milvus refused to change the password of user %q: the old password in Terraform state is no longer "+
					"the user's password, so it was changed outside Terraform.\n\n%s", name, r.waysOut(name)))
			return false
		}
		tflog.Info(ctx, "the password in state is stale; setting the new one as a super user", map[string]any{"name": name})
	} else {
		done, ok := r.alreadySet(ctx, name, newPassword, diags)
		if !ok || done {
			return ok
		}
		if !r.data.SuperUser {
			diags.AddError("Old Milvus Password Unknown", fmt.Sprintf(
				"Terraform must change the password of user %q but does not know the current one "+
					"(it is write-only, the user was imported, or the password was changed outside Terraform), "+
					"and Milvus asks for it unless the caller is a super user.\n\n%s", name, r.waysOut(name)))
			return false
		}
	}

	err := client.ResetPassword(ctx, name, newPassword)
	switch {
	case errors.Is(err, milvus.ErrWrongOldPassword):
		diags.AddError("Milvus Did Not Treat the Provider as a Super User", fmt.Sprintf(
			"The provider is configured with super_user = true, but Milvus still checked the old password when changing "+
				"the password of user %q. So the provider's user %q is not listed in common.security.superUsers on this server.\n\n"+
				"Add it to common.security.superUsers in milvus.yaml (or COMMON_SECURITY_SUPERUSERS) and restart Milvus, "+
				"or set super_user = false and keep the current password in `password`.", name, client.Username()))
		return false
	case err != nil:
		diags.Append(diagnostics.MilvusError("Unable to Change Milvus User Password", err))
		return false
	}
	return true
}

// alreadySet checks whether the user can already log in with newPassword,
// as after importing a user whose configured password is its current one.
// On a server without authorization every password logs in, which proves
// nothing, so it only answers there.
func (r *userResource) alreadySet(ctx context.Context, name, newPassword string, diags *diag.Diagnostics) (done, ok bool) {
	client := r.data.Client
	enforced, err := client.AuthorizationEnabled(ctx)
	if err == nil && enforced {
		done, err = client.CheckPassword(ctx, name, newPassword)
	}
	if err != nil {
		diags.Append(diagnostics.MilvusError("Unable to Verify Milvus User Password", err))
		return false, false
	}
	if done {
		tflog.Info(ctx, "the user already has the configured password", map[string]any{"name": name})
	}
	return done, true
}

func (r *userResource) waysOut(name string) string {
	return fmt.Sprintf("Ways out:\n"+
		"  1. List the provider's user (%q) in common.security.superUsers in milvus.yaml (or the environment variable "+
		"COMMON_SECURITY_SUPERUSERS), restart Milvus, and set super_user = true in the provider block (or MILVUS_SUPER_USER=true). "+
		"Milvus then sets passwords without the old one. This is the only way to rotate a write-only password_wo.\n"+
		"  2. Or set `password` of user %q to its current password and apply once, so Terraform knows it; "+
		"then change `password` to the new one and apply again.", r.data.Client.Username(), name)
}
