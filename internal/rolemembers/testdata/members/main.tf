# One milvus_role_members.
variable "role" {
  type = string
}
variable "members" {
  type = list(string)
}

resource "milvus_role_members" "test" {
  role    = var.role
  members = toset(var.members)
}
