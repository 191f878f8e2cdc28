# Terraform or OpenTofu 1.11 and later: a write-only password that never
# reaches the plan or the state. When it changes, the plan sets it again (the
# provider keeps a salted hash of the last one sent, in private state).
variable "reader_password" {
  type      = string
  ephemeral = true
}

resource "milvus_user" "reader" {
  name        = "app_reader"
  password_wo = var.reader_password
}

# For explicit rotation, password_wo_version decides when password_wo is sent,
# for example a secret manager's version of the secret, or a time_rotating ID
# with an ephemeral random_password (see the password rotation guide).
variable "analyst_password" {
  type      = string
  ephemeral = true
}
variable "analyst_password_version" {
  type = string
}

resource "milvus_user" "analyst" {
  name                = "app_analyst"
  password_wo         = var.analyst_password
  password_wo_version = var.analyst_password_version
}

# Any version: a password kept in state (marked sensitive). Changing it
# changes the password in place, proving the old one from state.
variable "writer_password" {
  type      = string
  sensitive = true
}

resource "milvus_user" "writer" {
  name     = "app_writer"
  password = var.writer_password
}
