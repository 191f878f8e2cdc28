import {
  to = milvus_role.reader
  id = "app_reader"
}
