// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
)

// Update sets the properties whose values changed (or that Milvus no longer
// holds as configured), and removes those the configuration no longer sets.
func (r *databaseResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var planned, prior databaseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	want, _ := planned.managed()
	have, _ := prior.managed()
	set := map[string]string{}
	for k, v := range want {
		if current, ok := have[k]; !ok || !same(k, current, v) {
			set[k] = v
		}
	}
	var remove []string
	for _, k := range keys(have) {
		if _, kept := want[k]; !kept {
			remove = append(remove, k)
		}
	}
	name := planned.Name.ValueString()
	if err := r.Data.Client.AlterDatabase(ctx, name, set, remove); err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Update Milvus Database", err))
		return
	}
	r.save(ctx, planned, want, resp.Private, &resp.State, resp.Identity, &resp.Diagnostics)
}
