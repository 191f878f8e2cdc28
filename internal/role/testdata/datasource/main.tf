variable "name" {
  type = string
}

data "milvus_role" "test" {
  name = var.name
}

data "milvus_roles" "all" {}
