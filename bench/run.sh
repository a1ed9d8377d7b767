#!/usr/bin/env bash
# Runs the benchmark with the default settings (conf/bench.properties) and enough driver memory for
# the default cases (n up to 1e6). Extra arguments are passed on, e.g.
#   bench/run.sh --cases G1,S1 --runs 5
#   BENCH_DRIVER_MEMORY=16g bench/run.sh --scale.large true        # adds n = 5e6
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./submit.sh --driver-memory "${BENCH_DRIVER_MEMORY:-8g}" bench --config conf/bench.properties "$@"
