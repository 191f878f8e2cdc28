package user

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

func (r *userResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var planned, config userModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := planned.Name.ValueString()
	password := desiredPassword(planned, config)
	if !checkPasswordAtApply(password, &resp.Diagnostics) {
		return
	}

	tflog.Debug(ctx, "creating Milvus user", map[string]any{"name": name})
	err := r.data.Client.CreateUser(ctx, name, password.ValueString())
	if errors.Is(err, milvus.ErrAlreadyExists) {
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Milvus User Already Exists", fmt.Sprintf(
			"Milvus already has a user named %[1]q, and this provider does not take over existing users silently.\n\n"+
				"To manage it with Terraform, import it:\n\n"+
				"    terraform import <resource address> %[1]s\n\n"+
				"or add an import block:\n\n"+
				"    import {\n      to = <resource address>\n      id = %[1]q\n    }\n\n"+
				"Otherwise choose another name.", name))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Create Milvus User", err))
		return
	}

	// The user exists now: state records it even if the read-back fails, so
	// Terraform keeps track of it (as tainted) instead of losing it.
	state := planned
	state.fromServer(&milvus.User{Name: name})
	r.readInto(ctx, &state, &resp.Diagnostics, "Created Milvus User Not Found")
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, name)...)
}

// checkPasswordAtApply repeats the plan-time length check for a password
// that was unknown at plan time (from another resource, say).
func checkPasswordAtApply(password types.String, diags *diag.Diagnostics) bool {
	if password.IsNull() || password.IsUnknown() {
		diags.AddAttributeError(path.Root("password"), "Missing Milvus Password",
			"Neither password nor password_wo has a value at apply time. Set exactly one of them.")
		return false
	}
	if problem := validate.PasswordProblem(password.ValueString()); problem != "" {
		diags.AddAttributeError(path.Root("password"), "Invalid Milvus Password",
			fmt.Sprintf("The password is not valid: %s. A Milvus password is %s.", problem, validate.PasswordRule))
		return false
	}
	return true
}
