import {
  to = milvus_role_policy.analyst
  id = "analyst"
}
