#!/usr/bin/env bash
# Starts the whole system locally: DynamoDB Local, an S3-compatible server, the API on
# http://127.0.0.1:8080. Needs only a JDK 17+; the Maven wrapper fetches everything else.
# Options: --in-memory, --data-dir DIR, --port PORT, --dynamodb-port PORT, --s3-port PORT (0: any free
# port), --endpoint URL (see --help).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install -pl infra/local -am
exec ./mvnw -q -B -pl infra/local exec:java -Dlocal.args="$*"
