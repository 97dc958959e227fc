#!/usr/bin/env bash
# The load tool: against the stack deploy/local/up.sh runs, posts real articles from ../shared/data and measures,
# from stories.events, throughput from the first post to the last story, post-to-story latency percentiles, what the
# batch endpoint accepted per second, and every process's RSS (idle, and peak under the load).
#   deploy/local/load.sh burst-text [n (5000)]    plain-text articles through POST /api/articles/batch
#   deploy/local/load.sh burst-html [n (1500)]    WCXB dev HTML pages through the batch endpoint
#   deploy/local/load.sh steady [rate (50)] [seconds (120)]   single posts at a steady rate
#   deploy/local/load.sh single [n (200)]         one post at a time on an idle system
# These are benchmarks, run by hand or in a load run; no test asserts their timings.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DATA_DIR="${STORYLINE_DATA_DIR:-$ROOT/../shared/data}"
[ -d "$DATA_DIR/clustering-dev" ] || { echo "no evaluation data at $DATA_DIR (set STORYLINE_DATA_DIR)" >&2; exit 1; }
curl -fs http://127.0.0.1:8081/q/health/ready > /dev/null || { echo "the stack is not up: run deploy/local/up.sh" >&2; exit 1; }
exec java -Xmx3g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$ROOT/.local/lib/*" "$ROOT/deploy/local/LoadTool.java" "$ROOT" "$DATA_DIR" "$@"
