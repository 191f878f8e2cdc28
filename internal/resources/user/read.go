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

func (r *userResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state userModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()

	user, err := r.data.Client.DescribeUser(ctx, name)
	if errors.Is(err, milvus.ErrNotFound) {
		// Deleted outside Terraform: forget it, so the plan re-creates it.
		tflog.Warn(ctx, "Milvus user no longer exists; removing it from state", map[string]any{"name": name})
		resp.State.RemoveResource(ctx)
		// The framework wants an identity even for a removed resource, and a
		// CLI without identity support (Terraform 1.11) stored none to keep.
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, name)...)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus User", err))
		return
	}
	state.fromServer(user)

	if r.data.VerifyPasswords && !state.Password.IsNull() && !state.Password.IsUnknown() {
		ok, err := r.data.Client.CheckPassword(ctx, name, state.Password.ValueString())
		if err != nil {
			resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Verify Milvus User Password", err))
			return
		}
		if !ok {
			// The password in state no longer logs in: it was changed outside
			// Terraform. Forgetting it makes the plan set it back.
			tflog.Warn(ctx, "Milvus user password was changed outside Terraform", map[string]any{"name": name})
			state.Password = types.StringNull()
		}
	}

	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, name)...)
}

// readInto refreshes the server-side attributes after a write, so state is
// what Milvus says rather than what was asked for.
func (r *userResource) readInto(ctx context.Context, state *userModel, diags *diag.Diagnostics, missingSummary string) {
	name := state.Name.ValueString()
	user, err := r.data.Client.DescribeUser(ctx, name)
	if errors.Is(err, milvus.ErrNotFound) {
		diags.AddError(missingSummary, fmt.Sprintf(
			"Milvus accepted the change to user %q but does not list the user right after it. "+
				"Something else may have deleted it; run terraform apply again.", name))
		return
	}
	if err != nil {
		diags.Append(diagnostics.MilvusError("Unable to Read Milvus User", err))
		return
	}
	state.fromServer(user)
}
