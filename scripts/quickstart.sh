#!/usr/bin/env bash
# Copyright (c) The terraform-provider-milvus authors
# SPDX-License-Identifier: MPL-2.0

# The quick start: builds the provider, starts a local real Milvus (embedded
# Milvus 2.3 from PyPI, authorization on), and applies examples/quickstart
# with a Terraform-compatible CLI, which creates two users, a read-only role
# with its grants and the binding of one user to it, and reads every user
# back with its roles. The server keeps running afterwards; `make
# milvus-stop` stops it.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$repo"

work=$repo/.cache/quickstart
mkdir -p "$work/bin" "$work/run"
echo "==> building the provider"
build_provider "$work/bin"
dev_cli_config "$work/bin" "$work/cli.tfrc"

echo "==> starting Milvus"
scripts/milvus-server.sh start >"$work/milvus.env"
set -a
# shellcheck disable=SC1091
. "$work/milvus.env"
set +a

cli=$(scripts/terraform-cli.sh)
echo "==> applying examples/quickstart with $("$cli" version | head -n1)"
cp examples/quickstart/main.tf "$work/run/main.tf"
if [ ! -s "$work/app_password" ]; then
  (umask 077; python3 -c 'import secrets; print("Qs_" + secrets.token_urlsafe(18))' >"$work/app_password")
fi
export TF_CLI_CONFIG_FILE=$work/cli.tfrc TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
export TF_VAR_app_password; TF_VAR_app_password=$(cat "$work/app_password")
(cd "$work/run" && "$cli" apply -auto-approve -input=false -compact-warnings)

echo
echo "==> users on Milvus at $MILVUS_ADDRESS, with their roles (read back through data.milvus_users.all):"
(cd "$work/run" && "$cli" output -json users) | python3 -c '
import json, sys
for user in json.load(sys.stdin):
    print("  %-12s roles: %s" % (user["name"], ", ".join(user["roles"]) or "-"))'
echo "==> grants of quickstart_reader (read back through data.milvus_role.reader):"
(cd "$work/run" && "$cli" output -json reader_grants) | python3 -c '
import json, sys
for grant in json.load(sys.stdin):
    print("  " + grant)'
echo
echo "Log in as app_reader or app_writer with the password in $work/app_password."
echo "The state is in $work/run. Stop Milvus with: make milvus-stop"
