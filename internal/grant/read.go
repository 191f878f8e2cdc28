// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package grant

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Read looks for this resource's own row only: the rows Milvus adds beside
// a Load or Flush grant, and grants made by others, are not its business.
func (r *grantResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var m grantModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	g := m.grant()
	_, err := r.Data.Client.LookupGrant(ctx, g)
	if errors.Is(err, milvus.ErrNotFound) {
		entity.Gone(ctx, resp, m, r.goneWarning(ctx, g))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus Grant", err))
		return
	}
	m.setID()
	resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, m)...)
}

// goneWarning says why the grant is gone: revoked outside Terraform, or (on
// Milvus 2.6.12 and later) deleted or moved with its collection.
func (r *grantResource) goneWarning(ctx context.Context, g milvus.Grant) diag.Diagnostic {
	if gone, err := r.Data.Client.GoneWithItsCollection(ctx, g); err == nil && gone {
		return CollectionGone(g, "milvus_grant")
	}
	return diagnostics.DeletedOutside(object(g), " (It was revoked outside Terraform, or its role was dropped.)")
}

// CollectionGone is the warning for a grant that Milvus deleted, or moved,
// with its collection.
func CollectionGone(g milvus.Grant, resource string) diag.Diagnostic {
	return diagnostics.Warning("Milvus Grant Gone With Its Collection", object(g).ImportID, fmt.Sprintf(
		"Milvus no longer has %s, which this %s manages, and database %q has no collection %q any more: Milvus 2.6.12 and "+
			"later delete a collection's grants when it is dropped, and move them to the new name when it is renamed. Nobody "+
			"revoked it. The plan grants it again (Milvus accepts a grant on a collection that does not exist, and it applies "+
			"to a new collection of that name); if the collection was renamed, grant the new name instead.",
		object(g).Name, resource, g.DBName, g.ObjectName))
}
