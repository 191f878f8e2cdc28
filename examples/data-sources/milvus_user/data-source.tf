data "milvus_user" "root" {
  name = "root"
}

output "root_roles" {
  value = data.milvus_user.root.roles
}
