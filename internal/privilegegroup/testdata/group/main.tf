variable "name" {
  type = string
}
variable "privileges" {
  type = list(string)
}

resource "milvus_privilege_group" "test" {
  name       = var.name
  privileges = var.privileges
}
