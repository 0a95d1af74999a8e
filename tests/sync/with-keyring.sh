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

exec dbus-run-session -- sh -c \
  'printf "test-keyring-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' \
  with-keyring "$@"
