data "milvus_databases" "all" {}

output "database_names" {
  value = data.milvus_databases.all.names
}
