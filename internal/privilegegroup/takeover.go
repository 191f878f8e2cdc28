// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package privilegegroup

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
)

// takeOver decides about a group that already exists when this resource
// creates it. It is taken over when that changes nothing anyone may do: it
// holds exactly the configured privileges (what an interrupted apply of this
// configuration leaves once it added them), or none and no role is granted
// it (what it leaves before). Otherwise the create fails and says how to
// import it.
func (r *groupResource) takeOver(ctx context.Context, name string, members []string, diags *diag.Diagnostics) bool {
	g, err := r.Data.Client.DescribePrivilegeGroup(ctx, name)
	if err != nil {
		diags.Append(diagnostics.MilvusError("Unable to Create Milvus Privilege Group", err))
		return false
	}
	if slices.Equal(g.Privileges, members) {
		diags.Append(diagnostics.TakenOver(object(name), "it holds exactly the configured privileges"))
		return true
	}
	var roles []string
	if len(g.Privileges) == 0 {
		if roles, err = r.Data.Client.RolesUsing(ctx, name); err != nil {
			diags.Append(diagnostics.MilvusError("Unable to Create Milvus Privilege Group", err))
			return false
		}
		if len(roles) == 0 {
			diags.Append(diagnostics.TakenOver(object(name), "it holds no privileges and no role is granted it, so taking it over "+
				"changes nothing anyone may do"))
			return true
		}
	}
	why := "It holds " + diagnostics.Some(g.Privileges, "privilege") + ", not the configured " + strings.Join(members, ", ") + "."
	if len(roles) > 0 {
		why = "It holds no privileges, but " + diagnostics.Some(roles, "role") + " already hold it: the configured privileges would reach them."
	}
	diags.Append(diagnostics.AlreadyExists(object(name), why))
	return false
}
