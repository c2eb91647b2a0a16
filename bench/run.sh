#!/usr/bin/env bash
# Runs the benchmarks and prints their figures (bench/README.md keeps the logs, the README a summary).
#   bench/run.sh [cold|warm|throughput|aggregation|all] [runs]
# Environment: COLD_WARM_EVENTS (events after the first per JVM for the API functions, default 150),
# COLD_AGGREGATION_WARM_EVENTS (for aggregation, default 20), COLD_FUNCTIONS (logical ids, default all),
# WARM_STOCK=1 (adds the stock micronaut-aws comparison to warm: minutes), AGGREGATION_SUBMISSIONS ("100000 1000000": history sizes).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
runs="${2:-11}"
# the function jars and the benchmark's class path (bench/target/classpath.txt); nothing is installed
./mvnw -q -B -DskipTests package -pl bench -am
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $("$JAVA" -version 2>&1 | head -1); $(date -u '+%Y-%m-%d %H:%M UTC')"
if [[ "$what" == cold || "$what" == all ]]; then
  # every function of template.yaml under AWS's runtime interface client, each JVM fresh; prints the jar sizes
  # shellcheck disable=SC2086
  "$JAVA" -cp "$CP" org.integramonitor.bench.ColdStartBenchmark "$runs" "${COLD_WARM_EVENTS:-150}" \
    "${COLD_AGGREGATION_WARM_EVENTS:-20}" ${COLD_FUNCTIONS:-}
fi
if [[ "$what" == warm || "$what" == all ]]; then
  # the handlers' JSON log lines (one per call, part of the work measured) are written, then left out of the output
  "$JAVA" -cp "$CP" org.integramonitor.bench.WarmOverheadBenchmark 20000 ${WARM_STOCK:+stock} | { grep -v '^{"timestamp"' || true; }
fi
if [[ "$what" == aggregation || "$what" == all ]]; then
  # one or more history sizes; the refresh ratio needs two (the default)
  # shellcheck disable=SC2086
  "$JAVA" -Xmx512m -cp "$CP" org.integramonitor.bench.AggregationBenchmark ${AGGREGATION_SUBMISSIONS:-100000 1000000}
fi
if [[ "$what" == throughput || "$what" == all ]]; then
  "$JAVA" -Dhttp.maxConnections=128 -cp "$CP" org.integramonitor.bench.ThroughputBenchmark 16 32 64
fi
