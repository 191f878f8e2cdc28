variable "role" {
  type = string
}
variable "privilege" {
  type    = string
  default = null
}
variable "privilege_group" {
  type    = string
  default = null
}
variable "object_type" {
  type    = string
  default = null
}
variable "object_name" {
  type    = string
  default = null
}
variable "db_name" {
  type    = string
  default = null
}

resource "milvus_grant" "test" {
  role            = var.role
  privilege       = var.privilege
  privilege_group = var.privilege_group
  object_type     = var.object_type
  object_name     = var.object_name
  db_name         = var.db_name
}
