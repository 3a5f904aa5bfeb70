"""Shared fixtures for the end-to-end tests: the real `inbox` and `inbox-server` executables, a
fresh inbox per test, and a server on free loopback ports that is stopped afterwards."""
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("INBOX_BIN_DIR", ROOT / ".build" / "debug"))
INBOX = str(BIN / "inbox")
SERVER = str(BIN / "inbox-server")
POLICY = str(ROOT / "policy" / "default.toml")
PASSPHRASE = "correct horse battery staple"


def stop_under_faketime(wrapper, sig=signal.SIGTERM):
    """Stops a program that faketime's wrapper runs as its child. The wrapper passes no signal on,
    so the child is signalled itself, and the wrapper is left to see it end and exit: signalled
    too, it may die before it unlinks its semaphore and shared memory, and a later faketime that
    gets the same process id then refuses to start ("sem_open: File exists")."""
    for child in subprocess.run(["pgrep", "-P", str(wrapper.pid)], capture_output=True, text=True).stdout.split():
        os.kill(int(child), sig)
    try:
        wrapper.wait(timeout=60)
    except subprocess.TimeoutExpired:
        wrapper.kill()


def remove_stale_faketime_files():
    """faketime's wrapper names its semaphore and shared memory by its process id; a wrapper that
    was killed leaves them behind, and a later one with the same id cannot start. Those of
    processes that no longer exist are removed before the tests start."""
    for path in Path("/dev/shm").glob("*faketime_*"):
        pid = path.name.rsplit("_", 1)[-1]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            path.unlink(missing_ok=True)


remove_stale_faketime_files()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """A data directory made by `inbox keys init`."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.data = directory / "data"
        self.passphrase = directory / "passphrase"
        self.passphrase.write_text(PASSPHRASE + "\n")
        self.passphrase.chmod(0o600)

    def init(self):
        self.run("keys", "init", "--passphrase-file", str(self.passphrase))
        return self

    def database_arguments(self, command):
        """The options that name the store for `inbox COMMAND` (none: the SQLite file in the data
        directory)."""
        return []

    def server_arguments(self):
        """The options that name the store for an intake node."""
        return []

    def run(self, *arguments, check=True, input=None):
        return subprocess.run([INBOX, *arguments, "--data-dir", str(self.data), "--policy", POLICY,
                               *self.database_arguments(arguments[0] if arguments else "")], check=check,
                              input=input, stdin=None if input is not None else subprocess.DEVNULL, capture_output=True, text=True)

    def records(self):
        return json.loads(self.run("list", "--status", "all", "--json").stdout)


class Server:
    """`inbox-server` on free loopback ports; its output goes to a file the tests can read."""

    def __init__(self, inbox: Inbox, *arguments, environment=None, preexec=None, wrapper=(), executable=SERVER, policy=POLICY):
        self.inbox = inbox
        self.executable = str(executable)
        self.policy = str(policy)
        self.preexec = preexec
        # A command the server runs under (strace, say).
        self.wrapper = list(wrapper)
        self.port = free_port()
        self.admin_port = free_port()
        self.arguments = arguments
        self.environment = environment
        self.log = inbox.directory / f"server-{self.port}.log"
        self.process = None

    def start(self, wait=True):
        output = open(self.log, "ab")
        environment = dict(os.environ, **(self.environment or {}))
        self.process = subprocess.Popen(
            [*self.wrapper, self.executable, "--data-dir", str(self.inbox.data), "--policy", self.policy, "--port", str(self.port),
             "--admin-port", str(self.admin_port), *self.inbox.server_arguments(), *self.arguments,
             # /healthz turns 503 below this much free space; the test machine's disk may be nearly full.
             *([] if "--min-free-space" in self.arguments else ["--min-free-space", "1"])],
            stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT, env=environment, preexec_fn=self.preexec)
        output.close()
        if wait:
            self.wait_until_healthy()
        return self

    def wait_until_healthy(self):
        """Polls /healthz until it answers 200: the server is listening and its keys are loaded."""
        status = self.wait_until_answering(until=lambda status: status == 200)
        if status != 200:
            raise AssertionError("inbox-server did not become healthy within 60 s")

    def wait_until_answering(self, until=lambda status: True):
        """Polls /healthz until it answers at all (or as `until` wants); returns the last status."""
        deadline = time.monotonic() + 60
        status = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"inbox-server exited with {self.process.returncode}: {self.output()}")
            try:
                status, _, _ = request(self.admin_port, "GET", "/healthz")
                if until(status):
                    return status
            except OSError:
                pass
            time.sleep(0.05)
        return status

    def output(self):
        return self.log.read_text(errors="replace")

    def stop(self, sig=signal.SIGTERM):
        if self.process and self.process.poll() is None:
            if self.wrapper[:1] == ["faketime"]:
                stop_under_faketime(self.process, sig)
            else:
                self.process.send_signal(sig)
            return self.process.wait(timeout=60)
        return self.process.returncode if self.process else None


def request(port, method, path, body=None, headers=None, connection=None):
    """One request on a new connection (plain HTTP to loopback unless `connection` is given)."""
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


FORM = {"Content-Type": "application/x-www-form-urlencoded"}
JSON_FORM = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}


@pytest.fixture(scope="session")
def reachable():
    """The executables and the policy copied where an unprivileged user can reach them, for the
    tests that run them as `nobody`: a checkout in a 0700 home directory (root's) is out of reach."""
    directory = Path(tempfile.mkdtemp(prefix="inbox-reachable-"))
    directory.chmod(0o755)
    for name in ("inbox", "inbox-server"):
        shutil.copy2(BIN / name, directory / name)
    shutil.copy(POLICY, directory / "policy.toml")
    (directory / "policy.toml").chmod(0o644)
    yield SimpleNamespace(inbox=str(directory / "inbox"), server=str(directory / "inbox-server"), policy=str(directory / "policy.toml"))
    shutil.rmtree(directory, ignore_errors=True)


UNPRIVILEGED = "nobody"


@pytest.fixture
def unprivileged_inbox():
    """An inbox whose files belong to an unprivileged user, in a directory that user can reach."""
    directory = Path(tempfile.mkdtemp(prefix="inbox-unprivileged-"))
    directory.chmod(0o755)
    inbox = Inbox(directory).init()
    subprocess.run(["chown", "-R", f"{UNPRIVILEGED}:", str(directory)], check=True)
    yield inbox
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def inbox(tmp_path):
    return Inbox(tmp_path).init()


POSTGRES_DIR = os.environ.get("INBOX_TEST_POSTGRES_DIR")
POSTGRES_PORT = os.environ.get("INBOX_TEST_POSTGRES_PORT")
POSTGRES_REQUIRED = os.environ.get("INBOX_TEST_POSTGRES_REQUIRED") == "1"
ROLES = ("intake", "staff", "purge")


def psql(database, *arguments):
    """psql as the throwaway cluster's administrator (trusted on its socket)."""
    return subprocess.run(["psql", "--no-psqlrc", "--quiet", "--tuples-only", "--no-align", "--set", "ON_ERROR_STOP=1",
                           "--host", POSTGRES_DIR, "--port", POSTGRES_PORT, "--username", "postgres", "--dbname", database,
                           *arguments], check=True, capture_output=True, text=True).stdout.strip()


class PostgresInbox(Inbox):
    """An inbox on a fresh database of the throwaway PostgreSQL cluster the test command starts:
    created by `inbox keys init` as the schema's owner, then deploy/postgres/roles.sql, each role
    with a password of its own in a 0600 file. Staff commands connect as inbox_staff, the purge as
    inbox_purge and intake nodes as inbox_intake, over loopback TCP with their passwords (SCRAM)."""

    def __init__(self, directory: Path):
        super().__init__(directory)
        self.database = f"inbox_e2e_{os.urandom(6).hex()}"
        self.passwords = {}
        for role in ROLES:
            path = directory / f"{role}.password"
            path.write_text(os.urandom(12).hex() + "\n")
            path.chmod(0o600)
            self.passwords[role] = path

    def url(self, role):
        return f"postgres://inbox_{role}@127.0.0.1:{POSTGRES_PORT}/{self.database}?sslmode=disable"

    @property
    def owner_url(self):
        return f"postgres://postgres@localhost:{POSTGRES_PORT}/{self.database}?host={POSTGRES_DIR}"

    def init(self):
        psql("postgres", "--command", f"CREATE DATABASE {self.database}")
        subprocess.run([INBOX, "keys", "init", "--passphrase-file", str(self.passphrase), "--data-dir", str(self.data),
                        "--policy", POLICY, "--database", self.owner_url], check=True, stdin=subprocess.DEVNULL,
                       capture_output=True, text=True)
        psql(self.database, "--file", str(ROOT / "deploy" / "postgres" / "roles.sql"))
        for role, path in self.passwords.items():
            psql(self.database, "--command", f"ALTER ROLE inbox_{role} PASSWORD '{path.read_text().strip()}'")
        return self

    def database_arguments(self, command):
        role = "purge" if command == "purge" else "staff"
        return ["--database", self.url(role), "--database-password-file", str(self.passwords[role])]

    def server_arguments(self):
        return ["--database", self.url("intake"), "--database-password-file", str(self.passwords["intake"])]

    def drop(self):
        psql("postgres", "--command", f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)")


@pytest.fixture
def postgres_inbox(tmp_path):
    if not POSTGRES_DIR:
        if POSTGRES_REQUIRED:
            pytest.fail("the test command starts a PostgreSQL cluster; none was found")
        pytest.skip("no throwaway PostgreSQL cluster (the test command starts one)")
    inbox = PostgresInbox(tmp_path).init()
    yield inbox
    inbox.drop()


@pytest.fixture(params=["sqlite", "postgres"])
def any_inbox(request, tmp_path):
    """The same test on each storage engine."""
    if request.param == "sqlite":
        yield Inbox(tmp_path).init()
    else:
        yield request.getfixturevalue("postgres_inbox")


@pytest.fixture
def server(inbox):
    running = Server(inbox, "--rate-limit", "off").start()
    yield running
    running.stop()
