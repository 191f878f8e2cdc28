// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package entity

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/providerdata"
)

// PolicyConflicts reports, at plan time, what the resources of the
// configuration declare for one role beside its milvus_role_policy (see
// providerdata.Declared): whichever of them is planned second says so.
func PolicyConflicts(role string, c providerdata.Conflict) diag.Diagnostics {
	var diags diag.Diagnostics
	if c.Twice {
		diags.AddAttributeError(path.Root("role"), "Milvus Role Managed Twice", fmt.Sprintf(
			"Two milvus_role_policy resources of this configuration hold the grants of role %q, with different grants: each apply "+
				"would revoke what the other grants. Keep one policy per role.", role))
	}
	if len(c.Fighting) > 0 {
		diags.AddAttributeError(path.Root("role"), "Milvus Role Managed Twice", fmt.Sprintf(
			"The milvus_role_policy of role %q holds all of its grants, and milvus_grant resources of this configuration grant it %s, "+
				"which the policy does not list: every apply would revoke them and grant them again. List them in the policy and "+
				"remove the milvus_grant resources (or the other way round: additive grants and no policy).",
			role, strings.Join(c.Fighting, "; ")))
	}
	if len(c.Redundant) > 0 {
		diags.Append(diagnostics.Warning("Milvus Grant Declared Twice", role, fmt.Sprintf(
			"milvus_grant resources of this configuration grant role %q %s, which its milvus_role_policy lists too. They do not "+
				"fight, but destroying either revokes the grant: keep it in one place.", role, strings.Join(c.Redundant, "; "))))
	}
	return diags
}

// MembersConflicts is PolicyConflicts for milvus_role_members and
// milvus_user_role.
func MembersConflicts(role string, c providerdata.Conflict) diag.Diagnostics {
	var diags diag.Diagnostics
	if c.Twice {
		diags.AddAttributeError(path.Root("role"), "Milvus Role Managed Twice", fmt.Sprintf(
			"Two milvus_role_members resources of this configuration hold the members of role %q, with different members: each "+
				"apply would remove what the other adds. Keep one per role.", role))
	}
	if len(c.Fighting) > 0 {
		diags.AddAttributeError(path.Root("role"), "Milvus Role Managed Twice", fmt.Sprintf(
			"The milvus_role_members of role %q holds all of its members, and milvus_user_role resources of this configuration bind "+
				"%s to it, whom it does not list: every apply would unbind them and bind them again. List them in members and remove "+
				"the milvus_user_role resources (or the other way round).", role, strings.Join(c.Fighting, ", ")))
	}
	if len(c.Redundant) > 0 {
		diags.Append(diagnostics.Warning("Milvus Role Binding Declared Twice", role, fmt.Sprintf(
			"milvus_user_role resources of this configuration bind %s to role %q, which its milvus_role_members lists too. They do "+
				"not fight, but destroying either unbinds the user: keep it in one place.", strings.Join(c.Redundant, ", "), role)))
	}
	return diags
}
