#!/usr/bin/env bash
# Offline mode: clusters a JSONL file in the clustering-dev format with the service's own core, without Kafka or a
# database, and writes {"id","cluster"} lines.
#   cluster-core/cluster-offline.sh input.jsonl [output.jsonl] [--score]
# --score also prints B-cubed and pairwise scores against the file's gold "story" field (read after clustering).
exec "$(dirname "$0")/run-core.sh" dev.storyline.cluster.offline.OfflineClustering "$@"
