// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package diagnostics

import "github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"

// advice is what a user can do about the failures whose remedy depends on
// the kind of object. Every entity has its own entry, with every field
// written for it: a test fails for an entity without one, so a new entity
// cannot inherit another's wording.
type advice struct {
	notFound   string // the object, or one the request needs, does not exist
	limit      string // Milvus's limit on how many there may be
	invalid    string // the server refused a value
	inUse      string // Milvus refuses to drop it while something uses it
	permission string // the privileges the provider's user needs for it
}

// adminHint opens every permission advice: the simplest way out.
const adminHint = "The provider's user lacks a privilege. Log in as root, or as a user bound to the admin role, or grant "

var advices = map[milvus.Entity]advice{
	milvus.EntityServer: {
		notFound: "The provider's db_name (or MILVUS_DB_NAME) names a database that does not exist: the provider's own database " +
			"must exist when it connects. Leave db_name at default (resources send their database with every request, so a " +
			"database made by milvus_database in the same apply works everywhere), create the database first, or correct the name.",
		limit: "Milvus refused the request under one of its quotas (quotaAndLimits.* in milvus.yaml). Wait and run Terraform again, " +
			"or raise the quota.",
		invalid: "The server rejected a connection setting; it may be configured with other limits in its proxy.* settings.",
		inUse: "Milvus refused the request because something on the server still depends on the object its reason names. " +
			"Nothing was changed.",
		permission: adminHint + "the privileges the reason names.",
	},
	milvus.EntityUser: {
		notFound: "The user no longer exists on the server: something outside Terraform may have deleted it. " +
			"Run terraform apply again: the refresh notices it is gone and plans to create it again.",
		limit: "Milvus allows proxy.maxUserNum users (100 by default, root included). Delete unused users, or raise " +
			"proxy.maxUserNum in milvus.yaml and restart Milvus.",
		invalid: "The server rejected a value. Servers older than Milvus 2.6 refuse '.' and '-' in usernames; " +
			"servers may also be configured with other limits in proxy.* settings.",
		inUse: "Milvus refused to delete the user while something depends on it (root can never be deleted). Nothing was changed.",
		permission: adminHint + "the Global privileges CreateOwnership (create users), DropOwnership (delete them) and " +
			"SelectOwnership, and the User privileges UpdateUser (passwords) and SelectUser.",
	},
	milvus.EntityRole: {
		notFound: "The role no longer exists on the server: something outside Terraform may have dropped it. " +
			"Run terraform apply again: the refresh notices it is gone and plans to create it again.",
		limit: "Milvus allows proxy.maxRoleNum roles (10 by default), and the built-in roles admin and public count toward it. " +
			"Delete unused roles, or raise proxy.maxRoleNum in milvus.yaml and restart Milvus: the limit is enforced by " +
			"rootcoord (mixcoord in Milvus 2.6), so set it there, not only on the proxy.",
		invalid: "The server rejected the role name: role names are 1 to 255 characters, a letter or '_' first, then letters, " +
			"digits, '_' or '$' (servers may configure other characters in proxy.roleNameValidation).",
		inUse:      "Milvus refuses to drop a role that still has grants. Revoke its grants first. Nothing was changed.",
		permission: adminHint + "the Global privileges CreateOwnership, DropOwnership, SelectOwnership and ManageOwnership.",
	},
	milvus.EntityBinding: {
		notFound: "Binding needs both the user and the role to exist. Create them first (depend on their resources), " +
			"or check the names: they are case-sensitive.",
		limit: "Milvus reported a limit while binding a user to a role. Bindings have no limit of their own, so a server quota " +
			"(quotaAndLimits.* in milvus.yaml) refused it: wait and run Terraform again, or raise the quota.",
		invalid:    "The server rejected the binding: check the username and the role name (both case-sensitive, both must exist).",
		inUse:      "Milvus refused to remove the binding while something depends on it. Nothing was changed.",
		permission: adminHint + "the Global privilege ManageOwnership, which binds and unbinds users and roles.",
	},
	milvus.EntityGrant: {
		notFound: "A grant needs its role, and its database, to exist. Create them first (depend on their milvus_role and " +
			"milvus_database resources), or check the names: they are case-sensitive.",
		limit: "Milvus reported a limit while granting. Grants have no limit of their own, so a server quota " +
			"(quotaAndLimits.* in milvus.yaml) refused it: wait and run Terraform again, or raise the quota.",
		invalid: "The server does not know this privilege for this object type. Privilege names are case-sensitive and some " +
			"exist only in newer Milvus versions; the milvus_grant documentation lists each with the version that has it.",
		inUse: "Milvus refused to revoke the grant while something depends on it. Nothing was changed.",
		permission: adminHint + "the Global privileges ManageOwnership (grant and revoke) and SelectOwnership (list grants); before " +
			"Milvus 2.4.1, reading a role's grants in every database also needs ListDatabases.",
	},
	milvus.EntityPrivilegeGroup: {
		notFound: "The privilege group no longer exists on the server: something outside Terraform may have dropped it. " +
			"Run terraform apply again: the refresh notices it is gone and plans to create it again.",
		limit: "Milvus reported a limit while changing a privilege group. Groups have no limit of their own, so a server quota " +
			"(quotaAndLimits.* in milvus.yaml) refused it: wait and run Terraform again, or raise the quota.",
		invalid: "The members of a privilege group must be privileges of one level (all cluster, all database, or all " +
			"collection privileges), and the group must exist.",
		inUse: "Revoke the group from those roles first (remove the milvus_grant resources that grant it), then destroy the group. " +
			"Nothing was changed.",
		permission: adminHint + "the Global privileges CreatePrivilegeGroup, DropPrivilegeGroup, ListPrivilegeGroups and " +
			"OperatePrivilegeGroup.",
	},
	milvus.EntityDatabase: {
		notFound: "The database does not exist: something outside Terraform may have dropped it, or the name is misspelt " +
			"(database names are case-sensitive). A milvus_database resource creates it again at the next apply; anything " +
			"else that names it needs it to exist first: depend on its milvus_database resource.",
		limit: "Milvus allows rootCoord.maxDatabaseNum databases (64 by default), default included. Drop unused databases, " +
			"or raise rootCoord.maxDatabaseNum in milvus.yaml (on rootcoord, or mixcoord in Milvus 2.6) and restart Milvus.",
		invalid: "The server rejected the database name or a property value. Names are 1 to 255 characters, a letter or '_' " +
			"first, then letters, digits or '_'; of the properties, Milvus itself checks only timezone (an IANA time zone name).",
		inUse: "Milvus drops only an empty database: drop its collections first (with a Milvus client; this provider never " +
			"drops collections), then destroy the database again. Nothing was deleted.",
		permission: adminHint + "the Global privileges CreateDatabase, DropDatabase and ListDatabases, and from Milvus 2.4.5 " +
			"DescribeDatabase and AlterDatabase, with db_name = \"*\".",
	},
}

// adviceFor picks one field of the entity's advice (an error about no
// particular object is the server's); an entity without an entry gets the
// generic text, and fails TestEveryEntityHasItsOwnAdvice.
func adviceFor(entity milvus.Entity, field func(advice) string) string {
	if entity == "" {
		entity = milvus.EntityServer
	}
	if a, ok := advices[entity]; ok {
		return field(a)
	}
	return genericRemedy
}

const genericRemedy = "If the problem persists, please report it with the Milvus version and this message."
