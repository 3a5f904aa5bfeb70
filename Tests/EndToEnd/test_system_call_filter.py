"""The units' SystemCallFilter= against what the executables really call. systemd itself says which
system calls its groups hold (`systemd-analyze syscall-filter`); strace records every system call
the server makes while it starts, takes a submission, answers /healthz and /metrics and stops on
SIGTERM, and every call the purge makes, run as an unprivileged user as the units run them (as
root, SQLite would also chown its WAL files). Each call must be allowed by the unit's filter:
otherwise the service would meet EPERM in production (SystemCallErrorNumber=EPERM) where the tests
pass."""
import os
import re
import signal
import subprocess
from pathlib import Path
from urllib.parse import urlencode

import pytest

from conftest import JSON_FORM, ROOT, UNPRIVILEGED, Server, request


UNITS = ROOT / "deploy" / "systemd"
CALL = re.compile(r"^\d+\s+(?:<\.\.\. )?([a-z0-9_]+)[( ]")


def syscall_groups():
    """Every group systemd knows, with its members (system calls and nested @groups)."""
    output = subprocess.run(["systemd-analyze", "syscall-filter"], capture_output=True, text=True, check=True).stdout
    groups, current = {}, None
    for line in output.splitlines():
        if line.startswith("@"):
            current = groups.setdefault(line.strip(), set())
        elif current is not None and line.strip() and not line.strip().startswith("#"):
            current.add(line.strip())
    return groups


def expand(names, groups):
    calls = set()
    for name in names:
        if name.startswith("@"):
            calls |= expand(groups[name], groups)
        else:
            calls.add(name)
    return calls


def allowed_calls(unit):
    """The unit's filter as systemd applies it: the first SystemCallFilter= is an allow list, and
    each later one removes (~) from it or adds to it, in order."""
    groups = syscall_groups()
    allowed = None
    for line in (UNITS / unit).read_text().splitlines():
        if not line.startswith("SystemCallFilter="):
            continue
        value = line.split("=", 1)[1]
        if allowed is None:
            assert not value.startswith("~"), "an allow list first"
            allowed = expand(value.split(), groups)
        elif value.startswith("~"):
            allowed -= expand(value[1:].split(), groups)
        else:
            allowed |= expand(value.split(), groups)
    return allowed


def traced_calls(trace: Path):
    return {match.group(1) for line in trace.read_text().splitlines() if (match := CALL.match(line))} - {"exited", "killed"}


@pytest.fixture(scope="module", autouse=True)
def strace_present():
    if subprocess.run(["which", "strace"], capture_output=True).returncode != 0:
        pytest.fail("strace is needed (Debian: strace); .ci/test installs it")


def test_the_filter_is_not_trivial():
    allowed = allowed_calls("inbox-server.service")
    assert {"read", "write", "epoll_wait", "fsync"} <= allowed
    assert not {"mount", "reboot", "setuid", "ptrace", "init_module", "setrlimit"} & allowed


def strace(trace):
    return ["strace", "-f", "-qq", "-u", UNPRIVILEGED, "-o", str(trace)]


def test_every_call_the_server_makes_is_allowed_by_its_unit(unprivileged_inbox, reachable, tmp_path):
    # strace itself (root) writes the trace; only the server runs as the unprivileged user.
    trace = tmp_path / "server.trace"
    server = Server(unprivileged_inbox, "--rate-limit", "off", wrapper=strace(trace), executable=reachable.server,
                    policy=reachable.policy).start()
    try:
        status, _, _ = request(server.port, "POST", "/", body=urlencode({"question": "q", "email": "a@example.se"}),
                               headers=JSON_FORM)
        assert status == 201
        assert request(server.port, "GET", "/")[0] == 200
        assert request(server.admin_port, "GET", "/metrics")[0] == 200
    finally:
        # SIGTERM to the server itself (strace is its parent): its graceful shutdown is traced too.
        os.kill(int(trace.read_text().split(None, 1)[0]), signal.SIGTERM)
        assert server.process.wait(timeout=60) == 0
    used = traced_calls(trace)
    assert {"accept4", "fsync", "epoll_wait"} & used, "the trace holds the server's work"
    assert used - allowed_calls("inbox-server.service") == set()


def test_every_call_the_purge_makes_is_allowed_by_its_unit(unprivileged_inbox, reachable, tmp_path):
    trace = tmp_path / "purge.trace"
    subprocess.run([*strace(trace), reachable.inbox, "purge", "--data-dir", str(unprivileged_inbox.data), "--policy", reachable.policy],
                   check=True, capture_output=True)
    used = traced_calls(trace)
    assert "fsync" in used or "fdatasync" in used
    assert used - allowed_calls("inbox-purge.service") == set()
