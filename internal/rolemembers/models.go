// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolemembers

import (
	"slices"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// membersModel is the milvus_role_members state.
type membersModel struct {
	ID      types.String `tfsdk:"id"`
	Role    types.String `tfsdk:"role"`
	Members types.Set    `tfsdk:"members"`
}

// users are the members, sorted; known is false while any is unknown.
func (m membersModel) users() (users []string, known bool) {
	if m.Members.IsUnknown() {
		return nil, false
	}
	for _, v := range m.Members.Elements() {
		s, ok := v.(types.String)
		if !ok || s.IsUnknown() {
			return nil, false
		}
		users = append(users, s.ValueString())
	}
	sort.Strings(users)
	return users, true
}

// minus returns the users of a that b lacks.
func minus(a, b []string) []string {
	var out []string
	for _, u := range a {
		if !slices.Contains(b, u) {
			out = append(out, u)
		}
	}
	return out
}
