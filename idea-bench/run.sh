#!/bin/sh
# Builds idea-bench and runs the JMH suite with the options behind docs/benchmarks.md.
#
# Usage: idea-bench/run.sh [extra JMH options or a benchmark regex]
#   e.g. idea-bench/run.sh DsseBenchmark          (one class)
#        idea-bench/run.sh -prof gc               (add allocation figures)
#        MVN="mvn -o" idea-bench/run.sh           (build with an installed, offline Maven)
#
# Every benchmark runs single-threaded in one fork (-Xms1g -Xmx1g, set in @Fork), 3 x 2 s warmup and
# 5 x 2 s measurement; the whole suite takes about 5 minutes. Results also go to
# idea-bench/target/jmh-result.json. Run it on an otherwise idle machine (check `uptime`).
set -eu
cd "$(dirname "$0")/.."
${MVN:-./mvnw} -q -B -DskipTests package -pl idea-bench -am
exec java -jar idea-bench/target/idea-bench.jar \
    -wi 3 -w 2s -i 5 -r 2s -f 1 -t 1 -bm thrpt -tu s \
    -rf json -rff idea-bench/target/jmh-result.json \
    "$@"
