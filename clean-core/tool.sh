#!/usr/bin/env bash
# The cleaner's developer tools; they print and write reports and assert nothing, so they are not tests.
#   clean-core/tool.sh WcxbReport [worst (10)]          WCXB dev scored by page type and by domain half, worst pages listed
#   clean-core/tool.sh ExtractionDebug <id prefix>|all  per-page reports on extraction-dev to clean-core/target/extract-debug/
#   clean-core/tool.sh ExtractionProfile                extraction-dev pages slowest against a bare Jsoup parse
#   clean-core/tool.sh PhaseProfile                     where extraction time goes, by phase
#   clean-core/tool.sh BlocksDump <wcxb id>...          the DOM stage's blocks for WCXB pages and what the line pass did
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,7p' "$0"; exit 2; }
case "$1" in
  PhaseProfile|BlocksDump) main="dev.storyline.clean.extract.$1" ;;
  *) main="dev.storyline.clean.tools.$1" ;;
esac
shift
./mvnw -B -q -o -pl clean-core -am test-compile -DskipTests 2>/dev/null || ./mvnw -B -q -pl clean-core -am test-compile -DskipTests
./mvnw -B -q -o -pl clean-core dependency:build-classpath -Dmdep.outputFile=target/tools.classpath -Dmdep.includeScope=test
exec java -cp "clean-core/target/test-classes:clean-core/target/classes:$(cat clean-core/target/tools.classpath)" \
  -Dstoryline.data.dir="${STORYLINE_DATA_DIR:-$(cd .. && pwd)/shared/data}" "$main" "$@"
