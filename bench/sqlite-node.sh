# One intake server on a fresh SQLite inbox, and what is read from it under load: sourced by
# bench/profile.sh and bench/compare.sh (not run on its own). Sourcing makes a work directory that
# is removed on exit, with the server in it stopped.
#   start_sqlite_node BIN_DIR PORT ADMIN_PORT   a new inbox and its server (PID in $server), ready
#   stop_sqlite_node                            stops it and removes its inbox
#   submissions ADMIN_PORT                      submissions committed so far (the server's /metrics)
#   cpu_ticks PID                               user + system CPU time so far, in clock ticks
#   x25519_microseconds                         one X25519 operation now, by `openssl speed`

work="$(mktemp -d)"
server=""
cleanup() {
    [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
printf '%s\n' 'benchmark passphrase only' >"$work/passphrase" && chmod 600 "$work/passphrase"

start_sqlite_node() {
    local bin=$1 port=$2 admin=$3
    rm -rf "$work/inbox"
    "$bin/inbox" keys init --data-dir "$work/inbox" --passphrase-file "$work/passphrase" --policy policy/default.toml >/dev/null
    "$bin/inbox-server" --data-dir "$work/inbox" --policy policy/default.toml --port "$port" --admin-port "$admin" \
        --rate-limit off >"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$admin/healthz" >/dev/null 2>&1 && return; sleep 0.1; done
    cat "$work/server.log" >&2
    return 1
}

stop_sqlite_node() {
    kill "$server" && wait "$server" 2>/dev/null || true
    server=""
    rm -rf "$work/inbox"
}

submissions() { curl -fs "http://127.0.0.1:$1/metrics" | awk '/^inbox_commit_batch_size_sum/ { print $2 + 0 }'; }
cpu_ticks() { local fields; read -r -a fields <"/proc/$1/stat"; echo $((fields[13] + fields[14])); }
x25519_microseconds() {
    openssl speed -seconds 2 ecdhx25519 2>/dev/null | awk '/X25519/ && $NF ~ /^[0-9.]+$/ { printf "%.2f", 1e6 / $NF }'
}
