// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package grant

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// privilegeValidator refuses, at plan time, a name no supported Milvus
// version knows.
type privilegeValidator struct{}

func (privilegeValidator) Description(context.Context) string {
	return "a Milvus privilege name, as the documentation lists them"
}

func (v privilegeValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (privilegeValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	name := req.ConfigValue.ValueString()
	if milvus.GrantedByClassicCall(name) {
		return
	}
	detail := fmt.Sprintf("No Milvus version from 2.3 to 2.6 has a privilege named %q.", name)
	switch suggestion := milvus.SuggestPrivilege(name); {
	case isBuiltInGroup(name):
		detail = fmt.Sprintf("%q is a privilege group: set privilege_group = %q instead of privilege.", name, name)
	case suggestion != "":
		detail += fmt.Sprintf(" Names are case-sensitive: did you mean %q?", suggestion)
	default:
		detail += " Privileges: " + listPrivileges()
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Unknown Milvus Privilege", detail)
}

func isBuiltInGroup(name string) bool {
	_, ok := milvus.LookupBuiltInGroup(name)
	return ok
}

func listPrivileges() string {
	var parts []string
	for _, object := range []string{milvus.ObjectGlobal, milvus.ObjectCollection, milvus.ObjectUser} {
		parts = append(parts, object+": "+strings.Join(milvus.PrivilegeNames(object), ", "))
	}
	return strings.Join(parts, "; ") + "; and * (all)."
}

// ValidateConfig checks what the attributes say together: the privilege
// belongs to the object type, a Global privilege names no single object, and
// a built-in group is granted at its level.
func (r *grantResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m grantModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(checkCombination(m)...)
}

// checkCombination is the plan-time rule of a grant's attributes; values
// that are still unknown pass.
func checkCombination(m grantModel) diag.Diagnostics {
	var diags diag.Diagnostics
	known := func(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }
	if known(m.PrivilegeGroup) {
		return checkGroup(m)
	}
	if !known(m.Privilege) {
		return diags
	}
	name := m.Privilege.ValueString()
	p, ok := milvus.LookupPrivilege(name)
	if !ok {
		return diags // "*", or an unknown name the attribute validator reports
	}
	objectType := p.Object
	if known(m.ObjectType) {
		objectType = m.ObjectType.ValueString()
		if objectType != p.Object {
			diags.AddAttributeError(path.Root("object_type"), "Privilege of Another Object Type", fmt.Sprintf(
				"%s is a privilege of object type %s, not %s. Set object_type = %q, or leave it out to have it derived. "+
					"%s privileges: %s.", name, p.Object, objectType, p.Object, objectType, strings.Join(milvus.PrivilegeNames(objectType), ", ")))
			return diags
		}
	}
	if objectType == milvus.ObjectGlobal && known(m.ObjectName) && m.ObjectName.ValueString() != "*" {
		diags.AddAttributeError(path.Root("object_name"), "Global Privilege on a Single Object", fmt.Sprintf(
			"%s is a Global privilege: it applies to every object in the database, and Milvus stores it with object name \"*\" "+
				"whatever is sent. Set object_name = \"*\" or leave it out.", name))
	}
	return diags
}

// checkGroup applies Milvus's level rule for a built-in group (custom
// groups take the level of their first member, known only to the server).
func checkGroup(m grantModel) diag.Diagnostics {
	var diags diag.Diagnostics
	known := func(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }
	name := m.PrivilegeGroup.ValueString()
	if known(m.ObjectType) && m.ObjectType.ValueString() != milvus.ObjectGlobal {
		diags.AddAttributeError(path.Root("object_type"), "Privilege Group on Another Object Type", fmt.Sprintf(
			"Milvus grants privilege groups, %s included, as object type Global. Leave object_type out (or set it to \"Global\"); "+
				"name the collection in object_name.", name))
	}
	g, ok := milvus.LookupBuiltInGroup(name)
	if !ok || m.DBName.IsUnknown() || m.ObjectName.IsUnknown() {
		return diags
	}
	db, objectName := withDefault(m.DBName, "default"), withDefault(m.ObjectName, "*")
	switch {
	case g.Level == milvus.LevelCluster && (db != "*" || objectName != "*"):
		diags.AddAttributeError(path.Root("db_name"), "Privilege Group at the Wrong Level", fmt.Sprintf(
			"%s is a cluster-level group: Milvus grants it only with db_name = \"*\" and object_name = \"*\".", name))
	case g.Level == milvus.LevelDatabase && objectName != "*":
		diags.AddAttributeError(path.Root("object_name"), "Privilege Group at the Wrong Level", fmt.Sprintf(
			"%s is a database-level group: Milvus grants it only with object_name = \"*\" (a database, not a collection).", name))
	case g.Level == milvus.LevelCollection && db == "*" && objectName != "*":
		diags.AddAttributeError(path.Root("object_name"), "Privilege Group at the Wrong Level", fmt.Sprintf(
			"%s names collection %q in every database (db_name = \"*\"): Milvus needs a concrete db_name for a single collection.", name, objectName))
	}
	return diags
}

// withDefault is the value the plan will have: the schema's default when the
// configuration leaves the attribute out.
func withDefault(v types.String, def string) string {
	if v.IsNull() {
		return def
	}
	return v.ValueString()
}
