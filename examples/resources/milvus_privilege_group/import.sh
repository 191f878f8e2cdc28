# The group name.
terraform import milvus_privilege_group.search_only search_only
