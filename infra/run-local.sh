#!/usr/bin/env bash
# Starts the whole system locally: DynamoDB Local, an S3-compatible server, the API on
# http://127.0.0.1:8080, the survey form at / and the dashboard at /dashboard/. Needs a JDK 17+ (the Maven
# wrapper fetches everything else) and, for the web pages, Node.js 20+ with npm; without Node.js the API
# still starts and the banner says how to get the pages.
# Options: --in-memory, --data-dir DIR, --port PORT, --dynamodb-port PORT, --s3-port PORT (0: any free
# port), --endpoint URL (see --help).
set -euo pipefail
cd "$(dirname "$0")/.."

web_pages() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "run-local: Node.js is not installed: starting without the web pages (see the banner)." >&2
    return 0
  fi
  if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
    echo "run-local: Node.js $(node --version) is older than 20: starting without the web pages." >&2
    return 0
  fi
  # npm ci only when the dependencies changed (it empties node_modules first)
  if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    echo "run-local: installing the web pages' dependencies (npm ci) ..." >&2
    npm --prefix web ci --no-audit --no-fund --loglevel=error >&2
  fi
  echo "run-local: building the web pages (npm run build) ..." >&2
  npm --prefix web run --silent build >/dev/null || echo "run-local: the web build failed (above); starting without it." >&2
}

case " $* " in
  *" --help "*|*" -h "*) ;;
  *) web_pages ;;
esac
./mvnw -q -B -DskipTests install -pl infra/local -am
exec ./mvnw -q -B -pl infra/local exec:java -Dlocal.args="$*"
