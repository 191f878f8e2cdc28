# user/role
terraform import milvus_user_role.reader svc_reader/app_reader
