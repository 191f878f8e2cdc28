// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package grant

import (
	"context"
	"errors"

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
		entity.Gone(ctx, resp, m, diagnostics.DeletedOutside(object(g),
			" (It was revoked outside Terraform, or its role was dropped.)"))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus Grant", err))
		return
	}
	m.setID()
	resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, m)...)
}
