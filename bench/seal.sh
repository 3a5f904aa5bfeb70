#!/usr/bin/env bash
# The cost of sealing, primitive by primitive (release build). Usage: bench/seal.sh [ITERATIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product seal-benchmark >/dev/null 2>&1
"$(swift build -c release --show-bin-path)/seal-benchmark" "${1:-5000}"
