# Milvus 2.4.16 and later.
data "milvus_privilege_groups" "all" {}

output "custom_groups" {
  value = [for g in data.milvus_privilege_groups.all.groups : g.name if !g.built_in]
}
