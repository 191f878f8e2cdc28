# One milvus_role_policy. grants is JSON: a list of objects with any of
# privilege, privilege_group, db_name, object_name, object_type.
variable "role" {
  type = string
}
variable "grants" {
  type = string
}

resource "milvus_role_policy" "test" {
  role = var.role
  grants = [for g in jsondecode(var.grants) : {
    privilege       = try(g.privilege, null)
    privilege_group = try(g.privilege_group, null)
    db_name         = try(g.db_name, null)
    object_name     = try(g.object_name, null)
    object_type     = try(g.object_type, null)
  }]
}
