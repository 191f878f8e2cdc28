# Terraform 1.12 / OpenTofu 1.12 and later.
import {
  to = milvus_role_members.admin
  identity = {
    role = "admin"
  }
}
