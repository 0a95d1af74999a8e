#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Kompetenz in _build and runs the whole test suite under a virtual
# X server and a private D-Bus session.  The last line of output is
#   tests: N passed, M failed[, K skipped]
# The exit status is non-zero when a test failed or no test ran.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BUILDDIR=_build
TESTLOG="$BUILDDIR/meson-logs/testlog.json"

build-aux/install-deps.sh

if [[ -f "$BUILDDIR/meson-private/coredata.dat" ]]; then
  meson setup --reconfigure "$BUILDDIR" || meson setup --wipe "$BUILDDIR"
else
  meson setup "$BUILDDIR"
fi
ninja -C "$BUILDDIR"

rm -f "$TESTLOG"

# with-postgres.sh: a throwaway PostgreSQL cluster for the tests'
# PostgreSQL variants (KOMPETENZ_TEST_POSTGRES), stopped at the end.
meson_status=0
build-aux/with-postgres.sh \
  env GSK_RENDERER=cairo NO_AT_BRIDGE=1 \
  xvfb-run -a -s '-screen 0 1400x900x24' \
  dbus-run-session -- \
  meson test -C "$BUILDDIR" --print-errorlogs --num-processes 2 \
  || meson_status=$?

# Prints "PASSED FAILED SKIPPED" counted from meson's JSON test log.
count_results() {
  if [[ ! -s "$TESTLOG" ]]; then
    echo "0 0 0"
  elif command -v python3 >/dev/null 2>&1; then
    python3 - "$TESTLOG" <<'PY'
import json
import sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        line = line.strip()
        if not line:
            continue
        result = json.loads(line).get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:  # FAIL, TIMEOUT, ERROR, UNEXPECTEDPASS
            failed += 1
print(passed, failed, skipped)
PY
  else
    local result pass=0 fail=0 skip=0
    for result in $(grep -o '"result": *"[A-Z]*"' "$TESTLOG" | grep -o '[A-Z]*"$' | tr -d '"'); do
      case "$result" in
        OK | EXPECTEDFAIL) pass=$((pass + 1)) ;;
        SKIP) skip=$((skip + 1)) ;;
        *) fail=$((fail + 1)) ;;
      esac
    done
    echo "$pass $fail $skip"
  fi
}

counts=$(count_results) || counts="0 0 0"
read -r passed failed skipped <<<"$counts"

summary="tests: $passed passed, $failed failed"
if [[ "$skipped" -gt 0 ]]; then
  summary+=", $skipped skipped"
fi
echo "$summary"

if [[ "$meson_status" -ne 0 ]]; then
  exit "$meson_status"
fi
if [[ $((passed + failed)) -eq 0 ]]; then
  echo "run-tests: no test ran" >&2
  exit 1
fi

# With KOMPETENZ_SANITIZERS=1 (as .ci/run sets it): the suite again
# under ASan/UBSan, the app under valgrind and the fuzzers for a bounded
# time; any finding fails the run.  The summary is repeated after them,
# so that it stays the last line.
if [[ "${KOMPETENZ_SANITIZERS:-0}" == 1 ]] && ! build-aux/run-sanitizers.sh; then
  echo "run-tests: FAILED: sanitizers, valgrind or fuzzers found a problem (see above)" >&2
  echo "$summary"
  exit 1
fi
if [[ "${KOMPETENZ_SANITIZERS:-0}" == 1 ]]; then
  echo "$summary"
fi
exit 0
