#!/usr/bin/env bash
# Offline mode: clusters a JSONL file in the clustering-dev format with the service's own core, without Kafka or a
# database, and writes {"id","cluster"} lines.
#   cluster-service/cluster-offline.sh input.jsonl [output.jsonl] [--score]
# --score also prints B-cubed and pairwise scores against the file's gold "story" field (read after clustering).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
if [ ! -f "$here/target/offline.classpath" ] || [ -n "$(find "$here/src/main" -newer "$here/target/offline.classpath" -type f -print -quit)" ]; then
  (cd "$root" && ./mvnw -B -q -pl cluster-service -am compile -DskipTests \
    && ./mvnw -B -q -pl cluster-service dependency:build-classpath -Dmdep.outputFile=target/offline.classpath -Dmdep.includeScope=runtime) >&2
fi
exec java -cp "$here/target/classes:$(cat "$here/target/offline.classpath")" dev.storyline.cluster.offline.OfflineClustering "$@"
