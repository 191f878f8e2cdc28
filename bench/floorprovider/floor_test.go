// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	milvusprovider "github.com/milvus-terraform/terraform-provider-milvus/internal/provider"
)

// The floor serves every resource of the real provider, under the same
// names and with the same schemas, so the benchmark compares like with like.
func TestFloorServesTheRealResources(t *testing.T) {
	ctx := context.Background()
	actual, fl := milvusprovider.New("test")(), newFloor(milvusprovider.New("test")())
	schemas := func(p provider.Provider) map[string]resource.SchemaResponse {
		out := map[string]resource.SchemaResponse{}
		for _, newResource := range p.Resources(ctx) {
			r := newResource()
			var meta resource.MetadataResponse
			r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: milvusprovider.TypeName}, &meta)
			var s resource.SchemaResponse
			r.Schema(ctx, resource.SchemaRequest{}, &s)
			out[meta.TypeName] = s
		}
		return out
	}
	want, got := schemas(actual), schemas(fl)
	if len(want) < 8 || len(got) != len(want) {
		t.Fatalf("the floor serves %d resources, the provider %d", len(got), len(want))
	}
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			t.Errorf("the floor lacks %s", name)
			continue
		}
		if !g.Schema.Type().Equal(w.Schema.Type()) || len(g.Schema.Attributes) != len(w.Schema.Attributes) {
			t.Errorf("%s: the floor's schema differs from the provider's", name)
		}
		for attr, a := range w.Schema.Attributes {
			if b := g.Schema.Attributes[attr]; b == nil || b.IsWriteOnly() != a.IsWriteOnly() || b.IsComputed() != a.IsComputed() {
				t.Errorf("%s.%s differs", name, attr)
			}
		}
	}
}

// What a floor resource stores: the plan, with unknowns null and write-only
// values dropped.
func TestFloorStoresThePlanWithoutWriteOnlyValues(t *testing.T) {
	ctx := context.Background()
	var user resource.Resource
	for _, newResource := range newFloor(milvusprovider.New("test")()).Resources(ctx) {
		var meta resource.MetadataResponse
		r := newResource()
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: milvusprovider.TypeName}, &meta)
		if meta.TypeName == "milvus_user" {
			user = r
		}
	}
	var s resource.SchemaResponse
	user.Schema(ctx, resource.SchemaRequest{}, &s)
	typ, ok := s.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatalf("milvus_user's schema is not an object: %s", s.Schema.Type())
	}
	values := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		values[name] = tftypes.NewValue(at, nil)
	}
	values["name"] = tftypes.NewValue(tftypes.String, "alice")
	values["password_wo"] = tftypes.NewValue(tftypes.String, "secret-value")
	values["password_wo_version"] = tftypes.NewValue(tftypes.String, "1")
	values["id"] = tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	plan := tfsdk.Plan{Schema: s.Schema, Raw: tftypes.NewValue(typ, values)}
	resp := resource.CreateResponse{State: tfsdk.State{Schema: s.Schema}}
	user.Create(ctx, resource.CreateRequest{Plan: plan}, &resp)

	var stored map[string]tftypes.Value
	if err := resp.State.Raw.As(&stored); err != nil {
		t.Fatal(err)
	}
	checks := map[string]any{"name": "alice", "password_wo": nil, "password_wo_version": "1", "id": nil}
	for name, want := range checks {
		v := stored[name]
		if !v.IsKnown() {
			t.Errorf("%s is unknown after apply", name)
			continue
		}
		var got *string
		if err := v.As(&got); err != nil {
			t.Fatal(err)
		}
		switch {
		case want == nil && got != nil:
			t.Errorf("%s = %q, want null", name, *got)
		case want != nil && (got == nil || *got != want):
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
}
