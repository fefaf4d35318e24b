#!/usr/bin/env bash
# Lint, then the whole test suite (Qt offscreen). Starts a throw-away PostgreSQL cluster when
# the server is installed, so the team-server tests run too.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
if [ -z "${SKIP_LINT:-}" ]; then
  .venv/bin/ruff check .
  .venv/bin/ruff format --check .
fi

pgdir=""
cleanup() {
  if [ -n "$pgdir" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pgdir"
  fi
}
trap cleanup EXIT
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "${TEMATIK_TEST_PG_URL:-}" ] && [ -n "$PGBIN" ] && [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1; then
  pgdir=$(mktemp -d /tmp/tematik-pg.XXXXXX)
  chown postgres "$pgdir"
  port=$((20000 + RANDOM % 20000))
  if runuser -u postgres -- "$PGBIN/initdb" -D "$pgdir/data" -A trust -U postgres >/dev/null \
     && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$pgdir/data" -o "-k $pgdir -p $port -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null; then
    export TEMATIK_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
    echo "test: PostgreSQL on 127.0.0.1:$port"
  else
    echo "test: could not start PostgreSQL; its tests will be skipped" >&2
  fi
fi
.venv/bin/python -m pytest "$@"
