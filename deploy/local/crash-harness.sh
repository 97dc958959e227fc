#!/usr/bin/env bash
# The crash-fault harness: against the stack deploy/local/up.sh runs, streams about 5,000 real articles from
# ../shared/data (GVC and ECB+ dev text, title-only items, WCXB dev HTML pages with their URLs, URL-like externalIds
# of 200+ characters), kill -9s ingest, clean, cluster and the Kafka broker in turn mid-stream, brings each back
# with up.sh, then proves every accepted article is CLUSTERED or REJECTED with a reason (rejected <= 0.5 %), none is
# in two stories or listed twice, and every dead letter is explained. Exits non-zero when any of that fails.
#   deploy/local/crash-harness.sh [articles (5000)] [--no-kill]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DATA_DIR="${STORYLINE_DATA_DIR:-$ROOT/../shared/data}"
[ -d "$DATA_DIR/clustering-dev" ] || { echo "no evaluation data at $DATA_DIR (set STORYLINE_DATA_DIR)" >&2; exit 1; }
curl -fs http://127.0.0.1:8081/q/health/ready > /dev/null || { echo "the stack is not up: run deploy/local/up.sh" >&2; exit 1; }
exec java -Xmx2g -cp "$ROOT/.local/lib/*" "$ROOT/deploy/local/CrashHarness.java" "$ROOT" "$DATA_DIR" "${1:-5000}" "${2:-}"
