terraform {
  # Write-only passwords (password_wo) need Terraform or OpenTofu 1.11.
  required_version = ">= 1.11"
  required_providers {
    milvus = {
      source = "milvus-terraform/milvus"
    }
  }
}
