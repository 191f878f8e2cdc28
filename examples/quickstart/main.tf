# The quick start: a database for a team, two users, a read-only role with
# its grants in that database, the binding of one user to it, and every user
# with its roles read back through milvus_users. `make quickstart` runs it
# against a local Milvus with the provider built from this repository.
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
# OpenTofu 1.11+). When it changes, the next apply sets it again.
variable "app_password" {
  type      = string
  ephemeral = true
}

resource "milvus_user" "app_reader" {
  name        = "app_reader"
  password_wo = var.app_password
}

resource "milvus_user" "app_writer" {
  name        = "app_writer"
  password_wo = var.app_password
}

# The team's database: the scope of its grants.
resource "milvus_database" "team" {
  name = "quickstart_team"
}

# A role that may read every collection of the team's database.
resource "milvus_role" "reader" {
  name = "quickstart_reader"
}

resource "milvus_grant" "reader" {
  for_each  = toset(["ShowCollections", "DescribeCollection", "Load", "Query", "Search"])
  role      = milvus_role.reader.name
  privilege = each.key
  db_name   = milvus_database.team.name
}

resource "milvus_user_role" "app_reader" {
  user = milvus_user.app_reader.name
  role = milvus_role.reader.name
}

data "milvus_users" "all" {
  depends_on = [milvus_user_role.app_reader]
}

data "milvus_role" "reader" {
  name       = milvus_role.reader.name
  depends_on = [milvus_grant.reader, milvus_user_role.app_reader]
}

output "users" {
  value = data.milvus_users.all.users
}

output "reader_grants" {
  value = [for g in data.milvus_role.reader.grants : "${g.privilege} on ${g.object_type} ${g.object_name} in ${g.db_name}"]
}
