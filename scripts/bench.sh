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
# The season replay of `make bench-city` at a fiftieth of its city and two weeks of its season.
build/bin/hearth_city_bench --households 20000 --days 14
# The console's first page in Chromium, against the release binary's demo city, beside a page
# with no app from the same server (web/tests/browser/flows.mjs, firstPageInteractive).
HEARTH_BINARY=build/bin/hearth HEARTH_WEB_DIR=build/web \
  node web/tests/browser/run.mjs firstPageInteractive
