#!/usr/bin/env bash
# The clustering core's developer tools; they print and assert nothing, so they are not tests.
#   cluster-core/tool.sh ClusteringTuning "join-threshold=0.2,0.3;name-weight=1,2"   both dev sets for every combination
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,3p' "$0"; exit 2; }
main="dev.storyline.cluster.tools.$1"
shift
./mvnw -B -q -o -pl cluster-core -am test-compile -DskipTests 2>/dev/null || ./mvnw -B -q -pl cluster-core -am test-compile -DskipTests
./mvnw -B -q -o -pl cluster-core dependency:build-classpath -Dmdep.outputFile=target/tools.classpath -Dmdep.includeScope=test
exec java -cp "cluster-core/target/test-classes:cluster-core/target/classes:$(cat cluster-core/target/tools.classpath)" \
  -Dstoryline.data.dir="${STORYLINE_DATA_DIR:-$(cd .. && pwd)/shared/data}" "$main" "$@"
