#!/usr/bin/env bash
# The purge benchmark: seeds stores of 100,000 and 1,000,000 records and times one purge of each,
# in one run, so that the figures compare as ratios on a shared, noisy machine. Needs about 1 GB
# of scratch space (default: /tmp; or pass a directory).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product purge-benchmark
"$(swift build -c release --show-bin-path)/purge-benchmark" "${1:-/tmp}" policy/default.toml
