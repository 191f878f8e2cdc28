package user

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/tfvalue"
)

// userModel is the milvus_user state.
type userModel struct {
	ID                types.String `tfsdk:"id"`
	Name              types.String `tfsdk:"name"`
	Password          types.String `tfsdk:"password"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.String `tfsdk:"password_wo_version"`
	Roles             types.List   `tfsdk:"roles"`
}

type identityModel struct {
	Name types.String `tfsdk:"name"`
}

// fromServer copies what Milvus reports into the model.
func (m *userModel) fromServer(u *milvus.User) {
	m.ID = types.StringValue(u.Name)
	m.Name = types.StringValue(u.Name)
	m.Roles = tfvalue.StringList(u.Roles)
	// Write-only values never reach state.
	m.PasswordWO = types.StringNull()
}

// passwordChanged says whether an update must send a password: `password`
// differs from state, or `password_wo_version` differs from state. A changed
// password_wo alone is not seen: Terraform does not keep it to compare.
func passwordChanged(prior, planned userModel) bool {
	if !planned.Password.IsNull() {
		return !planned.Password.Equal(prior.Password)
	}
	if !planned.PasswordWOVersion.IsNull() {
		return !planned.PasswordWOVersion.Equal(prior.PasswordWOVersion)
	}
	return false
}

// desiredPassword is the password the configuration asks for: `password`
// from the plan, or `password_wo`, which only the configuration carries.
func desiredPassword(planned, config userModel) types.String {
	if !planned.Password.IsNull() {
		return planned.Password
	}
	return config.PasswordWO
}

// setIdentity records the resource identity when the CLI supports it.
func setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, name string) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	return identity.Set(ctx, identityModel{Name: types.StringValue(name)})
}
