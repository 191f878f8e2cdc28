// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolemembers

import (
	"context"
	_ "embed"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

//go:embed descriptions/resource.md
var resourceDescription string

func (r *membersResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: resourceDescription,
		Attributes: map[string]schema.Attribute{
			"role": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The role: a `milvus_role` (refer to it, so it is created first), or the built-in `admin`. " +
					"(`public` has every user without a binding: its members cannot be managed.) One resource per role.",
				Validators:    []validator.String{validate.Name(validate.RoleName), notPublic{}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"members": schema.SetAttribute{
				Required:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Every user bound to the role; `[]` for none. Each must exist, or be created by a `milvus_user` " +
					"of this configuration that it refers to (`milvus_user.<name>.name`), so Terraform creates it first.",
				Validators: []validator.Set{setvalidator.ValueStringsAre(validate.Name(validate.Username))},
			},
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The role name; the import ID.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}
