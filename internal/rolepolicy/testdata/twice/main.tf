# Two policies for one role, with different grants.
variable "role" {
  type = string
}

resource "milvus_role_policy" "a" {
  role   = var.role
  grants = [{ privilege = "Query" }]
}

resource "milvus_role_policy" "b" {
  role   = var.role
  grants = [{ privilege = "Search" }]
}
