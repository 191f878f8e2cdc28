// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/tfvalue"
)

var _ datasource.DataSourceWithConfigure = (*usersDataSource)(nil)

// NewListDataSource is the milvus_users data source factory.
func NewListDataSource() datasource.DataSource { return &usersDataSource{} }

type usersDataSource struct {
	entity.DataSource
}

type usersModel struct {
	ID    types.String `tfsdk:"id"`
	Names types.List   `tfsdk:"names"`
	Users types.List   `tfsdk:"users"`
}

var userObjectType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"name":        types.StringType,
	"roles":       types.ListType{ElemType: types.StringType},
	"description": types.StringType,
}}

func (d *usersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_users"
}

func (d *usersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every Milvus user, `root` included, with the roles bound to each. " +
			"Sorted by name, because the order Milvus itself returns differs between versions.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The address of the Milvus server that was listed.",
			},
			"names": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "The usernames, sorted.",
			},
			"users": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The users, sorted by name.",
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"name": schema.StringAttribute{
							Computed:            true,
							MarkdownDescription: "The username.",
						},
						"description": schema.StringAttribute{Computed: true,
							MarkdownDescription: "The user's description (Milvus 2.6.19 and later; null before)."},
						"roles": schema.ListAttribute{
							Computed:            true,
							ElementType:         types.StringType,
							MarkdownDescription: "The roles bound to the user, sorted by name.",
						},
					},
				},
			},
		},
	}
}

func (d *usersDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	list, err := d.Data.Client.ListUsers(ctx)
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to List Milvus Users", err))
		return
	}
	names := make([]string, 0, len(list))
	objects := make([]attr.Value, 0, len(list))
	for _, u := range list {
		names = append(names, u.Name)
		objects = append(objects, types.ObjectValueMust(userObjectType.AttrTypes, map[string]attr.Value{
			"name":        types.StringValue(u.Name),
			"roles":       tfvalue.StringList(u.Roles),
			"description": entity.DescriptionValue(ctx, d.Data.Client, u.Description),
		}))
	}
	model := usersModel{
		ID:    types.StringValue(d.Data.Client.Endpoint()),
		Names: tfvalue.StringList(names),
		Users: types.ListValueMust(userObjectType, objects),
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}
