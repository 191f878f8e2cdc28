import {
  to = milvus_user_role.reader
  id = "svc_reader/app_reader"
}
