# An existing user adopted without its password (null: not managed).
variable "name" {
  type = string
}
variable "password" {
  type      = string
  sensitive = true
  default   = null
}

import {
  to = milvus_user.test
  id = var.name
}

resource "milvus_user" "test" {
  name     = var.name
  password = var.password
}
