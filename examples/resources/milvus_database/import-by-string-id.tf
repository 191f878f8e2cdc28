import {
  to = milvus_database.search
  id = "team_search"
}
