variable "name" {
  type = string
}

data "milvus_database" "test" {
  name = var.name
}

data "milvus_databases" "all" {}
