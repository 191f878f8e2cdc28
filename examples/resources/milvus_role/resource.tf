# A role for an application that only reads. Grant it privileges with
# milvus_grant and bind users to it with milvus_user_role.
resource "milvus_role" "reader" {
  name = "app_reader"
}
