# Shared by deploy/local/{run,stop,test} and the benchmarks. Makes this machine able to run the system without
# Docker: Java 17, PostgreSQL, Redis and nginx (the local ingress) from Debian's packages, started when they are not
# running.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="$ROOT/deploy/local/.run"
PG_HOST=127.0.0.1
PG_PORT=5432

log() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  log "Installing $* from Debian's packages"
  if [ -z "${APT_UPDATED:-}" ]; then
    as_root apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
  # waits for another apt-get on this machine instead of failing at once
  DEBIAN_FRONTEND=noninteractive as_root apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$@" >/dev/null
}

ensure_java() {
  if ! command -v java >/dev/null || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
    apt_install openjdk-17-jdk-headless
  fi
}

ensure_postgres() {
  if pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; then return; fi
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    apt_install postgresql postgresql-client
    local version
    version=$(ls /etc/postgresql | sort -V | tail -n1)
    # Local development only: trust connections from this machine, as the services' defaults expect.
    local hba="/etc/postgresql/$version/main/pg_hba.conf"
    as_root sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
    as_root sed -i -E 's/^(local\s+all\s+postgres\s+)\S+/\1trust/' "$hba"
  fi
  log "Starting PostgreSQL"
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n1)" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && return; sleep 1; done
  echo "PostgreSQL did not start on $PG_HOST:$PG_PORT" >&2
  exit 1
}

ensure_redis() {
  if redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then return; fi
  command -v redis-server >/dev/null || apt_install redis-server
  log "Starting Redis"
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/csc.log
  for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && return; sleep 0.5; done
  echo "Redis did not start on 127.0.0.1:6379" >&2
  exit 1
}

# The local ingress: Debian's nginx, run by deploy/local/run as the invoking user with its own pid, logs and temporary
# files under deploy/local/.run (never the system's nginx service, which the package leaves stopped here).
NGINX=/usr/sbin/nginx
ensure_nginx() {
  if [ ! -x "$NGINX" ]; then
    apt_install nginx
    # Where the package started its own service (systemd machines), it is not ours to leave listening on port 80.
    if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
      as_root systemctl disable --now nginx >/dev/null 2>&1 || true
    fi
  fi
}

ensure_database() {
  local db=$1
  if ! psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    log "Creating database $db"
    createdb -h "$PG_HOST" -p "$PG_PORT" -U postgres "$db"
  fi
}

ensure_wrk() {
  command -v wrk >/dev/null || apt_install wrk
}

# Waits for a server to answer HTTP at all (any status).
wait_for_http() {
  local name=$1 url=$2 seconds=${3:-60}
  for _ in $(seq 1 "$seconds"); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" 2>/dev/null)" != "000" ]; then return 0; fi
    sleep 1
  done
  echo "$name did not start at $url (see $RUN_DIR/$name.log)" >&2
  return 1
}

# Waits for a URL to answer 200; gives up at once when the process deploy/local/run started for it has ended.
# Whether a pid is a live process: a killed one that its parent has not reaped yet (a zombie) is not.
running() {
  local st
  st=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [ -n "$st" ] && [ "${st#Z}" = "$st" ]
}

# Waits until a service that was killed is really gone (a JVM takes a moment to exit after SIGKILL), so that starting
# it again does not find it "already running" while it dies. A service that is up and healthy is left alone.
wait_gone_or_healthy() { # name health-url
  local pidfile="$RUN_DIR/$1.pid"
  [ -f "$pidfile" ] || return 0
  for _ in $(seq 1 60); do
    running "$(cat "$pidfile")" || return 0
    curl -fsS -o /dev/null "$2" 2>/dev/null && return 0
    sleep 0.5
  done
}

wait_for() {
  local name=$1 url=$2 seconds=${3:-90} pidfile="$RUN_DIR/$1.pid"
  for _ in $(seq 1 "$seconds"); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    if [ -f "$pidfile" ] && ! running "$(cat "$pidfile")"; then
      echo "$name stopped while starting; the end of $RUN_DIR/$name.log:" >&2
      grep -E 'ERROR|Caused by' "$RUN_DIR/$name.log" | tail -n 5 >&2 || true
      return 1
    fi
    sleep 1
  done
  echo "$name did not become healthy at $url (see $RUN_DIR/$name.log)" >&2
  return 1
}

# Reads Maven's output on stdin and prints one line per module as it starts (with the time since the build began),
# the result, and the first errors; the full output goes to the file named by $1. A build of the whole tree takes
# minutes on a small machine: this keeps it from looking stuck.
summarise_build() {
  local logfile="$1" start=$SECONDS line
  : >"$logfile"
  while IFS= read -r line; do
    printf '%s\n' "$line" >>"$logfile"
    case "$line" in
      "[INFO] Building "*" ["*"]")
        line="${line#\[INFO\] Building }"
        printf '    %-60s %4ss\n' "$line" "$((SECONDS - start))" >&2 ;;
      *"BUILD SUCCESS"* | *"BUILD FAILURE"*)
        printf '    %s after %ss\n' "${line#\[INFO\] }" "$((SECONDS - start))" >&2 ;;
    esac
  done
}

# ./mvnw with progress (see summarise_build); on failure shows the first errors and where the whole log is.
mvn_with_progress() {
  local logfile="$RUN_DIR/build.log" status ticker
  mkdir -p "$RUN_DIR"
  log "Building: ./mvnw $* (full output in ${logfile#"$ROOT"/})"
  # A heartbeat while one module takes long (tests, Quarkus augmentation).
  (while sleep 30; do printf '    ... still building\n' >&2; done) &
  ticker=$!
  set +e
  ./mvnw -B -ntp "$@" 2>&1 | summarise_build "$logfile"
  status=${PIPESTATUS[0]}
  set -e
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  if [ "$status" -ne 0 ]; then
    grep -E '^\[ERROR\]' "$logfile" | head -20 >&2
    log "Build failed: see ${logfile#"$ROOT"/}"
    return "$status"
  fi
}
