// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user

import (
	"context"
	_ "embed"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

var (
	//go:embed descriptions/resource.md
	resourceDescription string
	//go:embed descriptions/password.md
	passwordDescription string
	//go:embed descriptions/password_wo.md
	passwordWODescription string
	//go:embed descriptions/password_wo_version.md
	passwordWOVersionDescription string
	//go:embed descriptions/password_wo_revision.md
	passwordWORevisionDescription string
)

func (r *userResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = Schema()
}

// SchemaVersion is milvus_user's state version: 0 in provider 0.1.0; 1
// added password_wo_revision; 2 description (upgrade.go carries earlier
// states over).
const SchemaVersion = 2

// Schema is the milvus_user schema.
func Schema() schema.Schema {
	return schema.Schema{
		Version:             SchemaVersion,
		MarkdownDescription: resourceDescription,
		Attributes: map[string]schema.Attribute{
			// Required
			"name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The username: " + validate.Username.Rule + ". " +
					"Milvus cannot rename a user, so changing it replaces the user (and drops its role bindings).",
				Validators:    []validator.String{validate.Name(validate.Username)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},

			// Optional: exactly one of password and password_wo. Their checks
			// are in ValidateConfig, not here: a diagnostic attached to a
			// secret attribute makes the CLI print its source line.
			"password": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: passwordDescription,
			},
			// Write-only values are never stored or shown, so password_wo is
			// not also marked sensitive: with two sensitive attributes,
			// Terraform 1.11 saves their paths in random order, and
			// `plan -refresh-only -detailed-exitcode` then reports changes
			// that are not there (hashicorp/terraform#36403).
			"password_wo": schema.StringAttribute{
				Optional:            true,
				WriteOnly:           true,
				MarkdownDescription: passwordWODescription,
			},
			"password_wo_version": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: passwordWOVersionDescription,
				Validators:          []validator.String{stringvalidator.AlsoRequires(path.MatchRoot("password_wo"))},
			},

			// Computed
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The username; the import ID.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"password_wo_revision": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: passwordWORevisionDescription,
			},
			"roles": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "All roles bound to the user, sorted by name, as Milvus reports them: those bound by `milvus_user_role` resources and any others. Read-only: bind roles with `milvus_user_role`.",
				PlanModifiers:       []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			},
			"description": entity.DescriptionAttribute("user"),
		},
	}
}

// ValidateConfig checks the passwords without pointing at the attributes
// that hold them.
func (r *userResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	// (The description is checked against the server's version in ModifyPlan.)
	resp.Diagnostics.Append(validate.AtMostOne(ctx, req.Config, "password", "password_wo")...)
	resp.Diagnostics.Append(validate.Passwords(ctx, req.Config, "password", "password_wo")...)
}
