// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package privilegegroup is everything about custom privilege groups
// (Milvus 2.4.16+): the milvus_privilege_group resource and the
// milvus_privilege_groups data source.
package privilegegroup

import (
	"context"
	_ "embed"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

var (
	_ resource.ResourceWithConfigure   = (*groupResource)(nil)
	_ resource.ResourceWithImportState = (*groupResource)(nil)
	_ resource.ResourceWithIdentity    = (*groupResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*groupResource)(nil)
)

//go:embed descriptions/resource.md
var resourceDescription string

// NewResource is the milvus_privilege_group factory.
func NewResource() resource.Resource { return &groupResource{} }

type groupResource struct {
	entity.Resource
}

func (r *groupResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_privilege_group"
}

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

func (r *groupResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"name": identityschema.StringAttribute{RequiredForImport: true, Description: "The group name."},
		},
	}
}

// ImportState takes the group name, by ID string or by identity.
func (r *groupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	entity.Import(ctx, req, resp, entity.KeyPart{Attr: "name", Problem: validate.GroupName.Problem, Rule: validate.GroupName.Rule})
}
