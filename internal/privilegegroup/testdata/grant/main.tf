variable "name" {
  type = string
}
variable "privileges" {
  type = list(string)
}
variable "role" {
  type = string
}

resource "milvus_privilege_group" "test" {
  name       = var.name
  privileges = var.privileges
}

resource "milvus_role" "test" {
  name = var.role
}

resource "milvus_grant" "test" {
  role            = milvus_role.test.name
  privilege_group = milvus_privilege_group.test.name
  object_name     = "c1"
}
