// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package privilegegroup

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/tfvalue"
)

var _ datasource.DataSourceWithConfigure = (*groupsDataSource)(nil)

// NewListDataSource is the milvus_privilege_groups data source factory.
func NewListDataSource() datasource.DataSource { return &groupsDataSource{} }

type groupsDataSource struct {
	entity.DataSource
}

type groupsModel struct {
	ID     types.String `tfsdk:"id"`
	Groups types.List   `tfsdk:"groups"`
}

var groupAttrTypes = map[string]attr.Type{
	"name":       types.StringType,
	"built_in":   types.BoolType,
	"privileges": types.ListType{ElemType: types.StringType},
}

func (d *groupsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_privilege_groups"
}

func (d *groupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every privilege group with its privileges: the custom ones and the built-in ones (Milvus 2.4.18 and " +
			"later list those). Needs Milvus 2.4.16 or later; on an older server it fails, naming the version.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The address of the Milvus server that was listed."},
			"groups": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The groups, sorted by name.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":     schema.StringAttribute{Computed: true, MarkdownDescription: "The group name."},
					"built_in": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether Milvus defines the group."},
					"privileges": schema.ListAttribute{
						Computed: true, ElementType: types.StringType,
						MarkdownDescription: "The privileges in the group, sorted.",
					},
				}},
			},
		},
	}
}

func (d *groupsDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	groups, err := d.Data.Client.ListPrivilegeGroups(ctx)
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to List Milvus Privilege Groups", err))
		return
	}
	values := make([]attr.Value, len(groups))
	for i, g := range groups {
		_, builtIn := milvus.LookupBuiltInGroup(g.Name)
		values[i] = types.ObjectValueMust(groupAttrTypes, map[string]attr.Value{
			"name":       types.StringValue(g.Name),
			"built_in":   types.BoolValue(builtIn),
			"privileges": tfvalue.StringList(g.Privileges),
		})
	}
	model := groupsModel{ID: types.StringValue(d.Data.Client.Endpoint()),
		Groups: types.ListValueMust(types.ObjectType{AttrTypes: groupAttrTypes}, values)}
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}
