# The user as the data source reads it back (with testdata/user).
data "milvus_user" "test" {
  name = milvus_user.test.name
}
