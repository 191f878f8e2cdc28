// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package entity

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/providerdata"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

// DescriptionAttribute is the description of a user or a role (Milvus
// 2.6.19 and later). Left out of the configuration, whatever Milvus holds
// is kept, and shown; set, it is Terraform's, and a change outside
// Terraform is set back.
func DescriptionAttribute(of string) schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true,
		Computed: true,
		MarkdownDescription: fmt.Sprintf("A description of the %s, up to %d bytes (Milvus 2.6.19 and later; refused at plan time "+
			"on older servers). Changed in place; `\"\"` clears it. Left out, the description Milvus holds is kept and shown "+
			"(null on servers without descriptions).", of, milvus.DescriptionMaxBytes),
		Validators:    []validator.String{validate.Description()},
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// CheckDescription refuses, at plan time, a configured description the
// server cannot hold.
func CheckDescription(ctx context.Context, data *providerdata.Data, configured types.String) diag.Diagnostics {
	if configured.IsNull() || configured.IsUnknown() {
		return nil
	}
	return RequireAt(ctx, data, milvus.FeatureDescriptions, path.Root("description"))
}

// DescriptionValue is what state holds for a description Milvus reports:
// null on a server without descriptions.
func DescriptionValue(ctx context.Context, c *milvus.Client, description string) types.String {
	if ok, err := c.Supports(ctx, milvus.FeatureDescriptions); err != nil || !ok {
		return types.StringNull()
	}
	return types.StringValue(description)
}

// DescriptionChange says whether the plan sets a description: it is known,
// and differs from what Milvus holds.
func DescriptionChange(planned, current types.String) (string, bool) {
	if planned.IsNull() || planned.IsUnknown() || planned.Equal(current) {
		return "", false
	}
	return planned.ValueString(), true
}
