#!/usr/bin/env bash
# Prints the path of golangci-lint, built from the Go module proxy once and
# cached (about two minutes on 2 cores).
set -euo pipefail
version=${GOLANGCI_LINT_VERSION:-v2.15.0}
cache=${CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-milvus}
bin=$cache/golangci-lint-$version/golangci-lint
if [ ! -x "$bin" ]; then
  echo "golangci-lint: building $version (cached in $(dirname "$bin"))" >&2
  mkdir -p "$(dirname "$bin")"
  GOFLAGS= GOBIN=$(dirname "$bin") go install "github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$version" >&2
fi
echo "$bin"
