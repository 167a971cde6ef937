#!/usr/bin/env bash
# `make bench`: runs every benchmark and prints each figure beside the baseline it was measured
# against in the same run. Results are recorded in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x build/bin/hearth_bench ]; then
  build/bin/hearth_bench "$@"
else
  echo "bench: no benchmarks built" >&2
  exit 1
fi
scripts/bench-http.sh
