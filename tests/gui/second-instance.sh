#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Two real application processes on one portfolio.  Each runs on a D-Bus
# session of its own, so that neither hands over to the other as a
# GApplication would: just as a Flatpak and a distribution package of
# Kompetenz, or two application ids, on the same file.  The second must
# refuse with a clear, translated message, keep running only to show it,
# and leave the file as it was; once the first has quit, its lock is
# free again.  Run under xvfb-run.
#
# Usage: second-instance.sh KOMPETENZ_BINARY

set -euo pipefail

app=$1
tmp=$(mktemp -d)
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

# Also on stderr: wait_window runs in a command substitution.
fail() { echo "not ok - $*"; echo "not ok - $*" >&2; exit 1; }

[[ -n "${DISPLAY:-}" ]] || fail "no X display: run the suite under xvfb-run"
db="$tmp/portfolio.db"

# Starts the app on $db with a bus of its own; its output goes to $1.
start_app() {
  local log=$1
  shift
  env "$@" HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
    dbus-run-session -- "$app" --database "$db" >"$log" 2>&1 &
  pids+=($!)
}

# Waits for a visible window of the app last started (a child of
# dbus-run-session, so it is looked up by its command line).
wait_window() {
  local log=$1 pid window=""
  for _ in $(seq 1 900); do
    pid=$(pgrep -n -f -- "^$app --database $db" || true)
    if [[ -n "$pid" ]]; then
      window=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -n 1 || true)
      [[ -n "$window" ]] && break
    fi
    sleep 0.2
  done
  [[ -n "$window" ]] || fail "no window within 180 s: $(cat "$log")"
  echo "$pid"
}

count_projects() {
  sqlite3 "file:$db?mode=ro" "SELECT count(*) FROM projects"
}

echo "# generating a demo portfolio"
"$app" --generate-demo 20 --database "$db" >"$tmp/generate.log" 2>&1 \
  || fail "--generate-demo failed: $(cat "$tmp/generate.log")"
projects=$(count_projects)
[[ "$projects" -gt 0 ]] || fail "no projects written"

echo "# the first instance"
start_app "$tmp/first.log"
first=$(wait_window "$tmp/first.log")
sleep 3   # past its first reminder check
sum_before=$(sha256sum <"$db")

echo "# a second instance on the same portfolio, in German"
start_app "$tmp/second.log" LC_ALL=de_DE.UTF-8 LANGUAGE=de
for _ in $(seq 1 900); do
  grep -q 'bereits in einem anderen Kompetenz-Fenster' "$tmp/second.log" && break
  sleep 0.2
done
grep -q 'bereits in einem anderen Kompetenz-Fenster geöffnet' "$tmp/second.log" \
  || fail "the second instance gave no clear German message: $(cat "$tmp/second.log")"
sed 's/^/# /' "$tmp/second.log"
second=$(pgrep -n -f -- "^$app --database $db")
[[ "$second" != "$first" ]] || fail "the second instance is gone"
# It shows the message in its window rather than crashing (the waits
# are long for the suite's run under the sanitizers).
for _ in $(seq 1 900); do
  xdotool search --onlyvisible --pid "$second" >/dev/null 2>&1 && break
  sleep 0.2
done
xdotool search --onlyvisible --pid "$second" >/dev/null 2>&1 \
  || fail "the second instance showed no window"
kill -TERM "$second"
for _ in $(seq 1 300); do kill -0 "$second" 2>/dev/null || break; sleep 0.2; done
! kill -0 "$second" 2>/dev/null || fail "the second instance did not quit"
[[ "$(sha256sum <"$db")" == "$sum_before" ]] || fail "the second instance changed the portfolio"

echo "# the first instance quits and frees the portfolio"
kill -TERM "$first"
for _ in $(seq 1 300); do kill -0 "$first" 2>/dev/null || break; sleep 0.2; done
! kill -0 "$first" 2>/dev/null || fail "the first instance did not quit"
# The accessibility services the session bus starts for an instance
# write to the same log; what they say on the way out is not the app's.
if grep -E 'CRITICAL|WARNING' "$tmp/first.log" "$tmp/second.log" \
     | grep -v -E '\((at-spi2-registryd|at-spi-bus-launcher|dbus-daemon)(:[0-9]+)?\)'; then
  fail "an instance logged warnings"
fi
[[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" == ok ]] || fail "the portfolio is damaged"
[[ "$(count_projects)" == "$projects" ]] || fail "projects were lost"

# The lock went with the first instance: it can be taken at once.
flock --nonblock "$db.lock" true || fail "the lock outlived the first instance"

echo "ok - the second instance refused with a message and left the portfolio intact"
