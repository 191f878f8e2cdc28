# Copyright (c) The terraform-provider-milvus authors
# SPDX-License-Identifier: MPL-2.0

# Shared by the scripts: build the provider and point a CLI at it with
# dev_overrides, so no registry is asked for it.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The registry namespace and type, read from the one place that names them.
provider_source=$(sed -n 's/^[[:space:]]*Source[[:space:]]*=[[:space:]]*"\(.*\)"$/\1/p' "$repo/internal/provider/address.go")

# build_provider DIR: builds terraform-provider-milvus into DIR.
build_provider() {
  (cd "$repo" && CGO_ENABLED=0 go build -trimpath -o "$1/terraform-provider-milvus" .)
}

# dev_cli_config DIR FILE: writes a CLI configuration that serves the
# provider in DIR under both registry hosts (Terraform's and OpenTofu's).
dev_cli_config() {
  cat >"$2" <<CFG
provider_installation {
  dev_overrides {
    "registry.terraform.io/$provider_source" = "$1"
    "registry.opentofu.org/$provider_source" = "$1"
  }
  direct {}
}
CFG
}
