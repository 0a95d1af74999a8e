#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command with a throwaway PostgreSQL cluster:
#
#   build-aux/with-postgres.sh COMMAND [ARGS…]
#
# The cluster lives in a temporary directory, listens on 127.0.0.1 on a
# free port only, trusts local connections and is stopped and removed
# when the command ends.  The command gets its address in
# KOMPETENZ_TEST_POSTGRES (postgresql://kompetenz@127.0.0.1:PORT/postgres);
# the tests create a database of their own in it.  PostgreSQL refuses
# to run as root, so under root the cluster belongs to the "postgres"
# system user of Debian's postgresql package.
#
# When KOMPETENZ_TEST_POSTGRES is set already, the command just runs.

set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 COMMAND [ARGS…]" >&2
  exit 2
fi

if [[ -n "${KOMPETENZ_TEST_POSTGRES:-}" ]]; then
  exec "$@"
fi

find_bindir() {
  local dir

  for dir in ${PG_BINDIR:-} /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return 0
    fi
  done
  echo "with-postgres: initdb and pg_ctl not found; install postgresql-15" >&2
  return 1
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

BINDIR=$(find_bindir)
PGTMP=$(mktemp -d "${TMPDIR:-/tmp}/kz-postgres-XXXXXX")
PGDATA_DIR="$PGTMP/data"
PORT=$(free_port)
AS_OWNER=()

if [[ "$(id -u)" -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "with-postgres: running as root, but there is no postgres user to own the cluster" >&2
    exit 1
  fi
  chown postgres: "$PGTMP"
  AS_OWNER=(runuser -u postgres --)
fi

pg() {
  if [[ ${#AS_OWNER[@]} -gt 0 ]]; then
    "${AS_OWNER[@]}" "$@"
  else
    "$@"
  fi
}

stop_cluster() {
  pg "$BINDIR/pg_ctl" -D "$PGDATA_DIR" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap stop_cluster EXIT
trap "exit 130" INT TERM

# -N and fsync=off: a throwaway cluster need not survive a power cut.
pg "$BINDIR/initdb" -D "$PGDATA_DIR" -U kompetenz --auth=trust -E UTF8 --locale=C -N >"$PGTMP/initdb.log" 2>&1 \
  || { cat "$PGTMP/initdb.log" >&2; exit 1; }

if ! pg "$BINDIR/pg_ctl" -D "$PGDATA_DIR" -l "$PGTMP/server.log" -w -t 60 start \
     -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGTMP -c fsync=off -c max_connections=300 -c full_page_writes=off" \
     >/dev/null; then
  cat "$PGTMP/server.log" >&2
  exit 1
fi

export KOMPETENZ_TEST_POSTGRES="postgresql://kompetenz@127.0.0.1:$PORT/postgres"
echo "with-postgres: PostgreSQL on 127.0.0.1:$PORT" >&2

status=0
"$@" || status=$?
# What the cluster said of lost connections helps to read a failure.
if [[ $status -ne 0 ]] && grep -q -E 'FATAL|PANIC|terminat' "$PGTMP/server.log" 2>/dev/null; then
  echo "with-postgres: from the PostgreSQL log:" >&2
  grep -E 'FATAL|PANIC|terminat' "$PGTMP/server.log" | tail -n 20 >&2
fi
exit "$status"
