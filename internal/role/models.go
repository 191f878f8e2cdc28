// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package role

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// roleModel is the milvus_role state.
type roleModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
}

func (m *roleModel) fromServer(name string, description types.String) {
	m.ID = types.StringValue(name)
	m.Name = types.StringValue(name)
	m.Description = description
}

func object(name string) diagnostics.Object {
	return diagnostics.Object{Entity: milvus.EntityRole, Name: fmt.Sprintf("role %q", name), Resource: "milvus_role", ImportID: name}
}
