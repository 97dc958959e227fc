#!/usr/bin/env bash
# JMH benchmark of the extractor against a plain Jsoup parse + text() on the dev pages, one thread,
# with allocation per page (-prof gc). Extra arguments go to JMH (e.g. -f 1 -wi 1 -i 3).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl clean-core -am test-compile -DskipTests
./mvnw -B -q -pl clean-core dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="clean-core/target/test-classes:clean-core/target/classes:$(cat clean-core/target/bench.classpath)"
exec java -cp "$cp" -Dstoryline.data.dir="${STORYLINE_DATA_DIR:-$(cd .. && pwd)/shared/data}" \
  org.openjdk.jmh.Main 'dev.storyline.clean.bench.ExtractionBenchmark' -prof gc "$@"
