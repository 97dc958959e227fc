#!/usr/bin/env bash
# Fits the story model (src/main/resources/cluster/story-model.properties) on labelled JSONL files in the
# clustering-dev format, and prints how the clusterer then scores on each for a range of join thresholds.
#   cluster-service/cluster-train.sh [--holdout] [--out story-model.properties] a.jsonl b.jsonl ...
# --holdout fits on half of the stories and scores the other half.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
if [ ! -f "$here/target/offline.classpath" ] || [ -n "$(find "$here/src/main" -newer "$here/target/offline.classpath" -type f -print -quit)" ]; then
  (cd "$root" && ./mvnw -B -q -pl cluster-service -am compile -DskipTests \
    && ./mvnw -B -q -pl cluster-service dependency:build-classpath -Dmdep.outputFile=target/offline.classpath -Dmdep.includeScope=runtime) >&2
fi
exec java ${CLUSTER_JAVA_OPTS:-} -cp "$here/target/classes:$(cat "$here/target/offline.classpath")" dev.storyline.cluster.offline.ModelTrainer "$@"
