#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests; prints its URL on stdout (nothing else).
#
#   CROSSREAD_TEST_PG_URL="$(.ci/postgres.sh)"; export CROSSREAD_TEST_PG_URL
#
# Installs Debian's `postgresql` when no server binaries are found. The server is our own
# cluster (initdb into $CROSSREAD_PG_DIR, default /tmp/crossread-pg), listening on 127.0.0.1 only,
# port $CROSSREAD_PG_PORT (default 54329), so it never touches a system cluster. Running the
# script again reuses a server that is already up.
set -euo pipefail

PORT="${CROSSREAD_PG_PORT:-54329}"
DIR="${CROSSREAD_PG_DIR:-/tmp/crossread-pg}"
ROLE=crossread
PASSWORD=crossread
DB=crossread_test

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(bindir)" ]; then
  echo "postgres.sh: installing postgresql" >&2
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
fi
BIN="$(bindir)"

# initdb and postgres refuse to run as root: CI runs as root, so they run as the postgres user
# (from / so a root-only working directory does not get in their way).
if [ "$(id -u)" = 0 ]; then
  as_pg() { (cd / && runuser -u postgres -- "$@"); }
  mkdir -p "$DIR"
  chown postgres: "$DIR"
else
  as_pg() { "$@"; }
  mkdir -p "$DIR"
fi

if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  if [ ! -f "$DIR/data/PG_VERSION" ]; then
    # the socket trusts the local superuser (to create the role); TCP asks for the password,
    # so the URL the tests use is checked the way a real server would check it
    as_pg "$BIN/initdb" -D "$DIR/data" -U postgres -E UTF8 --no-locale \
      --auth-local=trust --auth-host=scram-sha-256 >&2
  fi
  as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR" start >&2
fi

psql_su() { as_pg "$BIN/psql" -h "$DIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAtX "$@"; }

if [ "$(psql_su -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
  psql_su -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'" >&2
fi
if [ "$(psql_su -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
  psql_su -c "CREATE DATABASE $DB OWNER $ROLE" >&2
fi

echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"
