#!/usr/bin/env bash
# Copyright (c) The terraform-provider-milvus authors
# SPDX-License-Identifier: MPL-2.0

# make release-check: proves .goreleaser.yml makes what the Terraform and
# OpenTofu registries need, without publishing or signing anything.
#   1. goreleaser check, then a snapshot release of every platform in
#      .goreleaser.yml's targets (dist/);
#   2. each platform's zip holds exactly its binary, named as the registry
#      expects; SHA256SUMS lists every zip and the manifest with their true
#      hashes; the manifest file has the registry's name and our content;
#   3. the linux/amd64 zip, installed by the real CLI from a filesystem
#      mirror (as from a registry), serves the provider: the binary init
#      unpacks is the zip's, and an apply reads a real Milvus's users.
# --quick (make test): goreleaser check and one cross-compile per OS.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$repo"

goreleaser=$("$repo/scripts/go-tool.sh" goreleaser)
log() { printf '==> %s\n' "$*"; }
fail() { printf 'release-check: %s\n' "$*" >&2; exit 1; }

log "goreleaser check"
"$goreleaser" check

if [ "${1:-}" = --quick ]; then
  # The amd64 target of each operating system in .goreleaser.yml.
  for os in $(sed -n 's/^[[:space:]]*- \([a-z]*\)_amd64.*/\1/p' .goreleaser.yml); do
    log "cross-compile for $os/amd64"
    GOOS=$os GOARCH=amd64 CGO_ENABLED=0 go build -trimpath -o /dev/null .
  done
  exit 0
fi

log "goreleaser release --snapshot (every platform, signing skipped)"
started=$SECONDS
"$goreleaser" release --snapshot --clean --skip=sign
log "snapshot took $((SECONDS - started))s"

python3 - "$repo" <<'PY'
import hashlib, json, os, re, shutil, sys, zipfile

repo = sys.argv[1]
dist = os.path.join(repo, "dist")
meta = json.load(open(os.path.join(dist, "metadata.json")))
version, project = meta["version"], meta["project_name"]
cfg = open(os.path.join(repo, ".goreleaser.yml")).read()
targets = re.findall(r"^\s*- (linux|darwin|windows|freebsd)_([a-z0-9]+)", cfg, re.M)
problems = []
sums = {}
sums_name = f"{project}_{version}_SHA256SUMS"
for line in open(os.path.join(dist, sums_name)):
    digest, name = line.split()
    sums[name] = digest
def sha(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()

print(f"{'artifact':58} {'bytes':>10}")
for o, a in targets:
    name = f"{project}_{version}_{o}_{a}.zip"
    path = os.path.join(dist, name)
    if not os.path.exists(path):
        problems.append(f"missing {name}"); continue
    want = sorted([f"{project}_v{version}" + (".exe" if o == "windows" else ""), "LICENSE"])
    members = sorted(zipfile.ZipFile(path).namelist())
    if members != want:
        problems.append(f"{name} holds {members}, want {want}")
    if sums.get(name) != sha(path):
        problems.append(f"{name}: SHA256SUMS says {sums.get(name)}, the file is {sha(path)}")
    print(f"{name:58} {os.path.getsize(path):>10}")
# The manifest is uploaded by the release from terraform-registry-manifest.json
# under the registry's name; the sums list it under that name.
manifest = f"{project}_{version}_manifest.json"
source = os.path.join(repo, "terraform-registry-manifest.json")
if json.load(open(source)) != {"version": 1, "metadata": {"protocol_versions": ["6.0"]}}:
    problems.append("terraform-registry-manifest.json is not the protocol 6 manifest")
if sums.get(manifest) != sha(source):
    problems.append(f"SHA256SUMS does not list {manifest} with the hash of terraform-registry-manifest.json")
upload = re.search(r"^release:.*?extra_files:\s*- glob: (\S+)\s+name_template: \"(.*?)\"", cfg, re.S | re.M)
if not upload or upload.group(1) != "terraform-registry-manifest.json" or \
        upload.group(2) != "{{ .ProjectName }}_{{ .Version }}_manifest.json":
    problems.append("the release does not upload terraform-registry-manifest.json as <project>_<version>_manifest.json")
shutil.copyfile(source, os.path.join(dist, manifest))
print(f"{manifest:58} {os.path.getsize(source):>10}")
print(f"{sums_name:58} {os.path.getsize(os.path.join(dist, sums_name)):>10}")
extra = set(sums) - {f"{project}_{version}_{o}_{a}.zip" for o, a in targets} - {manifest}
if extra:
    problems.append(f"SHA256SUMS lists unexpected files: {sorted(extra)}")
if problems:
    print("\n".join("PROBLEM: " + p for p in problems)); sys.exit(1)
print(f"{len(targets)} platforms, manifest and SHA256SUMS: complete and consistent")
with open(os.path.join(dist, "release-check.env"), "w") as f:
    f.write(f"version={version}\nproject={project}\nsha={sums[f'{project}_{version}_linux_amd64.zip']}\n")
PY
# shellcheck disable=SC1091
. dist/release-check.env

log "the linux/amd64 zip, installed by the CLI from a filesystem mirror"
cli=$("$repo/scripts/terraform-cli.sh")
work=$(mktemp -d)
stop() { MILVUS_TEST_INSTANCE=release scripts/milvus-server.sh stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap stop EXIT
for host in registry.terraform.io registry.opentofu.org; do
  mkdir -p "$work/mirror/$host/$provider_source"
  cp "dist/${project}_${version}_linux_amd64.zip" "$work/mirror/$host/$provider_source/"
done
cat >"$work/cli.tfrc" <<CFG
provider_installation {
  filesystem_mirror {
    path    = "$work/mirror"
    include = ["registry.terraform.io/$provider_source", "registry.opentofu.org/$provider_source"]
  }
}
CFG
mkdir -p "$work/config"
cat >"$work/config/main.tf" <<TF
terraform {
  required_providers {
    milvus = { source = "$provider_source", version = "= $version" }
  }
}

data "milvus_users" "all" {}

output "users" {
  value = data.milvus_users.all.names
}
TF
MILVUS_TEST_INSTANCE=release scripts/milvus-server.sh start >"$work/milvus.env"
address=$(sed -n 's/^MILVUS_TEST_RELEASE_ADDRESS=//p' "$work/milvus.env")
export TF_CLI_CONFIG_FILE=$work/cli.tfrc TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
(
  cd "$work/config"
  "$cli" init -input=false -no-color >"$work/init.log" 2>&1 || { cat "$work/init.log"; exit 1; }
  installed=$(find .terraform/providers -name "${project}_v${version}" -type f)
  [ -n "$installed" ] || fail "the CLI installed no ${project}_v${version}"
  zipped=$(python3 -c 'import hashlib, sys, zipfile; print(hashlib.sha256(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2])).hexdigest())' \
    "$repo/dist/${project}_${version}_linux_amd64.zip" "${project}_v${version}")
  [ "$(sha256sum <"$installed" | cut -d' ' -f1)" = "$zipped" ] || fail "the installed binary is not the one in the zip"
  grep -q '"h1:' .terraform.lock.hcl || fail "the lock file records no hash"
  MILVUS_ADDRESS=$address MILVUS_USERNAME=root MILVUS_PASSWORD=Milvus \
    "$cli" apply -auto-approve -input=false -no-color >"$work/apply.log" 2>&1 || { cat "$work/apply.log"; exit 1; }
  grep -q '"root"' <("$cli" output -json users) || fail "the released binary did not list root"
  echo "$("$cli" version | head -n1): installed $provider_source $version from the zip (SHA256SUMS ${sha:0:16}...; the binary it unpacked is the zip's), listed the users of Milvus $(cat "$repo/.milvus-test/release/version")"
)
log "release-check passed; artifacts in dist/"
