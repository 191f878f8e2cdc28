variable "name" {
  type = string
}
variable "password" {
  type      = string
  sensitive = true
}

resource "milvus_user" "test" {
  name     = var.name
  password = var.password
}
