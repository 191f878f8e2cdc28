# Milvus 2.4.16 and later (granting a group needs 2.4.18).
resource "milvus_privilege_group" "search_only" {
  name       = "search_only"
  privileges = ["Search", "Query", "DescribeCollection"]
}

resource "milvus_role" "searcher" {
  name = "app_searcher"
}

resource "milvus_grant" "search_only" {
  role            = milvus_role.searcher.name
  privilege_group = milvus_privilege_group.search_only.name
  object_name     = "books"
  db_name         = "library"
}
