// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolepolicy

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// ValidateConfig checks each grant as milvus_grant checks its own, and
// refuses two grants that are the same row once the defaults and the
// derived object type are filled in (a set only removes exact duplicates).
func (r *policyResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m policyModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.Grants.IsUnknown() {
		return
	}
	resp.Diagnostics.Append(checkElements(m)...)
}

func checkElements(m policyModel) diag.Diagnostics {
	var diags diag.Diagnostics
	seen := map[string]bool{}
	for _, e := range m.elements() {
		at := func(name string) path.Path { return path.Root("grants").AtSetValue(e.value).AtName(name) }
		switch {
		case e.spec.Privilege.IsUnknown() || e.spec.PrivilegeGroup.IsUnknown():
		case e.spec.Privilege.IsNull() == e.spec.PrivilegeGroup.IsNull():
			diags.AddAttributeError(at("privilege"), "Invalid Attribute Combination",
				"Each grant of a role policy sets exactly one of privilege and privilege_group.")
			continue
		}
		diags.Append(e.spec.Check(at)...)
		g, known := e.spec.Grant(m.Role.ValueString())
		if !known {
			continue
		}
		if seen[key(g)] {
			diags.AddAttributeError(at("privilege"), "Duplicate Grant in Milvus Role Policy", fmt.Sprintf(
				"The grants list %s twice (once the defaults, db_name = \"default\" and object_name = \"*\", and the derived "+
					"object type are filled in). Milvus holds it once; list it once.", describe(g)))
		}
		seen[key(g)] = true
	}
	return diags
}
