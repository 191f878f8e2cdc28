# milvus_user as provider v0.1.0 wrote it, with write-only `password_wo`.
terraform {
  required_providers {
    milvus = { source = "milvus-terraform/milvus" }
  }
}

resource "milvus_user" "write_only" {
  name                = "tfupgrade_write_only"
  password_wo         = "Upgrade_wo_010"
  password_wo_version = "1"
}
