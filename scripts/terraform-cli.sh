#!/usr/bin/env bash
# Copyright (c) The terraform-provider-milvus authors
# SPDX-License-Identifier: MPL-2.0

# Prints the path of a Terraform-compatible CLI for the acceptance tests.
#
#   scripts/terraform-cli.sh           # TF_ACC_TERRAFORM_PATH, else tofu or terraform on PATH, else OpenTofu built
#   scripts/terraform-cli.sh opentofu  # $OPENTOFU_PATH if set (CI installs one), else OpenTofu $OPENTOFU_VERSION,
#                                      # built from the Go module proxy and cached
#   scripts/terraform-cli.sh legacy    # Terraform $LEGACY_TERRAFORM_VERSION (before write-only arguments), go install'ed and cached
#
# OpenTofu cannot be installed with `go install` (its go.mod has replace
# directives), so the module is downloaded and built in place (about 5-7
# minutes on 2 cores), then kept in $CACHE_DIR for later runs.
set -euo pipefail

version=${OPENTOFU_VERSION:-v1.12.6}
legacy_version=${LEGACY_TERRAFORM_VERSION:-v1.6.6}
cache=${CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-milvus}
log() { printf 'terraform-cli: %s\n' "$*" >&2; }

build_opentofu() {
  local bin=$cache/tofu/tofu-$version
  if [ -x "$bin" ]; then echo "$bin"; return; fi
  mkdir -p "$cache/tofu"
  log "building OpenTofu $version (cached in $cache/tofu)"
  local dir
  dir=$(GOFLAGS= go mod download -json "github.com/opentofu/opentofu@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -n "$dir" ] || { log "go mod download gave no directory"; exit 1; }
  (cd "$dir" && GOFLAGS= CGO_ENABLED=0 go build -trimpath \
    -ldflags "-X github.com/opentofu/opentofu/version.dev=no" -o "$bin.tmp" ./cmd/tofu)
  mv "$bin.tmp" "$bin"
  echo "$bin"
}

# Terraform 1.6 installs with plain go install (no replace directives yet).
build_legacy() {
  local dir=$cache/terraform-$legacy_version
  if [ -x "$dir/terraform" ]; then echo "$dir/terraform"; return; fi
  log "building Terraform $legacy_version (cached in $dir)"
  mkdir -p "$dir"
  GOFLAGS= CGO_ENABLED=0 GOBIN=$dir go install "github.com/hashicorp/terraform@$legacy_version" >&2
  echo "$dir/terraform"
}

case "${1:-}" in
  opentofu) if [ -n "${OPENTOFU_PATH:-}" ]; then echo "$OPENTOFU_PATH"; else build_opentofu; fi ;;
  legacy) build_legacy ;;
  "")
    if [ -n "${TF_ACC_TERRAFORM_PATH:-}" ]; then echo "$TF_ACC_TERRAFORM_PATH"
    elif command -v tofu >/dev/null; then command -v tofu
    elif command -v terraform >/dev/null; then command -v terraform
    else build_opentofu
    fi ;;
  *) echo "usage: $0 [opentofu|legacy]" >&2; exit 2 ;;
esac
