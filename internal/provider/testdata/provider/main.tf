# A provider block whose every setting comes from a variable; a null
# variable leaves the setting to the MILVUS_* environment.
variable "address" {
  type    = string
  default = null
}
variable "username" {
  type    = string
  default = null
}
variable "password" {
  type      = string
  default   = null
  sensitive = true
}
variable "token" {
  type      = string
  default   = null
  sensitive = true
}
variable "timeout" {
  type    = string
  default = null
}
variable "db_name" {
  type    = string
  default = null
}
variable "tls" {
  type    = bool
  default = null
}
variable "ca_cert" {
  type    = string
  default = null
}
variable "client_cert" {
  type    = string
  default = null
}
variable "client_key" {
  type      = string
  default   = null
  sensitive = true
}
variable "server_name" {
  type    = string
  default = null
}
variable "insecure_skip_verify" {
  type    = bool
  default = null
}

provider "milvus" {
  address  = var.address
  username = var.username
  password = var.password
  token    = var.token
  timeout  = var.timeout
  db_name  = var.db_name
  tls      = var.tls
  ca_cert  = var.ca_cert

  client_cert          = var.client_cert
  client_key           = var.client_key
  server_name          = var.server_name
  insecure_skip_verify = var.insecure_skip_verify
}

data "milvus_users" "all" {}
