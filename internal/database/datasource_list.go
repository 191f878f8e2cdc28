// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database

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

var _ datasource.DataSourceWithConfigure = (*databasesDataSource)(nil)

// NewListDataSource is the milvus_databases data source factory.
func NewListDataSource() datasource.DataSource { return &databasesDataSource{} }

type databasesDataSource struct {
	entity.DataSource
}

type databasesModel struct {
	ID        types.String `tfsdk:"id"`
	Names     types.List   `tfsdk:"names"`
	Databases types.List   `tfsdk:"databases"`
}

var databaseObjectType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"name":       types.StringType,
	"properties": types.MapType{ElemType: types.StringType},
}}

func (d *databasesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_databases"
}

func (d *databasesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every Milvus database, `default` included, with its properties, sorted by name. " +
			"(Milvus 2.4.1 and later list only the databases the provider's user may see: all of them for root and admin.)",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The address of the Milvus server that was listed.",
			},
			"names": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "The database names, sorted.",
			},
			"databases": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The databases, sorted by name.",
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"name": schema.StringAttribute{Computed: true, MarkdownDescription: "The database name."},
						"properties": schema.MapAttribute{
							Computed:            true,
							ElementType:         types.StringType,
							MarkdownDescription: "Every property Milvus holds for the database, as in the `milvus_database` data source.",
						},
					},
				},
			},
		},
	}
}

func (d *databasesDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	dbs, err := d.Data.Client.DescribeDatabases(ctx)
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to List Milvus Databases", err))
		return
	}
	names := make([]string, 0, len(dbs))
	objects := make([]attr.Value, 0, len(dbs))
	for _, db := range dbs {
		names = append(names, db.Name)
		objects = append(objects, types.ObjectValueMust(databaseObjectType.AttrTypes, map[string]attr.Value{
			"name":       types.StringValue(db.Name),
			"properties": tfvalue.StringMap(db.Properties),
		}))
	}
	model := databasesModel{
		ID:        types.StringValue(d.Data.Client.Endpoint()),
		Names:     tfvalue.StringList(names),
		Databases: types.ListValueMust(databaseObjectType, objects),
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}
