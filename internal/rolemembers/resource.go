// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package rolemembers is the milvus_role_members resource: every user bound
// to one role, authoritatively. A binding made outside Terraform shows in
// the plan and is removed; milvus_user_role is the additive counterpart.
package rolemembers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

var (
	_ resource.ResourceWithConfigure   = (*membersResource)(nil)
	_ resource.ResourceWithImportState = (*membersResource)(nil)
	_ resource.ResourceWithIdentity    = (*membersResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*membersResource)(nil)
)

// NewResource is the milvus_role_members factory.
func NewResource() resource.Resource { return &membersResource{} }

type membersResource struct {
	entity.Resource
}

func (r *membersResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role_members"
}

func (r *membersResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"role": identityschema.StringAttribute{RequiredForImport: true, Description: "The role whose members the resource holds."},
		},
	}
}

// ImportState takes the role name; the read that follows takes every user
// bound to it.
func (r *membersResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	entity.Import(ctx, req, resp, entity.KeyPart{Attr: "role", Problem: validate.RoleName.Problem, Rule: validate.RoleName.Rule})
}
