// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/tfvalue"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

var _ datasource.DataSourceWithConfigure = (*userDataSource)(nil)

// NewDataSource is the milvus_user data source factory.
func NewDataSource() datasource.DataSource { return &userDataSource{} }

type userDataSource struct {
	entity.DataSource
}

type userDataModel struct {
	ID    types.String `tfsdk:"id"`
	Name  types.String `tfsdk:"name"`
	Roles types.List   `tfsdk:"roles"`
	// Description is the user's description (2.6.19+).
	Description types.String `tfsdk:"description"`
}

func (d *userDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
}

func (d *userDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "One Milvus user and the roles bound to it. Fails when the user does not exist; use `milvus_users` to test for existence.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The username.",
				Validators:          []validator.String{validate.Name(validate.Username)},
			},
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The username.",
			},
			"description": schema.StringAttribute{Computed: true,
				MarkdownDescription: "The user's description (Milvus 2.6.19 and later; null on servers without descriptions)."},
			"roles": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "The roles bound to the user, sorted by name.",
			},
		},
	}
}

func (d *userDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model userDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := model.Name.ValueString()
	user, err := d.Data.Client.LookupUser(ctx, name)
	if errors.Is(err, milvus.ErrNotFound) {
		resp.Diagnostics.Append(diagnostics.NotFound(object(name),
			"Check the name (usernames are case-sensitive), or list users with the milvus_users data source."))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus User", err))
		return
	}
	model.ID = types.StringValue(user.Name)
	model.Roles = tfvalue.StringList(user.Roles)
	model.Description = entity.DescriptionValue(ctx, d.Data.Client, user.Description)
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}
