#!/usr/bin/env bash
# The feed-polling benchmark: n feeds (1000) served on loopback, each answering 304 after its first poll, imported
# as OPML into the stack up.sh runs; reports the OPML import time and, per round (3), how long polling every feed
# took and the CPU time of ingest-service and PostgreSQL. The stack must let ingest fetch from loopback port 18998
# and poll at full speed, so start it as:
#   STORYLINE_FETCH_ALLOW=127.0.0.1:18998 STORYLINE_FETCH_PER_HOST_DELAY=0s STORYLINE_FETCH_PER_HOST_CONCURRENCY=8 \
#   STORYLINE_FEEDS_FETCH_THREADS=8 STORYLINE_FEEDS_CLAIM_BATCH=100 STORYLINE_FEEDS_POLL_EVERY=1s deploy/local/up.sh
#   deploy/local/feeds-bench.sh [n (1000)] [rounds (3)]
# With the defaults (1 s between requests to one host) 1,000 feeds on one host take about 1,000 s a round, by design.
# A benchmark, run by hand; no test asserts its timings.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
curl -fs http://127.0.0.1:8081/q/health/ready > /dev/null || { echo "the stack is not up: run deploy/local/up.sh (see above)" >&2; exit 1; }
exec java -cp "$ROOT/.local/lib/*" "$ROOT/deploy/local/FeedsBench.java" "$ROOT" 18998 "$@"
