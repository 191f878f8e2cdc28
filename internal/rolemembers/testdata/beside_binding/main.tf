# A members resource and an additive binding it does not list, for one role.
variable "role" {
  type = string
}
variable "user" {
  type = string
}

resource "milvus_role_members" "a" {
  role    = var.role
  members = []
}

resource "milvus_user_role" "extra" {
  user = var.user
  role = var.role
}
