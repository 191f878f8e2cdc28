#!/usr/bin/env bash
# Copyright (c) The terraform-provider-milvus authors
# SPDX-License-Identifier: MPL-2.0

# Prints the path of a pinned Go tool, built from the Go module proxy once and
# cached beside the CLIs:
#   scripts/go-tool.sh golangci-lint   (about two minutes on 2 cores)
#   scripts/go-tool.sh goreleaser      (about three minutes)
#   scripts/go-tool.sh actionlint      (about twenty seconds)
set -euo pipefail
case "${1:-}" in
  golangci-lint) module=github.com/golangci/golangci-lint/v2/cmd/golangci-lint version=${GOLANGCI_LINT_VERSION:-v2.15.0} ;;
  # goreleaser after v2.15 needs a newer Go than this project's.
  goreleaser) module=github.com/goreleaser/goreleaser/v2 version=${GORELEASER_VERSION:-v2.15.1} ;;
  actionlint) module=github.com/rhysd/actionlint/cmd/actionlint version=${ACTIONLINT_VERSION:-v1.7.12} ;;
  *) echo "usage: $0 golangci-lint|goreleaser|actionlint" >&2; exit 2 ;;
esac
cache=${CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-milvus}
bin=$cache/$1-$version/$1
if [ ! -x "$bin" ]; then
  echo "$1: building $version (cached in $(dirname "$bin"))" >&2
  mkdir -p "$(dirname "$bin")"
  GOFLAGS= GOBIN=$(dirname "$bin") go install "$module@$version" >&2
fi
echo "$bin"
