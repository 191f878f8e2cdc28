#!/usr/bin/env bash
# Runs a real Milvus standalone server (the PyPI package "milvus", embedded
# Milvus 2.3) on loopback for the acceptance tests and the quick start.
#
#   scripts/milvus-server.sh install   # project-local venv with the server
#   scripts/milvus-server.sh start     # start with authorization on; prints the env file
#   scripts/milvus-server.sh stop      # stop it and delete its data
#   scripts/milvus-server.sh status
#
# MILVUS_TEST_INSTANCE names a second server to run beside the first, and
# MILVUS_TEST_TLS_MODE=1 (server TLS) or 2 (mutual TLS) turns TLS on with a
# private CA made for it; its settings are printed as MILVUS_TEST_TLS_* (the
# server certificate names milvus.test, localhost and 127.0.0.1).
#
# The server listens on 127.0.0.1:$MILVUS_TEST_PORT (default: a free port from
# 19540), with common.security.authorizationEnabled=true and
# common.security.superUsers=root. Its data lives in a temporary directory.
# Connection settings for tests are written to .milvus-test/env.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
venv=${MILVUS_VENV:-$repo/.venv}
instance=${MILVUS_TEST_INSTANCE:-main}
state=$repo/.milvus-test/$instance
tls_mode=${MILVUS_TEST_TLS_MODE:-0}
milvus_package=${MILVUS_PYPI_VERSION:-milvus==2.3.5}
super_users=${MILVUS_TEST_SUPERUSERS:-root}

log() { printf 'milvus-server: %s\n' "$*" >&2; }

install() {
  if [ -x "$venv/bin/milvus-server" ] && "$venv/bin/pip" show milvus >/dev/null 2>&1; then
    return
  fi
  log "installing $milvus_package into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$milvus_package"
}

free_port() {
  python3 - "$1" <<'PY'
import socket, sys
port = int(sys.argv[1])
while True:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port)); break
        except OSError:
            port += 1
print(port)
PY
}

# make_certs DIR: a throw-away CA, a server certificate for milvus.test,
# localhost and 127.0.0.1, and a client certificate, valid for two days.
make_certs() {
  local dir=$1
  mkdir -p "$dir"
  (
    cd "$dir"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj "/CN=tfacc test CA" 2>/dev/null
    for who in server client; do
      openssl req -newkey rsa:2048 -nodes -keyout "$who.key" -out "$who.csr" -subj "/CN=tfacc-$who" 2>/dev/null
    done
    printf 'subjectAltName=DNS:milvus.test,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >server.ext
    printf 'extendedKeyUsage=clientAuth\n' >client.ext
    for who in server client; do
      openssl x509 -req -in "$who.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -out "$who.pem" -days 2 \
        -extfile "$who.ext" 2>/dev/null
    done
  )
}

running() { [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; }

start() {
  install
  if running; then
    log "already running ($(cat "$state/address"))"
    cat "$state/env"
    return
  fi
  mkdir -p "$state"
  local port data etcd_client etcd_peer tls_args=()
  port=${MILVUS_TEST_PORT:-$(free_port 19540)}
  # The embedded etcd listens on 2379/2380 unless told otherwise; its own
  # ports let two test servers (or a real etcd) share the machine.
  etcd_client=$(free_port 23790)
  etcd_peer=$(free_port $((etcd_client + 1)))
  cat >"$state/etcd.yaml" <<ETCD
name: milvus-test
listen-client-urls: http://127.0.0.1:$etcd_client
advertise-client-urls: http://127.0.0.1:$etcd_client
listen-peer-urls: http://127.0.0.1:$etcd_peer
initial-advertise-peer-urls: http://127.0.0.1:$etcd_peer
initial-cluster: milvus-test=http://127.0.0.1:$etcd_peer
ETCD
  data=$(mktemp -d "${TMPDIR:-/tmp}/milvus-test.XXXXXX")
  echo "$data" >"$state/data"
  if [ "$tls_mode" != 0 ]; then
    make_certs "$state/certs"
    tls_args=(--tls-mode "$tls_mode" --server-pem-path "$state/certs/server.pem"
      --server-key-path "$state/certs/server.key" --ca-pem-path "$state/certs/ca.pem")
  fi
  log "starting Milvus $instance on 127.0.0.1:$port (data in $data, tlsMode $tls_mode)"
  # superUsers is commented out in the package's config template, so it is set
  # through Milvus's environment override of common.security.superUsers.
  PYTHONUNBUFFERED=1 COMMON_SECURITY_SUPERUSERS=$super_users ETCD_CONFIG_PATH=$state/etcd.yaml \
    setsid "$venv/bin/milvus-server" --data "$data" --proxy-port "$port" --etcd-port "$etcd_client" \
    --authorization-enabled true "${tls_args[@]}" >"$state/server.log" 2>&1 </dev/null &
  echo $! >"$state/pid"
  echo "127.0.0.1:$port" >"$state/address"

  # milvus-server prints its banner once /healthz answers OK.
  local deadline=$((SECONDS + ${MILVUS_START_TIMEOUT:-180}))
  until grep -q "Welcome to use Milvus" "$state/server.log" 2>/dev/null; do
    if ! running || grep -q "already stopped\|startd in" "$state/server.log"; then
      log "the server exited; its output:"; cat "$state/server.log" >&2
      tail -n 30 "$data/logs/milvus-stderr.log" >&2 2>/dev/null || true
      stop; exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      log "not ready after ${MILVUS_START_TIMEOUT:-180}s"; stop; exit 1
    fi
    sleep 1
  done
  if [ "$tls_mode" = 0 ]; then
    cat >"$state/env" <<ENV
MILVUS_ADDRESS=127.0.0.1:$port
MILVUS_USERNAME=root
MILVUS_PASSWORD=Milvus
MILVUS_SUPER_USER=true
ENV
  else
    cat >"$state/env" <<ENV
MILVUS_TEST_TLS_ADDRESS=127.0.0.1:$port
MILVUS_TEST_TLS_MODE=$tls_mode
MILVUS_TEST_TLS_CA_CERT=$state/certs/ca.pem
MILVUS_TEST_TLS_CLIENT_CERT=$state/certs/client.pem
MILVUS_TEST_TLS_CLIENT_KEY=$state/certs/client.key
ENV
  fi
  log "ready: $(grep -o 'Version:.*' "$state/server.log" | head -n1)"
  cat "$state/env"
}

stop() {
  if [ -f "$state/pid" ]; then
    local pid; pid=$(cat "$state/pid")
    # The wrapper stops the milvus binary on SIGINT; the group kill catches both.
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$state/pid"
  fi
  if [ -f "$state/data" ]; then
    rm -rf "$(cat "$state/data")"
    rm -f "$state/data"
  fi
  rm -rf "$state/env" "$state/address" "$state/certs" "$state/etcd.yaml"
  log "stopped $instance"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running at $(cat "$state/address")"; else echo "stopped"; exit 1; fi ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
