// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package role

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/grant"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/tfvalue"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

var _ datasource.DataSourceWithConfigure = (*roleDataSource)(nil)

// NewDataSource is the milvus_role data source factory.
func NewDataSource() datasource.DataSource { return &roleDataSource{} }

type roleDataSource struct {
	entity.DataSource
}

type roleDataModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	Users       types.List   `tfsdk:"users"`
	Grants      types.List   `tfsdk:"grants"`
}

func (d *roleDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role"
}

func (d *roleDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	grantAttrs := map[string]schema.Attribute{}
	for name := range grant.AttrTypes {
		grantAttrs[name] = schema.StringAttribute{Computed: true, MarkdownDescription: "As in `milvus_grant`."}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "One Milvus role: the users bound to it and all of its grants, in every database. " +
			"Fails when the role does not exist; use `milvus_roles` to test for existence.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The role name.",
				Validators:          []validator.String{validate.Name(validate.RoleName)},
			},
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The role name."},
			"description": schema.StringAttribute{Computed: true,
				MarkdownDescription: "The role's description (Milvus 2.6.19 and later; null on servers without descriptions)."},
			"users": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "The users bound to the role, sorted. (Every user has `public` without a binding; only explicit bindings are listed.)",
			},
			"grants": schema.ListNestedAttribute{
				Computed: true,
				MarkdownDescription: "Every grant of the role, in every database, in the shape of `milvus_grant` (`privilege` or " +
					"`privilege_group` set), sorted by database, object type, object name and privilege. Companion grants Milvus " +
					"added for `Load` and `Flush` are listed too.",
				NestedObject: schema.NestedAttributeObject{Attributes: grantAttrs},
			},
		},
	}
}

func (d *roleDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model roleDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := model.Name.ValueString()
	role, err := d.Data.Client.DescribeRole(ctx, name)
	if errors.Is(err, milvus.ErrNotFound) {
		resp.Diagnostics.Append(diagnostics.NotFound(object(name),
			"Check the name (role names are case-sensitive), or list roles with the milvus_roles data source."))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus Role", err))
		return
	}
	grants, err := d.Data.Client.RoleGrants(ctx, name)
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus Role", err))
		return
	}
	values := make([]attr.Value, len(grants))
	for i, g := range grants {
		values[i] = grant.Value(g)
	}
	model.ID = types.StringValue(name)
	model.Description = entity.DescriptionValue(ctx, d.Data.Client, role.Description)
	model.Users = tfvalue.StringList(role.Users)
	model.Grants = types.ListValueMust(types.ObjectType{AttrTypes: grant.AttrTypes}, values)
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}
