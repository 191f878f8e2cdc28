// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// floor is the real provider with its Configure and its resources' CRUD
// replaced: no connection, no reads, no writes.
type floor struct{ real provider.Provider }

func newFloor(p provider.Provider) provider.Provider { return floor{real: p} }

func (f floor) Metadata(ctx context.Context, req provider.MetadataRequest, resp *provider.MetadataResponse) {
	f.real.Metadata(ctx, req, resp)
}

func (f floor) Schema(ctx context.Context, req provider.SchemaRequest, resp *provider.SchemaResponse) {
	f.real.Schema(ctx, req, resp)
}

func (floor) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {}

func (f floor) Resources(ctx context.Context) []func() resource.Resource {
	var out []func() resource.Resource
	for _, newReal := range f.real.Resources(ctx) {
		out = append(out, func() resource.Resource { return storeOnly{real: newReal()} })
	}
	return out
}

// DataSources: the benchmark's configurations read none.
func (floor) DataSources(context.Context) []func() datasource.DataSource { return nil }

// storeOnly has a real resource's name, schema and configuration
// checks; Create and Update store the plan (what is only known after
// apply becomes null, write-only values are dropped), Read keeps the state,
// Delete forgets.
type storeOnly struct{ real resource.Resource }

func (s storeOnly) Metadata(ctx context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	s.real.Metadata(ctx, req, resp)
}

func (s storeOnly) Schema(ctx context.Context, req resource.SchemaRequest, resp *resource.SchemaResponse) {
	s.real.Schema(ctx, req, resp)
}

func (s storeOnly) ConfigValidators(ctx context.Context) []resource.ConfigValidator {
	if v, ok := s.real.(resource.ResourceWithConfigValidators); ok {
		return v.ConfigValidators(ctx)
	}
	return nil
}

func (s storeOnly) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	if v, ok := s.real.(resource.ResourceWithValidateConfig); ok {
		v.ValidateConfig(ctx, req, resp)
	}
}

func (storeOnly) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw = applied(ctx, req.Plan)
}

func (storeOnly) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (storeOnly) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = applied(ctx, req.Plan)
}

func (storeOnly) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// applied is the state a plan becomes: unknown values null, write-only
// attributes (at any depth) null.
func applied(ctx context.Context, plan tfsdk.Plan) tftypes.Value {
	out, err := tftypes.Transform(plan.Raw, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if !v.IsKnown() {
			return tftypes.NewValue(v.Type(), nil), nil
		}
		if len(p.Steps()) == 0 || v.IsNull() {
			return v, nil
		}
		if a, err := plan.Schema.AttributeAtTerraformPath(ctx, p); err == nil && a.IsWriteOnly() {
			return tftypes.NewValue(v.Type(), nil), nil
		}
		return v, nil
	})
	if err != nil {
		panic(err) // Transform fails only on malformed values, which a plan never holds
	}
	return out
}
