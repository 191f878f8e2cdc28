// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package entity

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/providerdata"
)

// Require fails, at plan time, when the server lacks a feature: the error
// names the feature, the version it needs and the server's version, and
// nothing has changed yet. It passes while the provider is not configured
// (its settings unknown until apply), when there is no server to ask.
func Require(ctx context.Context, data *providerdata.Data, f milvus.Feature) diag.Diagnostics {
	var diags diag.Diagnostics
	if data == nil {
		return diags
	}
	if err := data.Client.Require(ctx, f); err != nil {
		diags.Append(diagnostics.MilvusError("Unsupported Milvus Version", err))
	}
	return diags
}

// RequireAt is Require for a feature one attribute asks for: the error
// points at that attribute.
func RequireAt(ctx context.Context, data *providerdata.Data, f milvus.Feature, at path.Path) diag.Diagnostics {
	var diags diag.Diagnostics
	if data == nil {
		return diags
	}
	if err := data.Client.Require(ctx, f); err != nil {
		diags.AddAttributeError(at, "Unsupported Milvus Version", diagnostics.Detail(err))
	}
	return diags
}
