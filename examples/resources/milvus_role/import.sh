# The role name.
terraform import milvus_role.reader app_reader
