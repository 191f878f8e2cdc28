variable "user" {
  type = string
}
variable "role" {
  type = string
}

import {
  to = milvus_user_role.test
  id = "${var.user}/${var.role}"
}

resource "milvus_user_role" "test" {
  user = var.user
  role = var.role
}
