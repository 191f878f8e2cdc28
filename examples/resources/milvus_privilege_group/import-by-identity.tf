# Terraform 1.12 / OpenTofu 1.12 and later.
import {
  to = milvus_privilege_group.search_only
  identity = {
    name = "search_only"
  }
}
