# A throwaway PostgreSQL server, sourced by scripts/test-postgres.sh and
# benches/postgres/memory.sh: `pg_start` (Debian's server binaries in $bin) runs initdb in a
# temporary directory ($work), starts the server on a random local port and sets $uri and
# the `sql` function; the server is stopped and $work removed when the script exits.
# initdb and postgres refuse to run as root: they run as the postgres user when we are root.

as_server() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_stop() {
  as_server "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}

pg_start() {
  work=$(mktemp -d)
  chmod 755 "$work"
  port=$((20000 + RANDOM % 20000))
  mkdir "$work/data"
  if [ "$(id -u)" = 0 ]; then chown postgres "$work/data"; fi
  trap pg_stop EXIT
  as_server "$bin/initdb" -D "$work/data" -A trust -U motcua -E UTF8 --no-locale >/dev/null
  as_server "$bin/pg_ctl" -D "$work/data" -w -l "$work/data/server.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $work/data" start >/dev/null
  uri="postgresql://motcua@127.0.0.1:$port/postgres"
}

sql() { psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U motcua -d postgres "$@"; }
