// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package role

import (
	"context"
	_ "embed"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

//go:embed descriptions/resource.md
var resourceDescription string

func (r *roleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schemaV1()
}

// schemaV1 is the milvus_role schema: version 0 had no description.
func schemaV1() schema.Schema {
	return schema.Schema{
		Version:             1,
		MarkdownDescription: resourceDescription,
		Attributes: map[string]schema.Attribute{
			"description": entity.DescriptionAttribute("role"),
			"name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The role name: " + validate.RoleName.Rule + ". Case-sensitive. Milvus cannot rename a role, " +
					"so changing it replaces the role (its grants and bindings go with it).",
				Validators:    []validator.String{validate.Name(validate.RoleName)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The role name; the import ID.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}
