#!/usr/bin/env bash
# A throw-away PostgreSQL server for tests and benchmarks (Debian's postgresql-N):
#
#   scripts/pg-server.sh start DIR   initdb (if needed) + start; prints and writes DIR/url
#   scripts/pg-server.sh stop DIR    stops it (fast shutdown) and removes DIR
#
# The server listens on 127.0.0.1 only, on a free port picked at start, with trust
# authentication for loopback, fsync off (test data only), its unix socket inside DIR
# (none when DIR's path is too long for a socket name) and its log in DIR/server.log.
# DIR/url holds postgresql://postgres@127.0.0.1:PORT/postgres.
# As root it runs the server as the `postgres` user (PostgreSQL refuses to run as root)
# and chowns DIR to it; otherwise it runs as the current user.
# `start` on a DIR whose server is running reuses it; a stopped or stale one is restarted.
# Never prompts (stdin is not read), so it works under CI=true without a terminal.
# PG_BINDIR overrides where initdb/pg_ctl are found (default: the newest
# /usr/lib/postgresql/*/bin, else initdb on PATH). PG_SERVER_OPTIONS adds server
# settings to a new start ("-c max_locks_per_transaction=1024"; bench/large_schema.sh).
set -euo pipefail
exec </dev/null

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}
[ $# -eq 2 ] || usage
action=$1
dir=$2

find_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then
    echo "$PG_BINDIR"
    return
  fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$newest" ] && [ -x "$newest/pg_ctl" ]; then
    echo "$newest"
    return
  fi
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(command -v pg_ctl)"
    return
  fi
  echo "pg-server.sh: no PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin and PATH);" \
       "install Debian's postgresql package (scripts/install-deps.sh) or set PG_BINDIR" >&2
  exit 1
}

# Runs a command as the server's user: `postgres` when we are root, else ourselves.
as_server_user() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  # A successful connect means something listens there.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pick_port() {
  local port tries=0
  while [ $tries -lt 50 ]; do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    if ! port_in_use "$port"; then
      echo "$port"
      return
    fi
    tries=$((tries + 1))
  done
  echo "pg-server.sh: found no free TCP port on 127.0.0.1 after 50 tries" >&2
  exit 1
}

# The postmaster of postmaster.pid is alive. A zombie counts as dead: where nothing
# reaps orphans (some containers' init), a killed postmaster stays a zombie and
# `pg_ctl status` (kill -0) would call it running forever.
is_running() {
  [ -f "$data/postmaster.pid" ] || return 1
  local pid
  pid=$(head -n 1 "$data/postmaster.pid")
  if [ -r "/proc/$pid/stat" ]; then
    [ "$(awk '{print $3}' "/proc/$pid/stat")" != Z ]
  elif [ -d /proc/self ]; then
    return 1
  else
    as_server_user "$bindir/pg_ctl" status -D "$data" >/dev/null 2>&1
  fi
}

write_url() {
  echo "postgresql://postgres@127.0.0.1:$1/postgres" >"$dir/url.tmp"
  mv "$dir/url.tmp" "$dir/url"
  cat "$dir/url"
}

start() {
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  data=$dir/data
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      echo "pg-server.sh: the postgres user cannot write $dir (a parent folder is not searchable by it);" \
           "use a DIR under a world-searchable path such as /tmp" >&2
      exit 1
    fi
  fi

  # A running server is reused as long as it still answers on the port in DIR/url.
  if is_running && [ -f "$dir/url" ]; then
    local port
    port=$(sed -E 's|.*:([0-9]+)/.*|\1|' "$dir/url")
    if as_server_user "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      cat "$dir/url"
      return
    fi
  fi
  if is_running; then
    as_server_user "$bindir/pg_ctl" stop -D "$data" -m fast -w -t 30 >/dev/null 2>&1 ||
      as_server_user "$bindir/pg_ctl" stop -D "$data" -m immediate -w -t 30 >/dev/null 2>&1 || true
  fi

  if [ ! -f "$data/PG_VERSION" ]; then
    rm -rf "$data"
    as_server_user "$bindir/initdb" -D "$data" -U postgres --auth=trust \
      --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
      cat "$dir/initdb.log" >&2
      echo "pg-server.sh: initdb failed (log above, also in $dir/initdb.log)" >&2
      exit 1
    }
  fi

  # Unix socket paths are limited to 107 bytes; without a socket, TCP still works.
  local sockets="$dir"
  [ ${#dir} -gt 90 ] && sockets=""

  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$(pick_port)
    if as_server_user "$bindir/pg_ctl" start -D "$data" -w -t 60 -l "$dir/server.log" -s \
         -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$sockets' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${PG_SERVER_OPTIONS:-}" \
         >/dev/null 2>&1; then
      write_url "$port"
      return
    fi
    # Most likely another process took the port between the check and the bind: retry.
    echo "pg-server.sh: start attempt $attempt on port $port failed, retrying" >&2
  done
  tail -n 20 "$dir/server.log" >&2 || true
  echo "pg-server.sh: could not start PostgreSQL (log above, full log in $dir/server.log)" >&2
  exit 1
}

stop() {
  [ -d "$dir" ] || return 0
  dir=$(cd "$dir" && pwd)
  data=$dir/data
  # Refuse to delete a folder this script did not make.
  if [ ! -f "$data/PG_VERSION" ] && [ ! -f "$dir/url" ] && [ -n "$(ls -A "$dir")" ]; then
    echo "pg-server.sh: $dir does not look like a pg-server.sh folder (no data/PG_VERSION or url); not removing it" >&2
    exit 1
  fi
  if is_running; then
    as_server_user "$bindir/pg_ctl" stop -D "$data" -m fast -w -t 60 >/dev/null
  fi
  rm -rf "$dir"
}

bindir=$(find_bindir)
case "$action" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
