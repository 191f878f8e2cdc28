// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Command floorprovider is the benchmark's floor: the cheapest an external
// provider can be. It serves a milvus_user resource with milvus_user's
// schema, on the same terraform-plugin-framework version as the real
// provider, that stores what it is given and does no I/O. `make bench`
// serves it under the real provider's address, so the same configuration
// runs against both.
package main

import (
	"context"
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/logging"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/serve"
)

func main() {
	// The floor quiets its loggers and is served as the real provider is,
	// so the two differ only in what milvus_user does.
	logging.QuietLogs("milvus", os.LookupEnv, os.Setenv)
	err := serve.Serve("registry.terraform.io/milvus-terraform/milvus", func() provider.Provider { return floor{} }, false)
	if err != nil {
		log.Fatal(err)
	}
}

type floor struct{}

func (floor) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "milvus"
}

// Schema accepts the settings the benchmark's provider block may set.
func (floor) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = pschema.Schema{Attributes: map[string]pschema.Attribute{
		"verify_passwords": pschema.BoolAttribute{Optional: true},
	}}
}

func (floor) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {}

func (floor) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return userFloor{} }}
}

func (floor) DataSources(context.Context) []func() datasource.DataSource { return nil }

type userFloor struct{}

type model struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	Password           types.String `tfsdk:"password"`
	PasswordWO         types.String `tfsdk:"password_wo"`
	PasswordWOVersion  types.String `tfsdk:"password_wo_version"`
	PasswordWORevision types.String `tfsdk:"password_wo_revision"`
	Roles              types.List   `tfsdk:"roles"`
}

func (userFloor) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
}

// Schema has milvus_user's attributes, types and plan modifiers
// (floor_test.go keeps them in step).
func (userFloor) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = Schema()
}

// Schema is the floor's milvus_user schema.
func Schema() schema.Schema {
	return schema.Schema{Attributes: map[string]schema.Attribute{
		"name": schema.StringAttribute{Required: true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		"password":             schema.StringAttribute{Optional: true, Sensitive: true},
		"password_wo":          schema.StringAttribute{Optional: true, WriteOnly: true},
		"password_wo_version":  schema.StringAttribute{Optional: true},
		"password_wo_revision": schema.StringAttribute{Computed: true},
		"id": schema.StringAttribute{Computed: true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"roles": schema.ListAttribute{Computed: true, ElementType: types.StringType,
			PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()}},
	}}
}

func (userFloor) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m model
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	m.ID = m.Name
	m.PasswordWO = types.StringNull()
	m.PasswordWORevision = types.StringNull()
	m.Roles = types.ListValueMust(types.StringType, nil)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

func (userFloor) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (userFloor) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var m model
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	m.PasswordWO = types.StringNull()
	if m.PasswordWORevision.IsUnknown() {
		m.PasswordWORevision = types.StringNull()
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

func (userFloor) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
