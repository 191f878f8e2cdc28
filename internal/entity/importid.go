// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package entity

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// IDSeparator joins the parts of an import ID. No Milvus name can contain
// it: usernames, role names, privilege and group names, database and
// collection names allow letters, digits, '_', '$', '.', '-' and '*' only.
const IDSeparator = "/"

// KeyPart is one attribute of a resource's key: a part of its import ID and
// an attribute of its identity, both named Attr.
type KeyPart struct {
	Attr string
	// Problem explains why a value is not valid for this part, or returns
	// "" when it is. Rule states the rule for the error message.
	Problem func(string) string
	Rule    string
	// Into names the state attribute that takes the value, when it depends
	// on the value (a grant's privilege or privilege_group); default Attr.
	Into func(string) string
}

// ID joins key values into an import ID.
func ID(values ...string) string { return strings.Join(values, IDSeparator) }

// Import sets the key attributes from the import ID ("a/b/c", in the order
// of parts) or from the identity, after checking every part against its rule,
// so a malformed ID never reaches Milvus. Read then fills in the rest.
func Import(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, parts ...KeyPart) {
	values := make([]string, len(parts))
	if req.ID != "" || req.Identity == nil {
		split := strings.Split(req.ID, IDSeparator)
		if len(split) != len(parts) {
			resp.Diagnostics.AddError("Invalid Import ID", fmt.Sprintf(
				"The import ID %q does not have the form %s: %d parts separated by %q, where there are %d.",
				req.ID, idForm(parts), len(parts), IDSeparator, len(split)))
			return
		}
		copy(values, split)
	} else {
		for i, p := range parts {
			var v types.String
			resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root(p.Attr), &v)...)
			values[i] = v.ValueString()
		}
		if resp.Diagnostics.HasError() {
			return
		}
	}
	for i, p := range parts {
		if problem := p.Problem(values[i]); problem != "" {
			resp.Diagnostics.AddError("Invalid Import ID", fmt.Sprintf(
				"The %s in the import ID (%q) is not valid: %s. It must be %s. Import IDs have the form %s.",
				strings.ReplaceAll(p.Attr, "_", " "), values[i], problem, p.Rule, idForm(parts)))
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	for i, p := range parts {
		attr := p.Attr
		if p.Into != nil {
			attr = p.Into(values[i])
		}
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(attr), values[i])...)
	}
}

func idForm(parts []KeyPart) string {
	names := make([]string, len(parts))
	for i, p := range parts {
		names[i] = "<" + p.Attr + ">"
	}
	return strings.Join(names, IDSeparator)
}
