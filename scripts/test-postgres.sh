#!/usr/bin/env bash
# CTest fixture: one throwaway PostgreSQL 15 cluster on loopback for a whole test run.
#   test-postgres.sh start DIR   initdb + start; writes DIR/url
#   test-postgres.sh stop DIR    stops it and removes DIR
# As root the server runs as the `postgres` user (PostgreSQL refuses root).
set -euo pipefail
cmd=$1
dir=$2
bin=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
  start)
    [ -x "$bin/initdb" ] || { echo "PostgreSQL 15 is not installed: run scripts/install-deps.sh" >&2; exit 1; }
    if [ -f "$dir/url" ] && as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      exit 0  # already running
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
      || shuf -i 20000-60000 -n 1)
    as_pg "$bin/initdb" -D "$dir/data" -A trust -U hearth -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null
    echo "postgresql://hearth@127.0.0.1:$port" > "$dir/url.tmp"
    mv "$dir/url.tmp" "$dir/url"
    echo "test PostgreSQL on port $port ($dir)"
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
