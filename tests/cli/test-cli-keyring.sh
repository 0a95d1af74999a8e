#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# kompetenz-cli with a real keyring: run by tests/sync/with-keyring.sh
# (a private D-Bus session with an unlocked gnome-keyring), sign in
# without --token-file (the token goes into the keyring), sync, sign
# out (the token is removed again).  Uses $KZ_CLI_BINARY and
# $KZ_SERVER_BINARY.

set -euo pipefail

work=$(mktemp -d -t kz-cli-keyring-XXXXXX)
server_pid=
cleanup () {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

fail () { echo "FAIL: $*" >&2; exit 1; }

export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" LC_ALL=C.UTF-8
unset KOMPETENZ_TOKEN KOMPETENZ_PASSWORD

echo "anna-passwort" | "$KZ_SERVER_BINARY" --data "$work/server" user add anna --role staff >/dev/null
coproc SERVER { exec "$KZ_SERVER_BINARY" --data "$work/server" --listen 127.0.0.1:0; }
server_pid=$SERVER_PID
read -r -t 20 line <&"${SERVER[0]}" || fail "the server did not start"
url=${line#listening on }

cli () { timeout 60 "$KZ_CLI_BINARY" --database "$work/portfolio.db" "$@"; }

KOMPETENZ_PASSWORD=anna-passwort cli login "$url" anna || fail "login: $?"
cli sync status --json | grep -q '"signed_in" : "yes"' || fail "the token is not in the keyring"
echo '{"fields": {"name": "Schlüsselbund e.V."}}' | cli add organisation --json - >/dev/null
cli sync --json | grep -q '"pushed" : [1-9]' || fail "nothing was pushed"
cli logout || fail "logout: $?"
cli sync status --json | grep -q '"signed_in" : "no"' || fail "the token is still in the keyring"
status=0; cli sync 2>/dev/null || status=$?
[[ $status == 1 ]] || fail "sync after logout exited with $status, not 1"

echo "ok: login, sync and logout with the keyring"
