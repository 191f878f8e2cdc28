// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package entity

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// Save stores model as the resource's state and sets the resource identity
// from it. This is the one place identity is set, for every resource.
func Save(ctx context.Context, state *tfsdk.State, identity *tfsdk.ResourceIdentity, model any) diag.Diagnostics {
	diags := state.Set(ctx, model)
	if diags.HasError() {
		return diags
	}
	diags.Append(setIdentity(ctx, *state, identity, model)...)
	return diags
}

// Identified is a model whose identity is not simply its key attributes of
// the same names.
type Identified interface {
	Identity() any
}

// setIdentity fills the identity from the model's Identity, or else from the
// state attributes of the same names. A CLI without identity support (before
// Terraform 1.12) sends none.
func setIdentity(ctx context.Context, state tfsdk.State, identity *tfsdk.ResourceIdentity, model any) diag.Diagnostics {
	var diags diag.Diagnostics
	if identity == nil {
		return diags
	}
	if m, ok := model.(Identified); ok {
		return identity.Set(ctx, m.Identity())
	}
	for name := range identity.Schema.GetAttributes() {
		var value attr.Value
		diags.Append(state.GetAttribute(ctx, path.Root(name), &value)...)
		if diags.HasError() {
			return diags
		}
		diags.Append(identity.SetAttribute(ctx, path.Root(name), value)...)
	}
	return diags
}

// Gone handles, in Read, an object that Milvus no longer has: it warns that
// it was deleted outside Terraform and what the plan will do, and removes it
// from state, so the plan creates it again. The framework wants an identity
// even for a removed resource, and a CLI without identity support stored
// none to keep, so it is set from the prior state's model first.
func Gone(ctx context.Context, resp *resource.ReadResponse, model any, warning diag.Diagnostic) {
	resp.Diagnostics.Append(warning)
	resp.Diagnostics.Append(setIdentity(ctx, resp.State, resp.Identity, model)...)
	resp.State.RemoveResource(ctx)
}
