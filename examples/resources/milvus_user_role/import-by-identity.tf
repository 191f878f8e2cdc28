# Terraform 1.12 / OpenTofu 1.12 and later.
import {
  to = milvus_user_role.reader
  identity = {
    user = "svc_reader"
    role = "app_reader"
  }
}
