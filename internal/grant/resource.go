// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package grant is the milvus_grant resource: one privilege (or privilege
// group) on one object for one role, in one database. Grants are additive:
// each resource owns its own row, so grants from several configurations on
// the same role do not fight. The shape of a grant is shared with the
// milvus_role data source.
package grant

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

var (
	_ resource.ResourceWithConfigure        = (*grantResource)(nil)
	_ resource.ResourceWithImportState      = (*grantResource)(nil)
	_ resource.ResourceWithIdentity         = (*grantResource)(nil)
	_ resource.ResourceWithValidateConfig   = (*grantResource)(nil)
	_ resource.ResourceWithConfigValidators = (*grantResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*grantResource)(nil)
)

// NewResource is the milvus_grant factory.
func NewResource() resource.Resource { return &grantResource{} }

type grantResource struct {
	entity.Resource
}

func (r *grantResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_grant"
}

func (r *grantResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	attr := func(description string) identityschema.StringAttribute {
		return identityschema.StringAttribute{RequiredForImport: true, Description: description}
	}
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"role":        attr("The role."),
			"db_name":     attr("The database, or `*`."),
			"object_type": attr("`Global`, `Collection` or `User`."),
			"object_name": attr("The collection or user, or `*`."),
			"privilege":   attr("The privilege, or the privilege group."),
		},
	}
}

// importParts are the parts of the import ID, role/db_name/object_type/
// object_name/privilege, where the last part names a privilege or a group.
var importParts = []entity.KeyPart{
	{Attr: "role", Problem: validate.RoleName.Problem, Rule: validate.RoleName.Rule},
	{Attr: "db_name", Problem: validate.GrantDatabase.Problem, Rule: validate.GrantDatabase.Rule},
	{Attr: "object_type", Problem: objectTypeProblem, Rule: "Global, Collection or User"},
	{Attr: "object_name", Problem: validate.ObjectName.Problem, Rule: validate.ObjectName.Rule},
	{Attr: "privilege", Problem: validate.GroupReference.Problem, Rule: "a privilege or privilege group name",
		Into: func(name string) string {
			if milvus.GrantedByClassicCall(name) {
				return "privilege"
			}
			return "privilege_group"
		}},
}

// ImportState takes role/db_name/object_type/object_name/privilege (the last
// part may name a privilege group), or the same parts as an identity.
func (r *grantResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	entity.Import(ctx, req, resp, importParts...)
}

func objectTypeProblem(t string) string {
	switch t {
	case milvus.ObjectGlobal, milvus.ObjectCollection, milvus.ObjectUser:
		return ""
	}
	return "it is not an object type"
}
