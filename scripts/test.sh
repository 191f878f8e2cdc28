#!/usr/bin/env bash
# Copyright (c) The terraform-provider-milvus authors
# SPDX-License-Identifier: MPL-2.0

# The one command that runs every test: formatting, vet and lint, unit tests,
# acceptance tests against a real Milvus with a real Terraform-compatible CLI
# (a second pass with the other CLI when both are at hand), and the docs check.
# Everything it needs is installed by the project's scripts and cached.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$repo"

started=$SECONDS
log() { printf '\n=== %s (%ds)\n' "$*" $((SECONDS - started)); }
results=$(mktemp -d)
instances="main tls defaults"
stop_servers() {
  for instance in $instances; do
    MILVUS_TEST_INSTANCE=$instance scripts/milvus-server.sh stop >/dev/null 2>&1 || true
  done
}
trap 'stop_servers; rm -rf "$results"' EXIT

log "gofmt and go vet"
unformatted=$(gofmt -l main.go internal)
if [ -n "$unformatted" ]; then echo "gofmt needed:"; echo "$unformatted"; exit 1; fi
go vet ./...

log "golangci-lint"
lint=$("$repo/scripts/go-tool.sh" golangci-lint)
"$lint" run ./...

log "go.mod tidy; workflows (actionlint); release configuration (goreleaser check) and a cross-compile per OS"
go mod tidy -diff
"$("$repo/scripts/go-tool.sh" actionlint)" .github/workflows/*.yml
scripts/release-check.sh --quick

log "real Milvus: the main one, one with mutual TLS, one with Milvus's default limits"
stop_servers
# Their settings are docker-compose.yml's, as in CI: the main server allows
# more roles than Milvus's default 10, so tests need not share them; the
# "defaults" one keeps the defaults for the limit test, and is the one the
# crash test kills and restarts.
scripts/milvus-server.sh start >"$results/main.env"
MILVUS_TEST_INSTANCE=tls MILVUS_TEST_TLS_MODE=2 scripts/milvus-server.sh start >"$results/tls.env"
MILVUS_TEST_INSTANCE=defaults scripts/milvus-server.sh start >"$results/defaults.env"
set -a
for instance in $instances; do
  # shellcheck disable=SC1090
  . "$results/$instance.env"
done
set +a

log "Terraform-compatible CLIs"
primary=$(scripts/terraform-cli.sh)
opentofu=$(scripts/terraform-cli.sh opentofu)
legacy=$(scripts/terraform-cli.sh legacy)
cli_config="$results/empty.tfrc"
: >"$cli_config"
export TF_CLI_CONFIG_FILE=$cli_config TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
# The provider's journal of objects being created (for take-overs after a
# killed apply) goes with the run, not into the user's cache.
export MILVUS_PROVIDER_JOURNAL_DIR=$results/journal
for cli in "$primary" "$opentofu" "$legacy"; do echo "$cli: $("$cli" version | head -n1)"; done

run_tests() { # NAME CLI PACKAGES [go test args]
  local name=$1 cli=$2; shift 2
  log "go test ($name: $("$cli" version | head -n1))"
  # -p 1: the packages share one server and, for a moment, root's password.
  # pipefail (set above) makes the pipeline fail when go test does.
  TF_ACC=1 TF_ACC_TERRAFORM_PATH=$cli go test -count=1 -p 1 -v -timeout 30m "$@" 2>&1 | tee "$results/$name.log"
}

status=0
run_tests primary "$primary" ./... || status=1
# Every acceptance test again with the other CLIs: OpenTofu, and Terraform
# 1.6, older than write-only arguments and resource identity (tests that need
# those skip themselves, saying why). A new resource's tests are picked up by
# name (TestAcc...), with no list to keep.
if [ "$(readlink -f "$primary")" != "$(readlink -f "$opentofu")" ]; then
  run_tests opentofu "$opentofu" -run 'TestAcc' ./internal/... || status=1
fi
run_tests legacy "$legacy" -run 'TestAcc' ./internal/... || status=1

log "docs"
scripts/docs.sh --check || status=1

passed=$(cat "$results"/*.log | grep -c -- '--- PASS' || true)
failed=$(cat "$results"/*.log | grep -c -- '--- FAIL' || true)
skipped=$(cat "$results"/*.log | grep -c -- '--- SKIP' || true)
if [ "$skipped" -gt 0 ]; then
  echo; echo "Skipped (each for the CLI version it names):"
  cat "$results"/*.log | grep -B1 -- "--- SKIP" | grep -v -- "^--$" || true
fi
log "done"
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
