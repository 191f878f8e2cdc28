terraform {
  required_providers {
    milvus = {
      source = "milvus-terraform/milvus"
    }
  }
}

# Credentials usually come from the environment:
#   MILVUS_ADDRESS, MILVUS_USERNAME, MILVUS_PASSWORD (or MILVUS_TOKEN)
provider "milvus" {
  address = "milvus.example.internal:19530"

  # The provider's user is listed in common.security.superUsers on the
  # server, so it may set passwords without knowing the old ones.
  super_user = true
}
