import {
  to = milvus_privilege_group.search_only
  id = "search_only"
}
