# An existing database, imported by name.
variable "name" {
  type = string
}

import {
  to = milvus_database.test
  id = var.name
}

resource "milvus_database" "test" {
  name = var.name
}
