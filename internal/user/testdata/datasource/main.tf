variable "name" {
  type = string
}

data "milvus_user" "test" {
  name = var.name
}
