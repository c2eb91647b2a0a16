#!/usr/bin/env bash
# The end-to-end tests of infra/local against moto's server (the AWS emulator LocalStack is built on), so
# that "endpoint-agnostic" is tested, not claimed. Needs moto (`moto_server`, Python package moto 5.x) and
# the `aws` CLI (v1 or v2) on PATH; no Docker. Steps: pick a free port, start moto on 127.0.0.1 in the
# background, wait until it answers, create the tables and the bucket with the LocalStack profile's init
# script (infra/localstack/init/10-resources.sh) through an `awslocal` that points the `aws` CLI at moto,
# run `./mvnw -B verify -pl infra/local -am` with AWS_ENDPOINT_URL set, stop moto on exit.
#
# moto is started through serial_moto_server.py: moto's own server, one request at a time, because moto's
# backends are not thread-safe (see that file). MOTO_MODE=threaded starts the stock `moto_server` instead,
# to see those failures. MOTO_PYTHON names the Python that has moto (default python3).
# Extra arguments go to Maven, e.g.
#   infra/moto/run-tests.sh -Dtest=SubmissionsHttpTest -Dsurefire.failIfNoSpecifiedTests=false
set -euo pipefail
cd "$(dirname "$0")/../.."

MOTO_MODE="${MOTO_MODE:-serial}"
MOTO_PYTHON="${MOTO_PYTHON:-python3}"
case "$MOTO_MODE" in serial | threaded) ;; *) echo "MOTO_MODE must be serial or threaded" >&2; exit 2 ;; esac
for tool in moto_server aws curl "$MOTO_PYTHON"; do
  command -v "$tool" >/dev/null || { echo "infra/moto/run-tests.sh: $tool is not on PATH" >&2; exit 2; }
done
"$MOTO_PYTHON" -c 'import moto.moto_server.werkzeug_app' 2>/dev/null \
  || { echo "infra/moto/run-tests.sh: $MOTO_PYTHON cannot import moto (set MOTO_PYTHON)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/integra-moto.XXXXXX")
moto_pid=""
stop_moto() {
  if [ -n "$moto_pid" ] && kill -0 "$moto_pid" 2>/dev/null; then
    kill "$moto_pid" 2>/dev/null || true
    wait "$moto_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop_moto EXIT
trap 'exit 130' INT TERM

free_port() {
  "$MOTO_PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Start moto; another process may take the chosen port before moto binds it, so try a few ports.
started=""
for attempt in 1 2 3; do
  port=$(free_port)
  endpoint="http://127.0.0.1:$port"
  if [ "$MOTO_MODE" = serial ]; then
    "$MOTO_PYTHON" infra/moto/serial_moto_server.py -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
  else
    moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
  fi
  moto_pid=$!
  for _ in $(seq 1 150); do     # up to 30 s
    if ! kill -0 "$moto_pid" 2>/dev/null; then
      break                       # exited: port taken or broken install
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$endpoint/moto-api/" || true)" != "000" ]; then
      started=yes
      break
    fi
    sleep 0.2
  done
  [ -n "$started" ] && break
  echo "moto_server did not start on port $port (attempt $attempt):" >&2
  tail -n 20 "$work/moto.log" >&2 || true
  kill "$moto_pid" 2>/dev/null || true
  wait "$moto_pid" 2>/dev/null || true
  moto_pid=""
done
[ -n "$started" ] || { echo "infra/moto/run-tests.sh: moto_server did not start" >&2; exit 1; }
echo "moto $("$MOTO_PYTHON" -c 'import moto; print(moto.__version__)') ($MOTO_MODE) answering on $endpoint (pid $moto_pid)"

export AWS_ENDPOINT_URL="$endpoint"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
export AWS_REGION=eu-north-1 AWS_DEFAULT_REGION=eu-north-1

# LocalStack's ready hook calls `awslocal`; here it is the aws CLI pointed at moto.
mkdir -p "$work/bin"
cat >"$work/bin/awslocal" <<WRAPPER
#!/usr/bin/env bash
exec aws --endpoint-url "$endpoint" "\$@"
WRAPPER
chmod +x "$work/bin/awslocal"
PATH="$work/bin:$PATH" bash infra/localstack/init/10-resources.sh

start=$(date +%s)
status=0
./mvnw -B verify -pl infra/local -am "$@" || status=$?
echo "infra/moto/run-tests.sh: Maven against moto finished with status $status in $(( $(date +%s) - start )) s"
if [ "$status" -ne 0 ]; then
  echo "last lines of moto's log:" >&2
  tail -n 40 "$work/moto.log" >&2 || true
fi
exit "$status"
