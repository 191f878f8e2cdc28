# The provider block every acceptance test shares: each setting comes from a
# variable, and a null variable leaves it to the MILVUS_* environment.
variable "address" {
  type    = string
  default = null
}
variable "timeout" {
  type    = string
  default = null
}
variable "max_retries" {
  type    = number
  default = null
}
variable "super_user" {
  type    = bool
  default = null
}
variable "verify_passwords" {
  type    = bool
  default = null
}
variable "provider_username" {
  type    = string
  default = null
}
# The provider password is read from a file so a test can change it between
# the apply that rotates it and the next plan, as a user would update a secret.
variable "provider_password_file" {
  type    = string
  default = null
}

provider "milvus" {
  address          = var.address
  timeout          = var.timeout
  max_retries      = var.max_retries
  username         = var.provider_username
  password         = var.provider_password_file == null ? null : trimspace(file(var.provider_password_file))
  super_user       = var.super_user
  verify_passwords = var.verify_passwords
}
