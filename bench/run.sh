#!/usr/bin/env bash
# Runs the benchmarks and prints their figures (quoted in the README).
#   bench/run.sh [cold|warm|throughput|aggregation|all] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
runs="${2:-11}"
./mvnw -q -B -DskipTests install
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $("$JAVA" -version 2>&1 | head -1)"
if [[ "$what" == cold || "$what" == all ]]; then
  # the flags template.yaml sets through JAVA_TOOL_OPTIONS
  "$JAVA" -cp "$CP" org.integramonitor.bench.ColdStartBenchmark "$runs" \
    functions/submissions/target/submissions-function-lambda.jar bench/target/classes \
    bench/src/main/resources/cold-start-event.json -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Xshare:auto
fi
if [[ "$what" == warm || "$what" == all ]]; then
  "$JAVA" -cp "$CP" org.integramonitor.bench.WarmOverheadBenchmark 20000 ${WARM_STOCK:+stock}
fi
if [[ "$what" == aggregation || "$what" == all ]]; then
  "$JAVA" -Xmx512m -cp "$CP" org.integramonitor.bench.AggregationBenchmark "${AGGREGATION_SUBMISSIONS:-1000000}"
fi
if [[ "$what" == throughput || "$what" == all ]]; then
  "$JAVA" -Dhttp.maxConnections=128 -cp "$CP" org.integramonitor.bench.ThroughputBenchmark 16 32 64
fi
