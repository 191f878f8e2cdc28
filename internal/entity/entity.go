// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package entity is what every resource and data source of the provider
// needs, written once: the provider's data, state and identity saved
// together, objects deleted outside Terraform, import IDs, and version gates.
package entity

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/providerdata"
)

// Resource is embedded in every resource: it receives the provider's data.
type Resource struct {
	Data *providerdata.Data
}

// Configure takes the data the provider's Configure built.
func (r *Resource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.Data = providerdata.From(req.ProviderData, &resp.Diagnostics)
}

// DataSource is embedded in every data source.
type DataSource struct {
	Data *providerdata.Data
}

// Configure takes the data the provider's Configure built.
func (d *DataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.Data = providerdata.From(req.ProviderData, &resp.Diagnostics)
}
