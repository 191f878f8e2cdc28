variable "reader_password" {
  type      = string
  ephemeral = true
}

resource "milvus_user" "reader" {
  name        = "svc_reader"
  password_wo = var.reader_password
}

resource "milvus_role" "reader" {
  name = "app_reader"
}

# Binds svc_reader to app_reader. Other configurations may bind the same user
# to other roles: each milvus_user_role owns only its own binding.
resource "milvus_user_role" "reader" {
  user = milvus_user.reader.name
  role = milvus_role.reader.name
}
