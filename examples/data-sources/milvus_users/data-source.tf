data "milvus_users" "all" {}

# Users that no role has been granted to.
output "users_without_roles" {
  value = [for u in data.milvus_users.all.users : u.name if length(u.roles) == 0]
}
