resource "milvus_role" "reader" {
  name = "app_reader"
}

# A Collection privilege on one collection, in one database.
resource "milvus_grant" "search_books" {
  role        = milvus_role.reader.name
  privilege   = "Search"
  object_name = "books"
  db_name     = "library"
}

# object_type is derived from the privilege (Collection here); "*" is every
# collection of the database.
resource "milvus_grant" "query_all" {
  role      = milvus_role.reader.name
  privilege = "Query"
  db_name   = "library"
}

# A Global privilege applies to the whole database: object_name stays "*".
resource "milvus_grant" "list_collections" {
  role      = milvus_role.reader.name
  privilege = "ShowCollections"
  db_name   = "library"
}

# A built-in privilege group (Milvus 2.4.18 and later):
# resource "milvus_grant" "read_only" {
#   role            = milvus_role.reader.name
#   privilege_group = "CollectionReadOnly"
#   object_name     = "books"
#   db_name         = "library"
# }
