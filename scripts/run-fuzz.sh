#!/usr/bin/env bash
# Runs one libFuzzer target for a few seconds (a CTest test, see cmake/Fuzz.cmake):
#   run-fuzz.sh BINARY SECONDS CORPUS_DIR SEEDS_DIR
# A crash fails the test and leaves its input next to the corpus as crash-… for replay:
#   BINARY crash-…
set -euo pipefail
bin=$1 seconds=$2 corpus=$3 seeds=$4
mkdir -p "$corpus"
exec "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$corpus/../$(basename "$bin")-" "$corpus" "$seeds"
