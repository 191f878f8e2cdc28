# The provider logs in as var.provider_username and rotates that very user's
# password; milvus_user.after is created later in the same apply, on the same
# connection.
variable "new_password" {
  type      = string
  sensitive = true
}
variable "after_name" {
  type = string
}

import {
  to = milvus_user.self
  id = var.provider_username
}

resource "milvus_user" "self" {
  name     = var.provider_username
  password = var.new_password
}

resource "milvus_user" "after" {
  name       = var.after_name
  password   = "After_pw_123"
  depends_on = [milvus_user.self]
}
