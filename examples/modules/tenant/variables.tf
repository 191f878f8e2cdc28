variable "name" {
  description = "The team's name: its database, and the prefix of its roles (<name>_reader, <name>_writer, <name>_owner). A Milvus database name: a letter or '_' first, then letters, digits or '_'."
  type        = string
}

variable "readers" {
  description = "Users who list, describe, load, search and query the team's collections."
  type        = set(string)
  default     = []
}

variable "writers" {
  description = "Users who also insert, upsert, delete and flush."
  type        = set(string)
  default     = []
}

variable "owners" {
  description = "Users who also create and drop collections, indexes and partitions in the team's database."
  type        = set(string)
  default     = []
}

variable "passwords" {
  description = "Each user's password, by username. Ephemeral: it reaches Milvus as a write-only argument, never the plan or the state."
  type        = map(string)
  ephemeral   = true
}

variable "password_versions" {
  description = "Raise a user's version to send its password again (a rotation). Users without one are rotated whenever their password changes."
  type        = map(string)
  default     = {}
}

variable "max_collections" {
  description = "The most collections the team's database may hold (Milvus 2.4.6 and later); null leaves it to the server."
  type        = number
  default     = null
}

variable "disk_quota_mb" {
  description = "The team database's disk quota in MB (Milvus 2.4.6 and later); null leaves it to the server."
  type        = number
  default     = null
}
