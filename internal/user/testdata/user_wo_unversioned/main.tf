variable "name" {
  type = string
}
variable "password" {
  type      = string
  ephemeral = true
}

# No password_wo_version: a changed password_wo is found by its hash, and a
# password changed outside Terraform by a login check.
resource "milvus_user" "test" {
  name        = var.name
  password_wo = var.password
}
