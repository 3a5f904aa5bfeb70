"""Faults in the middle of destructive steps, injected into the real executables: a shim loaded
with LD_PRELOAD (Tests/Faults/fault_injection.c, compiled here with gcc) makes a chosen unlink,
rename or fsync fail, or kills the process with SIGKILL right there, as `kill -9` or a power cut
would. Whatever is cut short, the next run completes it, the logs verify, and `keys list` never
calls a key destroyed while a file of it remains."""
import json
import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from conftest import INBOX, JSON_FORM, PASSPHRASE, POLICY, ROOT, SERVER, Server, free_port, request, stop_under_faketime

SHIM_SOURCE = ROOT / "Tests" / "Faults" / "fault_injection.c"


@pytest.fixture(scope="module")
def shim(tmp_path_factory):
    library = tmp_path_factory.mktemp("faults") / "fault_injection.so"
    subprocess.run(["gcc", "-shared", "-fPIC", "-O2", "-o", str(library), str(SHIM_SOURCE), "-ldl"], check=True)
    return library


@pytest.fixture(scope="module")
def aged_inbox(tmp_path_factory):
    """An inbox made 200 days ago, with twenty questions and addresses received then: now their
    addresses are past the policy's 90 days, and the email keys of those months are due."""
    directory = tmp_path_factory.mktemp("aged")
    passphrase = directory / "passphrase"
    passphrase.write_text(PASSPHRASE + "\n")
    passphrase.chmod(0o600)
    data = directory / "data"
    back = ["faketime", "-f", "-200d"]
    subprocess.run([*back, INBOX, "keys", "init", "--data-dir", str(data), "--passphrase-file", str(passphrase), "--policy", POLICY],
                   check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([*back, SERVER, "--data-dir", str(data), "--policy", POLICY, "--port", str(port), "--admin-port", "off",
                               "--rate-limit", "off"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=dict(os.environ, FAKETIME_DONT_FAKE_MONOTONIC="1"))
    try:
        references = []
        deadline = time.monotonic() + 60
        for index in range(20):
            body = urlencode({"question": f"Fråga {index}", "email": f"person{index}@example.se"}).encode()
            while True:
                try:
                    status, _, text = request(port, "POST", "/", body=body, headers=JSON_FORM)
                    break
                except OSError:
                    assert time.monotonic() < deadline
                    time.sleep(0.05)
            assert status == 201
            references.append(json.loads(text)["reference"])
    finally:
        # faketime runs the server as its child and passes no signal on (conftest's Server.stop).
        stop_under_faketime(server)
    return {"data": data, "passphrase": passphrase, "references": references}


def copy_of(aged, destination: Path):
    shutil.copytree(aged["data"], destination / "data", symlinks=True)
    return destination / "data"


def inbox(data, *arguments, shim=None, fault=None):
    environment = dict(os.environ)
    if shim:
        environment.update({"LD_PRELOAD": str(shim), **{f"INBOX_FAULT_{name}": str(value) for name, value in (fault or {}).items()}})
    return subprocess.run([INBOX, *arguments, "--data-dir", str(data), "--policy", POLICY], env=environment,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True)


def key_rows(data):
    return json.loads(inbox(data, "keys", "list", "--json").stdout)


def assert_no_key_called_destroyed_with_files_left(data):
    for row in key_rows(data):
        if row["state"] != "destroyed":
            continue
        directory = data / "keys" / ("holds" if row["hold"] else "epochs") / str(row["epoch"])
        left = [name for name in (f"{row['field']}.key.sealed", f"{row['field']}.pub.pem") if (directory / name).exists()]
        if row["field"] == "email" and (directory / "email.index.key").exists():
            left.append("email.index.key")
        assert left == [], f"{row['epoch']}/{row['field']} is listed destroyed with {left} left"


def assert_completed(data):
    """What a finished purge of the aged inbox leaves: every address gone, every due email key
    destroyed, no key half destroyed, both logs intact, the WAL empty."""
    rows = key_rows(data)
    assert not [row for row in rows if row["state"] == "destroying"]
    due = [row for row in rows if row["field"] == "email" and row["destroy_by"] and row["destroy_by"] < time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())]
    assert due and all(row["state"] == "destroyed" for row in due)
    assert_no_key_called_destroyed_with_files_left(data)
    with sqlite3.connect(data / "inbox.sqlite") as database:
        assert database.execute("SELECT COUNT(*) FROM sealed_fields WHERE field = 'email'").fetchone()[0] == 0
        assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    verified = inbox(data, "audit", "verify")
    assert verified.returncode == 0, verified.stderr


def test_a_purge_killed_at_every_durable_step_is_finished_by_the_next_run(aged_inbox, shim, tmp_path):
    # How many unlink, rename and fsync calls a whole purge makes: each is a point to die at.
    counted = tmp_path / "count"
    whole = inbox(copy_of(aged_inbox, tmp_path / "whole"), "purge", shim=shim,
                  fault={"CALL": "any", "AFTER": 10**9, "COUNT": counted})
    assert whole.returncode == 0, whole.stderr
    steps = int(counted.read_text())
    assert steps > 20
    killed = 0
    for step in range(1, steps + 1):
        data = copy_of(aged_inbox, tmp_path / f"step-{step}")
        cut = inbox(data, "purge", shim=shim, fault={"CALL": "any", "AFTER": step, "ACTION": "kill"})
        assert cut.returncode == -9, f"step {step}: {cut.returncode} {cut.stderr}"
        killed += 1
        assert_no_key_called_destroyed_with_files_left(data)
        again = inbox(data, "purge")
        assert again.returncode == 0, f"after dying at step {step}: {again.stderr}"
        assert_completed(data)
        shutil.rmtree(tmp_path / f"step-{step}")
    assert killed == steps


@pytest.mark.parametrize("file", ["email.key.sealed", "email.index.key", "email.pub.pem"])
def test_a_failing_unlink_leaves_the_key_destroying_until_a_later_run(aged_inbox, shim, tmp_path, file):
    """The red team's finding: with unlink failing, the key was marked destroyed while its files
    stayed, and the sealed key still opened with the master key."""
    data = copy_of(aged_inbox, tmp_path)
    failed = inbox(data, "purge", shim=shim, fault={"CALL": "unlink", "PATH": file})
    assert failed.returncode != 0
    assert "NOT done" in failed.stdout and "could not do everything" in failed.stderr
    destroying = [row for row in key_rows(data) if row["state"] == "destroying"]
    assert destroying and all(row["field"] == "email" for row in destroying)
    assert_no_key_called_destroyed_with_files_left(data)
    # The addresses went regardless: deleting data does not wait for keys.
    with sqlite3.connect(data / "inbox.sqlite") as database:
        assert database.execute("SELECT COUNT(*) FROM sealed_fields WHERE field = 'email'").fetchone()[0] == 0
    again = inbox(data, "purge")
    assert again.returncode == 0, again.stderr
    assert_completed(data)


@pytest.mark.parametrize("call, path, nth", [
    ("rename", "audit.anchor", 1),      # the anchor's pending write, before the commit: nothing is appended
    ("rename", "audit.anchor", 2),      # the anchor's move after the commit: the entry stays, named as pending
    ("fsync", "audit.anchor", 2),
    ("rename", "suppression.log", 1),   # the suppression list cannot be replaced: nothing is erased
    ("fsync", "suppression.log", 1),
    ("fsync", "inbox.sqlite", 1),       # the database's own flush
])
def test_a_fault_in_an_erasure_leaves_lists_and_logs_that_verify_and_a_retry_finishes(aged_inbox, shim, tmp_path, call, path, nth):
    data = copy_of(aged_inbox, tmp_path)
    reference = aged_inbox["references"][0]
    failed = inbox(data, "erase", reference, shim=shim, fault={"CALL": call, "PATH": path, "AFTER": nth})
    assert failed.returncode != 0, failed.stdout
    assert inbox(data, "audit", "verify").returncode == 0
    retried = inbox(data, "erase", reference)
    # Erased already by the first attempt (the fault came after the deletion), or erased now.
    assert retried.returncode == 0 or "no record" in retried.stderr, retried.stderr
    with sqlite3.connect(data / "inbox.sqlite") as database:
        assert database.execute("SELECT COUNT(*) FROM records WHERE reference = ?", (reference,)).fetchone()[0] == 0
    purged = inbox(data, "purge")
    assert purged.returncode == 0, purged.stderr  # the suppression list reads and verifies
    assert inbox(data, "audit", "verify").returncode == 0
    actions = [entry["action"] for entry in json.loads(inbox(data, "audit", "list", "--json").stdout)]
    assert actions.count("erase") <= 1


def test_an_erasure_killed_at_every_durable_step_is_finished_by_a_retry(aged_inbox, shim, tmp_path):
    reference = aged_inbox["references"][1]
    counted = tmp_path / "count"
    whole = inbox(copy_of(aged_inbox, tmp_path / "whole"), "erase", reference, shim=shim,
                  fault={"CALL": "any", "AFTER": 10**9, "COUNT": counted})
    assert whole.returncode == 0, whole.stderr
    for step in range(1, int(counted.read_text()) + 1):
        data = copy_of(aged_inbox, tmp_path / f"step-{step}")
        cut = inbox(data, "erase", reference, shim=shim, fault={"CALL": "any", "AFTER": step, "ACTION": "kill"})
        assert cut.returncode == -9
        retried = inbox(data, "erase", reference)
        assert retried.returncode == 0 or "no record" in retried.stderr, f"step {step}: {retried.stderr}"
        assert inbox(data, "audit", "verify").returncode == 0, f"step {step}"
        purged = inbox(data, "purge")
        assert purged.returncode == 0, f"step {step}: {purged.stderr}"
        with sqlite3.connect(data / "inbox.sqlite") as database:
            assert database.execute("SELECT COUNT(*) FROM records WHERE reference = ?", (reference,)).fetchone()[0] == 0
        shutil.rmtree(tmp_path / f"step-{step}")


def test_no_submission_is_acknowledged_when_its_commit_cannot_be_flushed(inbox, shim, tmp_path):
    """Guarantee 8: the answer comes only after the commit is on disk. GRDB had quietly set
    synchronous=NORMAL, which does not flush at commit: with the flush failing, submissions were
    still acknowledged (found by these fault tests). Now every commit's fdatasync must succeed, and
    once the disk behaves again the next submission is taken without a restart."""
    switch = tmp_path / "failing"
    server = Server(inbox, "--rate-limit", "off", environment={
        "LD_PRELOAD": str(shim), "INBOX_FAULT_CALL": "fsync", "INBOX_FAULT_PATH": "inbox.sqlite-wal", "INBOX_FAULT_AFTER": "0",
        "INBOX_FAULT_WHEN": str(switch)}).start()
    try:
        body = urlencode({"question": "Sparas jag?"}).encode()
        switch.touch()
        status, _, _ = request(server.port, "POST", "/", body=body, headers=JSON_FORM)
        assert status != 201 and status >= 500
        assert inbox.records() == []
        switch.unlink()
        status, _, _ = request(server.port, "POST", "/", body=body, headers=JSON_FORM)
        assert status == 201
    finally:
        server.stop()
    assert len(inbox.records()) == 1
