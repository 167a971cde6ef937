#!/usr/bin/env bash
# HTTP figures of `make bench` (issue 4), measured with wrk against a real `hearth demo` server:
# GET of one household and GET of a page of 50 households, as the demo manager, at 64 and at
# 1,000 connections. The baseline is GET /healthz on the same server, in the same run, at the same
# connections: it costs no database work and no authentication, so the ratio shows what a record
# read costs on top of the HTTP stack. wrk and the server share this machine's cores.
set -euo pipefail
cd "$(dirname "$0")/.."
hearth=build/bin/hearth
seconds=${BENCH_HTTP_SECONDS:-10}
command -v wrk >/dev/null || { echo "bench-http: wrk is missing (scripts/install-deps.sh)" >&2; exit 1; }
ulimit -n "$(ulimit -Hn)"  # 1,000 connections need more than the usual 1,024 descriptors

dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$hearth" demo --db "$dir/bench.db" --listen "127.0.0.1:$port" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$dir"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 600); do
  curl -sf "$base/healthz" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  sleep 0.1
done

token=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"username":"demo-weihai-heat-manager","password":"hearth-demo-city"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
auth="Authorization: Bearer $token"
household=$(curl -sf -H "$auth" "$base/api/v1/households?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

# run NAME PATH CONNECTIONS: prints "requests/s p99-ms"
run() {
  local out
  out=$(wrk -t2 -c"$3" -d"${seconds}s" --latency -H "$auth" "$base$2")
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  local non2xx
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  if [ -n "$non2xx" ]; then echo "bench-http: $1 got $non2xx non-2xx answers" >&2; exit 1; fi
  echo "$rps $p99"
}
to_ms() {  # wrk prints 812.00us, 3.21ms or 1.02s
  awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f", v}' <<<"$1"
}

echo
echo "HTTP (wrk, ${seconds}s each, 2 threads; baseline GET /healthz on the same server)"
printf '%-28s %6s %12s %10s %14s %7s\n' benchmark conns "requests/s" "p99 ms" "baseline rq/s" ratio
for conns in 64 1000; do
  read -r base_rps base_p99 < <(run healthz /healthz "$conns")
  for spec in "household_get:/api/v1/households/$household" "household_page50:/api/v1/households?limit=50"; do
    name=${spec%%:*} path=${spec#*:}
    read -r rps p99 < <(run "$name" "$path" "$conns")
    ratio=$(awk -v a="$rps" -v b="$base_rps" 'BEGIN {printf "%.2f", a / b}')
    printf '%-28s %6d %12.0f %10s %14.0f %7s\n' "$name" "$conns" "$rps" "$(to_ms "$p99")" "$base_rps" "$ratio"
  done
  printf '%-28s %6d %12.0f %10s\n' "healthz (baseline)" "$conns" "$base_rps" "$(to_ms "$base_p99")"
done
