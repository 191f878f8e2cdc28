// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolepolicy

import (
	"context"
	_ "embed"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/grant"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

//go:embed descriptions/resource.md
var resourceDescription string

func (r *policyResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: resourceDescription,
		Attributes: map[string]schema.Attribute{
			"role": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The role: a `milvus_role` (refer to it, so it is created first), or the built-in `public` " +
					"(every user has it) or `admin`. One policy per role.",
				Validators:    []validator.String{validate.Name(validate.RoleName)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"grants": schema.SetNestedAttribute{
				Required: true,
				MarkdownDescription: "Every grant the role has, in every database; `[]` for none. Each is checked as `milvus_grant` " +
					"checks its own (the privilege fits its object type, a Global privilege names no single object, a group is " +
					"granted at its level) and against the server's version. The rows Milvus adds beside `Load` and `Flush` " +
					"(`GetLoadState`, `GetLoadingProgress`, `GetFlushState` on the same object) are not extras.",
				NestedObject: schema.NestedAttributeObject{Attributes: grant.ElementAttributes()},
			},
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The role name; the import ID.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}
