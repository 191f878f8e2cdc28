# Import an existing user by its name. The password cannot be read from
# Milvus, so the next apply sets the configured one (without the old password
# this needs super_user = true, unless it is already the current one).
terraform import milvus_user.reader app_reader
