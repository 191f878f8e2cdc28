variable "name" {
  type = string
}

import {
  to = milvus_role.test
  id = var.name
}

resource "milvus_role" "test" {
  name = var.name
}
