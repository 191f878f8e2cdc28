# One milvus_database; every attribute comes from a variable (null: not set).
variable "name" {
  type = string
}
variable "replica_number" {
  type    = number
  default = null
}
variable "resource_groups" {
  type    = list(string)
  default = null
}
variable "max_collections" {
  type    = number
  default = null
}
variable "disk_quota_mb" {
  type    = number
  default = null
}
variable "force_deny_writing" {
  type    = bool
  default = null
}
variable "force_deny_reading" {
  type    = bool
  default = null
}
variable "force_deny_ddl" {
  type    = bool
  default = null
}
variable "force_deny_collection_ddl" {
  type    = bool
  default = null
}
variable "force_deny_partition_ddl" {
  type    = bool
  default = null
}
variable "force_deny_index" {
  type    = bool
  default = null
}
variable "force_deny_flush" {
  type    = bool
  default = null
}
variable "force_deny_compaction" {
  type    = bool
  default = null
}
variable "timezone" {
  type    = string
  default = null
}
variable "properties" {
  type    = map(string)
  default = null
}

resource "milvus_database" "test" {
  name                      = var.name
  replica_number            = var.replica_number
  resource_groups           = var.resource_groups == null ? null : toset(var.resource_groups)
  max_collections           = var.max_collections
  disk_quota_mb             = var.disk_quota_mb
  force_deny_writing        = var.force_deny_writing
  force_deny_reading        = var.force_deny_reading
  force_deny_ddl            = var.force_deny_ddl
  force_deny_collection_ddl = var.force_deny_collection_ddl
  force_deny_partition_ddl  = var.force_deny_partition_ddl
  force_deny_index          = var.force_deny_index
  force_deny_flush          = var.force_deny_flush
  force_deny_compaction     = var.force_deny_compaction
  timezone                  = var.timezone
  properties                = var.properties
}
