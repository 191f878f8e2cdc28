output "database" {
  description = "The team's database."
  value       = milvus_database.this.name
}

output "roles" {
  description = "The team's roles, by kind: reader, writer, owner."
  value       = { for kind, role in milvus_role.this : kind => role.name }
}

output "users" {
  description = "The team's users, by username, with the kind of role each is bound to."
  value       = { for user, binding in milvus_user_role.this : user => local.users[user] }
}
