#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the real application on a demo portfolio in a temporary folder,
# waits until its window is mapped on the X display, asks it to quit
# with SIGTERM and checks that it exits cleanly.  Run under xvfb-run.
#
# Usage: smoke-app.sh KOMPETENZ_BINARY [EXTRA_ENV...]

set -euo pipefail

app=$1
shift
tmp=$(mktemp -d)
trap 'kill -KILL "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT

fail() { echo "not ok - $*"; exit 1; }

[[ -n "${DISPLAY:-}" ]] || fail "no X display: run the suite under xvfb-run"

echo "# generating a demo portfolio"
"$app" --generate-demo 60 --database "$tmp/portfolio.db" >"$tmp/generate.log" 2>&1 \
  || fail "--generate-demo failed: $(cat "$tmp/generate.log")"
[[ -s "$tmp/portfolio.db" ]] || fail "no database written"

echo "# starting the application"
env "$@" HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
  KOMPETENZ_REPORT_FIRST_FRAME=1 \
  "$app" --database "$tmp/portfolio.db" >"$tmp/app.log" 2>&1 &
pid=$!

window=""
for _ in $(seq 1 150); do
  window=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -n 1 || true)
  [[ -n "$window" ]] && break
  kill -0 "$pid" 2>/dev/null || fail "the application died: $(cat "$tmp/app.log")"
  sleep 0.2
done
[[ -n "$window" ]] || fail "no window within 30 s: $(cat "$tmp/app.log")"
echo "# window $window is up: $(xdotool getwindowname "$window")"

for _ in $(seq 1 50); do
  grep -q '^first-frame-ms:' "$tmp/app.log" && break
  sleep 0.2
done
grep -q '^first-frame-ms:' "$tmp/app.log" || fail "the window never painted a frame"
grep '^first-frame-ms:' "$tmp/app.log" | sed 's/^/# /'

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
[[ $status -eq 0 ]] || fail "exit status $status after SIGTERM: $(cat "$tmp/app.log")"
if grep -E 'CRITICAL|WARNING' "$tmp/app.log"; then
  fail "the application logged warnings"
fi

echo "ok - window shown, frame painted, clean exit"
