#!/usr/bin/env bash
# The intake benchmark: durable, sealed submissions per second, against nginx answering the same
# POST with a bare `return 303`, all measured in one run so that the ratios survive a noisy
# machine. Targets: nginx; one inbox-server on SQLite; one on PostgreSQL; two on one PostgreSQL
# (the same machine, so read the ratios, not the absolutes). Each at 64 and 8 connections (the two
# nodes share them); each POST carries a ~1 KB form with an address. For the servers: commits per
# second and submissions per commit, from their /metrics; the servers' own CPU time (user + system,
# from /proc/PID/stat over the measured run) per acknowledged submission, also as a multiple of
# four X25519 operations timed by `openssl speed` in the same run (the floor of a submission with
# an address: a ratio that holds across machines); and each server's peak RSS.
# Usage: bench/intake.sh [SECONDS]   (installs wrk, nginx and PostgreSQL from Debian when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10}"

missing=()
for tool in wrk nginx; do command -v "$tool" >/dev/null || [[ -x /usr/sbin/$tool ]] || missing+=("$tool"); done
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
if ((${#missing[@]})); then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]/nginx/nginx-light}"
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

swift build -c release --product inbox >/dev/null 2>&1
swift build -c release --product inbox-server >/dev/null 2>&1
bin="$(swift build -c release --show-bin-path)"
work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
    [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
    [[ -n "${INBOX_TEST_POSTGRES_DIR:-}" ]] && Tests/Support/throwaway-postgres.sh stop "$INBOX_TEST_POSTGRES_DIR"
    rm -rf "$work"
}
trap cleanup EXIT
printf '%s\n' 'benchmark passphrase only' >"$work/passphrase" && chmod 600 "$work/passphrase"
policy=(--policy policy/default.toml)

# SQLite: the embedded default.
"$bin/inbox" keys init --data-dir "$work/sqlite" --passphrase-file "$work/passphrase" "${policy[@]}" >/dev/null
"$bin/inbox-server" --data-dir "$work/sqlite" "${policy[@]}" --port 18480 --admin-port 18481 --rate-limit off >"$work/sqlite.log" 2>&1 &
pids+=($!)
sqlite_pid=$!

# PostgreSQL: a throwaway cluster (fsync on, as a real one), the schema made by `inbox keys init`,
# and two nodes sealing with the intake bundle; all connect as the cluster's administrator over its
# socket (the roles change what may be done, not what it costs).
eval "$(Tests/Support/throwaway-postgres.sh start)"
psql --no-psqlrc --quiet --host "$INBOX_TEST_POSTGRES_DIR" --port "$INBOX_TEST_POSTGRES_PORT" --username postgres \
    --command 'CREATE DATABASE inbox_bench' postgres
database=(--database "postgres://postgres@localhost:$INBOX_TEST_POSTGRES_PORT/inbox_bench?host=$INBOX_TEST_POSTGRES_DIR")
"$bin/inbox" keys init --data-dir "$work/postgres" --passphrase-file "$work/passphrase" "${policy[@]}" "${database[@]}" >/dev/null
"$bin/inbox" keys export-intake --data-dir "$work/postgres" --to "$work/bundle" "${policy[@]}" >/dev/null
for node in 0 1; do
    "$bin/inbox-server" --data-dir "$work/node$node" --key-dir "$work/bundle" "${policy[@]}" "${database[@]}" \
        --port $((18490 + 2 * node)) --admin-port $((18491 + 2 * node)) --rate-limit off >"$work/node$node.log" 2>&1 &
    pids+=($!)
    node_pids[node]=$!
done

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

for admin in 18481 18491 18493; do
    for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$admin/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
    curl -fs "http://127.0.0.1:$admin/healthz" >/dev/null || { cat "$work"/*.log >&2; exit 1; }
done

# One X25519 operation's CPU time, in microseconds, as OpenSSL measures it on this machine now.
x25519_us=$(openssl speed -seconds 2 ecdhx25519 2>/dev/null | awk '/X25519/ && $NF ~ /^[0-9.]+$/ { printf "%.2f", 1e6 / $NF }')
ticks=$(getconf CLK_TCK)

# The CPU time (user + system) processes have used so far, in clock ticks.
cpu_ticks() { local total=0 pid fields; for pid in "$@"; do read -r -a fields <"/proc/$pid/stat"; total=$((total + fields[13] + fields[14])); done; echo "$total"; }

# The group commits a node has made: count and submissions.
commits() { curl -fs "http://127.0.0.1:$1/metrics" | awk '/^inbox_commit_batch_size_count/ { c = $2 } /^inbox_commit_batch_size_sum/ { s = $2 } END { print c + 0, s + 0 }'; }

# wrk against each URL at once, the connections shared; prints req/s (summed), the worst p50 and
# p99, errors, and, for the given admin ports and server PIDs, commits per second, submissions per
# commit, and the servers' CPU microseconds per acknowledged submission.
measure() {
    local name=$1 connections=$2 urls=$3 admins=$4 servers=${5:-}
    local before=0 before_sum=0 after=0 after_sum=0 count sum
    local cpu_before=0
    # shellcheck disable=SC2086
    [[ -n "$servers" ]] && cpu_before=$(cpu_ticks $servers)
    for admin in $admins; do read -r count sum < <(commits "$admin"); before=$((before + count)); before_sum=$((before_sum + sum)); done
    local files=() index=0 loads=()
    local per=$((connections / $(wc -w <<<"$urls")))
    for url in $urls; do
        wrk -t1 -c"$per" -d"${duration}s" -s bench/post-form.lua "$url" >"$work/wrk-$index" &
        loads+=($!)
        files+=("$work/wrk-$index")
        index=$((index + 1))
    done
    wait "${loads[@]}"
    local cpu=0
    # shellcheck disable=SC2086
    [[ -n "$servers" ]] && cpu=$(($(cpu_ticks $servers) - cpu_before))
    for admin in $admins; do read -r count sum < <(commits "$admin"); after=$((after + count)); after_sum=$((after_sum + sum)); done
    awk -v name="$name" -v commits=$((after - before)) -v submissions=$((after_sum - before_sum)) -v seconds="$duration" \
        -v cpu="$cpu" -v ticks="$ticks" -v x25519="$x25519_us" '
        /^RESULT/ { rps += $2; if ($3 > p50) p50 = $3; if ($4 > p99) p99 = $4; errors += $5 }
        END {
            if (commits > 0) {
                per = cpu / ticks * 1e6 / submissions
                printf "%-30s %9.0f %8.2f %8.2f %6d %10.0f %8.1f %8.0f %8.2f\n", name, rps, p50, p99, errors, commits / seconds, submissions / commits, per, per / (4 * x25519)
            } else printf "%-30s %9.0f %8.2f %8.2f %6d %10s %8s %8s %8s\n", name, rps, p50, p99, errors, "-", "-", "-", "-"
        }' "${files[@]}"
}

echo "one X25519 operation (openssl speed, now): $x25519_us us; four: $(awk -v x="$x25519_us" 'BEGIN { printf "%.0f", 4 * x }') us"
printf '%-30s %9s %8s %8s %6s %10s %8s %8s %8s\n' target req/s p50_ms p99_ms errors commits/s per_commit cpu_us x4_x25519
results="$work/results"
{
    measure "nginx return 303, c64" 64 http://127.0.0.1:18482/ ""
    measure "SQLite, one node, c64" 64 http://127.0.0.1:18480/ 18481 "$sqlite_pid"
    measure "PostgreSQL, one node, c64" 64 http://127.0.0.1:18490/ 18491 "${node_pids[0]}"
    measure "PostgreSQL, two nodes, c64" 64 "http://127.0.0.1:18490/ http://127.0.0.1:18492/" "18491 18493" "${node_pids[*]}"
    measure "nginx return 303, c8" 8 http://127.0.0.1:18482/ ""
    measure "SQLite, one node, c8" 8 http://127.0.0.1:18480/ 18481 "$sqlite_pid"
    measure "PostgreSQL, one node, c8" 8 http://127.0.0.1:18490/ 18491 "${node_pids[0]}"
    measure "PostgreSQL, two nodes, c8" 8 "http://127.0.0.1:18490/ http://127.0.0.1:18492/" "18491 18493" "${node_pids[*]}"
} | tee "$results"
awk '
    /^nginx return 303, c64/ { nginx = $(NF-7) }
    /^(SQLite|PostgreSQL).*c64/ { line[++n] = $0; rps[n] = $(NF-7) }
    END { for (i = 1; i <= n; i++) { split(line[i], parts, " c64"); printf "ratio to nginx at c64: %-28s %.3f\n", parts[1], rps[i] / nginx } }
' "$results"
stored_sqlite=$("$bin/inbox" list --status all --json --data-dir "$work/sqlite" "${policy[@]}" | grep -c '"reference"' || true)
stored_postgres=$("$bin/inbox" list --status all --json --data-dir "$work/postgres" "${policy[@]}" "${database[@]}" | grep -c '"reference"' || true)
echo "records stored: SQLite $stored_sqlite, PostgreSQL $stored_postgres"
for pid in "$sqlite_pid" "${node_pids[@]}"; do
    awk -v pid="$pid" '/^VmHWM/ { printf "peak RSS of server %s: %.1f MB\n", pid, $2 / 1024 }' "/proc/$pid/status"
done
