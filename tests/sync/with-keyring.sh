#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command on a private D-Bus session with an unlocked
# gnome-keyring, in a throw-away home: the keyring of whoever runs the
# tests is never touched.

set -euo pipefail

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/runtime"
chmod 700 "$tmp/runtime"
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/runtime" XDG_DATA_HOME="$tmp/home/.local/share"
unset GNOME_KEYRING_CONTROL SSH_AUTH_SOCK

# The daemon forks into the background: it must not hold the test's
# output open (the runner would wait for it), and it is stopped when
# the command is done.
inner='
  printf "test-keyring-password" |
    gnome-keyring-daemon --unlock --components=secrets >"$XDG_RUNTIME_DIR/keyring.env" 2>/dev/null ||
    exit 1
  status=0
  "$@" || status=$?
  for pid in $(pgrep -x gnome-keyring-d 2>/dev/null; pgrep -f "^gnome-keyring-daemon" 2>/dev/null); do
    if tr "\0" "\n" <"/proc/$pid/environ" 2>/dev/null | grep -qx "XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR"; then
      kill "$pid" 2>/dev/null || true
    fi
  done
  exit $status'

exec dbus-run-session -- sh -c "$inner" with-keyring "$@"
