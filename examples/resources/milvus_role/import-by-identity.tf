# Terraform 1.12 / OpenTofu 1.12 and later.
import {
  to = milvus_role.reader
  identity = {
    name = "app_reader"
  }
}
