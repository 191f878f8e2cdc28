// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolepolicy

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/grant"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// policyModel is the milvus_role_policy state.
type policyModel struct {
	ID     types.String `tfsdk:"id"`
	Role   types.String `tfsdk:"role"`
	Grants types.Set    `tfsdk:"grants"`
}

var elementType = types.ObjectType{AttrTypes: grant.ElementType}

// element is one grant of the set, as configured or planned.
type element struct {
	value types.Object
	spec  grant.Spec
}

func (m policyModel) elements() []element {
	var out []element
	for _, v := range m.Grants.Elements() {
		o, ok := v.(types.Object)
		if !ok {
			continue
		}
		a := o.Attributes()
		str := func(name string) types.String { s, _ := a[name].(types.String); return s }
		out = append(out, element{value: o, spec: grant.Spec{Privilege: str("privilege"), PrivilegeGroup: str("privilege_group"),
			ObjectType: str("object_type"), ObjectName: str("object_name"), DBName: str("db_name")}})
	}
	return out
}

// desired returns the grants the set asks for, with defaults and derived
// object types; known is false while any value is unknown.
func (m policyModel) desired() (grants []milvus.Grant, known bool) {
	if m.Grants.IsUnknown() {
		return nil, false
	}
	role := m.Role.ValueString()
	for _, e := range m.elements() {
		g, ok := e.spec.Grant(role)
		if !ok {
			return nil, false
		}
		grants = append(grants, g)
	}
	milvus.SortGrants(grants)
	return grants, true
}

// setOf is a set of grants in the shape of the grants attribute.
func setOf(grants []milvus.Grant) types.Set {
	values := make([]attr.Value, len(grants))
	for i, g := range grants {
		values[i] = grant.Element(g)
	}
	return types.SetValueMust(elementType, values)
}

// key identifies a grant of the role, for the private record and messages.
func key(g milvus.Grant) string {
	return strings.Join([]string{g.DBName, g.ObjectType, g.ObjectName, g.Privilege}, "/")
}

// keys are the keys of grants.
func keys(grants []milvus.Grant) []string {
	out := make([]string, len(grants))
	for i, g := range grants {
		out[i] = key(g)
	}
	return out
}

func describe(g milvus.Grant) string {
	kind := "privilege"
	if g.Group {
		kind = "privilege group"
	}
	return fmt.Sprintf("%s %s on %s %q in database %q", kind, g.Privilege, g.ObjectType, g.ObjectName, g.DBName)
}

// minus returns the grants of a that b lacks.
func minus(a, b []milvus.Grant) []milvus.Grant {
	var out []milvus.Grant
	for _, g := range a {
		if !contains(b, g) {
			out = append(out, g)
		}
	}
	return out
}

func contains(list []milvus.Grant, g milvus.Grant) bool {
	for _, x := range list {
		if x.Key() == g.Key() {
			return true
		}
	}
	return false
}

// visible is what the policy shows of the role's rows: the rows Milvus adds
// beside Load and Flush are hidden, unless the policy asked for them.
func visible(rows, asked []milvus.Grant) []milvus.Grant {
	var out []milvus.Grant
	for _, g := range rows {
		if milvus.CompanionOf(g, rows) && !contains(asked, g) {
			continue
		}
		out = append(out, g)
	}
	return out
}
