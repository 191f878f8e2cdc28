// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package userrole

import (
	"context"
	_ "embed"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

//go:embed descriptions/resource.md
var resourceDescription string

func (r *bindingResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: resourceDescription,
		Attributes: map[string]schema.Attribute{
			"user": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The username.",
				Validators:          []validator.String{validate.Name(validate.Username)},
				PlanModifiers:       replace,
			},
			"role": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The role: a `milvus_role`, or the built-in `admin` (every privilege) or `public` (every user has it already).",
				Validators:          []validator.String{validate.Name(validate.RoleName)},
				PlanModifiers:       replace,
			},
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`user/role`; the import ID.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}
