# Who is admin, in code review: a user bound to admin outside Terraform
# shows in the next plan and is unbound.
resource "milvus_role_members" "admin" {
  role    = "admin"
  members = [milvus_user.platform_admin.name]
}

resource "milvus_user" "platform_admin" {
  name     = "platform_admin"
  password = var.platform_admin_password
}

variable "platform_admin_password" {
  type      = string
  sensitive = true
}
