// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package userrole

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Read finds the binding in the process's shared listing of users and their
// roles: any number of bindings costs one request.
func (r *bindingResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var m bindingModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	user, err := r.Data.Client.LookupUser(ctx, m.User.ValueString())
	switch {
	case errors.Is(err, milvus.ErrNotFound) || (err == nil && !m.boundIn(user)):
		entity.Gone(ctx, resp, m, diagnostics.DeletedOutside(m.object(),
			" (The binding was removed outside Terraform, or the user or the role was deleted.)"))
		return
	case err != nil:
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Read Milvus Role Binding", err))
		return
	}
	m.setID()
	resp.Diagnostics.Append(entity.Save(ctx, &resp.State, resp.Identity, m)...)
}
