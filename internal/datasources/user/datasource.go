// Package user is the milvus_user data source: one user and its roles.
package user

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/providerdata"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/tfvalue"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

var _ datasource.DataSourceWithConfigure = (*userDataSource)(nil)

// NewDataSource is the milvus_user data source factory.
func NewDataSource() datasource.DataSource { return &userDataSource{} }

type userDataSource struct {
	data *providerdata.Data
}

type userModel struct {
	ID    types.String `tfsdk:"id"`
	Name  types.String `tfsdk:"name"`
	Roles types.List   `tfsdk:"roles"`
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
				Validators:          []validator.String{validate.UsernameValidator()},
			},
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The username.",
			},
			"roles": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "The roles bound to the user, sorted by name.",
			},
		},
	}
}

func (d *userDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerdata.From(req.ProviderData, &resp.Diagnostics)
}

func (d *userDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model userModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := model.Name.ValueString()
	user, err := d.data.Client.DescribeUser(ctx, name)
	if errors.Is(err, milvus.ErrNotFound) {
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Milvus User Not Found",
			fmt.Sprintf("Milvus has no user named %q. Check the name (usernames are case-sensitive), or list users with the milvus_users data source.", name))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus User", err))
		return
	}
	model.ID = types.StringValue(user.Name)
	model.Roles = tfvalue.StringList(user.Roles)
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}
