#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The app's smoke test under valgrind memcheck: a demo portfolio, the
# window up, SIGTERM, a clean exit.  Memory errors and definite leaks
# fail it (third-party suppressions only).  Run under xvfb-run.
#
# Usage: valgrind-smoke.sh KOMPETENZ_BINARY SUPPRESSIONS

set -euo pipefail

app=$1
supp=$2
builddir=$(cd "$(dirname "$app")/../.." && pwd)   # the app is BUILDDIR/src/gui/kompetenz
tmp=$(mktemp -d)
pid=""
trap '[[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

fail() { echo "valgrind-smoke: $*" >&2; exit 1; }

"$app" --generate-demo 30 --seed 1 --database "$tmp/portfolio.db" >/dev/null 2>&1 \
  || fail "--generate-demo failed"

env HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
  GSETTINGS_SCHEMA_DIR="$builddir/data" GSETTINGS_BACKEND=memory \
  G_SLICE=always-malloc GSK_RENDERER=cairo GDK_DEBUG=gl-disable \
  valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite \
    --errors-for-leak-kinds=definite --error-exitcode=99 --num-callers=30 \
    --suppressions="$supp" --gen-suppressions=all --log-file="$tmp/valgrind.log" \
    "$app" --database "$tmp/portfolio.db" >"$tmp/app.log" 2>&1 &
pid=$!

window=""
for _ in $(seq 1 600); do
  window=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -n 1 || true)
  [[ -n "$window" ]] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
[[ -n "$window" ]] || { cat "$tmp/app.log" "$tmp/valgrind.log" >&2; fail "no window within 300 s"; }
sleep 5   # let it paint and settle

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
grep -E "ERROR SUMMARY|definitely lost" "$tmp/valgrind.log" >&2 || true
if [[ $status -ne 0 ]]; then
  cat "$tmp/valgrind.log" >&2
  fail "exit status $status (99: memcheck found errors or definite leaks)"
fi
echo "valgrind-smoke: no memory errors, no definite leaks"
