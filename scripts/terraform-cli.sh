#!/usr/bin/env bash
# Prints the path of a Terraform-compatible CLI for the acceptance tests.
#
#   scripts/terraform-cli.sh           # TF_ACC_TERRAFORM_PATH, else tofu or terraform on PATH, else OpenTofu built
#   scripts/terraform-cli.sh opentofu  # always OpenTofu $OPENTOFU_VERSION, built from the Go module proxy and cached
#
# OpenTofu cannot be installed with `go install` (its go.mod has replace
# directives), so the module is downloaded and built in place (about 5-7
# minutes on 2 cores), then kept in $CACHE_DIR for later runs.
set -euo pipefail

version=${OPENTOFU_VERSION:-v1.12.6}
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

case "${1:-}" in
  opentofu) build_opentofu ;;
  "")
    if [ -n "${TF_ACC_TERRAFORM_PATH:-}" ]; then echo "$TF_ACC_TERRAFORM_PATH"
    elif command -v tofu >/dev/null; then command -v tofu
    elif command -v terraform >/dev/null; then command -v terraform
    else build_opentofu
    fi ;;
  *) echo "usage: $0 [opentofu]" >&2; exit 2 ;;
esac
