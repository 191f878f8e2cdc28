import {
  to = milvus_role_members.admin
  id = "admin"
}
