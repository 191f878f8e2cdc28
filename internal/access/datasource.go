// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package access

import (
	"context"
	_ "embed"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
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
)

var _ datasource.DataSourceWithConfigure = (*accessDataSource)(nil)

//go:embed description.md
var description string

// NewDataSource is the milvus_access data source factory.
func NewDataSource() datasource.DataSource { return &accessDataSource{} }

type accessDataSource struct {
	entity.DataSource
}

type accessModel struct {
	ID              types.String `tfsdk:"id"`
	Style           types.String `tfsdk:"style"`
	Users           types.List   `tfsdk:"users"`
	Roles           types.List   `tfsdk:"roles"`
	PrivilegeGroups types.List   `tfsdk:"privilege_groups"`
	Databases       types.List   `tfsdk:"databases"`
	ImportIDs       types.Map    `tfsdk:"import_ids"`
	ImportBlocks    types.String `tfsdk:"import_blocks"`
}

var (
	grantType = types.ObjectType{AttrTypes: withID(grant.ElementType)}
	userType  = types.ObjectType{AttrTypes: map[string]attr.Type{
		"name": types.StringType, "roles": types.ListType{ElemType: types.StringType}, "import_id": types.StringType}}
	roleType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"name": types.StringType, "built_in": types.BoolType, "members": types.ListType{ElemType: types.StringType},
		"grants": types.ListType{ElemType: grantType}, "import_id": types.StringType}}
	groupType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"name": types.StringType, "privileges": types.ListType{ElemType: types.StringType}, "import_id": types.StringType}}
	databaseType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"name": types.StringType, "properties": types.MapType{ElemType: types.StringType}, "import_id": types.StringType}}
)

// withID adds the import ID to an element type.
func withID(element map[string]attr.Type) map[string]attr.Type {
	out := map[string]attr.Type{"import_id": types.StringType}
	for k, v := range element {
		out[k] = v
	}
	return out
}

func (d *accessDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_access"
}

func (d *accessDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(text string, t attr.Type) schema.Attribute {
		switch t := t.(type) {
		case types.ListType:
			return schema.ListAttribute{Computed: true, ElementType: t.ElemType, MarkdownDescription: text}
		case types.MapType:
			return schema.MapAttribute{Computed: true, ElementType: t.ElemType, MarkdownDescription: text}
		}
		return schema.StringAttribute{Computed: true, MarkdownDescription: text}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description,
		Attributes: map[string]schema.Attribute{
			"style": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "How grants and bindings are adopted, in `import_ids` and `import_blocks`: `additive` (the " +
					"default: one `milvus_grant` per grant and one `milvus_user_role` per binding) or `authoritative` (one " +
					"`milvus_role_policy` and one `milvus_role_members` per role, `public`'s policy and `admin`'s members included).",
				Validators: []validator.String{stringvalidator.OneOf(Additive, Authoritative)},
			},
			"id":    computed("The address of the Milvus server that was read.", types.StringType),
			"users": computed("Every user, sorted, with its roles and its `milvus_user` import ID.", types.ListType{ElemType: userType}),
			"roles": computed("Every role, sorted, with its members and its grants in every database (as `milvus_grant` "+
				"describes them, each with its import ID; the rows Milvus adds beside `Load` and `Flush` left out), and its "+
				"`milvus_role` import ID.", types.ListType{ElemType: roleType}),
			"privilege_groups": computed("Every custom privilege group (Milvus 2.4.16 and later), with its privileges.",
				types.ListType{ElemType: groupType}),
			"databases": computed("Every database, with its properties.", types.ListType{ElemType: databaseType}),
			"import_ids": computed("The import IDs of what the resources would manage, by resource type (in the chosen "+
				"`style`): for `import` blocks with `for_each` (Terraform 1.7 and later).", types.MapType{ElemType: types.ListType{ElemType: types.StringType}}),
			"import_blocks": computed("The same as `import` blocks, one per object, each with a resource address: write it "+
				"to a file and run `terraform plan -generate-config-out=generated.tf` (Terraform 1.5 and later).", types.StringType),
		},
	}
}

func (d *accessDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model accessModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	inv, err := read(ctx, d.Data.Client)
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus Access", err))
		return
	}
	style := Additive
	if model.Style.ValueString() == Authoritative {
		style = Authoritative
	}
	adoptions := inv.adoptions(style)
	ids := map[string][]string{}
	for _, a := range adoptions {
		ids[a.Type] = append(ids[a.Type], a.ID)
	}
	idValues := map[string]attr.Value{}
	for k, v := range ids {
		idValues[k] = tfvalue.StringList(v)
	}
	model.ID = types.StringValue(d.Data.Client.Endpoint())
	model.Users, model.Roles, model.PrivilegeGroups, model.Databases = inv.values()
	model.ImportIDs = types.MapValueMust(types.ListType{ElemType: types.StringType}, idValues)
	model.ImportBlocks = types.StringValue(importBlocks(adoptions))
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}

// values are the inventory in the data source's shapes.
func (inv *inventory) values() (users, roles, groups, databases types.List) {
	var u, r, g, d []attr.Value
	for _, x := range inv.users {
		u = append(u, types.ObjectValueMust(userType.AttrTypes, map[string]attr.Value{
			"name": types.StringValue(x.Name), "roles": tfvalue.StringList(x.Roles), "import_id": types.StringValue(x.Name)}))
	}
	for _, x := range inv.roles {
		var grants []attr.Value
		for _, row := range inv.grants[x.Name] {
			element, _ := grant.Element(row).(types.Object)
			values := element.Attributes()
			values["import_id"] = types.StringValue(grantID(row))
			grants = append(grants, types.ObjectValueMust(grantType.AttrTypes, values))
		}
		r = append(r, types.ObjectValueMust(roleType.AttrTypes, map[string]attr.Value{
			"name": types.StringValue(x.Name), "built_in": types.BoolValue(milvus.BuiltInRole(x.Name)),
			"members": tfvalue.StringList(x.Users), "grants": types.ListValueMust(grantType, grants), "import_id": types.StringValue(x.Name)}))
	}
	for _, x := range inv.groups {
		g = append(g, types.ObjectValueMust(groupType.AttrTypes, map[string]attr.Value{
			"name": types.StringValue(x.Name), "privileges": tfvalue.StringList(x.Privileges), "import_id": types.StringValue(x.Name)}))
	}
	for _, x := range inv.databases {
		d = append(d, types.ObjectValueMust(databaseType.AttrTypes, map[string]attr.Value{
			"name": types.StringValue(x.Name), "properties": tfvalue.StringMap(x.Properties), "import_id": types.StringValue(x.Name)}))
	}
	list := func(t types.ObjectType, v []attr.Value) types.List {
		if v == nil {
			v = []attr.Value{}
		}
		return types.ListValueMust(t, v)
	}
	return list(userType, u), list(roleType, r), list(groupType, g), list(databaseType, d)
}
