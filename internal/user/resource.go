// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package user is everything about Milvus users: the milvus_user resource
// (one user and its password, created, rotated in place, imported and
// deleted) and the milvus_user and milvus_users data sources.
package user

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

var (
	_ resource.ResourceWithConfigure      = (*userResource)(nil)
	_ resource.ResourceWithImportState    = (*userResource)(nil)
	_ resource.ResourceWithIdentity       = (*userResource)(nil)
	_ resource.ResourceWithValidateConfig = (*userResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*userResource)(nil)
	_ resource.ResourceWithUpgradeState   = (*userResource)(nil)
)

// NewResource is the milvus_user factory.
func NewResource() resource.Resource { return &userResource{} }

type userResource struct {
	entity.Resource
}

func (r *userResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
}

func (r *userResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"name": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "The username.",
			},
		},
	}
}

// ImportState takes the username, by ID string or by identity. Read fills in
// the rest; the password stays unknown until the next apply sets it.
func (r *userResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	entity.Import(ctx, req, resp, entity.KeyPart{Attr: "name", Problem: validate.Username.Problem, Rule: validate.Username.Rule})
}
