variable "name" {
  type = string
}
variable "password" {
  type      = string
  sensitive = true
}
variable "description" {
  type    = string
  default = null
}

resource "milvus_user" "test" {
  name        = var.name
  password    = var.password
  description = var.description
}
