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

// Create grants the privilege. Granting what the role already has succeeds
// in Milvus, so a grant that exists (made by hand, or by an interrupted
// apply) is simply taken over: the row is exactly the one configured.
func (r *grantResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m grantModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	g := m.grant()
	if err := r.Data.Client.Grant(ctx, g); err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Grant Milvus Privilege", err))
		return
	}
	_, err := r.Data.Client.FindGrant(ctx, g)
	switch {
	case errors.Is(err, milvus.ErrNotFound):
		resp.Diagnostics.AddError("Milvus Grant Not Found After Granting It",
			"Milvus accepted "+object(g).Name+" but does not list it right after. Something else may have revoked it, "+
				"or the role was dropped; run terraform apply again.")
		return
	case err != nil:
		resp.Diagnostics.Append(diagnostics.Warning("Unable to Read Back Milvus Grant", object(g).ImportID,
			"Milvus carried out "+object(g).Name+", and Terraform recorded it, but reading it back failed: "+diagnostics.Detail(err)))
	}
	m.setID()
	resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, m)...)
}
