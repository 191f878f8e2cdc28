# The password of milvus_user.test is unknown until milvus_user.source exists,
# so only apply can check it: three characters are too few.
variable "name" {
  type = string
}
variable "password" {
  type      = string
  sensitive = true
}
variable "source_name" {
  type = string
}

resource "milvus_user" "source" {
  name     = var.source_name
  password = var.password
}

resource "milvus_user" "test" {
  name     = var.name
  password = substr(milvus_user.source.id, 0, 3)
}
