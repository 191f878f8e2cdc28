// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Delete drops the database and leaves nothing a new database of the same
// name would inherit. Milvus drops only an empty database, so one that
// holds collections is refused before anything changes; then every grant
// that names the database, of every role, is revoked (Milvus keeps them
// after the drop), and the database is dropped. default is only forgotten.
func (r *databaseResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state databaseModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()
	if name == milvus.DefaultDatabase {
		resp.Diagnostics.Append(diagnostics.Warning("Built-In Milvus Database Not Dropped", name,
			"Milvus never drops the database \"default\", so Terraform has only stopped managing it. Its properties, "+
				"collections and grants are unchanged."))
		return
	}
	collections, err := r.Data.Client.DatabaseCollections(ctx, name)
	switch {
	case errors.Is(err, milvus.ErrNotFound):
		// Dropped already; its grants may still be stored.
	case err != nil:
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Drop Milvus Database", err))
		return
	case len(collections) > 0:
		resp.Diagnostics.AddError("Unable to Drop Milvus Database", fmt.Sprintf(
			"Database %q holds %s. Milvus drops only an empty database, and this provider never drops collections, so "+
				"nothing was deleted and no grant was revoked.\n\nDrop or move the collections with a Milvus client, then run "+
				"Terraform again. To keep the database and stop managing it, remove it from the state instead (a removed block "+
				"with destroy = false, or terraform state rm).", name, diagnostics.Some(collections, "collection")))
		return
	}
	grants, err := r.Data.Client.GrantsIn(ctx, name)
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Drop Milvus Database", err))
		return
	}
	for _, g := range grants {
		if err := r.Data.Client.Revoke(ctx, g); err != nil {
			resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Drop Milvus Database", err))
			return
		}
	}
	if len(grants) > 0 {
		resp.Diagnostics.Append(revokedWarning(name, grants))
	}
	if err := r.Data.Client.DropDatabase(ctx, name); err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Drop Milvus Database", err))
	}
}

// revokedWarning lists the grants Delete revoked.
func revokedWarning(db string, grants []milvus.Grant) diag.Diagnostic {
	rows := make([]string, len(grants))
	for i, g := range grants {
		rows[i] = fmt.Sprintf("role %s: %s on %s %s", g.Role, g.Privilege, g.ObjectType, g.ObjectName)
	}
	return diagnostics.Warning("Grants in Milvus Database Revoked", db, fmt.Sprintf(
		"Milvus keeps the grants that name a dropped database, and a new database named %q would inherit them, so "+
			"Terraform revoked the %s that still named it before dropping it:\n\n  %s\n\nmilvus_grant resources that "+
			"depend on this database are destroyed before it and are not among these; these were made outside this "+
			"configuration (or by resources that name the database without referring to it).",
		db, diagnostics.Count(len(grants), "grant"), strings.Join(rows, "\n  ")))
}
