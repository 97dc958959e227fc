#!/usr/bin/env bash
# JMH benchmark of the clustering core on synthetic news: articles/s on one thread as the number of active articles
# grows, and heap per active article (printed at setup). Extra arguments go to JMH (e.g. -p active=10000,1000000).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl cluster-core -am test-compile -DskipTests
./mvnw -B -q -pl cluster-core dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="cluster-core/target/test-classes:cluster-core/target/classes:$(cat cluster-core/target/bench.classpath)"
exec java -cp "$cp" org.openjdk.jmh.Main 'dev.storyline.cluster.bench.ClusteringBenchmark' "$@"
