// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package userrole is the milvus_user_role resource: one binding of one user
// to one role. Bindings are additive: each resource owns its own binding, so
// several configurations can bind roles to the same user without fighting;
// milvus_user.roles shows all of a user's roles, read-only.
package userrole

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

var (
	_ resource.ResourceWithConfigure   = (*bindingResource)(nil)
	_ resource.ResourceWithImportState = (*bindingResource)(nil)
	_ resource.ResourceWithIdentity    = (*bindingResource)(nil)
)

// NewResource is the milvus_user_role factory.
func NewResource() resource.Resource { return &bindingResource{} }

type bindingResource struct {
	entity.Resource
}

func (r *bindingResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user_role"
}

func (r *bindingResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"user": identityschema.StringAttribute{RequiredForImport: true, Description: "The username."},
			"role": identityschema.StringAttribute{RequiredForImport: true, Description: "The role."},
		},
	}
}

// ImportState takes user/role (no username or role name can contain "/"),
// or the same two parts as an identity.
func (r *bindingResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	entity.Import(ctx, req, resp,
		entity.KeyPart{Attr: "user", Problem: validate.Username.Problem, Rule: validate.Username.Rule},
		entity.KeyPart{Attr: "role", Problem: validate.RoleName.Problem, Rule: validate.RoleName.Rule})
}
