# Everything access-related the server holds, and the import blocks that
# adopt it: terraform output -raw import_blocks > imports.tf
data "milvus_access" "server" {}

output "import_blocks" {
  value = data.milvus_access.server.import_blocks
}

output "admins" {
  value = one([for r in data.milvus_access.server.roles : r.members if r.name == "admin"])
}
