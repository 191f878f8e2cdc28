variable "user" {
  type = string
}
variable "role" {
  type = string
}

resource "milvus_user_role" "test" {
  user = var.user
  role = var.role
}
