# Terraform 1.12 / OpenTofu 1.12 and later.
import {
  to = milvus_role_policy.analyst
  identity = {
    role = "analyst"
  }
}
