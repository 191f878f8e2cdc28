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
	detail := fmt.Sprintf("No Milvus version from 2.3 to 3.0 has a privilege named %q.", name)
	switch suggestion := milvus.SuggestPrivilege(name); {
	case isBuiltInGroup(name):
		detail = fmt.Sprintf("%q is a privilege group: set privilege_group = %q instead of privilege.", name, name)
	case strings.EqualFold(suggestion, name):
		detail += fmt.Sprintf(" Names are case-sensitive: did you mean %q?", suggestion)
	case suggestion != "":
		detail += fmt.Sprintf(" Did you mean %q?", suggestion)
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
	resp.Diagnostics.Append(m.spec().Check(path.Root)...)
}

// Spec is one grant as a configuration gives it, for milvus_grant and for
// each grant of a role policy: exactly one of Privilege and PrivilegeGroup;
// the others may be null (their defaults) or unknown.
type Spec struct {
	Privilege, PrivilegeGroup, ObjectType, ObjectName, DBName types.String
}

// Check is the plan-time rule of a grant's attributes; values that are
// still unknown pass. at gives the path of an attribute of this grant.
func (s Spec) Check(at func(name string) path.Path) diag.Diagnostics {
	var diags diag.Diagnostics
	if known(s.PrivilegeGroup) {
		return s.checkGroup(at)
	}
	if !known(s.Privilege) {
		return diags
	}
	name := s.Privilege.ValueString()
	p, ok := milvus.LookupPrivilege(name)
	if !ok {
		return diags // "*", or an unknown name the attribute validator reports
	}
	objectType := p.Object
	if known(s.ObjectType) {
		objectType = s.ObjectType.ValueString()
		if objectType != p.Object {
			diags.AddAttributeError(at("object_type"), "Privilege of Another Object Type", fmt.Sprintf(
				"%s is a privilege of object type %s, not %s. Set object_type = %q, or leave it out to have it derived. "+
					"%s privileges: %s.", name, p.Object, objectType, p.Object, objectType, strings.Join(milvus.PrivilegeNames(objectType), ", ")))
			return diags
		}
	}
	if objectType == milvus.ObjectGlobal && known(s.ObjectName) && s.ObjectName.ValueString() != "*" {
		diags.AddAttributeError(at("object_name"), "Global Privilege on a Single Object", fmt.Sprintf(
			"%s is a Global privilege: it applies to every object in the database, and Milvus stores it with object name \"*\" "+
				"whatever is sent. Set object_name = \"*\" or leave it out.", name))
	}
	return diags
}

// checkGroup applies Milvus's level rule for a built-in group (custom
// groups take the level of their first member, known only to the server).
func (s Spec) checkGroup(at func(name string) path.Path) diag.Diagnostics {
	var diags diag.Diagnostics
	name := s.PrivilegeGroup.ValueString()
	if known(s.ObjectType) && s.ObjectType.ValueString() != milvus.ObjectGlobal {
		diags.AddAttributeError(at("object_type"), "Privilege Group on Another Object Type", fmt.Sprintf(
			"Milvus grants privilege groups, %s included, as object type Global. Leave object_type out (or set it to \"Global\"); "+
				"name the collection in object_name.", name))
	}
	g, ok := milvus.LookupBuiltInGroup(name)
	if !ok || s.DBName.IsUnknown() || s.ObjectName.IsUnknown() {
		return diags
	}
	db, objectName := withDefault(s.DBName, "default"), withDefault(s.ObjectName, "*")
	switch {
	case g.Level == milvus.LevelCluster && (db != "*" || objectName != "*"):
		diags.AddAttributeError(at("db_name"), "Privilege Group at the Wrong Level", fmt.Sprintf(
			"%s is a cluster-level group: Milvus grants it only with db_name = \"*\" and object_name = \"*\".", name))
	case g.Level == milvus.LevelDatabase && objectName != "*":
		diags.AddAttributeError(at("object_name"), "Privilege Group at the Wrong Level", fmt.Sprintf(
			"%s is a database-level group: Milvus grants it only with object_name = \"*\" (a database, not a collection).", name))
	case g.Level == milvus.LevelCollection && db == "*" && objectName != "*":
		diags.AddAttributeError(at("object_name"), "Privilege Group at the Wrong Level", fmt.Sprintf(
			"%s names collection %q in every database (db_name = \"*\"): Milvus needs a concrete db_name for a single collection.", name, objectName))
	}
	return diags
}

// Grant is the row the spec asks for, with the defaults and the derived
// object type; ok is false while a value is unknown.
func (s Spec) Grant(role string) (milvus.Grant, bool) {
	for _, v := range []types.String{s.Privilege, s.PrivilegeGroup, s.ObjectType, s.ObjectName, s.DBName} {
		if v.IsUnknown() {
			return milvus.Grant{}, false
		}
	}
	g := milvus.Grant{Role: role, ObjectName: withDefault(s.ObjectName, "*"), DBName: withDefault(s.DBName, "default")}
	switch {
	case known(s.PrivilegeGroup):
		g.Privilege, g.Group, g.ObjectType = s.PrivilegeGroup.ValueString(), true, milvus.ObjectGlobal
	default:
		g.Privilege, g.ObjectType = s.Privilege.ValueString(), milvus.ObjectTypeOf(s.Privilege.ValueString())
	}
	if known(s.ObjectType) {
		g.ObjectType = s.ObjectType.ValueString()
	}
	return g, true
}

func known(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }

// withDefault is the value the plan will have: the schema's default when the
// configuration leaves the attribute out.
func withDefault(v types.String, def string) string {
	if v.IsNull() {
		return def
	}
	return v.ValueString()
}
