# A database for one team, and a role that may read every collection in it.
resource "milvus_database" "search" {
  name = "team_search"
}

resource "milvus_role" "search_reader" {
  name = "team_search_reader"
}

resource "milvus_grant" "search_reader" {
  for_each  = toset(["ShowCollections", "DescribeCollection", "Load", "Search", "Query"])
  role      = milvus_role.search_reader.name
  privilege = each.key
  db_name   = milvus_database.search.name # the grant waits for the database
}
