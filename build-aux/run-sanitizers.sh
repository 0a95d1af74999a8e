#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The second half of CI: the whole test suite again under AddressSanitizer
# and UndefinedBehaviorSanitizer (build dir _build-sanitize), the app's
# smoke test under valgrind memcheck, and every libFuzzer harness for a
# bounded time (build dir _build-fuzz, clang only).  Any finding fails.
#
# Usage: build-aux/run-sanitizers.sh [asan|valgrind|fuzz]...  (default: all)
# FUZZ_SECONDS (default 30) bounds each fuzzer; FUZZ_SEED fixes its seed.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SRCDIR=$(pwd)

SAN_BUILDDIR=_build-sanitize
FUZZ_BUILDDIR=_build-fuzz
FUZZ_SECONDS=${FUZZ_SECONDS:-30}
FUZZ_TARGETS="fuzz-csv-import fuzz-sync-codec fuzz-server-json fuzz-server-request"

# Sanitizer findings stop the program at once, with a core-less abort
# that meson reports as a failed test.  Suppressions name third-party
# libraries only (see the files for why).
#
# Leaks: the suite runs with LeakSanitizer off.  Debian's GLib, GTK and
# libsoup are built without frame pointers, so with ASan's fast unwinder
# a leak's stack stops at g_malloc and third-party leaks (GLib's test
# directories, fontconfig, GnuTLS) cannot be told from ours by name;
# the slow unwinder needed for that makes the suite take over an hour,
# and LSan itself crashes on GnuTLS's dynamic thread-local storage with
# Debian 12's glibc.  Leaks are checked instead by valgrind on the app
# (definite leaks) and by LSan, with full stacks, in every fuzzer run
# over the CSV importer, the sync codec and the server.
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=0:disable_coredump=1:strict_string_checks=1:detect_stack_use_after_return=0"
export LSAN_OPTIONS="suppressions=$SRCDIR/build-aux/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:suppressions=$SRCDIR/build-aux/sanitizers/ubsan.supp"

say() { echo "run-sanitizers: $*" >&2; }

setup() {
  local dir=$1
  shift
  if [[ -f "$dir/meson-private/coredata.dat" ]]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null || meson setup --wipe "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@" >/dev/null
  fi
}

# The accessibility audit (suite a11y) is left out: it drives the app
# from Python over AT-SPI and runs in the normal suite.  Every other
# test runs.
run_asan() {
  say "building the sanitized suite in $SAN_BUILDDIR"
  setup "$SAN_BUILDDIR" -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized
  ninja -C "$SAN_BUILDDIR"
  say "running the whole suite but the a11y audit under ASan and UBSan"
  # The PostgreSQL variants too, with a throwaway cluster as in the normal run.
  build-aux/with-postgres.sh \
    env GSK_RENDERER=cairo NO_AT_BRIDGE=1 \
    xvfb-run -a -s '-screen 0 1400x900x24' \
    dbus-run-session -- \
    meson test -C "$SAN_BUILDDIR" --print-errorlogs --num-processes 2 --timeout-multiplier 4 \
      --no-suite a11y
}

run_valgrind() {
  say "the app's smoke test under valgrind memcheck"
  [[ -x _build/src/gui/kompetenz ]] || { setup _build; ninja -C _build; }
  env GSK_RENDERER=cairo NO_AT_BRIDGE=1 \
    xvfb-run -a -s '-screen 0 1400x900x24' \
    dbus-run-session -- \
    tests/reliability/valgrind-smoke.sh _build/src/gui/kompetenz \
      "$SRCDIR/build-aux/sanitizers/valgrind.supp"
}

run_fuzz() {
  if ! command -v clang >/dev/null 2>&1; then
    say "clang is missing: cannot build the fuzzers"
    return 1
  fi
  say "building the fuzzers in $FUZZ_BUILDDIR"
  CC=clang setup "$FUZZ_BUILDDIR" -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
  ninja -C "$FUZZ_BUILDDIR" $(for t in $FUZZ_TARGETS; do echo "tests/fuzz/$t"; done)

  local target seed=${FUZZ_SEED:-$RANDOM}
  for target in $FUZZ_TARGETS; do
    local corpus work
    corpus="$SRCDIR/tests/fuzz/${target#fuzz-}"
    work=$(mktemp -d)
    say "$target for ${FUZZ_SECONDS}s, seed $seed"
    # Full stacks at each allocation, so that the third-party leak
    # suppressions match through libraries built without frame pointers.
    # New inputs go to a scratch folder: the corpus in git stays small.
    (cd "$work" && ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=1:fast_unwind_on_malloc=0" \
       "$SRCDIR/$FUZZ_BUILDDIR/tests/fuzz/$target" \
       -max_total_time="$FUZZ_SECONDS" -seed="$seed" -timeout=10 -rss_limit_mb=2048 \
       -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/" \
       "$work" "$corpus") || { say "$target found a problem; the input is in $work"; return 1; }
    rm -rf "$work"
  done
}

steps=("$@")
[[ ${#steps[@]} -gt 0 ]] || steps=(asan valgrind fuzz)
for step in "${steps[@]}"; do
  case "$step" in
    asan) run_asan ;;
    valgrind) run_valgrind ;;
    fuzz) run_fuzz ;;
    *) say "unknown step $step"; exit 2 ;;
  esac
done
say "no findings"
