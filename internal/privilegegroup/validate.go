// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package privilegegroup

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// memberValidator refuses names that are not single privileges.
type memberValidator struct{}

func (memberValidator) Description(context.Context) string {
	return "a Milvus privilege name"
}

func (v memberValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (memberValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	name := req.ConfigValue.ValueString()
	if _, ok := milvus.LookupPrivilege(name); ok {
		return
	}
	detail := fmt.Sprintf("No Milvus version from 2.3 to 3.0 has a privilege named %q.", name)
	if _, group := milvus.LookupBuiltInGroup(name); group {
		detail = fmt.Sprintf("%q is a built-in privilege group; Milvus does not support groups inside groups. List its privileges instead.", name)
	} else if s := milvus.SuggestPrivilege(name); s != "" {
		detail += fmt.Sprintf(" Names are case-sensitive: did you mean %q?", s)
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Unknown Milvus Privilege", detail)
}

// sameKindRule is how the server's version wants a group's members alike:
// of one level (2.4.21+, 2.5.4+), of one object type (2.4.18-2.4.20,
// 2.5.0-2.5.3), or not at all (2.4.16-2.4.17).
func sameKindRule(v milvus.Version) string {
	switch {
	case !v.Known() || v.AtLeast(milvus.ParseVersion("2.5.4")) ||
		(v.Minor == 4 && v.AtLeast(milvus.ParseVersion("2.4.21"))):
		return "level"
	case v.AtLeast(milvus.ParseVersion("2.5.0")) || v.AtLeast(milvus.ParseVersion("2.4.18")):
		return "object type"
	}
	return ""
}

// mixedMembers explains why the members are not alike under rule on a
// server of version v, or returns "".
func mixedMembers(rule string, v milvus.Version, members []string) string {
	kinds := map[string][]string{}
	for _, name := range members {
		p, ok := milvus.LookupPrivilege(name)
		if !ok {
			continue
		}
		kind := p.Object
		if rule == "level" {
			kind = string(p.LevelIn(v))
			if kind == "" {
				kind = "no level"
			}
		}
		kinds[kind] = append(kinds[kind], name)
	}
	if rule == "" || len(kinds) < 2 {
		return ""
	}
	var parts []string
	for kind, names := range kinds {
		parts = append(parts, fmt.Sprintf("%s: %s", kind, strings.Join(names, ", ")))
	}
	sort.Strings(parts)
	return fmt.Sprintf("the privileges are of more than one %s (%s)", rule, strings.Join(parts, "; "))
}
