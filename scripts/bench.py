#!/usr/bin/env python3
# Copyright (c) The terraform-provider-milvus authors
# SPDX-License-Identifier: MPL-2.0

"""The provider's benchmark, two scenarios. users: milvus_user against the
CLI's built-in terraform_data and against the floor provider (the provider's
own schemas, no I/O), interleaved in one run on one machine. tenants: N teams
from examples/modules/tenant, provider against floor (scripts/bench_tenants.py). Run it with `make bench`, which builds
the binaries and starts a Milvus of its own; see README.md for how to read it.

Environment: BENCH_SCENARIOS (default "users tenants"), BENCH_SIZES (default "100 500 1000"), BENCH_REPS (default 3),
BENCH_PARALLELISM (default 10, Terraform's own default), TF (the CLI),
BENCH_DIR (work directory), MILVUS_ADDRESS and MILVUS_ACCESS_LOG (the server),
BENCH_BASELINE (a git revision whose provider bench.sh built into
bin/baseline: it runs as a fourth variant, for before/after tables).
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

import bench_tenants

SOURCE = "milvus-terraform/milvus"
PHASES = ["apply", "plan (verify on)", "plan (verify off)", "plan -refresh-only", "rotation", "destroy"]
VARIANTS = ["milvus", "floor", "terraform_data"]
if os.environ.get("BENCH_BASELINE"):
    VARIANTS.append("baseline")

VARIABLES = """
variable "n" {
  type = number
}
variable "generation" {
  type    = string
  default = "1"
}
variable "verify" {
  type    = bool
  default = true
}
"""

USERS_TF = """
terraform {
  required_providers {
    milvus = { source = "@SOURCE@" }
  }
}
""" + VARIABLES + """
provider "milvus" {
  verify_passwords = var.verify
}
resource "milvus_user" "u" {
  for_each = toset([for i in range(var.n) : format("bench_%04d", i)])
  name     = each.key
  password = "Pw_${var.generation}_${each.key}"
}
"""
USERS_TF = USERS_TF.replace("@SOURCE@", SOURCE)

DATA_TF = VARIABLES + """
resource "terraform_data" "u" {
  for_each = toset([for i in range(var.n) : format("bench_%04d", i)])
  input = {
    name     = each.key
    password = sensitive("Pw_${var.generation}_${each.key}")
  }
}
"""


def cli_config(path, provider_dir):
    with open(path, "w") as f:
        f.write('provider_installation {\n  dev_overrides {\n    "registry.terraform.io/%s" = "%s"\n'
                '    "registry.opentofu.org/%s" = "%s"\n  }\n  direct {}\n}\n' % (SOURCE, provider_dir, SOURCE, provider_dir))


class Run:
    """One CLI run: wall seconds, CPU seconds of the CLI and every provider
    process it started and reaped, its exit code and its output."""

    def __init__(self, wall, cpu, code, output):
        self.wall, self.cpu, self.code, self.output = wall, cpu, code, output


def run(cli, workdir, env, args):
    start = time.monotonic()
    proc = subprocess.Popen([cli] + args, cwd=workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = proc.stdout.read().decode(errors="replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    return Run(wall, usage.ru_utime + usage.ru_stime, proc.returncode, output)


def access_log_counts(path, offset):
    """Counts of each method in the access log after offset, and the new offset."""
    counts = {}
    try:
        with open(path, "rb") as f:
            f.seek(offset)
            data = f.read()
    except FileNotFoundError:
        return counts, offset
    for line in data.decode(errors="replace").splitlines():
        if "[ACCESS]" not in line:
            continue
        # [time] [ACCESS] <user: addr> Method [status: ...]
        rest = line.split(">", 1)[-1].split()
        if rest:
            counts[rest[0]] = counts.get(rest[0], 0) + 1
    return counts, offset + len(data)


def lifecycle(variant, n, setup, log_path):
    """Runs every phase for one variant at one size; returns {phase: Run} and
    the access-log counts per phase (milvus only)."""
    cli, bench_dir = setup["cli"], setup["dir"]
    work = os.path.join(bench_dir, "%s-%d" % (variant, n))
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    with open(os.path.join(work, "main.tf"), "w") as f:
        f.write(DATA_TF if variant == "terraform_data" else USERS_TF)
    env = dict(setup["env"])
    env["TF_CLI_CONFIG_FILE"] = setup["tfrc"][variant]
    par = "-parallelism=%s" % os.environ.get("BENCH_PARALLELISM", "10")
    steps = [
        ("apply", ["apply", "-auto-approve", "-input=false", par, "-var", "n=%d" % n]),
        ("plan (verify on)", ["plan", "-input=false", par, "-var", "n=%d" % n]),
        ("plan (verify off)", ["plan", "-input=false", par, "-var", "n=%d" % n, "-var", "verify=false"]),
        ("plan -refresh-only", ["plan", "-refresh-only", "-input=false", par, "-var", "n=%d" % n]),
        ("rotation", ["apply", "-auto-approve", "-input=false", par, "-var", "n=%d" % n, "-var", "generation=2"]),
        ("destroy", ["destroy", "-auto-approve", "-input=false", par, "-var", "n=%d" % n, "-var", "generation=2"]),
    ]
    results, rpcs = {}, {}
    offset = os.path.getsize(log_path) if os.path.exists(log_path) else 0
    for phase, args in steps:
        r = run(cli, work, env, args)
        if r.code != 0:
            sys.exit("%s %s at %d failed:\n%s" % (variant, phase, n, r.output[-3000:]))
        results[phase] = r
        time.sleep(0.5)  # let Milvus flush its access log
        rpcs[phase], offset = access_log_counts(log_path, offset)
    return results, rpcs


def empty_plan(variant, setup):
    """A plan of the configuration with no resources: the provider's start-up."""
    work = os.path.join(setup["dir"], "%s-empty" % variant)
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "main.tf"), "w") as f:
        f.write(DATA_TF if variant == "terraform_data" else USERS_TF)
    env = dict(setup["env"])
    env["TF_CLI_CONFIG_FILE"] = setup["tfrc"][variant]
    return run(setup["cli"], work, env, ["plan", "-input=false", "-var", "n=0"])


def peak_memory(variant, n, setup):
    """The providers' peak resident memory and peak anonymous memory (KiB)
    over a plan of n users that exist, measured by bench/memwrap around the
    provider, in a run of its own (the wrapper's own start-up would distort
    the CPU figures)."""
    work = os.path.join(setup["dir"], "%s-%d" % (variant, n))
    log = os.path.join(setup["dir"], "memory-%s-%d.log" % (variant, n))
    if os.path.exists(log):
        os.remove(log)
    env = dict(setup["env"])
    env["TF_CLI_CONFIG_FILE"] = setup["tfrc"]["memwrap-" + variant]
    env["BENCH_MEM_LOG"] = log
    args = ["-var", "n=%d" % n]
    for step in (["apply", "-auto-approve", "-input=false"], ["plan", "-input=false"], ["destroy", "-auto-approve", "-input=false"]):
        if step[0] == "plan":
            open(log, "w").close()
        r = run(setup["cli"], work, env, step + args)
        if r.code != 0:
            sys.exit("memory run failed:\n" + r.output[-3000:])
        if step[0] == "plan":
            with open(log) as f:
                rows = [[int(x) for x in line.split()] for line in f if line.strip()]
    return max(r[0] for r in rows), max(r[1] for r in rows), len(rows)


def stats(values):
    return min(values), statistics.median(values)


def main():
    bench_dir = os.environ["BENCH_DIR"]
    log_path = os.environ["MILVUS_ACCESS_LOG"]
    env = dict(os.environ)
    for k in ("TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_PATH"):
        env.pop(k, None)
    env.update({"TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1"})
    tfrc = {}
    for variant, directory in (("milvus", "milvus"), ("floor", "floor"), ("terraform_data", "milvus"),
                               ("memwrap-milvus", "memwrap-milvus"), ("memwrap-floor", "memwrap-floor"),
                               ("baseline", "baseline"), ("memwrap-baseline", "memwrap-baseline")):
        tfrc[variant] = os.path.join(bench_dir, "%s.tfrc" % variant)
        cli_config(tfrc[variant], os.path.join(bench_dir, "bin", directory))
    setup = {"cli": os.environ["TF"], "dir": bench_dir, "env": env, "tfrc": tfrc, "log": log_path,
             "repo": os.path.dirname(os.path.dirname(os.path.abspath(__file__)))}
    version = subprocess.run([setup["cli"], "version"], capture_output=True, text=True).stdout.splitlines()[0]
    scenarios = os.environ.get("BENCH_SCENARIOS", "users tenants").split()
    print("# Benchmark: %s, Milvus at %s, scenarios %s, parallelism %s" % (
        version, env["MILVUS_ADDRESS"], " and ".join(scenarios), os.environ.get("BENCH_PARALLELISM", "10")))
    print("# CPU = user+system seconds of the CLI and the provider processes it ran; ratios are per repetition, then the median.\n")
    if "users" in scenarios:
        users(setup)
    if "tenants" in scenarios:
        bench_tenants.main(setup, run, access_log_counts)


def users(setup):
    """The users scenario: milvus_user, the floor and terraform_data."""
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "100 500 1000").split()]
    reps = int(os.environ.get("BENCH_REPS", "3"))
    bench_dir, log_path = setup["dir"], setup["log"]
    print("# Users: sizes %s, %d interleaved repetitions\n" % (sizes, reps))
    data = {}  # (variant, n, phase) -> [Run]
    rpcs = {}  # (n, phase) -> counts of the last milvus run
    empties = {v: [] for v in VARIANTS}
    for rep in range(reps):
        order = VARIANTS[rep % len(VARIANTS):] + VARIANTS[:rep % len(VARIANTS)]
        for v in order:
            empties[v].append(empty_plan(v, setup))
        for n in sizes:
            for v in order:
                res, counts = lifecycle(v, n, setup, log_path)
                for phase, r in res.items():
                    data.setdefault((v, n, phase), []).append(r)
                if v in ("milvus", "baseline"):
                    for phase, c in counts.items():
                        rpcs[(v, n, phase)] = c
                print("  rep %d n=%d %-14s %s" % (rep + 1, n, v, " ".join("%.1fs" % res[p].wall for p in PHASES)), flush=True)

    # The raw figures, kept beside the report.
    with open(os.path.join(bench_dir, "raw.json"), "w") as f:
        json.dump({"runs": {"%s|%d|%s" % k: [[r.wall, r.cpu] for r in v] for k, v in data.items()},
                   "empty": {v: [[r.wall, r.cpu] for r in runs] for v, runs in empties.items()},
                   "requests": {"%s|%d|%s" % k: c for k, c in rpcs.items()}}, f, indent=1)

    print("\n## Empty plan (no resources): wall seconds, min / median\n")
    for v in VARIANTS:
        lo, med = stats([r.wall for r in empties[v]])
        clo, cmed = stats([r.cpu for r in empties[v]])
        print("- %-14s wall %.3f / %.3f   CPU %.3f / %.3f" % (v, lo, med, clo, cmed))
    floor_med = statistics.median([r.wall for r in empties["floor"]])
    milvus_med = statistics.median([r.wall for r in empties["milvus"]])
    print("- milvus - floor: %+.3f s (target: within 0.1 s)" % (milvus_med - floor_med))

    for n in sizes:
        print("\n## %d users\n" % n)
        print("| phase | milvus wall min/med | milvus CPU min/med | floor CPU min/med | terraform_data CPU min/med | CPU milvus/floor | CPU milvus/terraform_data |")
        print("|---|---|---|---|---|---|---|")
        for phase in PHASES:
            m, f, d = (data[(v, n, phase)] for v in ("milvus", "floor", "terraform_data"))
            ratio_f = statistics.median([a.cpu / b.cpu for a, b in zip(m, f)])
            ratio_d = statistics.median([a.cpu / b.cpu for a, b in zip(m, d)])
            print("| %s | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f | %.2f× | %.2f× |" % (
                phase, *stats([r.wall for r in m]), *stats([r.cpu for r in m]), *stats([r.cpu for r in f]),
                *stats([r.cpu for r in d]), ratio_f, ratio_d))
        if "baseline" in VARIANTS:
            print("\nBefore (baseline: %s) and after, same run:\n" % os.environ["BENCH_BASELINE"])
            print("| phase | baseline CPU med | milvus CPU med | CPU milvus/baseline | baseline/floor | baseline/terraform_data | baseline requests per user |")
            print("|---|---|---|---|---|---|---|")
            for phase in PHASES:
                m, f, d, b = (data[(v, n, phase)] for v in ("milvus", "floor", "terraform_data", "baseline"))
                c = rpcs.get(("baseline", n, phase), {})
                per_user = {k: round(v / n, 2) for k, v in c.items() if k != "Connect" and v >= n / 2}
                print("| %s | %.2f | %.2f | %.2f× | %.2f× | %.2f× | %s |" % (
                    phase, statistics.median([r.cpu for r in b]), statistics.median([r.cpu for r in m]),
                    statistics.median([a.cpu / x.cpu for a, x in zip(m, b)]),
                    statistics.median([x.cpu / y.cpu for x, y in zip(b, f)]),
                    statistics.median([x.cpu / y.cpu for x, y in zip(b, d)]), per_user or "-"))
        print("\nRequests to Milvus per phase (its access log), milvus_user, last repetition:\n")
        print("| phase | Connect (one per provider process) | per user | reads in all (one user or a listing) |")
        print("|---|---|---|---|")
        for phase in PHASES:
            c = rpcs.get(("milvus", n, phase), {})
            listings = {k: v for k, v in c.items() if k in ("SelectUser", "ListCredUsers", "SelectRole", "SelectGrant")}
            per_user = {k: round(v / n, 2) for k, v in c.items() if k not in ("Connect",) and v >= n / 2}
            print("| %s | %d | %s | %s |" % (phase, c.get("Connect", 0), per_user or "-", listings or "-"))

    print("\n## Provider peak memory during a plan (separate runs, through bench/memwrap)\n")
    print("Resident: everything, including the pages of the provider's own binary (the floor's is the same binary with")
    print("its CRUD replaced). Anonymous: what the provider allocated. Peaks over the plan's provider processes.\n")
    print("| provider | users | resident MiB | per user KiB | anonymous MiB | per user KiB |")
    print("|---|---|---|---|---|---|")
    peaks, anons = {}, {}
    measured = [v for v in ("milvus", "floor", "baseline") if v in VARIANTS]
    for n in sizes:
        for v in measured:
            peaks[(v, n)], anons[(v, n)], _ = peak_memory(v, n, setup)
            print("| %s | %d | %.1f | %.1f | %.1f | %.1f |" % (
                v, n, peaks[(v, n)] / 1024, peaks[(v, n)] / n, anons[(v, n)] / 1024, anons[(v, n)] / n))
    if len(sizes) > 1:
        lo, hi = sizes[0], sizes[-1]
        print()
        for v in measured:
            print("- %-8s marginal: %.1f KiB resident, %.1f KiB anonymous per additional user (%d to %d users)" % (
                v, (peaks[(v, hi)] - peaks[(v, lo)]) / (hi - lo), (anons[(v, hi)] - anons[(v, lo)]) / (hi - lo), lo, hi))


if __name__ == "__main__":
    main()
