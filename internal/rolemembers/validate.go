// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolemembers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// notPublic refuses the role every user has without a binding.
type notPublic struct{}

func (notPublic) Description(context.Context) string { return "not the built-in role public" }

func (v notPublic) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (notPublic) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.ValueString() == milvus.RolePublic {
		resp.Diagnostics.AddAttributeError(req.Path, "Members of public Cannot Be Managed",
			"Every Milvus user has the built-in role public without a binding, so its members are every user and cannot be "+
				"changed. To limit what every user may do, manage public's grants with a milvus_role_policy.")
	}
}
