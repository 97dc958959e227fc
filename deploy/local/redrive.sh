#!/usr/bin/env bash
# Re-drives a dead-letter topic into its source topic once the cause is fixed:
#   deploy/local/redrive.sh articles.raw.dlq      (or articles.clean.dlq)
# Each record goes back once (consumer group storyline-redrive); processing is idempotent on the article id.
# Uses the Kafka client jars deploy/local/up.sh fetched into .local/lib; KAFKA_BOOTSTRAP_SERVERS overrides the broker.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
[ -d "$ROOT/.local/lib" ] || { echo "no Kafka jars in .local/lib: run deploy/local/up.sh first" >&2; exit 1; }
exec java -cp "$ROOT/.local/lib/*" "$ROOT/deploy/local/Redrive.java" "$1" "${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}"
