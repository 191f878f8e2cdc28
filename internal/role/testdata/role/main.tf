variable "name" {
  type = string
}

resource "milvus_role" "test" {
  name = var.name
}
