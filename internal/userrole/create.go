// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package userrole

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
)

// Create binds the user to the role. Binding twice succeeds in Milvus, so a
// binding that exists already is simply taken over: it is exactly the one
// configured.
func (r *bindingResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m bindingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.Data.Client.BindRole(ctx, m.User.ValueString(), m.Role.ValueString()); err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Bind Milvus User to Role", err))
		return
	}
	user, err := r.Data.Client.DescribeUser(ctx, m.User.ValueString())
	switch {
	case err != nil:
		resp.Diagnostics.Append(diagnostics.Warning("Unable to Read Back Milvus Role Binding", m.object().ImportID,
			"Milvus carried out "+m.object().Name+", and Terraform recorded it, but reading it back failed: "+diagnostics.Detail(err)))
	case !m.boundIn(user):
		resp.Diagnostics.AddError("Milvus Role Binding Not Found After Binding",
			"Milvus accepted "+m.object().Name+" but does not list it right after. Something else may have removed it; run terraform apply again.")
		return
	}
	m.setID()
	resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, m)...)
}
