variable "name" {
  type = string
}
variable "password" {
  type      = string
  ephemeral = true
}
variable "password_version" {
  type = string
}

resource "milvus_user" "test" {
  name                = var.name
  password_wo         = var.password
  password_wo_version = var.password_version
}
