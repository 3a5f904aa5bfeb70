#!/usr/bin/env bash
# Two builds of the intake server, measured against each other: each directory holds an `inbox` and
# an `inbox-server` (copy them out of .build/release after `swift build -c release`, once per
# change). Rounds alternate A and B, each on a fresh SQLite inbox under wrk at 64 connections with
# bench/post-form.lua, and print the server's CPU time per acknowledged submission (user + system
# from /proc/PID/stat over the run's middle seconds, divided by the submissions its /metrics counted
# in them), its requests per second, and the bytes it wrote per submission (/proc/PID/io); then
# the medians, also as multiples of four X25519 operations timed by `openssl speed` in the same
# run. Alternating is what makes a difference of a few per cent visible on a shared machine.
# Usage: bench/compare.sh DIR_A DIR_B [ROUNDS] [SECONDS]   (installs wrk from Debian when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
a=$(realpath "$1")
b=$(realpath "$2")
rounds="${3:-3}"
duration="${4:-8}"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }

# shellcheck source=bench/sqlite-node.sh
source bench/sqlite-node.sh
written() { awk '/^wchar/ { print $2 }' "/proc/$1/io"; }

# One round of one build: prints "CPU_US REQUESTS_PER_SECOND BYTES_WRITTEN_PER_SUBMISSION".
round() {
    start_sqlite_node "$1" 18680 18681
    wrk -t1 -c64 -d"$((duration + 2))s" -s bench/post-form.lua http://127.0.0.1:18680/ >"$work/wrk.txt" &
    local load=$!
    sleep 1  # the load's ramp-up, not a wait for anything the script then reads
    local before cpu_before bytes_before
    before=$(submissions 18681)
    cpu_before=$(cpu_ticks "$server")
    bytes_before=$(written "$server")
    sleep "$duration"  # the measured span itself
    local cpu=$(($(cpu_ticks "$server") - cpu_before))
    local bytes=$(($(written "$server") - bytes_before))
    local count=$(($(submissions 18681) - before))
    wait "$load"
    stop_sqlite_node
    awk -v cpu="$cpu" -v ticks="$(getconf CLK_TCK)" -v n="$count" -v bytes="$bytes" '/^RESULT/ {
        printf "%.0f %.0f %.0f\n", cpu / ticks * 1e6 / n, $2, bytes / n
    }' "$work/wrk.txt"
}

x25519_us=$(x25519_microseconds)
printf '%-6s %-5s %12s %10s %14s\n' build round cpu_us req/s bytes_written
for index in $(seq 1 "$rounds"); do
    read -r cpu rps bytes < <(round "$a")
    printf '%-6s %-5s %12s %10s %14s\n' A "$index" "$cpu" "$rps" "$bytes"
    echo "A $cpu $rps" >>"$work/results"
    read -r cpu rps bytes < <(round "$b")
    printf '%-6s %-5s %12s %10s %14s\n' B "$index" "$cpu" "$rps" "$bytes"
    echo "B $cpu $rps" >>"$work/results"
done
for build in A B; do
    median_cpu=$(awk -v b="$build" '$1 == b { print $2 }' "$work/results" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    median_rps=$(awk -v b="$build" '$1 == b { print $3 }' "$work/results" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    awk -v b="$build" -v cpu="$median_cpu" -v rps="$median_rps" -v x="$x25519_us" 'BEGIN {
        printf "median %s: %.0f us per submission = %.2f x four X25519 (%.2f us each), %.0f req/s\n", b, cpu, cpu / (4 * x), x, rps
    }'
done
