// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package serve

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// echo is the smallest framework provider: one resource, thing, that keeps
// what it is given. Its Read reports the context it was called with and,
// when asked to, holds the call until told to go on.
type echo struct {
	seen    chan<- context.Context
	proceed <-chan struct{}
}

func (echo) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "echo"
}

func (echo) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (echo) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {}

func (e echo) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return thing(e) }}
}

func (echo) DataSources(context.Context) []func() datasource.DataSource { return nil }

type thing echo

func (thing) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "echo_thing"
}

func (thing) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"name": schema.StringAttribute{Required: true},
	}}
}

func (thing) Create(context.Context, resource.CreateRequest, *resource.CreateResponse) {}

func (t thing) Read(ctx context.Context, _ resource.ReadRequest, _ *resource.ReadResponse) {
	if t.seen != nil {
		t.seen <- ctx
	}
	if t.proceed != nil {
		<-t.proceed
	}
}

func (thing) Update(context.Context, resource.UpdateRequest, *resource.UpdateResponse) {}

func (thing) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
