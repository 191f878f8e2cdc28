# A user, a role, the binding and one grant, each switchable, to see what
# the user may do on the server.
variable "user" {
  type = string
}
variable "password" {
  type      = string
  sensitive = true
}
variable "role" {
  type = string
}
variable "db" {
  type = string
}
variable "bind" {
  type = bool
}
variable "grant" {
  type = bool
}
variable "privilege" {
  type = string
}
variable "object_name" {
  type    = string
  default = "*"
}

resource "milvus_user" "app" {
  name     = var.user
  password = var.password
}

resource "milvus_role" "app" {
  name = var.role
}

resource "milvus_user_role" "app" {
  count = var.bind ? 1 : 0
  user  = milvus_user.app.name
  role  = milvus_role.app.name
}

resource "milvus_grant" "app" {
  count       = var.grant ? 1 : 0
  role        = milvus_role.app.name
  privilege   = var.privilege
  object_name = var.object_name
  db_name     = var.db
}
