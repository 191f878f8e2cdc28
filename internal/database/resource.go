// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package database is everything about Milvus databases, the unit of
// tenancy: the milvus_database resource and the milvus_database and
// milvus_databases data sources.
package database

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

var (
	_ resource.ResourceWithConfigure      = (*databaseResource)(nil)
	_ resource.ResourceWithImportState    = (*databaseResource)(nil)
	_ resource.ResourceWithIdentity       = (*databaseResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*databaseResource)(nil)
	_ resource.ResourceWithValidateConfig = (*databaseResource)(nil)
)

// NewResource is the milvus_database factory.
func NewResource() resource.Resource { return &databaseResource{} }

type databaseResource struct {
	entity.Resource
}

func (r *databaseResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_database"
}

func (r *databaseResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"name": identityschema.StringAttribute{RequiredForImport: true, Description: "The database name."},
		},
	}
}

// ImportState takes the database name, by ID string or by identity; the
// read that follows takes every property the database has, so the state
// shows what Milvus holds.
func (r *databaseResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	entity.Import(ctx, req, resp, entity.KeyPart{Attr: "name", Problem: validate.Database.Problem, Rule: validate.Database.Rule})
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(saveRecord(ctx, resp.Private, propertyRecord{Adopt: true})...)
	}
}
