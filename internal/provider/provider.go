// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package provider is the Milvus provider: its configuration, and the list
// of resources and data sources it serves.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/access"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/database"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/grant"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/journal"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/privilegegroup"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/providerdata"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/role"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/rolemembers"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/rolepolicy"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/user"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/userrole"
)

var (
	_ provider.Provider                   = (*milvusProvider)(nil)
	_ provider.ProviderWithValidateConfig = (*milvusProvider)(nil)
)

type milvusProvider struct {
	version string
}

// New returns the provider factory main.go serves.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &milvusProvider{version: version} }
}

func (p *milvusProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = TypeName
	resp.Version = p.version
}

func (p *milvusProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = providerSchema()
}

// Configure connects once; every resource of this provider instance shares
// the connection.
func (p *milvusProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var model providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if anyUnknown(model) {
		resp.Diagnostics.AddError("Unknown Milvus Connection Setting",
			"A provider setting depends on a value that is only known after apply. "+
				"Apply the resources it depends on first (terraform apply -target=...), or set the value directly.")
		return
	}

	s, errs := model.resolve(nil)
	for _, e := range errs {
		resp.Diagnostics.AddAttributeError(e.Path(), e.Summary, e.Detail)
	}
	if resp.Diagnostics.HasError() {
		return
	}

	tflog.Debug(ctx, "connecting to Milvus", map[string]any{
		"address": s.Milvus.Address, "username": s.Milvus.Credentials.Username,
		"tls": s.Milvus.TLS.Enabled, "timeout": s.Milvus.Timeout.String(), "forbid_password_reset": s.ForbidPasswordReset,
	})
	client, err := milvus.Connect(ctx, s.Milvus)
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Connect to Milvus", err))
		return
	}
	data := &providerdata.Data{Client: client, ForbidPasswordReset: s.ForbidPasswordReset, VerifyPasswords: s.VerifyPasswords,
		Journal: journal.Open(client.Endpoint()), Declared: &providerdata.Declared{}}
	resp.ResourceData = data
	resp.DataSourceData = data
}

func anyUnknown(m providerModel) bool {
	for _, v := range []interface{ IsUnknown() bool }{
		m.Address, m.Username, m.Password, m.Token, m.DBName, m.TLS, m.CACert, m.ClientCert, m.ClientKey,
		m.ServerName, m.InsecureSkipVerify, m.Timeout, m.MaxRetries, m.SuperUser, m.VerifyPasswords,
	} {
		if v.IsUnknown() {
			return true
		}
	}
	return false
}

func (p *milvusProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		user.NewResource, role.NewResource, userrole.NewResource, grant.NewResource, privilegegroup.NewResource,
		database.NewResource, rolepolicy.NewResource, rolemembers.NewResource,
	}
}

func (p *milvusProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		user.NewDataSource, user.NewListDataSource, role.NewDataSource, role.NewListDataSource, privilegegroup.NewListDataSource,
		database.NewDataSource, database.NewListDataSource, access.NewDataSource,
	}
}
