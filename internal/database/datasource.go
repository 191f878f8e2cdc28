// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database

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

var _ datasource.DataSourceWithConfigure = (*databaseDataSource)(nil)

// NewDataSource is the milvus_database data source factory.
func NewDataSource() datasource.DataSource { return &databaseDataSource{} }

type databaseDataSource struct {
	entity.DataSource
}

type databaseDataModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Properties  types.Map    `tfsdk:"properties"`
	Collections types.List   `tfsdk:"collections"`
}

func (d *databaseDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_database"
}

func (d *databaseDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "One Milvus database: its properties and the names of its collections, for example to grant " +
			"a privilege on each collection with `for_each`. Fails when the database does not exist; use `milvus_databases` " +
			"to test for existence.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The database name.",
				Validators:          []validator.String{validate.Name(validate.Database)},
			},
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The database name."},
			"properties": schema.MapAttribute{
				Computed:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Every property Milvus holds for the database, by key, as Milvus stores it (the keys " +
					"Milvus sets itself, such as `cipher.*`, included). Empty before Milvus 2.4.6.",
			},
			"collections": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "The names of the database's collections, sorted.",
			},
		},
	}
}

func (d *databaseDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model databaseDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := model.Name.ValueString()
	db, err := d.Data.Client.DescribeDatabase(ctx, name)
	var collections []string
	if err == nil {
		collections, err = d.Data.Client.DatabaseCollections(ctx, name)
	}
	if errors.Is(err, milvus.ErrNotFound) {
		resp.Diagnostics.Append(diagnostics.NotFound(object(name),
			"Check the name (database names are case-sensitive), or list databases with the milvus_databases data source."))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus Database", err))
		return
	}
	model.ID = types.StringValue(name)
	model.Properties = tfvalue.StringMap(db.Properties)
	model.Collections = tfvalue.StringList(collections)
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}
