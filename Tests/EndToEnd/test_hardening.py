"""Regression tests of the red team's findings that need the real executables: the intake server
never writes the key directory and refuses to seal without a complete key for its current epoch,
and `inbox` is non-dumpable before it reads anything secret."""
import json
import os
import pty
import select
import subprocess
import time
from pathlib import Path
from urllib.parse import urlencode

from conftest import INBOX, JSON_FORM, POLICY, UNPRIVILEGED, Server, request


def key_directory_state(inbox):
    """Every path under the key directory with its size and modification time."""
    keys = inbox.data / "keys"
    return {str(path.relative_to(keys)): (path.stat().st_size, path.stat().st_mtime_ns) for path in keys.rglob("*")}


def faketime(offset):
    # The server's timers run on the monotonic clock, which is left alone; its calendar moves.
    return ["faketime", "-f", offset], {"FAKETIME_DONT_FAKE_MONOTONIC": "1"}


def test_the_server_never_creates_keys_answers_503_without_one_and_recovers_when_the_purge_makes_it(inbox):
    """The server seals only to the epoch current by its clock; 100 days on, that epoch has no keys
    (keys init made the current month and two ahead). It must not make them itself."""
    before = key_directory_state(inbox)
    wrapper, environment = faketime("+100d")
    server = Server(inbox, "--rate-limit", "off", wrapper=wrapper, environment=environment).start(wait=False)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _, health = request(server.admin_port, "GET", "/healthz")
                break
            except OSError:
                assert time.monotonic() < deadline, server.output()
                time.sleep(0.05)
        assert status == 503 and b"current epoch keys: missing" in health
        body = urlencode({"question": "Finns det en nyckel?"}).encode()
        status, headers, text = request(server.port, "POST", "/", body=body, headers=JSON_FORM)
        assert status == 503 and "Retry-After" in headers, text
        assert inbox.records() == []
        assert key_directory_state(inbox) == before

        # The hourly purge, at the same time, creates the epochs ahead: the server goes on by itself.
        purge = subprocess.run([*wrapper, INBOX, "purge", "--data-dir", str(inbox.data), "--policy", POLICY],
                               env=dict(os.environ, **environment), capture_output=True, text=True, stdin=subprocess.DEVNULL)
        assert purge.returncode == 0, purge.stderr
        status, _, text = request(server.port, "POST", "/", body=body, headers=JSON_FORM)
        assert status == 201, text
        assert request(server.admin_port, "GET", "/healthz")[0] == 200
    finally:
        server.stop()


def test_a_key_being_destroyed_gets_no_more_fields(inbox, server):
    """The red team's finding: with its current keys destroyed, the server went on sealing to its
    cached public key and answered 303 for submissions nobody could ever open."""
    body = urlencode({"question": "Före"}).encode()
    assert request(server.port, "POST", "/", body=body, headers=JSON_FORM)[0] == 201
    epochs = sorted((inbox.data / "keys" / "epochs").iterdir())
    current = epochs[0]
    # Destruction deletes the sealed private key first: that is the moment the key is gone.
    (current / "question.key.sealed").unlink()
    status, _, _ = request(server.port, "POST", "/", body=urlencode({"question": "Efter"}).encode(), headers=JSON_FORM)
    assert status == 503
    status, _, health = request(server.admin_port, "GET", "/healthz")
    assert status == 503 and b"missing" in health
    assert len(inbox.records()) == 1
    listed = json.loads(inbox.run("keys", "list", "--json").stdout)
    assert {row["state"] for row in listed if row["epoch"] == int(current.name) and row["field"] == "question"} == {"destroying"}


def test_inbox_is_non_dumpable_before_it_asks_for_the_passphrase(unprivileged_inbox, reachable):
    """The red team's finding: the process became non-dumpable only after the passphrase was read.
    A non-dumpable process's /proc entries belong to root; so this runs inbox as an unprivileged user
    and looks while it waits at the prompt."""
    data = unprivileged_inbox.data
    pid, controller = pty.fork()
    if pid == 0:
        os.execvp("setpriv", ["setpriv", f"--reuid={UNPRIVILEGED}", "--regid=nogroup", "--clear-groups", reachable.inbox, "keys", "passwd",
                              "--data-dir", str(data), "--policy", reachable.policy])
    try:
        output = b""
        deadline = time.monotonic() + 30
        while b"Passphrase" not in output:
            assert time.monotonic() < deadline, output
            ready, _, _ = select.select([controller], [], [], 0.5)
            if ready:
                output += os.read(controller, 1024)
        status = Path(f"/proc/{pid}/status")
        uid = next(line.split()[1] for line in status.read_text().splitlines() if line.startswith("Uid:"))
        assert int(uid) == int(subprocess.run(["id", "-u", UNPRIVILEGED], capture_output=True, text=True).stdout)
        # The process runs as nobody, yet its /proc entries belong to root: it is not dumpable.
        assert os.stat(f"/proc/{pid}/environ").st_uid == 0
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(controller)


def test_the_units_environment_makes_a_crash_end_the_server_at_once(inbox):
    """The red team's finding: a trap kept the server busy printing a backtrace for about 12 s before
    systemd could restart it. No input crashes it now (the fuzzers); should something else, the
    unit turns Swift's backtracer off. SIGSEGV stands in for a crash."""
    unit = (Path(__file__).resolve().parents[2] / "deploy/systemd/inbox-server.service").read_text()
    environment = dict(line.split("=", 1)[1].split("=", 1) for line in unit.splitlines() if line.startswith("Environment="))
    assert environment.get("SWIFT_BACKTRACE") == "enable=no"
    server = Server(inbox, "--rate-limit", "off", environment={"SWIFT_BACKTRACE": environment["SWIFT_BACKTRACE"]}).start()
    os.kill(server.process.pid, 11)
    assert server.process.wait(timeout=60) == -11
    assert "Program crashed" not in server.output() and "Backtrace" not in server.output()
