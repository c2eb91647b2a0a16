#!/usr/bin/env bash
# Web performance benchmark in one command: builds the web pages when needed, starts the local system in memory
# on free ports, publishes one snapshot (so the dashboard has data), runs bench/web/run.mjs against it under the
# mobile profile (then Lighthouse), and stops the system. Method and results: bench/README.md.
#   bench/web/run.sh [options of run.mjs: --runs 5 --lighthouse-runs 3 --chart-timeout 15000 --skip-lighthouse]
# Needs what infra/run-local.sh needs (a JDK 17+, Node.js 20+ with npm) and Chromium (/usr/bin/chromium or
# CHROME_PATH). Maven options (e.g. another local repository) go in MAVEN_ARGS, which Maven 3.9 reads.
set -euo pipefail
cd "$(dirname "$0")/../.."

need_npm_ci() { [ ! -f "$1/node_modules/.package-lock.json" ] || [ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]; }

# the pages as they are built for production (web/dist), rebuilt when missing or older than their sources
if [ ! -f web/dist/index.html ] || [ -n "$(find web/src web/index.html web/dashboard web/public web/vite.config.ts \
    web/package-lock.json -newer web/dist/index.html -print -quit)" ]; then
  if need_npm_ci web; then
    echo "bench/web: installing the web pages' dependencies (npm ci) ..." >&2
    npm --prefix web ci --no-audit --no-fund --loglevel=error >&2
  fi
  echo "bench/web: building the web pages (npm run build) ..." >&2
  npm --prefix web run --silent build >/dev/null
fi
# the benchmark's own dependencies (Lighthouse, playwright-core): kept out of web/ and of the test command
if need_npm_ci bench/web; then
  echo "bench/web: installing the benchmark's dependencies (npm ci in bench/web) ..." >&2
  npm --prefix bench/web ci --no-audit --no-fund --loglevel=error >&2
fi

# the local system, as infra/run-local.sh starts it, in memory on free ports
echo "bench/web: building and starting the local system ..." >&2
./mvnw -q -B -DskipTests install -pl infra/local -am
log="$(mktemp -t integra-bench-web.XXXXXX)"
# with demo data (synthetic, labelled so), so that the dashboard's first view has figures and charts to draw
./mvnw -q -B -pl infra/local exec:java -Dlocal.args="--in-memory --port 0 --dynamodb-port 0 --s3-port 0 --demo-data ${DEMO_DATA:-2000}" >"$log" 2>&1 &
system=$!
stop() {
  kill "$system" 2>/dev/null || true
  wait "$system" 2>/dev/null || true
  rm -f "$log"
}
trap stop EXIT

# ready when the banner is printed; its "survey form" line gives the address (missing when web/dist is not there)
for _ in $(seq 1 480); do
  grep -q "Stop with Ctrl-C" "$log" && break
  if ! kill -0 "$system" 2>/dev/null; then
    echo "bench/web: the local system stopped before it was ready:" >&2
    tail -30 "$log" >&2
    exit 1
  fi
  sleep 1
done
url="$(sed -n 's#^ *survey form *\(http://[0-9.:]*\)/.*#\1#p' "$log" | head -1)"
if [ -z "$url" ]; then
  echo "bench/web: the local system gave no 'survey form' address (not ready after 240 s, or no web pages):" >&2
  grep -v '^{"timestamp"' "$log" | tail -30 >&2
  exit 1
fi
echo "bench/web: local system at $url with ${DEMO_DATA:-2000} synthetic submissions and their snapshot" >&2

node bench/web/run.mjs --url "$url" "$@"
