#!/usr/bin/env bash
# Prints a bearer token from the running local system's dev-only issuer (it does not exist in AWS,
# where Amazon Cognito issues tokens).
#   infra/mint-token.sh coordinator LT-57      a coordinator of Vilnius city
#   infra/mint-token.sh ministry               the ministry (all municipalities, feedback)
#   infra/mint-token.sh admin                  an administrator (recommendation register)
# Environment: API (default http://127.0.0.1:8080), MINUTES (lifetime, default 60).
set -euo pipefail
role="${1:-}"
municipality="${2:-}"
if [[ -z "$role" || "$role" == "-h" || "$role" == "--help" ]]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
query="role=${role}&minutes=${MINUTES:-60}"
[[ -n "$municipality" ]] && query="${query}&municipality=${municipality}"
response="$(curl -sS -X POST "${API:-http://127.0.0.1:8080}/local/tokens?${query}")"
token="$(printf '%s' "$response" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
if [[ -z "$token" ]]; then
  echo "no token: $response" >&2
  exit 1
fi
printf '%s\n' "$token"
