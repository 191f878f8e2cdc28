# The quick start: two users on a local Milvus, read back through
# milvus_users. `make quickstart` runs it against the test server with the
# provider built from this repository.
terraform {
  required_providers {
    milvus = {
      source = "milvus-terraform/milvus"
    }
  }
}

# Connection settings come from MILVUS_ADDRESS, MILVUS_USERNAME and
# MILVUS_PASSWORD.
provider "milvus" {}

# Ephemeral: the password never reaches the plan or the state (Terraform and
# OpenTofu 1.11+). Bump password_version to send a new one.
variable "app_password" {
  type      = string
  ephemeral = true
}

variable "password_version" {
  type    = string
  default = "1"
}

resource "milvus_user" "app_reader" {
  name                = "app_reader"
  password_wo         = var.app_password
  password_wo_version = var.password_version
}

resource "milvus_user" "app_writer" {
  name                = "app_writer"
  password_wo         = var.app_password
  password_wo_version = var.password_version
}

data "milvus_users" "all" {
  depends_on = [milvus_user.app_reader, milvus_user.app_writer]
}

output "users" {
  value = data.milvus_users.all.users
}
