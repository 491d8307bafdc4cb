#!/usr/bin/env bash
# A private PostgreSQL cluster for the tests and benchmarks: initdb in a temporary folder as
# the unprivileged `postgres` user, a unix socket in that folder, no TCP, trust for local
# connections. Nothing of the machine's own PostgreSQL is used or changed.
#   eval "$(bash scripts/postgres.sh start)"   # exports TEST_POSTGRES_URL and TEST_POSTGRES_DIR
#   eval "$(bash scripts/postgres.sh start fast)"   # the same without fsync: for the tests
#   bash scripts/postgres.sh stop [DIR]
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "[postgres] PostgreSQL is not installed (scripts/setup-deps.sh installs postgresql-15)" >&2; exit 1; }
case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/school-pg.XXXXXX)
    chown postgres: "$dir"
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -A trust -U school -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # `fast` (the tests) skips fsync: their crashes kill school-server processes, never
    # PostgreSQL, so a committed row stays committed. Benchmarks keep the durable default.
    opts="-k $dir -c listen_addresses= -c max_connections=400 -c shared_buffers=64MB"
    [ "${2:-}" = fast ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$opts" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export TEST_POSTGRES_DIR='$dir'"
    echo "export TEST_POSTGRES_URL='postgresql:///postgres?host=$dir&user=school'"
    echo "[postgres] private cluster in $dir ($("$bin/postgres" --version))" >&2
    ;;
  stop)
    dir=${2:-${TEST_POSTGRES_DIR:-}}
    [ -n "$dir" ] && [ -d "$dir/data" ] || exit 0
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: eval \"\$(bash scripts/postgres.sh start [fast])\" | bash scripts/postgres.sh stop [DIR]" >&2; exit 2 ;;
esac
