// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package userrole

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// bindingModel is the milvus_user_role state.
type bindingModel struct {
	ID   types.String `tfsdk:"id"`
	User types.String `tfsdk:"user"`
	Role types.String `tfsdk:"role"`
}

func (m *bindingModel) setID() {
	m.ID = types.StringValue(entity.ID(m.User.ValueString(), m.Role.ValueString()))
}

func (m bindingModel) object() diagnostics.Object {
	return diagnostics.Object{
		Entity:   milvus.EntityBinding,
		Name:     fmt.Sprintf("the binding of user %q to role %q", m.User.ValueString(), m.Role.ValueString()),
		Resource: "milvus_user_role",
		ImportID: entity.ID(m.User.ValueString(), m.Role.ValueString()),
	}
}

// boundIn reports whether the user's roles include the binding's role.
func (m bindingModel) boundIn(user *milvus.User) bool {
	for _, r := range user.Roles {
		if r == m.Role.ValueString() {
			return true
		}
	}
	return false
}
