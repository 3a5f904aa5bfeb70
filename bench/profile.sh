#!/usr/bin/env bash
# A flame graph of the intake server at work: the release build on SQLite, driven by wrk at 64
# connections with bench/post-form.lua (a ~1 KB form with an address), sampled by `perf record -g`
# for the run's middle seconds, folded and drawn by bench/flamegraph.py into one SVG. Also prints
# the server's CPU per acknowledged submission over the sampled seconds, in microseconds and as a
# multiple of four X25519 operations timed by `openssl speed` in the same run (bench/intake.sh).
# Usage: bench/profile.sh [SECONDS] [OUTPUT.svg]   (installs wrk and perf from Debian when missing)
#        INBOX_PROFILE_SAMPLING=off bench/profile.sh   (the CPU figure alone: sampling costs the
#        server some CPU of its own, so compare figures taken the same way)
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10}"
output="${2:-docs/flamegraphs/intake-sqlite-c64.svg}"

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v perf >/dev/null || missing+=(linux-perf)
if ((${#missing[@]})); then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; fi

swift build -c release --product inbox >/dev/null 2>&1
swift build -c release --product inbox-server >/dev/null 2>&1
bin="$(swift build -c release --show-bin-path)"
# shellcheck source=bench/sqlite-node.sh
source bench/sqlite-node.sh
start_sqlite_node "$bin" 18580 18581
x25519_us=$(x25519_microseconds)

# The load runs a second longer on each side than the sampling, so that only steady work is sampled.
wrk -t1 -c64 -d"$((duration + 2))s" -s bench/post-form.lua http://127.0.0.1:18580/ >"$work/wrk.txt" &
load=$!
sleep 1  # the load's ramp-up, not a wait for anything the script then reads
before=$(submissions 18581)
cpu_before=$(cpu_ticks "$server")
if [[ "${INBOX_PROFILE_SAMPLING:-on}" == off ]]; then
    sleep "$duration"  # the measured span itself
else
    perf record -q -F 499 -g -p "$server" -o "$work/perf.data" -- sleep "$duration" 2>/dev/null
fi
cpu=$(($(cpu_ticks "$server") - cpu_before))
acknowledged=$(($(submissions 18581) - before))
wait "$load"

if [[ -f "$work/perf.data" ]]; then
    mkdir -p "$(dirname "$output")"
    perf script -i "$work/perf.data" 2>/dev/null \
        | bench/flamegraph.py --title "inbox-server on SQLite, 64 connections, $(date -u +%Y-%m-%d)" >"$output"
    echo "flame graph: $output"
fi
awk -v cpu="$cpu" -v ticks="$(getconf CLK_TCK)" -v n="$acknowledged" -v x="$x25519_us" 'BEGIN {
    per = cpu / ticks * 1e6 / n
    printf "%d submissions sampled; CPU per submission %.0f us = %.2f x four X25519 (%.1f us each)\n", n, per, per / (4 * x), x
}'
