data "milvus_users" "all" {}
