package validate

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// UsernameValidator checks a Milvus username at plan time.
func UsernameValidator() validator.String { return usernameValidator{} }

// PasswordValidator checks a Milvus password length at plan time. A value
// that is unknown until apply is checked again by the resource.
func PasswordValidator() validator.String { return passwordValidator{} }

type usernameValidator struct{}

func (usernameValidator) Description(context.Context) string {
	return "a Milvus username: " + UsernameRule
}

func (v usernameValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (usernameValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	name := req.ConfigValue.ValueString()
	if problem := UsernameProblem(name); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Milvus Username",
			fmt.Sprintf("The username %q is not valid: %s. A Milvus username is %s.", name, problem, UsernameRule))
	}
}

type passwordValidator struct{}

func (passwordValidator) Description(context.Context) string {
	return "a Milvus password: " + PasswordRule
}

func (v passwordValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (passwordValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if problem := PasswordProblem(req.ConfigValue.ValueString()); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Milvus Password",
			fmt.Sprintf("The password is not valid: %s. A Milvus password is %s.", problem, PasswordRule))
	}
}
