# The role name. Import takes every grant the role has, in every database.
terraform import milvus_role_policy.analyst analyst
