data "milvus_roles" "all" {}

output "role_names" {
  value = data.milvus_roles.all.names
}
