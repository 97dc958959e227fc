#!/usr/bin/env bash
# Runs a main class of the plain-Java clustering core (no Quarkus, no Kafka, no database), compiling first when
# the sources changed. Used by cluster-offline.sh and cluster-train.sh; CLUSTER_JAVA_OPTS adds JVM options.
#   cluster-core/run-core.sh <main class> [arguments...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
if [ ! -f "$here/target/offline.classpath" ] || [ -n "$(find "$here/src/main" -newer "$here/target/offline.classpath" -type f -print -quit)" ]; then
  (cd "$root" && ./mvnw -B -q -pl cluster-core -am compile -DskipTests \
    && ./mvnw -B -q -pl cluster-core dependency:build-classpath -Dmdep.outputFile=target/offline.classpath -Dmdep.includeScope=runtime) >&2
fi
main="$1"
shift
exec java ${CLUSTER_JAVA_OPTS:-} -cp "$here/target/classes:$(cat "$here/target/offline.classpath")" "$main" "$@"
