#!/usr/bin/env bash
# Copyright (c) The terraform-provider-milvus authors
# SPDX-License-Identifier: MPL-2.0

# Regenerates docs/ with tfplugindocs from the schema, examples/ and
# templates/. With --check, fails when docs/ differs from what is committed.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$repo"

tfplugindocs_version=v0.25.0
# OpenTofu 1.12 reports resource identity schemas, which the docs show.
cli=$("$repo/scripts/terraform-cli.sh" opentofu)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build_provider "$work/bin"
dev_cli_config "$work/bin" "$work/cli.tfrc"
mkdir -p "$work/schema"
cat >"$work/schema/main.tf" <<TF
terraform {
  required_providers {
    milvus = { source = "$provider_source" }
  }
}
TF
(cd "$work/schema" && TF_CLI_CONFIG_FILE="$work/cli.tfrc" "$cli" providers schema -json >"$work/schema.json" 2>"$work/schema.err") || {
  cat "$work/schema.err" >&2; exit 1; }
# tfplugindocs looks the provider up by its short name.
python3 - "$work/schema.json" <<'PY'
import json, sys
path = sys.argv[1]
doc = json.load(open(path))
doc["provider_schemas"] = {"milvus": next(iter(doc["provider_schemas"].values()))}
json.dump(doc, open(path, "w"))
PY

GOFLAGS= go run "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs@$tfplugindocs_version" generate \
  --provider-name milvus --rendered-provider-name Milvus --providers-schema "$work/schema.json" >"$work/generate.log" 2>&1 || {
  cat "$work/generate.log" >&2; exit 1; }

if [ "${1:-}" = "--check" ]; then
  if ! git diff --quiet -- docs || [ -n "$(git ls-files --others --exclude-standard -- docs)" ]; then
    echo "docs/ is stale: run 'make docs' and commit the result." >&2
    git --no-pager diff --stat -- docs >&2
    git ls-files --others --exclude-standard -- docs >&2
    exit 1
  fi
  echo "docs/ is up to date."
fi
