// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package validate

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Name checks a name against its rule at plan time.
func Name(rule NameRule) validator.String { return nameValidator{rule} }

type nameValidator struct{ rule NameRule }

func (v nameValidator) Description(context.Context) string {
	return "a Milvus " + v.rule.Noun + ": " + v.rule.Rule
}

func (v nameValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v nameValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	name := req.ConfigValue.ValueString()
	if problem := v.rule.Problem(name); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Milvus "+diagnostics.Title(v.rule.Noun),
			fmt.Sprintf("The %s %q is not valid: %s. A Milvus %s is %s.", v.rule.Noun, name, problem, v.rule.Noun, v.rule.Rule))
	}
}

// Password checks a secret's length at plan time, or at apply time when it
// was unknown until then. Its diagnostic is deliberately not attached to the
// attribute: the CLI would print the attribute's source line, and with it a
// password written there literally. It names the attribute in words instead.
func Password(attribute string, value types.String) diag.Diagnostics {
	var diags diag.Diagnostics
	if value.IsNull() || value.IsUnknown() {
		return diags
	}
	if problem := PasswordProblem(value.ValueString()); problem != "" {
		diags.AddError("Invalid Milvus Password", fmt.Sprintf(
			"The value of %s is not a valid password: %s. A Milvus password is %s.", attribute, problem, PasswordRule))
	}
	return diags
}

// Passwords applies Password to each named secret attribute of a
// configuration.
func Passwords(ctx context.Context, config tfsdk.Config, attributes ...string) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, attr := range attributes {
		var value types.String
		diags.Append(config.GetAttribute(ctx, path.Root(attr), &value)...)
		diags.Append(Password(attr, value)...)
	}
	return diags
}

// AtMostOne checks that at most one of the named attributes is set. Like
// Password, it never points at an attribute (they hold secrets); it names
// them in words.
func AtMostOne(ctx context.Context, config tfsdk.Config, attributes ...string) diag.Diagnostics {
	var diags diag.Diagnostics
	set := 0
	for _, attr := range attributes {
		var value types.String
		diags.Append(config.GetAttribute(ctx, path.Root(attr), &value)...)
		if value.IsUnknown() {
			return diags // it may turn out null or not
		}
		if !value.IsNull() {
			set++
		}
	}
	if set > 1 {
		diags.AddError("Invalid Attribute Combination", fmt.Sprintf(
			"At most one of %s may be set; %d are.", strings.Join(attributes, " and "), set))
	}
	return diags
}

// Description checks a description's length in bytes, as Milvus counts it
// (proxy.maxUserDescriptionLength and maxRoleDescriptionLength: 1024 by
// default).
func Description() validator.String { return descriptionValidator{} }

type descriptionValidator struct{}

func (descriptionValidator) Description(context.Context) string {
	return fmt.Sprintf("at most %d bytes", milvus.DescriptionMaxBytes)
}

func (v descriptionValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (descriptionValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if n := len(req.ConfigValue.ValueString()); n > milvus.DescriptionMaxBytes {
		resp.Diagnostics.AddAttributeError(req.Path, "Description Too Long", fmt.Sprintf(
			"The description is %d bytes long; Milvus keeps at most %d by default (proxy.maxUserDescriptionLength and "+
				"proxy.maxRoleDescriptionLength). Characters outside ASCII count as 2 to 4 bytes each.", n, milvus.DescriptionMaxBytes))
	}
}
