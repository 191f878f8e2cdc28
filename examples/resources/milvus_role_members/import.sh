# The role name. Import takes every user bound to the role.
terraform import milvus_role_members.admin admin
