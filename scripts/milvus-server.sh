#!/usr/bin/env bash
# Copyright (c) The terraform-provider-milvus authors
# SPDX-License-Identifier: MPL-2.0

# Runs a real Milvus standalone server (the PyPI package "milvus", embedded
# Milvus 2.3) on loopback for the acceptance tests, the quick start and the
# benchmark.
#
#   scripts/milvus-server.sh install   # project-local venv with the server
#   scripts/milvus-server.sh start     # start with authorization on; prints the env file
#   scripts/milvus-server.sh kill      # SIGKILL the server, keep its data (a crash)
#   scripts/milvus-server.sh restart   # start again on the same data and ports
#   scripts/milvus-server.sh stop      # stop it and delete its data
#   scripts/milvus-server.sh status
#
# MILVUS_TEST_INSTANCE names a server to run beside the others (default
# "main", whose settings are printed as MILVUS_ADDRESS, ...; another
# instance's as MILVUS_TEST_<INSTANCE>_ADDRESS; MILVUS_TEST_KIND=main or
# defaults gives another instance those names), and MILVUS_TEST_TLS_MODE=1
# (server TLS) or 2 (mutual TLS) turns TLS on with a private CA made for it;
# its settings are printed as MILVUS_TEST_TLS_* (the server certificate names
# milvus.test, localhost and 127.0.0.1).
#
# The server's settings are those of a service in docker-compose.yml, which
# CI runs as containers: "milvus-defaults" for the kind "defaults",
# "milvus" for the others. On top of them, through Milvus's environment
# overrides:
#   MILVUS_TEST_SUPERUSERS  common.security.superUsers
#   MILVUS_TEST_MAX_ROLES   proxy.maxRoleNum
#   MILVUS_TEST_MAX_USERS   proxy.maxUserNum
#   MILVUS_TEST_ACCESS_LOG  a file for Milvus's access log (default: none)
#
# The server listens on 127.0.0.1:$MILVUS_TEST_PORT (default: a free port),
# with common.security.authorizationEnabled=true. Every internal port is
# chosen free and given to it explicitly, so servers started side by side do
# not race for Milvus's default ports; should one still lose a race and die
# while starting, or find its proxy port taken (the package then moves the
# proxy elsewhere without a word), it is started again on other ports.
# "ready" is said only after logging in as root on the printed address (MILVUS_LOGIN_TIMEOUT,
# default 60s; MILVUS_START_ATTEMPTS, default 3). Its data lives in a
# temporary directory until stop.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
venv=${MILVUS_VENV:-$repo/.venv}
instance=${MILVUS_TEST_INSTANCE:-main}
state=$repo/.milvus-test/$instance
tls_mode=${MILVUS_TEST_TLS_MODE:-0}
milvus_package=${MILVUS_PYPI_VERSION:-milvus==2.3.5}
# The kind of server: "main" (its settings printed as MILVUS_ADDRESS, ...),
# "defaults" (Milvus's default limits), or any other name (a server beside
# the main one). It is the instance's name unless MILVUS_TEST_KIND says
# otherwise, so several servers of one kind can run side by side.
kind=${MILVUS_TEST_KIND:-$instance}
service=milvus
[ "$kind" = defaults ] && service=milvus-defaults
attempts=${MILVUS_START_ATTEMPTS:-3}

log() { printf 'milvus-server: %s\n' "$*" >&2; }

# with_lock CMD...: CMD under the repository's lock, so that servers
# started side by side install Milvus and build the tools once, not
# over each other.
with_lock() {
  mkdir -p "$repo/.cache"
  (
    flock 9
    "$@"
  ) 9>"$repo/.cache/milvus-server.lock"
}

install() { with_lock install_once; }

install_once() {
  if [ -x "$venv/bin/milvus-server" ] && "$venv/bin/pip" show milvus >/dev/null 2>&1; then
    return
  fi
  log "installing $milvus_package into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$milvus_package"
}

# free_ports N: N distinct ports nothing listens on now, from a random start.
free_ports() {
  python3 - "$1" <<'PY'
import random, socket, sys
want, found, port = int(sys.argv[1]), [], random.randint(20000, 40000)
while len(found) < want:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port)); found.append(port)
        except OSError:
            pass
    port += 1
print(" ".join(map(str, found)))
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

# configured_proxy_port DATA: the proxy port the package wrote into the
# server's configuration, empty until that is written whole (glog.conf is
# copied after it). Given a port that is taken, the package moves on to the
# next free one without a word.
configured_proxy_port() {
  [ -f "$1/configs/glog.conf" ] || return 0
  awk '/^[^ #]/ { in_proxy = ($0 ~ /^proxy:/) } in_proxy && /^  port:/ { print $2; exit }' "$1/configs/milvus.yaml"
}

# proxy_moved DATA: true, and says so, when the server is not on $proxy.
proxy_moved() {
  local configured; configured=$(configured_proxy_port "$1")
  [ -n "$configured" ] && [ "$configured" != "$proxy" ] || return 1
  log "port $proxy was taken when Milvus started (the package moved its proxy to $configured)"
}

running() { [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; }

# The login check and the settings reader, built once from this repository.
repo_tool() { with_lock build_tool "$1"; }

build_tool() {
  local bin=$repo/.cache/bin/$1
  if [ ! -x "$bin" ] || [ -n "$(find "$repo/internal/acctest" -newer "$bin" -name '*.go' 2>/dev/null)" ]; then
    (cd "$repo" && CGO_ENABLED=0 go build -o "$bin" "./internal/acctest/cmd/$1")
  fi
  echo "$bin"
}

# choose_ports: the proxy port (MILVUS_TEST_PORT or free) and every internal
# port, saved so that restart reuses them.
choose_ports() {
  local ports
  read -r -a ports <<<"$(free_ports 12)"
  cat >"$state/ports" <<PORTS
proxy=${MILVUS_TEST_PORT:-${ports[0]}}
proxy_internal=${ports[1]}
root_coord=${ports[2]}
query_coord=${ports[3]}
query_node=${ports[4]}
index_coord=${ports[5]}
index_node=${ports[6]}
data_coord=${ports[7]}
data_node=${ports[8]}
etcd=${ports[9]}
etcd_peer=${ports[10]}
PORTS
}

# launch: starts the server on the saved ports and data; returns non-zero
# when it dies while starting or does not take a login.
launch() {
  # shellcheck disable=SC1091
  . "$state/ports"
  local data tls_args=() login_args=()
  data=$(cat "$state/data")
  cat >"$state/etcd.yaml" <<ETCD
name: milvus-test
listen-client-urls: http://127.0.0.1:$etcd
advertise-client-urls: http://127.0.0.1:$etcd
listen-peer-urls: http://127.0.0.1:$etcd_peer
initial-advertise-peer-urls: http://127.0.0.1:$etcd_peer
initial-cluster: milvus-test=http://127.0.0.1:$etcd_peer
ETCD
  if [ "$tls_mode" != 0 ]; then
    tls_args=(--tls-mode "$tls_mode" --server-pem-path "$state/certs/server.pem"
      --server-key-path "$state/certs/server.key" --ca-pem-path "$state/certs/ca.pem")
    login_args=(-ca "$state/certs/ca.pem")
    [ "$tls_mode" = 2 ] && login_args+=(-cert "$state/certs/client.pem" -key "$state/certs/client.key")
  fi
  rm -f "$data/configs/glog.conf" # a restart's configuration is written again
  local overrides=(ETCD_CONFIG_PATH="$state/etcd.yaml")
  mapfile -t -O 1 overrides <"$state/overrides"
  log "starting Milvus $instance on 127.0.0.1:$proxy (data in $data, tlsMode $tls_mode)"
  # superUsers is commented out in the package's config template, so it is set
  # through Milvus's environment override of common.security.superUsers.
  env PYTHONUNBUFFERED=1 "${overrides[@]}" \
    setsid "$venv/bin/milvus-server" --data "$data" --proxy-port "$proxy" --proxy-internal-port "$proxy_internal" \
    --root-coord-port "$root_coord" --query-coord-port "$query_coord" --query-node-port "$query_node" \
    --index-coord-port "$index_coord" --index-node-port "$index_node" --data-coord-port "$data_coord" \
    --data-node-port "$data_node" --etcd-port "$etcd" \
    --authorization-enabled true "${tls_args[@]}" >"$state/server.log" 2>&1 </dev/null &
  echo $! >"$state/pid"
  echo "127.0.0.1:$proxy" >"$state/address"

  # milvus-server prints its banner once a /healthz answers OK, which may be
  # another server's; only a login on this server's address proves it is up.
  local deadline=$((SECONDS + ${MILVUS_START_TIMEOUT:-180}))
  until grep -q "Welcome to use Milvus" "$state/server.log" 2>/dev/null; do
    proxy_moved "$data" && return 1
    if ! running || grep -q "already stopped\|startd in" "$state/server.log"; then
      log "the server exited while starting; its output:"; tail -n 20 "$state/server.log" >&2
      tail -n 20 "$data/logs/milvus-stderr.log" >&2 2>/dev/null || true
      return 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      log "not ready after ${MILVUS_START_TIMEOUT:-180}s"; return 1
    fi
    sleep 1
  done
  proxy_moved "$data" && return 1
  local version
  if ! version=$("$(repo_tool milvus-login)" -address "127.0.0.1:$proxy" -timeout "${MILVUS_LOGIN_TIMEOUT:-60s}" "${login_args[@]}") || ! running; then
    log "no login as root at 127.0.0.1:$proxy"; tail -n 20 "$data/logs/milvus-stderr.log" >&2 2>/dev/null || true
    return 1
  fi
  echo "$version" >"$state/version"
}

write_env() {
  # shellcheck disable=SC1091
  . "$state/ports"
  local upper; upper=$(echo "$kind" | tr '[:lower:]-' '[:upper:]_')
  if [ "$tls_mode" = 0 ] && [ "$kind" != main ]; then
    # A server beside the main one: its settings under its own names.
    cat >"$state/env" <<ENV
MILVUS_TEST_${upper}_ADDRESS=127.0.0.1:$proxy
MILVUS_TEST_${upper}_INSTANCE=$instance
ENV
  elif [ "$tls_mode" = 0 ]; then
    cat >"$state/env" <<ENV
MILVUS_ADDRESS=127.0.0.1:$proxy
MILVUS_USERNAME=root
MILVUS_PASSWORD=Milvus
MILVUS_TEST_SUPERUSERS=$(sed -n 's/^COMMON_SECURITY_SUPERUSERS=//p' "$state/overrides" | tail -n 1)
ENV
  else
    cat >"$state/env" <<ENV
MILVUS_TEST_TLS_ADDRESS=127.0.0.1:$proxy
MILVUS_TEST_TLS_MODE=$tls_mode
MILVUS_TEST_TLS_CA_CERT=$state/certs/ca.pem
MILVUS_TEST_TLS_CLIENT_CERT=$state/certs/client.pem
MILVUS_TEST_TLS_CLIENT_KEY=$state/certs/client.key
ENV
  fi
}

start() {
  install
  if running; then
    log "already running ($(cat "$state/address"))"
    cat "$state/env"
    return
  fi
  mkdir -p "$state"
  [ "$tls_mode" != 0 ] && make_certs "$state/certs"
  # The server's settings, kept for restart.
  {
    "$(repo_tool milvus-settings)" -file "$repo/docker-compose.yml" -service "$service"
    [ -z "${MILVUS_TEST_SUPERUSERS:-}" ] || echo "COMMON_SECURITY_SUPERUSERS=$MILVUS_TEST_SUPERUSERS"
    [ -z "${MILVUS_TEST_MAX_ROLES:-}" ] || echo "PROXY_MAXROLENUM=$MILVUS_TEST_MAX_ROLES"
    [ -z "${MILVUS_TEST_MAX_USERS:-}" ] || echo "PROXY_MAXUSERNUM=$MILVUS_TEST_MAX_USERS"
    if [ -n "${MILVUS_TEST_ACCESS_LOG:-}" ]; then
      echo "PROXY_ACCESSLOG_ENABLE=true"
      echo "PROXY_ACCESSLOG_CACHESIZE=0"
      echo "PROXY_ACCESSLOG_FILENAME=$(basename "$MILVUS_TEST_ACCESS_LOG")"
      echo "PROXY_ACCESSLOG_LOCALPATH=$(dirname "$MILVUS_TEST_ACCESS_LOG")"
    fi
  } >"$state/overrides"
  echo "$tls_mode" >"$state/tls_mode"
  local attempt
  for attempt in $(seq 1 "$attempts"); do
    mktemp -d "${TMPDIR:-/tmp}/milvus-test.XXXXXX" >"$state/data"
    choose_ports
    if launch; then
      write_env
      log "ready: Milvus $(cat "$state/version") at $(cat "$state/address"), logged in as root"
      cat "$state/env"
      return
    fi
    log "attempt $attempt of $attempts failed; trying again on other ports"
    halt
    rm -rf "$(cat "$state/data")"
  done
  log "Milvus did not start"; exit 1
}

# halt stops the process group, keeping the data directory.
halt() {
  if [ -f "$state/pid" ]; then
    local pid; pid=$(cat "$state/pid")
    kill -"${1:-INT}" -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$state/pid"
  fi
}

kill_server() {
  halt KILL
  # The milvus binary may outlive the wrapper; wait until its port is free.
  # shellcheck disable=SC1091
  . "$state/ports"
  for _ in $(seq 1 60); do
    python3 -c "import socket,sys; s=socket.socket(); sys.exit(0 if s.connect_ex(('127.0.0.1', $proxy)) else 1)" && break
    sleep 0.5
  done
  log "killed $instance (data kept)"
}

restart() {
  [ -f "$state/data" ] && [ -f "$state/ports" ] || { log "nothing to restart"; exit 1; }
  tls_mode=$(cat "$state/tls_mode")
  running && kill_server
  for attempt in $(seq 1 "$attempts"); do
    if launch; then
      write_env
      log "ready again: Milvus $(cat "$state/version") at $(cat "$state/address"), same data"
      cat "$state/env"
      return
    fi
    log "restart attempt $attempt of $attempts failed"
    halt
  done
  exit 1
}

stop() {
  halt
  if [ -f "$state/data" ]; then
    rm -rf "$(cat "$state/data")"
    rm -f "$state/data"
  fi
  rm -rf "$state/env" "$state/address" "$state/certs" "$state/etcd.yaml" "$state/ports" "$state/version" "$state/overrides" "$state/tls_mode"
  log "stopped $instance"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  kill) kill_server ;;
  restart) restart ;;
  stop) stop ;;
  status) if running; then echo "running at $(cat "$state/address")"; else echo "stopped"; exit 1; fi ;;
  *) echo "usage: $0 install|start|kill|restart|stop|status" >&2; exit 2 ;;
esac
