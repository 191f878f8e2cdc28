// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package entity

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// appliedKey holds, in an authoritative resource's private state, the items
// Terraform last set (or found on import), so a plan can tell an item added
// or removed outside Terraform from one added to or removed from the
// configuration.
const appliedKey = "applied"

// PrivateState is what the framework's private state offers (its concrete
// type is in an internal package).
type PrivateState interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// LoadApplied returns the items last applied; recorded is false when none
// are (a resource just imported).
func LoadApplied(ctx context.Context, private PrivateState) (applied map[string]bool, recorded bool, diags diag.Diagnostics) {
	raw, diags := private.GetKey(ctx, appliedKey)
	if diags.HasError() || len(raw) == 0 {
		return nil, false, diags
	}
	var items []string
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, false, diags
	}
	applied = map[string]bool{}
	for _, k := range items {
		applied[k] = true
	}
	return applied, true, diags
}

// SaveApplied records the items just applied.
func SaveApplied(ctx context.Context, private PrivateState, items []string) diag.Diagnostics {
	if items == nil {
		items = []string{}
	}
	raw, _ := json.Marshal(items)
	return private.SetKey(ctx, appliedKey, raw)
}
