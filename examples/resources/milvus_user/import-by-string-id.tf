import {
  to = milvus_user.reader
  id = "app_reader"
}
