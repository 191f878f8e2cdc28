// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package role

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Delete revokes every grant of the role, in every database, and drops it:
// nothing of it is left for a new role of the same name to inherit. The
// built-in roles are only forgotten.
func (r *roleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state roleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()
	if milvus.BuiltInRole(name) {
		resp.Diagnostics.Append(diagnostics.Warning("Built-In Milvus Role Not Dropped", name, fmt.Sprintf(
			"Milvus never drops the built-in role %q, so Terraform has only stopped managing it. Its grants and bindings are unchanged.", name)))
		return
	}
	if err := r.Data.Client.DropRole(ctx, name); err != nil {
		resp.Diagnostics.Append(diagnostics.MilvusError("Unable to Drop Milvus Role", err))
		return
	}
	r.Data.Journal.Forget(journalKind, name)
}
