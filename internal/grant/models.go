// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package grant

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// grantModel is the milvus_grant state.
type grantModel struct {
	ID             types.String `tfsdk:"id"`
	Role           types.String `tfsdk:"role"`
	Privilege      types.String `tfsdk:"privilege"`
	PrivilegeGroup types.String `tfsdk:"privilege_group"`
	ObjectType     types.String `tfsdk:"object_type"`
	ObjectName     types.String `tfsdk:"object_name"`
	DBName         types.String `tfsdk:"db_name"`
}

type identityModel struct {
	Role       types.String `tfsdk:"role"`
	DBName     types.String `tfsdk:"db_name"`
	ObjectType types.String `tfsdk:"object_type"`
	ObjectName types.String `tfsdk:"object_name"`
	Privilege  types.String `tfsdk:"privilege"`
}

// Identity holds the privilege or group name in one attribute, as the import
// ID does.
func (m grantModel) Identity() any {
	return identityModel{Role: m.Role, DBName: m.DBName, ObjectType: m.ObjectType, ObjectName: m.ObjectName,
		Privilege: types.StringValue(m.name())}
}

// spec is the grant as configured.
func (m grantModel) spec() Spec {
	return Spec{Privilege: m.Privilege, PrivilegeGroup: m.PrivilegeGroup, ObjectType: m.ObjectType, ObjectName: m.ObjectName, DBName: m.DBName}
}

func (m grantModel) name() string {
	if !m.PrivilegeGroup.IsNull() {
		return m.PrivilegeGroup.ValueString()
	}
	return m.Privilege.ValueString()
}

// grant is the row this resource owns.
func (m grantModel) grant() milvus.Grant {
	return milvus.Grant{
		Role:       m.Role.ValueString(),
		ObjectType: m.ObjectType.ValueString(),
		ObjectName: m.ObjectName.ValueString(),
		DBName:     m.DBName.ValueString(),
		Privilege:  m.name(),
		Group:      !m.PrivilegeGroup.IsNull(),
	}
}

func (m *grantModel) setID() {
	g := m.grant()
	m.ID = types.StringValue(entity.ID(g.Role, g.DBName, g.ObjectType, g.ObjectName, g.Privilege))
}

func object(g milvus.Grant) diagnostics.Object {
	kind := "privilege"
	if g.Group {
		kind = "privilege group"
	}
	return diagnostics.Object{
		Entity: milvus.EntityGrant,
		Name: fmt.Sprintf("the grant of %s %s on %s %q in database %q to role %q",
			kind, g.Privilege, g.ObjectType, g.ObjectName, g.DBName, g.Role),
		Resource: "milvus_grant",
		ImportID: entity.ID(g.Role, g.DBName, g.ObjectType, g.ObjectName, g.Privilege),
	}
}

// AttrTypes is the shape of a grant with its role, shared with the
// milvus_role data source, which lists grants as milvus_grant describes them.
var AttrTypes = func() map[string]attr.Type {
	types := map[string]attr.Type{"role": basetypes.StringType{}}
	for k, v := range ElementType {
		types[k] = v
	}
	return types
}()

// Value is a grant read from Milvus in that shape.
func Value(g milvus.Grant) attr.Value {
	element, _ := Element(g).(types.Object)
	values := element.Attributes()
	values["role"] = types.StringValue(g.Role)
	return types.ObjectValueMust(AttrTypes, values)
}
