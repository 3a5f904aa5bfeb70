#!/usr/bin/env bash
# The intake benchmark: durable, sealed submissions per second against nginx answering the same
# POST with a bare `return 303`, measured in one run so that the ratio survives a noisy machine.
#   wrk -t2 -c64 -d10s against nginx, then against inbox-server (rate limit off), then the
#   server again at -c8 for latency. Each POST carries a ~1 KB form with an address.
# Usage: bench/intake.sh [SECONDS]   (installs wrk and nginx from Debian when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10}"

missing=()
for tool in wrk nginx; do command -v "$tool" >/dev/null || [[ -x /usr/sbin/$tool ]] || missing+=("$tool"); done
if ((${#missing[@]})); then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

swift build -c release --product inbox >/dev/null 2>&1
swift build -c release --product inbox-server >/dev/null 2>&1
bin="$(swift build -c release --show-bin-path)"
work="$(mktemp -d)"
cleanup() {
    [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

printf '%s\n' 'benchmark passphrase only' >"$work/passphrase" && chmod 600 "$work/passphrase"
"$bin/inbox" keys init --data-dir "$work/data" --passphrase-file "$work/passphrase" --policy policy/default.toml >/dev/null
"$bin/inbox-server" --data-dir "$work/data" --policy policy/default.toml --port 18480 --admin-port 18481 --rate-limit off \
    >"$work/server.log" 2>&1 &
server_pid=$!

cat >"$work/nginx.conf" <<NGINX
daemon on;
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/body;
    server {
        listen 127.0.0.1:18482;
        location / { return 303 /thanks; }
    }
}
NGINX
"$nginx_bin" -p "$work" -c "$work/nginx.conf"

for _ in $(seq 1 600); do
    curl -fs http://127.0.0.1:18481/healthz >/dev/null 2>&1 && curl -fs -o /dev/null http://127.0.0.1:18482/ 2>/dev/null -X GET -w '' && break
    sleep 0.1
done

run() { wrk -t2 -c"$2" -d"${duration}s" -s bench/post-form.lua "$1" | awk '/^RESULT/ { print $2, $3, $4, $5, $6 }'; }
read -r nginx_rps nginx_p50 nginx_p99 nginx_errors _ < <(run http://127.0.0.1:18482/ 64)
read -r server_rps server_p50 server_p99 server_errors server_requests < <(run http://127.0.0.1:18480/ 64)
read -r low_rps low_p50 low_p99 low_errors _ < <(run http://127.0.0.1:18480/ 8)
stored=$("$bin/inbox" list --status all --json --data-dir "$work/data" --policy policy/default.toml | grep -c '"reference"')

printf '%-28s %10s %9s %9s %7s\n' target req/s p50_ms p99_ms errors
printf '%-28s %10s %9s %9s %7s\n' "nginx return 303, c64" "$nginx_rps" "$nginx_p50" "$nginx_p99" "$nginx_errors"
printf '%-28s %10s %9s %9s %7s\n' "inbox-server, c64" "$server_rps" "$server_p50" "$server_p99" "$server_errors"
printf '%-28s %10s %9s %9s %7s\n' "inbox-server, c8" "$low_rps" "$low_p50" "$low_p99" "$low_errors"
awk -v s="$server_rps" -v n="$nginx_rps" 'BEGIN { printf "ratio inbox-server / nginx at c64: %.3f (target 0.06, aim 0.08)\n", s / n }'
echo "records stored: $stored"
grep -E 'inbox_commit_batch_size_(sum|count)' <(curl -fs http://127.0.0.1:18481/metrics) |
    awk '{ v[$1] = $2 } END { printf "mean group-commit batch: %.1f submissions\n", v["inbox_commit_batch_size_sum"] / v["inbox_commit_batch_size_count"] }'
