# A database's properties and collections: grant a privilege on each
# collection, say.
data "milvus_database" "default" {
  name = "default"
}

resource "milvus_grant" "query_each" {
  for_each    = toset(data.milvus_database.default.collections)
  role        = "app_reader"
  privilege   = "Query"
  object_name = each.key
}

output "default_properties" {
  value = data.milvus_database.default.properties
}
