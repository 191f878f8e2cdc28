// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package rolepolicy is the milvus_role_policy resource: the whole grant
// set of one role, in every database, authoritatively. What is granted
// outside Terraform shows in the plan and is revoked; milvus_grant is the
// additive counterpart.
package rolepolicy

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

var (
	_ resource.ResourceWithConfigure      = (*policyResource)(nil)
	_ resource.ResourceWithImportState    = (*policyResource)(nil)
	_ resource.ResourceWithIdentity       = (*policyResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*policyResource)(nil)
	_ resource.ResourceWithValidateConfig = (*policyResource)(nil)
)

// NewResource is the milvus_role_policy factory.
func NewResource() resource.Resource { return &policyResource{} }

type policyResource struct {
	entity.Resource
}

func (r *policyResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role_policy"
}

func (r *policyResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"role": identityschema.StringAttribute{RequiredForImport: true, Description: "The role whose grants the policy holds."},
		},
	}
}

// ImportState takes the role name; the read that follows takes every grant
// the role has.
func (r *policyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	entity.Import(ctx, req, resp, entity.KeyPart{Attr: "role", Problem: validate.RoleName.Problem, Rule: validate.RoleName.Rule})
}
