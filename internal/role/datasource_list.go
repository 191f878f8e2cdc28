// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package role

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/tfvalue"
)

var _ datasource.DataSourceWithConfigure = (*rolesDataSource)(nil)

// NewListDataSource is the milvus_roles data source factory.
func NewListDataSource() datasource.DataSource { return &rolesDataSource{} }

type rolesDataSource struct {
	entity.DataSource
}

type rolesModel struct {
	ID    types.String `tfsdk:"id"`
	Names types.List   `tfsdk:"names"`
}

func (d *rolesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_roles"
}

func (d *rolesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every Milvus role, the built-in `admin` and `public` included, sorted by name.",
		Attributes: map[string]schema.Attribute{
			"id":    schema.StringAttribute{Computed: true, MarkdownDescription: "The address of the Milvus server that was listed."},
			"names": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The role names, sorted."},
		},
	}
}

func (d *rolesDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	names, err := d.Data.Client.ListRoles(ctx)
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to List Milvus Roles", err))
		return
	}
	model := rolesModel{ID: types.StringValue(d.Data.Client.Endpoint()), Names: tfvalue.StringList(names)}
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}
