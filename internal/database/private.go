// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
)

// privateKey holds, in private state, what the plan needs to explain a
// property changed outside Terraform: the values Terraform last set, and
// the raw values the last refresh found.
const privateKey = "properties"

type propertyRecord struct {
	// Applied are the managed properties as Terraform last set them (or
	// found them on import or take-over).
	Applied map[string]string `json:"applied"`
	// Seen are the managed properties as the last refresh found them; a key
	// Milvus no longer has is absent.
	Seen map[string]string `json:"seen"`
	// Adopt is set by an import: the next read takes every key Milvus holds.
	Adopt bool `json:"adopt,omitempty"`
}

func loadRecord(ctx context.Context, private entity.PrivateState) (propertyRecord, diag.Diagnostics) {
	var rec propertyRecord
	raw, diags := private.GetKey(ctx, privateKey)
	if diags.HasError() || len(raw) == 0 {
		return rec, diags
	}
	if err := json.Unmarshal(raw, &rec); err != nil {
		// An unreadable record only costs the drift warning's detail.
		return propertyRecord{}, diags
	}
	return rec, diags
}

func saveRecord(ctx context.Context, private entity.PrivateState, rec propertyRecord) diag.Diagnostics {
	raw, err := json.Marshal(rec)
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Unable to Record Milvus Database Properties", err.Error()+". This is always a bug in the provider; please report it.")
		return diags
	}
	return private.SetKey(ctx, privateKey, raw)
}
