// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package role

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// journalKind names roles in the journal.
const journalKind = "role"

// takeOver decides about a role that already exists when this resource
// creates it. A role has nothing that proves who made it, so it is taken
// over only when doing so is provably harmless or provably right:
//   - it has no grants and no members: taking it over changes nothing
//     anyone may do;
//   - or this working directory's journal says this configuration started
//     creating it, when it did not exist, in an apply that never recorded it
//     (the grants and bindings it has since are that apply's).
//
// Otherwise the create fails and says how to import it.
func (r *roleResource) takeOver(ctx context.Context, existing *milvus.Role, diags *diag.Diagnostics) bool {
	name := existing.Name
	if r.Data.Journal.Intended(journalKind, name) {
		diags.Append(diagnostics.TakenOver(object(name), "this working directory's provider started creating it, when it "+
			"did not exist, in an apply that ended before Terraform recorded it (its journal on this machine says so)"))
		return true
	}
	grants, err := r.Data.Client.RoleGrants(ctx, name)
	if err != nil {
		diags.Append(diagnostics.MilvusError("Unable to Create Milvus Role", err))
		return false
	}
	if len(grants) == 0 && len(existing.Users) == 0 {
		diags.Append(diagnostics.TakenOver(object(name), "it has no grants and no members, so taking it over changes nothing anyone may do"))
		return true
	}
	var held []string
	if len(grants) > 0 {
		rows := make([]string, len(grants))
		for i, g := range grants {
			rows[i] = fmt.Sprintf("%s on %s %s in %s", g.Privilege, g.ObjectType, g.ObjectName, g.DBName)
		}
		held = append(held, diagnostics.Some(rows, "grant"))
	}
	if len(existing.Users) > 0 {
		held = append(held, diagnostics.Some(existing.Users, "member"))
	}
	diags.Append(diagnostics.AlreadyExists(object(name), "It has "+strings.Join(held, " and ")+", and nothing proves that "+
		"this configuration made it: taking it over would make its grants and members this configuration's to revoke on destroy."))
	return false
}
