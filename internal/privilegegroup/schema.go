// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package privilegegroup

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

func (r *groupResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: resourceDescription,
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The group name: " + validate.GroupName.Rule + ". Changing it replaces the group.",
				Validators:          []validator.String{validate.Name(validate.GroupName)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"privileges": schema.SetAttribute{
				Required:    true,
				ElementType: types.StringType,
				MarkdownDescription: "The privileges in the group (as `milvus_grant` names them; no privilege groups). Milvus 2.4.21+ " +
					"and 2.5.4+ want them all of one level (cluster, database or collection; 2.4.18 to 2.4.20 and 2.5.0 to 2.5.3: " +
					"of one object type), which the plan checks against the server's version. Changes add and remove members in place.",
				Validators: []validator.Set{setvalidator.ValueStringsAre(memberValidator{})},
			},
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The group name; the import ID.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}
