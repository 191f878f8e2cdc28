# A policy and an additive grant it does not list, for one role.
variable "role" {
  type = string
}

resource "milvus_role_policy" "a" {
  role   = var.role
  grants = [{ privilege = "Query" }]
}

resource "milvus_grant" "extra" {
  role      = var.role
  privilege = "Insert"
}
