#!/usr/bin/env bash
# Fuzzes every parser of untrusted input with libFuzzer (Tests/Fuzz/README.md), each for SECONDS
# (default 10), starting from the checked-in seed corpus. Exits non-zero when a target crashes,
# leaving the input as Tests/Fuzz/crashes/TARGET-crash-*; prints each target's executions.
#   Tests/Fuzz/run.sh            # what the test command runs
#   Tests/Fuzz/run.sh 600 policy # ten minutes on the policy parser
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(form-body negotiation policy config smtp-reply address terminal-text reference embedding)

# Its own build directory: -sanitize=fuzzer instruments every module, which the ordinary build
# must not be. FUZZING swaps the replay entry point for libFuzzer's driver.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if ! swift build --scratch-path .build-fuzz --product inbox-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING >"$work/build.log" 2>&1; then
    cat "$work/build.log"
    exit 1
fi
fuzzer="$(swift build --scratch-path .build-fuzz --show-bin-path)/inbox-fuzz"

mkdir -p Tests/Fuzz/crashes
status=0
printf '%-14s %12s %10s %s\n' target executions "per second" result
for target in "${targets[@]}"; do
    # A copy of the seeds: what the fuzzer learns in a run stays out of the repository.
    mkdir -p "$work/$target"
    cp Tests/Fuzz/corpus/"$target"/* "$work/$target/"
    log="$work/$target.log"
    if INBOX_FUZZ_TARGET="$target" "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=70000 \
        -print_final_stats=1 -artifact_prefix="Tests/Fuzz/crashes/$target-" "$work/$target" >"$log" 2>&1; then
        result=ok
    else
        result="CRASH (see $log, input in Tests/Fuzz/crashes/)"
        status=1
        cat "$log" | tail -30
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    printf '%-14s %12s %10s %s\n' "$target" "${runs:-?}" "${rate:-?}" "$result"
done
rmdir Tests/Fuzz/crashes 2>/dev/null || true
exit $status
