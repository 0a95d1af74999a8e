#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Kompetenz in _build and starts it, uninstalled, on a demo portfolio
# of 400 projects in _build/demo/portfolio.db.  The demo database is created
# on the first run only; your own database is never touched.  Further
# arguments are passed on to kompetenz.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BUILDDIR=_build
APP="$BUILDDIR/src/gui/kompetenz"
DEMO_DB="$BUILDDIR/demo/portfolio.db"

build-aux/install-deps.sh

if [[ -f "$BUILDDIR/meson-private/coredata.dat" ]]; then
  meson setup --reconfigure "$BUILDDIR" || meson setup --wipe "$BUILDDIR"
else
  meson setup "$BUILDDIR"
fi
ninja -C "$BUILDDIR"

# Use the schemas and translations of this build, not installed ones.
export GSETTINGS_SCHEMA_DIR="$PWD/$BUILDDIR/data"
export KOMPETENZ_LOCALEDIR="$PWD/$BUILDDIR/po"

if [[ ! -f "$DEMO_DB" ]]; then
  mkdir -p "$(dirname "$DEMO_DB")"
  echo "run-demo: generating the demo portfolio in $DEMO_DB" >&2
  if ! "$APP" --generate-demo 400 --database "$DEMO_DB"; then
    rm -f "$DEMO_DB" "$DEMO_DB-wal" "$DEMO_DB-shm" "$DEMO_DB-journal"
    echo "run-demo: could not generate the demo portfolio" >&2
    exit 1
  fi
fi

exec "$APP" --database "$DEMO_DB" "$@"
