data "milvus_privilege_groups" "all" {}
