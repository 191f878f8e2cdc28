# Copyright (c) The terraform-provider-milvus authors
# SPDX-License-Identifier: MPL-2.0

schema_version = 1

project {
  license          = "MPL-2.0"
  copyright_holder = "The terraform-provider-milvus authors"
  copyright_year   = 2026

  # Files shown to users as prose or configuration keep no header: the
  # registry renders examples and docs, and tools own their config files.
  header_ignore = [
    "examples/**",
    "docs/**",
    "templates/**",
    "**/testdata/**",
    ".golangci.yml",
    ".goreleaser.yml",
    ".venv/**",
    ".cache/**",
  ]
}
