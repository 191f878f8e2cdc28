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
# The CLI passes run side by side, each against servers of its own (a test
# rotates root's password, another empties the public role, the crash test
# kills the server with Milvus's default limits); the mutual-TLS server,
# which the tests only read, is shared.
passes="primary opentofu legacy"
instances="tls"
for pass in $passes; do instances="$instances main-$pass defaults-$pass"; done
stop_servers() {
  for instance in $instances; do
    MILVUS_TEST_INSTANCE=$instance scripts/milvus-server.sh stop >/dev/null 2>&1 || true
  done
}
trap 'stop_servers; rm -rf "$results"' EXIT

log "gofmt and go vet"
unformatted=$(gofmt -l main.go internal bench)
if [ -n "$unformatted" ]; then echo "gofmt needed:"; echo "$unformatted"; exit 1; fi
go vet ./...

log "golangci-lint"
lint=$("$repo/scripts/go-tool.sh" golangci-lint)
"$lint" run ./...

log "go.mod tidy; workflows (actionlint); release configuration (goreleaser check) and a cross-compile per OS"
go mod tidy -diff
"$("$repo/scripts/go-tool.sh" actionlint)" .github/workflows/*.yml
scripts/release-check.sh --quick

log "real Milvus: per CLI pass a main one and one with Milvus's default limits; one with mutual TLS"
stop_servers
# Their settings are docker-compose.yml's, as in CI: the main servers allow
# more roles than Milvus's default 10, so tests need not share them; the
# "defaults" ones keep the defaults for the limit tests, and are the ones
# the crash test kills and restarts. They start side by side.
scripts/milvus-server.sh install
pids=""
MILVUS_TEST_INSTANCE=tls MILVUS_TEST_TLS_MODE=2 scripts/milvus-server.sh start >"$results/tls.env" & pids="$pids $!"
for pass in $passes; do
  MILVUS_TEST_INSTANCE=main-$pass MILVUS_TEST_KIND=main scripts/milvus-server.sh start >"$results/main-$pass.env" & pids="$pids $!"
  MILVUS_TEST_INSTANCE=defaults-$pass MILVUS_TEST_KIND=defaults scripts/milvus-server.sh start >"$results/defaults-$pass.env" & pids="$pids $!"
done
for pid in $pids; do wait "$pid"; done

log "Terraform-compatible CLIs"
primary=$(scripts/terraform-cli.sh)
opentofu=$(scripts/terraform-cli.sh opentofu)
legacy=$(scripts/terraform-cli.sh legacy)
cli_config="$results/empty.tfrc"
: >"$cli_config"
export TF_CLI_CONFIG_FILE=$cli_config TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
# The provider's journal of objects being created (for take-overs after a
# killed apply) goes with the run (one per pass), not into the user's cache.
for cli in "$primary" "$opentofu" "$legacy"; do echo "$cli: $("$cli" version | head -n1)"; done

# The test binaries are built once, before the passes start side by side.
log "build the tests"
go test -count=1 -run '^$' ./... >/dev/null

run_tests() { # NAME CLI PACKAGES [go test args]
  local name=$1 cli=$2; shift 2
  # Each pass reads its own servers' settings, in a subshell.
  (
    set -a
    # shellcheck disable=SC1090
    . "$results/tls.env"; . "$results/main-$name.env"; . "$results/defaults-$name.env"
    set +a
    # -p 1: the packages share the pass's server and, for a moment, root's password.
    MILVUS_PROVIDER_JOURNAL_DIR=$results/journal-$name TF_ACC=1 TF_ACC_TERRAFORM_PATH=$cli \
      go test -count=1 -p 1 -v -timeout 30m "$@" >"$results/$name.log" 2>&1
  )
}

log "go test: every test with $("$primary" version | head -n1); every acceptance test again with $("$opentofu" version | head -n1) and $("$legacy" version | head -n1), side by side"
# Every acceptance test runs again with the other CLIs: OpenTofu, and
# Terraform 1.6, older than write-only arguments and resource identity
# (tests that need those skip themselves, saying why). A new resource's tests
# are picked up by name (TestAcc...), with no list to keep.
declare -A pid_of
run_tests primary "$primary" ./... & pid_of[primary]=$!
if [ "$(readlink -f "$primary")" != "$(readlink -f "$opentofu")" ]; then
  run_tests opentofu "$opentofu" -run 'TestAcc' ./internal/... & pid_of[opentofu]=$!
fi
run_tests legacy "$legacy" -run 'TestAcc' ./internal/... & pid_of[legacy]=$!
status=0
for pass in $passes; do
  [ -n "${pid_of[$pass]:-}" ] || continue
  if wait "${pid_of[$pass]}"; then result=ok; else result=FAILED; status=1; fi
  log "go test ($pass): $result"
  cat "$results/$pass.log"
done

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
