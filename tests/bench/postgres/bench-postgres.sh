#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Throughput of kompetenz-server on PostgreSQL with one and with two
# server processes on one database: wrk with 16 connections over
# loopback, for pulls that find nothing new and for pushes of 10
# changes.  Prints requests per second and error counts.
#
#   bench-postgres.sh SERVER_BINARY [SECONDS]
#
# Uses the cluster of $KOMPETENZ_TEST_POSTGRES, or starts a throwaway
# one with build-aux/with-postgres.sh.

set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
SERVER=$(realpath "$1")
SECONDS_PER_RUN=${2:-${KZ_BENCH_SECONDS:-10}}
CONNECTIONS=16

if [[ -z "${KOMPETENZ_TEST_POSTGRES:-}" ]]; then
  exec "$ROOT/build-aux/with-postgres.sh" "$0" "$@"
fi

for tool in wrk curl psql python3; do
  command -v "$tool" >/dev/null || { echo "bench-postgres: $tool is missing" >&2; exit 1; }
done

WORK=$(mktemp -d)
DBNAME="kz_bench_$$"
BASE_URI=${KOMPETENZ_TEST_POSTGRES%/*}
URI="$BASE_URI/$DBNAME"
PIDS=()

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  psql -q "$KOMPETENZ_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS $DBNAME WITH (FORCE)" >/dev/null 2>&1 || true
  if [[ -n "$KEEP_LOG" && -f "$WORK/wrk.log" ]]; then cp "$WORK/wrk.log" "$KEEP_LOG"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
KEEP_LOG=${KZ_BENCH_LOG:-}

psql -q "$KOMPETENZ_TEST_POSTGRES" -c "CREATE DATABASE $DBNAME" >/dev/null
echo "bench-password" | "$SERVER" --database "$URI" user add bench --role staff >/dev/null

# Starts a server on a free port; prints its URL.
start_server() {
  local n=$1 line
  "$SERVER" --database "$URI" --listen 127.0.0.1:0 >"$WORK/server-$n.out" 2>"$WORK/server-$n.err" &
  PIDS+=($!)
  for _ in $(seq 100); do
    line=$(head -n 1 "$WORK/server-$n.out" 2>/dev/null || true)
    if [[ "$line" == "listening on "* ]]; then
      echo "${line#listening on }"
      return 0
    fi
    sleep 0.1
  done
  echo "bench-postgres: server $n did not start" >&2
  cat "$WORK/server-$n.err" >&2
  return 1
}

json_member() {
  python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"
}

cursor() {
  curl -sf -H "Authorization: Bearer $TOKEN" "${1}api/v1/status" | json_member cursor
}

# Runs wrk against each URL at once, CONNECTIONS split between them, and
# prints "REQUESTS_PER_SECOND REQUESTS ERRORS LATENCY_MS": sums over all
# and the mean latency.  Errors are non-2xx answers and socket errors
# (a request unanswered after 10 s counts as a timeout).
run_wrk() {
  local mode=$1; shift
  local n=$# each=$((CONNECTIONS / $#)) i=0 url since
  local -a jobs=()

  for url in "$@"; do
    i=$((i + 1))
    if [[ "$mode" == pull ]]; then
      since=$(cursor "$url")
      wrk -t1 -c"$each" -d"${SECONDS_PER_RUN}s" --timeout 10s -H "Authorization: Bearer $TOKEN" \
        "${url}api/v1/changes?since=$since" >"$WORK/wrk-$i.txt" &
    else
      wrk -t1 -c"$each" -d"${SECONDS_PER_RUN}s" --timeout 10s -s "$HERE/push.lua" \
        "$url" -- "$TOKEN" "$((RANDOM + i))" >"$WORK/wrk-$i.txt" &
    fi
    jobs+=($!)
  done
  wait "${jobs[@]}"
  cat "$WORK"/wrk-*.txt >>"$WORK/wrk.log"

  python3 - "$n" "$WORK" <<'PY'
import re, sys
n, work = int(sys.argv[1]), sys.argv[2]
rate = requests = errors = weighted = 0.0
units = {"us": 0.001, "ms": 1.0, "s": 1000.0}
for i in range(1, n + 1):
    text = open(f"{work}/wrk-{i}.txt").read()
    rate += float(re.search(r"Requests/sec:\s*([\d.]+)", text).group(1))
    count = int(re.search(r"(\d+) requests in", text).group(1))
    requests += count
    m = re.search(r"Latency\s+([\d.]+)(us|ms|s)\b", text)
    weighted += count * float(m.group(1)) * units[m.group(2)]
    m = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", text)
    errors += int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors += sum(int(x) for x in m.groups()) if m else 0
print(f"{rate:.0f} {int(requests)} {int(errors)} {weighted / max(requests, 1):.1f}")
PY
}

report() {
  local servers=$1 kind=$2 result=$3 extra=${4:-}
  read -r rate requests errors latency <<<"$result"
  printf '%-8s %-20s %8s %9s %7s %11s  %s\n' "$servers" "$kind" "$rate" "$requests" "$errors" "$latency" "$extra"
}

URL1=$(start_server 1)
TOKEN=$(curl -sf -H 'Content-Type: application/json' \
  -d '{"user": "bench", "password": "bench-password"}' "${URL1}api/v1/login" | json_member token)

echo "kompetenz-server on PostgreSQL: wrk, $CONNECTIONS connections, ${SECONDS_PER_RUN}s per run, loopback"
printf '%-8s %-20s %8s %9s %7s %11s\n' servers workload "req/s" requests errors "latency ms"

# Pushes first, so that the pulls run on a database with records in it;
# "versions" counts the changes committed (requests still in flight
# when wrk stops are committed too).
bench() {
  local servers=$1; shift
  local before after result
  before=$(cursor "$1")
  result=$(run_wrk push "$@")
  after=$(cursor "$1")
  report "$servers" "push, 10 changes" "$result" "($(( after - before )) versions)"
  result=$(run_wrk pull "$@")
  report "$servers" "pull, nothing new" "$result"
}

bench 1 "$URL1"
URL2=$(start_server 2)
bench 2 "$URL1" "$URL2"
