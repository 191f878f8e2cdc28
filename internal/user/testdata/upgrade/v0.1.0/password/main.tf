# milvus_user as provider v0.1.0 wrote it, with `password`.
terraform {
  required_providers {
    milvus = { source = "milvus-terraform/milvus" }
  }
}

resource "milvus_user" "password" {
  name     = "tfupgrade_password"
  password = "Upgrade_pass_010"
}
