#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, from Debian's server binaries: `start` makes one in
# a temporary directory (initdb as an unprivileged user, since PostgreSQL refuses to run as root),
# listening on a Unix socket in that directory (trust: the tests' administrator) and on a free
# loopback port (SCRAM passwords: the roles' tests; TLS offered with a certificate for `localhost`
# from a throwaway CA, for the TLS tests), and prints the environment the tests read; `stop DIR`
# stops it and removes the directory. .ci/test starts one and stops it on exit.
set -euo pipefail

command=${1:-}
case "$command" in
start)
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [[ -x "$bin/initdb" ]] || { echo "no PostgreSQL server binaries under /usr/lib/postgresql" >&2; exit 1; }
    directory=$(mktemp -d /tmp/inbox-postgres.XXXXXX)
    chmod 755 "$directory"
    run=()
    if [[ $(id -u) -eq 0 ]]; then
        # PostgreSQL will not run as root: a system account of its own, made once.
        id inbox-test-postgres >/dev/null 2>&1 ||
            useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin inbox-test-postgres
        chown inbox-test-postgres "$directory"
        run=(runuser -u inbox-test-postgres --)
    fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
    printf '%s\n' "$password" >"$directory/superuser-password"
    chmod 644 "$directory/superuser-password"
    # A CA and a server certificate for `localhost` only (not 127.0.0.1: the tests check that
    # verify-full refuses a name the certificate does not carry).
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=inbox test CA" \
        -keyout "$directory/ca.key" -out "$directory/ca.pem" >/dev/null 2>&1
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
        -keyout "$directory/server.key" -out "$directory/server.csr" >/dev/null 2>&1
    openssl x509 -req -in "$directory/server.csr" -CA "$directory/ca.pem" -CAkey "$directory/ca.key" -CAcreateserial -days 2 \
        -extfile <(printf 'subjectAltName=DNS:localhost\n') -out "$directory/server.pem" >/dev/null 2>&1
    chmod 644 "$directory/ca.pem" "$directory/server.pem"
    chmod 600 "$directory/server.key" "$directory/ca.key"
    [[ ${#run[@]} -gt 0 ]] && chown inbox-test-postgres "$directory/server.key"
    "${run[@]}" "$bin/initdb" --pgdata="$directory/data" --username=postgres --auth-local=trust --auth-host=scram-sha-256 \
        --pwfile="$directory/superuser-password" --encoding=UTF8 --locale=C.UTF-8 >"$directory/initdb.log" 2>&1 ||
        { cat "$directory/initdb.log" >&2; exit 1; }
    "${run[@]}" "$bin/pg_ctl" --pgdata="$directory/data" --log="$directory/server.log" --wait --timeout=60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$directory -c max_connections=200 -c ssl=on -c ssl_cert_file=$directory/server.pem -c ssl_key_file=$directory/server.key" start >/dev/null ||
        { cat "$directory/server.log" >&2; exit 1; }
    # The superuser's password stays, for the TLS tests, readable by the tests' user alone.
    chown "$(id -u)" "$directory/superuser-password"
    chmod 600 "$directory/superuser-password"
    echo "export INBOX_TEST_POSTGRES_DIR=$directory INBOX_TEST_POSTGRES_SOCKET=$directory/.s.PGSQL.$port INBOX_TEST_POSTGRES_PORT=$port"
    ;;
stop)
    directory=${2:?usage: throwaway-postgres.sh stop DIR}
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    run=()
    [[ $(id -u) -eq 0 ]] && run=(runuser -u inbox-test-postgres --)
    "${run[@]}" "$bin/pg_ctl" --pgdata="$directory/data" --mode=immediate --wait stop >/dev/null 2>&1 || true
    rm -rf "$directory"
    ;;
*)
    echo "usage: throwaway-postgres.sh start | stop DIR" >&2
    exit 2
    ;;
esac
