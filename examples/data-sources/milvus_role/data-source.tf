# Who has the role, and every grant it holds, in every database.
data "milvus_role" "public" {
  name = "public"
}

output "public_grants" {
  value = data.milvus_role.public.grants
}
