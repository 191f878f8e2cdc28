# Terraform 1.12 / OpenTofu 1.12 and later.
import {
  to = milvus_grant.search_books
  identity = {
    role        = "app_reader"
    db_name     = "library"
    object_type = "Collection"
    object_name = "books"
    privilege   = "Search"
  }
}
