#!/usr/bin/env bash
# Copyright (c) The terraform-provider-milvus authors
# SPDX-License-Identifier: MPL-2.0

# make bench: builds the provider, the floor provider and the memory
# wrapper as release builds are made, starts a Milvus of its own (user and
# role limits raised, access log on), and runs scripts/bench.py (both
# scenarios, or those BENCH_SCENARIOS names) with the CLI. Prints the
# report; keeps it in .cache/bench/report.md. BENCH_BASELINE=<git revision>
# adds that revision's provider as a fourth variant (before/after).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$repo"

dir=$repo/.cache/bench
rm -rf "$dir"
mkdir -p "$dir/bin/milvus" "$dir/bin/floor"
flags=(-trimpath -ldflags "-s -w")
echo "==> building (as goreleaser does: -trimpath -s -w)"
CGO_ENABLED=0 go build "${flags[@]}" -o "$dir/bin/milvus/terraform-provider-milvus" .
CGO_ENABLED=0 go build "${flags[@]}" -o "$dir/bin/floor/terraform-provider-milvus" ./bench/floorprovider
CGO_ENABLED=0 go build "${flags[@]}" -o "$dir/memwrap" ./bench/memwrap
variants="milvus floor"
# BENCH_BASELINE=<git revision>: that revision's provider runs beside this
# one, for before/after tables from the same run.
if [ -n "${BENCH_BASELINE:-}" ]; then
  echo "==> building the baseline, $BENCH_BASELINE"
  git worktree add --detach "$dir/baseline-src" "$BENCH_BASELINE" >/dev/null
  (cd "$dir/baseline-src" && CGO_ENABLED=0 go build "${flags[@]}" -o "$dir/bin/baseline/terraform-provider-milvus" .)
  git worktree remove --force "$dir/baseline-src"
  variants="$variants baseline"
fi
for v in $variants; do
  mkdir -p "$dir/bin/memwrap-$v"
  cp "$dir/memwrap" "$dir/bin/memwrap-$v/terraform-provider-milvus"
  cp "$dir/bin/$v/terraform-provider-milvus" "$dir/bin/memwrap-$v/provider.real"
done

echo "==> starting Milvus for the benchmark"
access=$dir/access/access.log
stop() { MILVUS_TEST_INSTANCE=bench scripts/milvus-server.sh stop >/dev/null 2>&1 || true; }
trap stop EXIT
stop
MILVUS_TEST_INSTANCE=bench MILVUS_TEST_MAX_USERS=2100 MILVUS_TEST_MAX_ROLES=400 MILVUS_TEST_ACCESS_LOG=$access \
  scripts/milvus-server.sh start >"$dir/milvus.env"
address=$(sed -n 's/^MILVUS_TEST_BENCH_ADDRESS=//p' "$dir/milvus.env")

TF=${TF:-$(scripts/terraform-cli.sh)} BENCH_DIR=$dir MILVUS_ACCESS_LOG=$access \
  MILVUS_ADDRESS=$address MILVUS_USERNAME=root MILVUS_PASSWORD=Milvus \
  python3 scripts/bench.py | tee "$dir/report.md"
