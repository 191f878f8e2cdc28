# Copyright (c) The terraform-provider-milvus authors
# SPDX-License-Identifier: MPL-2.0

"""The benchmark's tenants scenario: N teams from examples/modules/tenant
(N databases, 3N roles, 37N grants, 3N users and bindings) applied, planned
with no changes, refreshed and destroyed, by the provider and by the floor
(the same schemas, no I/O), interleaved. Milvus's access log says what each
phase asked of the server. Run by scripts/bench.py when BENCH_SCENARIOS
includes "tenants"; BENCH_TENANTS (default "50") and BENCH_TENANT_REPS
(default 1) size it.
"""
import os
import shutil
import statistics
import sys
import time

PHASES = ["apply", "plan (no changes)", "plan -refresh-only", "destroy"]
VARIANTS = ["milvus", "floor"]
# What Milvus's access log calls the writes, by kind of object.
WRITES = ["CreateDatabase", "DropDatabase", "CreateRole", "DropRole", "OperatePrivilege", "CreateCredential",
          "DeleteCredential", "OperateUserRole"]

CONFIG = """
terraform {
  required_providers {
    milvus = { source = "milvus-terraform/milvus" }
  }
}

variable "tenants" {
  type = number
}

locals {
  teams = toset([for i in range(var.tenants) : format("team_%02d", i)])
}

module "tenant" {
  source   = "./tenant"
  for_each = local.teams
  name     = each.key
  readers  = ["${each.key}_reader"]
  writers  = ["${each.key}_writer"]
  owners   = ["${each.key}_owner"]
  passwords = {
    for u in ["${each.key}_reader", "${each.key}_writer", "${each.key}_owner"] : u => "Pw_${u}_1"
  }
}
"""


def lifecycle(variant, n, setup, run, log_counts):
    """Every phase once; returns {phase: Run} and {phase: access-log counts}."""
    work = os.path.join(setup["dir"], "tenants-%s-%d" % (variant, n))
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(os.path.join(setup["repo"], "examples", "modules", "tenant"), os.path.join(work, "tenant"))
    with open(os.path.join(work, "main.tf"), "w") as f:
        f.write(CONFIG)
    env = dict(setup["env"])
    env["TF_CLI_CONFIG_FILE"] = setup["tfrc"][variant]
    par = "-parallelism=%s" % os.environ.get("BENCH_PARALLELISM", "10")
    var = ["-var", "tenants=%d" % n]
    steps = [
        ("apply", ["apply", "-auto-approve", "-input=false", par] + var, 0),
        ("plan (no changes)", ["plan", "-detailed-exitcode", "-input=false", par] + var, 0),
        # Not -detailed-exitcode: the first refresh after the apply records
        # each user's roles, bound after the user was created.
        ("plan -refresh-only", ["plan", "-refresh-only", "-input=false", par] + var, 0),
        ("destroy", ["destroy", "-auto-approve", "-input=false", par] + var, 0),
    ]
    results, counts = {}, {}
    offset = os.path.getsize(setup["log"]) if os.path.exists(setup["log"]) else 0
    for phase, args, want in steps:
        if phase == "apply":
            r = run(setup["cli"], work, env, ["get"])
            if r.code != 0:
                sys.exit("tenants: terraform get (the module) failed:\n" + r.output[-3000:])
            time.sleep(0.5)
            _, offset = log_counts(setup["log"], offset)
        r = run(setup["cli"], work, env, args)
        if r.code != want:
            sys.exit("tenants: %s %s of %d tenants exited %d (want %d):\n%s" % (
                variant, phase, n, r.code, want, r.output[-3000:]))
        results[phase] = r
        time.sleep(0.5)  # let Milvus flush its access log
        counts[phase], offset = log_counts(setup["log"], offset)
    return results, counts


def report(n, data, counts):
    objects = {"databases": n, "roles": 3 * n, "grants": 37 * n, "users": 3 * n, "bindings": 3 * n}
    print("\n## %d tenants from examples/modules/tenant (%s)\n" % (
        n, ", ".join("%d %s" % (v, k) for k, v in objects.items())))
    print("| phase | milvus wall min/med | milvus CPU min/med | floor wall min/med | floor CPU min/med | CPU milvus/floor |")
    print("|---|---|---|---|---|---|")
    for phase in PHASES:
        m, f = data[("milvus", n, phase)], data[("floor", n, phase)]
        ratio = statistics.median([a.cpu / b.cpu for a, b in zip(m, f)])
        print("| %s | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.2f× |" % (
            phase, min(r.wall for r in m), statistics.median(r.wall for r in m),
            min(r.cpu for r in m), statistics.median(r.cpu for r in m),
            min(r.wall for r in f), statistics.median(r.wall for r in f),
            min(r.cpu for r in f), statistics.median(r.cpu for r in f), ratio))
    print("\nWrites Milvus received (its access log), last repetition:\n")
    print("| phase | " + " | ".join(WRITES) + " |")
    print("|---|" + "---|" * len(WRITES))
    for phase in PHASES:
        c = counts.get(phase, {})
        print("| %s | %s |" % (phase, " | ".join(str(c.get(w, 0)) for w in WRITES)))
    print("\nEvery request of the plans, by method (Connect: one per provider process), last repetition:\n")
    print("| phase | requests |")
    print("|---|---|")
    for phase in ("plan (no changes)", "plan -refresh-only"):
        c = counts.get(phase, {})
        print("| %s | %s |" % (phase, ", ".join("%s %d" % kv for kv in sorted(c.items())) or "-"))


def main(setup, run, log_counts):
    sizes = [int(s) for s in os.environ.get("BENCH_TENANTS", "50").split()]
    reps = int(os.environ.get("BENCH_TENANT_REPS", "1"))
    data, counts = {}, {}
    for rep in range(reps):
        order = VARIANTS[rep % 2:] + VARIANTS[:rep % 2]
        for n in sizes:
            for v in order:
                res, c = lifecycle(v, n, setup, run, log_counts)
                for phase, r in res.items():
                    data.setdefault((v, n, phase), []).append(r)
                if v == "milvus":
                    counts[n] = c
                print("  rep %d tenants=%d %-6s %s" % (rep + 1, n, v, " ".join("%.1fs" % res[p].wall for p in PHASES)),
                      flush=True)
    for n in sizes:
        report(n, data, counts[n])
    return data
