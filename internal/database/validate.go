// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// ValidateConfig checks the keys of properties: a key with an attribute of
// its own is set there (never both ways), Milvus's own keys are not set at
// all, and a database.* key Milvus does not read is a typo (Milvus would
// store it without a word and ignore it).
func (r *databaseResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var props types.Map
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("properties"), &props)...)
	if resp.Diagnostics.HasError() || props.IsNull() || props.IsUnknown() {
		return
	}
	for key := range props.Elements() {
		resp.Diagnostics.Append(checkKey(key)...)
	}
}

func checkKey(key string) diag.Diagnostics {
	var diags diag.Diagnostics
	at := path.Root("properties").AtMapKey(key)
	if t, ok := typedByKey(key); ok {
		diags.AddAttributeError(at, "Database Property Set Both Ways", fmt.Sprintf(
			"The property %s has an attribute of its own: set %s instead of properties[%q], so its value is checked "+
				"(Milvus stores any value without checking it).", key, t.attr, key))
		return diags
	}
	switch {
	case strings.TrimSpace(key) == "":
		diags.AddAttributeError(at, "Invalid Database Property", "A property key is empty.")
	case milvus.ServerManagedProperty(key):
		diags.AddAttributeError(at, "Database Property Set by Milvus", fmt.Sprintf(
			"Milvus sets %s itself (the cipher.* keys of encryption, the replicate.* keys of replication), and refuses or "+
				"drops it when a client sets it. Remove it from properties; Terraform never reports these keys as drift.", key))
	case strings.HasPrefix(key, "database."):
		_, known := milvus.LookupDatabaseProperty(key)
		if known {
			return diags
		}
		detail := fmt.Sprintf("No Milvus version up to 3.0 reads a database property named %q, and Milvus stores any key "+
			"without a word, so a mistyped key would silently do nothing.", key)
		if s := milvus.SuggestDatabaseProperty(key); s != "" {
			detail += fmt.Sprintf(" Did you mean %s (the attribute %s)?", s, attrFor(s))
		} else {
			detail += " The database properties Milvus reads have attributes of their own: " + typedList() + "."
		}
		diags.AddAttributeError(at, "Unknown Database Property", detail)
	}
	return diags
}

func typedList() string {
	names := make([]string, len(typedProperties))
	for i, t := range typedProperties {
		names[i] = t.attr
	}
	return strings.Join(names, ", ")
}
