# Terraform 1.12 / OpenTofu 1.12 and later.
import {
  to = milvus_database.search
  identity = {
    name = "team_search"
  }
}
