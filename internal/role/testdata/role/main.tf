variable "name" {
  type = string
}
variable "description" {
  type    = string
  default = null
}

resource "milvus_role" "test" {
  name        = var.name
  description = var.description
}
