# One team: its database, three roles whose grants allow the work of their
# name in that database and nowhere else, its users, and their bindings.
#
# Milvus's built-in privilege groups do not cascade between the cluster,
# database and collection levels (a DatabaseAdmin cannot create an index),
# so the roles list the privileges each kind of work needs, by name. Each
# role holds everything the one below it holds, and every user is bound to
# exactly one role.

locals {
  privileges = {
    # List and describe the database's collections, and their indexes; load
    # them and follow the load (Milvus 2.3 checks Load for that, 2.4.10 and
    # later GetLoadState and GetLoadingProgress); search and query them.
    reader = ["ShowCollections", "DescribeCollection", "IndexDetail", "Load", "GetLoadState", "GetLoadingProgress",
    "Search", "Query"]
    # Change the data.
    writer = ["Insert", "Upsert", "Delete", "Flush"]
    # Shape the database: create and drop collections and indexes, release.
    owner = ["CreateCollection", "DropCollection", "CreateIndex", "DropIndex", "Release"]
  }
  roles = {
    reader = local.privileges.reader
    writer = concat(local.privileges.reader, local.privileges.writer)
    owner  = concat(local.privileges.reader, local.privileges.writer, local.privileges.owner)
  }
  grants = merge([for role, privileges in local.roles : {
    for p in privileges : "${role}/${p}" => { role = role, privilege = p }
  }]...)
  users = merge(
    { for u in var.readers : u => "reader" },
    { for u in var.writers : u => "writer" },
    { for u in var.owners : u => "owner" },
  )
}

resource "milvus_database" "this" {
  name            = var.name
  max_collections = var.max_collections
  disk_quota_mb   = var.disk_quota_mb
}

resource "milvus_role" "this" {
  for_each = local.roles
  name     = "${var.name}_${each.key}"
}

resource "milvus_grant" "this" {
  for_each  = local.grants
  role      = milvus_role.this[each.value.role].name
  privilege = each.value.privilege
  db_name   = milvus_database.this.name
}

resource "milvus_user" "this" {
  for_each            = local.users
  name                = each.key
  password_wo         = var.passwords[each.key]
  password_wo_version = lookup(var.password_versions, each.key, null)
}

resource "milvus_user_role" "this" {
  for_each = local.users
  user     = milvus_user.this[each.key].name
  role     = milvus_role.this[each.value].name
}
