# Terraform or OpenTofu 1.11 and later: a write-only password that never
# reaches the plan or the state. Bump password_wo_version to rotate it
# (this needs super_user = true on the provider).
variable "reader_password" {
  type      = string
  ephemeral = true
}

resource "milvus_user" "reader" {
  name                = "app_reader"
  password_wo         = var.reader_password
  password_wo_version = "1"
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
