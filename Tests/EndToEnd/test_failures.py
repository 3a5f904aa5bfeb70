"""When the inbox cannot take a question, the citizen keeps it and the operator hears first. The data
directory is a small tmpfs (mounted here; the test needs root, as CI runs it), filled until nothing
fits, remounted read-only; the database's write lock is held past its timeout; the rate limit is
reached from a browser. Each time a browser gets the form back with the question and address as
sent and a message that says what to do (checked by axe-core), a JSON client gets the status with
`error` and `retry_after`, /healthz answers 503 with the reason, and once the condition clears the
next submission is taken without a restart, with nothing half-written left behind."""
import json
import os
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import WebDriverWait

from conftest import JSON_FORM, ROOT, Inbox, Server, request
from test_form_in_browser import accessibility_problems, chromium

QUESTION = "Kan jag få hjälp med min ansökan om bostadsanpassning?"
ADDRESS = "hjalp.mig@example.se"


@pytest.fixture
def small_disk():
    """A 16 MiB tmpfs of its own, or a skip that says why there is none."""
    directory = Path(tempfile.mkdtemp(prefix="inbox-small-disk-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m,mode=0755", "tmpfs", str(directory)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        directory.rmdir()
        pytest.skip(f"cannot mount a tmpfs here (needs root): {mounted.stderr.strip()}")
    yield directory
    subprocess.run(["umount", "-l", str(directory)], capture_output=True)
    directory.rmdir()


@pytest.fixture
def browser():
    driver = chromium("sv-SE,sv")
    yield driver
    driver.quit()


def free_bytes(path):
    stats = os.statvfs(path)
    return stats.f_bavail * stats.f_frsize


def fill(directory, leave=0):
    """Writes a filler file until at most `leave` bytes are free (or none at all)."""
    filler = directory / "filler"
    with open(filler, "ab") as file:
        chunk = b"\0" * (1 << 16)
        while free_bytes(directory) > leave:
            try:
                file.write(chunk[: max(4096, min(len(chunk), free_bytes(directory) - leave))])
                file.flush()
            except OSError:
                break
    return filler


def submit_json(server, question=QUESTION):
    return request(server.port, "POST", "/", body=urlencode({"question": question, "email": ADDRESS}).encode(), headers=JSON_FORM)


def health(server):
    status, _, body = request(server.admin_port, "GET", "/healthz")
    return status, body.decode()


def submit_in_browser(browser, server):
    browser.get(f"http://127.0.0.1:{server.port}/")
    browser.find_element(By.ID, "question").send_keys(QUESTION)
    browser.find_element(By.ID, "email").send_keys(ADDRESS)
    submit = browser.find_element(By.CSS_SELECTOR, "button[type=submit]")
    submit.click()
    # A click only starts the navigation: wait until the page that held the button is gone, so that
    # what is read next is the server's answer, not the form it was sent from.
    WebDriverWait(browser, 30).until(staleness_of(submit))


def assert_the_form_came_back_with_the_text(browser, expected):
    alert = browser.find_element(By.CSS_SELECTOR, "[role=alert]")
    assert expected in alert.text and "Ingenting sparades" in alert.text
    assert "registrator@" in alert.text  # where else to write, from the policy
    assert browser.find_element(By.ID, "question").get_attribute("value") == QUESTION
    assert browser.find_element(By.ID, "email").get_attribute("value") == ADDRESS
    assert accessibility_problems(browser) == []


def assert_consistent(inbox, acknowledged):
    listed = json.loads(inbox.run("list", "--status", "all", "--json").stdout)
    assert sorted(item["reference"] for item in listed) == sorted(acknowledged)
    with sqlite3.connect(inbox.data / "inbox.sqlite") as database:
        problems = [row[0] for row in database.execute("PRAGMA integrity_check")]
        # SQLite 3.40 (Debian 12) reports a NOT NULL column of a WITHOUT ROWID table that sits
        # between its key's columns as NULL when it is not (fixed in 3.41): look for real ones.
        if database.execute("SELECT COUNT(*) FROM email_index WHERE epoch IS NULL").fetchone()[0] == 0:
            problems = [problem for problem in problems if problem != "NULL value in email_index.epoch"]
        assert problems in (["ok"], []), problems
        # No record without its question, no index entry or field without its record.
        assert database.execute(
            "SELECT COUNT(*) FROM records r WHERE NOT EXISTS (SELECT 1 FROM sealed_fields f WHERE f.record_id = r.id)").fetchone()[0] == 0
        assert database.execute(
            "SELECT COUNT(*) FROM email_index i WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.id = i.record_id)").fetchone()[0] == 0


def test_a_full_disk_keeps_the_question_and_the_operator_hears_first(small_disk, browser):
    inbox = Inbox(small_disk).init()
    server = Server(inbox, "--rate-limit", "off", "--min-free-space", "6").start()
    acknowledged = []
    try:
        status, _, text = submit_json(server)
        assert status == 201
        acknowledged.append(json.loads(text)["reference"])

        # Below the minimum but not yet full: /healthz says so while citizens are still served.
        fill(small_disk, leave=3 << 20)
        status, body = health(server)
        assert status == 503 and "low on space" in body, body
        status, _, text = submit_json(server)
        assert status == 201
        acknowledged.append(json.loads(text)["reference"])
        _, _, metrics = request(server.admin_port, "GET", "/metrics")
        assert b"inbox_data_directory_free_bytes " in metrics

        # Full: nothing fits, nothing is acknowledged, and nobody loses what they wrote.
        filler = fill(small_disk)
        status, headers, text = submit_json(server)
        assert status == 503, text
        answer = json.loads(text)
        assert answer["retry_after"] == int(headers["Retry-After"]) > 0 and "Ingenting sparades" in answer["error"]
        submit_in_browser(browser, server)
        assert_the_form_came_back_with_the_text(browser, "Vi kunde inte spara din fråga just nu")
        assert "ENOSPC" in server.output()
        assert QUESTION not in server.output() and ADDRESS not in server.output()
        _, _, metrics = request(server.admin_port, "GET", "/metrics")
        assert b'inbox_submissions_refused_total{reason="store_full"}' in metrics

        # Space again: the next submission is taken, without a restart.
        filler.unlink()
        status, _, text = submit_json(server)
        assert status == 201, text
        acknowledged.append(json.loads(text)["reference"])
        assert health(server)[0] == 200
    finally:
        server.stop()
    assert_consistent(inbox, acknowledged)


def test_a_file_system_gone_read_only_keeps_the_question_and_recovers(inbox, tmp_path):
    """ext4 remounts itself read-only on an error, under a running server: every write fails with
    EROFS. (A remount by hand is refused while the server holds the database open for writing, so
    the fault-injection shim of Tests/Faults makes each write to the data directory fail instead,
    while a switch file exists.)"""
    shim = tmp_path / "fault_injection.so"
    subprocess.run(["gcc", "-shared", "-fPIC", "-O2", "-o", str(shim), str(ROOT / "Tests/Faults/fault_injection.c"), "-ldl"], check=True)
    switch = tmp_path / "read-only"
    server = Server(inbox, "--rate-limit", "off", environment={
        "LD_PRELOAD": str(shim), "INBOX_FAULT_CALL": "write", "INBOX_FAULT_PATH": str(inbox.data), "INBOX_FAULT_ERRNO": "30",
        "INBOX_FAULT_WHEN": str(switch)}).start()
    acknowledged = []
    try:
        status, _, text = submit_json(server)
        acknowledged.append(json.loads(text)["reference"])
        switch.touch()
        status, body = health(server)
        assert status == 503 and "EROFS" in body, body
        status, headers, text = submit_json(server)
        assert status == 503 and "Retry-After" in headers, text
        assert "EROFS" in server.output()
        _, _, metrics = request(server.admin_port, "GET", "/metrics")
        assert b'inbox_submissions_refused_total{reason="store_read_only"} 1' in metrics
        switch.unlink()
        status, _, text = submit_json(server)
        assert status == 201, text
        acknowledged.append(json.loads(text)["reference"])
        assert health(server)[0] == 200
    finally:
        server.stop()
    assert_consistent(inbox, acknowledged)


def test_a_write_lock_held_past_the_timeout_keeps_the_question_and_recovers(inbox):
    server = Server(inbox, "--rate-limit", "off").start()
    acknowledged = []
    database = sqlite3.connect(inbox.data / "inbox.sqlite", isolation_level=None, timeout=30)
    try:
        database.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        status, headers, text = submit_json(server)
        assert status == 503 and int(headers["Retry-After"]) > 0, text
        assert time.monotonic() - started >= 5  # SQLite's busy timeout was waited out, not skipped
        assert "SQLITE_BUSY" in server.output()
        status, body = health(server)
        assert status == 503 and "not writable" in body
        database.execute("ROLLBACK")
        status, _, text = submit_json(server)
        assert status == 201, text
        acknowledged.append(json.loads(text)["reference"])
    finally:
        database.close()
        server.stop()
    assert_consistent(inbox, acknowledged)


def test_the_rate_limit_in_a_browser_keeps_the_question(inbox, browser):
    server = Server(inbox, "--rate-limit", "1/minute").start()
    try:
        submit_in_browser(browser, server)
        assert "/thanks" in browser.current_url
        submit_in_browser(browser, server)
        assert_the_form_came_back_with_the_text(browser, "Många frågor har skickats från ditt nätverk")
        status, headers, text = submit_json(server)
        assert status == 429 and json.loads(text)["retry_after"] == int(headers["Retry-After"]) > 0
    finally:
        server.stop()
    assert len(inbox.records()) == 1
