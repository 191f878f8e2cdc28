// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Read compares only the properties this resource manages: keys that Milvus
// or others set are not its business. A database that manages no property
// is found in the process's shared listing (one request per refresh, however
// many databases); one that does is described.
func (r *databaseResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state databaseModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	rec, diags := loadRecord(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()
	managed, _ := state.managed()
	db := &milvus.Database{Name: name, Properties: map[string]string{}}
	var err error
	if rec.Adopt || len(managed) > 0 {
		db, err = r.Data.Client.DescribeDatabase(ctx, name)
	} else {
		err = r.Data.Client.LookupDatabase(ctx, name)
	}
	if errors.Is(err, milvus.ErrNotFound) {
		entity.Gone(ctx, resp, state, diagnostics.DeletedOutside(object(name),
			" Grants that named it are still stored by Milvus, and apply to the new database again."))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus Database", err))
		return
	}
	keep := map[string]bool{}
	for k := range managed {
		keep[k] = true
	}
	state.fromServer(db, keep, rec.Adopt)
	found, _ := state.managed()
	rec.Seen = seenValues(db, found, keep, rec.Adopt)
	if rec.Adopt {
		rec.Applied, rec.Adopt = rec.Seen, false
	}
	resp.Diagnostics.Append(saveRecord(ctx, resp.Private, rec)...)
	resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, state)...)
}

// seenValues are the server's raw values of the managed keys (and, on an
// import, of every key taken).
func seenValues(db *milvus.Database, found map[string]string, keep map[string]bool, adopt bool) map[string]string {
	seen := map[string]string{}
	for k, v := range db.Properties {
		if _, taken := found[k]; keep[k] || (adopt && taken) {
			seen[k] = v
		}
	}
	return seen
}

// save reads the database back after a write and records it, with the
// properties just set as those Terraform applied. A write that succeeded is
// recorded even when the read-back fails (with a warning), as planned.
func (r *databaseResource) save(ctx context.Context, planned databaseModel, applied map[string]string, private entity.PrivateState,
	state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	name := planned.Name.ValueString()
	result := planned
	result.ID = planned.Name
	db, err := r.Data.Client.DescribeDatabase(ctx, name)
	keep := map[string]bool{}
	for k := range applied {
		keep[k] = true
	}
	seen := applied
	switch {
	case errors.Is(err, milvus.ErrNotFound):
		diags.AddError("Milvus Database Not Found After Writing It", fmt.Sprintf(
			"Milvus accepted database %q but does not list it right after. Something else may have dropped it; run terraform apply again.", name))
		return
	case err != nil:
		diags.Append(diagnostics.Warning("Unable to Read Back Milvus Database", name, fmt.Sprintf(
			"Milvus carried out the change to database %q, and Terraform recorded it, but reading it back failed: %s",
			name, diagnostics.Detail(err))))
	default:
		result.fromServer(db, keep, false)
		seen = seenValues(db, nil, keep, false)
	}
	diags.Append(saveRecord(ctx, private, propertyRecord{Applied: applied, Seen: seen})...)
	diags.Append(entity.Save(ctx, state, identity, result)...)
}
