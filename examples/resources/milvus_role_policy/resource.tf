# Everything the role may do, in every database: a grant made outside
# Terraform shows in the next plan and is revoked.
resource "milvus_role" "analyst" {
  name = "analyst"
}

resource "milvus_role_policy" "analyst" {
  role = milvus_role.analyst.name
  grants = [
    { privilege = "ShowCollections", db_name = "analytics" },
    { privilege = "DescribeCollection", db_name = "analytics" },
    { privilege = "Load", db_name = "analytics" },
    { privilege = "Search", db_name = "analytics" },
    { privilege = "Query", db_name = "analytics" },
    { privilege = "Query", db_name = "default", object_name = "public_docs" },
  ]
}

# The built-in role every user has: by default it lists and describes every
# database's collections. Declared empty, it allows nothing.
resource "milvus_role_policy" "public" {
  role   = "public"
  grants = []
}
