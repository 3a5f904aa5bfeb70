"""The intake server end to end: the real `inbox-server` on loopback, driven over HTTP, checked
with the real `inbox` executable and by reading its files."""
import http.client
import json
import re
import os
import signal
import socket
import sqlite3
import subprocess
import threading
import time
from urllib.parse import quote, urlencode

import pytest

from conftest import FORM, JSON_FORM, PASSPHRASE, ROOT, Server, request

# --- the bad-input table -------------------------------------------------------------------------

LONG_EMAIL = "a@" + ".".join(["b" * 60] * 5) + ".se"
BAD_INPUT = [
    ("JSON body", {"Content-Type": "application/json"}, b'{"question": "x"}', 415),
    ("plain text", {"Content-Type": "text/plain"}, b"question=x", 415),
    ("no content type", {}, b"question=x", 415),
    ("multipart", {"Content-Type": "multipart/form-data; boundary=x"}, b"--x--", 415),
    ("body over 64 KiB", FORM, b"question=" + b"a" * (64 * 1024), 413),
    ("bad percent escape", FORM, b"question=%ZZ", 400),
    ("truncated escape", FORM, b"question=abc%4", 400),
    ("invalid UTF-8", FORM, b"question=%C3%28", 400),
    ("field twice", FORM, b"question=a&question=b", 400),
    ("no question", FORM, b"email=a%40example.se", 422),
    ("blank question", FORM, b"question=+++%0A", 422),
    ("question too long", FORM, urlencode({"question": "x" * 5001}).encode(), 422),
    ("invalid address", FORM, urlencode({"question": "q", "email": "not-an-address"}).encode(), 422),
    ("header injection", FORM, urlencode({"question": "q", "email": "a@example.se\r\nBcc: b@example.se"}).encode(), 422),
    ("control character", FORM, urlencode({"question": "q", "email": "a\x07@example.se"}).encode(), 422),
    ("address too long", FORM, urlencode({"question": "q", "email": LONG_EMAIL}).encode(), 422),
]


@pytest.mark.parametrize("name, headers, body, status", BAD_INPUT, ids=[case[0] for case in BAD_INPUT])
def test_bad_input_is_refused_and_nothing_is_stored(server, name, headers, body, status):
    got, response_headers, text = request(server.port, "POST", "/", body=body, headers=headers)
    assert got == status, text
    assert server.inbox.records() == []
    assert "anna" not in text.decode(errors="replace")  # nothing of the input is echoed in errors
    assert response_headers.get("Content-Security-Policy", "").startswith("default-src 'none'")


def test_json_clients_get_errors_per_field(server):
    body = urlencode({"question": "", "email": "nope"}).encode()
    status, headers, text = request(server.port, "POST", "/?lang=en", body=body, headers=JSON_FORM)
    assert status == 422
    errors = json.loads(text)["errors"]
    assert set(errors) == {"question", "email"}
    assert errors["question"] == "Please write your question."


def test_browsers_get_the_form_back_with_the_question_kept(server):
    body = urlencode({"question": "Min fråga <b>", "email": "nope"}).encode()
    status, _, text = request(server.port, "POST", "/", body=body, headers=dict(FORM, Accept="text/html"))
    page = text.decode()
    assert status == 422
    assert 'aria-invalid="true"' in page and 'aria-describedby="email-error' in page
    assert "Min fråga &lt;b&gt;</textarea>" in page


# Each of these headers once stopped the server (a trap in a subscript of an empty split): the
# form must answer, and the same process must go on answering.
HOSTILE_HEADERS = [
    ("GET", {"Accept-Language": ";"}), ("GET", {"Accept-Language": ","}), ("GET", {"Accept-Language": "en;q=nan"}),
    ("POST", {"Accept": ";"}), ("POST", {"Accept": ",;,"}), ("POST", {"Accept": "application/json;q=inf"}),
    ("POST", {"Accept": ";", "Accept-Language": ";"}),
]


@pytest.mark.parametrize("method, headers", HOSTILE_HEADERS, ids=[f"{m} {h}" for m, h in HOSTILE_HEADERS])
def test_malformed_negotiation_headers_are_answered_and_the_server_lives_on(server, method, headers):
    body = urlencode({"question": "Klarar ni ett semikolon?"}).encode() if method == "POST" else None
    status, _, _ = request(server.port, method, "/", body=body, headers=dict(FORM if body else {}, **headers))
    assert status in (200, 303)
    assert server.process.poll() is None
    status, _, _ = request(server.port, "GET", "/")
    assert status == 200


# --- accepted submissions ------------------------------------------------------------------------

def test_a_5000_character_cyrillic_question_is_accepted(server):
    question = "Здравствуйте" + "ж" * (5000 - 12)
    body = urlencode({"question": question, "email": "ivan@example.se"}).encode()
    assert 30_000 < len(body) < 64 * 1024
    status, _, text = request(server.port, "POST", "/", body=body, headers=JSON_FORM)
    assert status == 201, text
    reference = json.loads(text)["reference"]
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}", reference)
    assert [record["reference"] for record in server.inbox.records()] == [reference]


def test_browsers_are_sent_to_a_thanks_page_with_the_reference(server):
    body = urlencode({"question": "Hur söker jag bygglov?"}).encode()
    status, headers, _ = request(server.port, "POST", "/", body=body, headers=dict(FORM, Accept="*/*"))
    assert status == 303
    location = headers["Location"]
    reference = re.search(r"ref=([0-9A-Z-]+)", location).group(1)
    status, headers, page = request(server.port, "GET", location)
    assert status == 200
    assert f'<p class="reference">{reference}</p>' in page.decode()
    assert headers["Cache-Control"] == "no-store"
    record = server.inbox.records()[0]
    assert record["reference"] == reference and record["email_deleted_by"] is None


def test_a_filled_honeypot_looks_like_success_and_is_kept_as_spam(server):
    body = urlencode({"question": "Buy now", "email": "bot@example.se", "website": "http://spam.example"}).encode()
    status, _, text = request(server.port, "POST", "/", body=body, headers=JSON_FORM)
    assert status == 201 and "reference" in json.loads(text)
    status, _, _ = request(server.port, "POST", "/", body=body, headers=FORM)
    assert status == 303
    # Out of the open queue, in the spam queue (test_embedding.py follows it to its purge).
    assert [record["status"] for record in server.inbox.records()] == ["spam", "spam"]
    assert json.loads(server.inbox.run("list", "--json").stdout) == []


def test_languages_and_headers_of_the_form(server):
    status, headers, page = request(server.port, "GET", "/")
    assert status == 200 and '<html lang="sv">' in page.decode()
    for header in ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"]:
        assert header in headers
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "form-action 'self'" in headers["Content-Security-Policy"]
    _, _, english = request(server.port, "GET", "/", headers={"Accept-Language": "en-GB,en;q=0.8"})
    assert '<html lang="en">' in english.decode()
    _, _, by_query = request(server.port, "GET", "/?lang=en", headers={"Accept-Language": "sv"})
    assert '<html lang="en">' in by_query.decode()
    status, headers, css = request(server.port, "GET", "/style.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css")


# --- what is stored, and what is not -------------------------------------------------------------

CANARY_EMAIL = "kanariefagel.7f3a@example.se"
CANARY_QUESTION = "Kanariefågeln sjunger 91c2e5 i gruvan"


def open_field_recipe():
    document = (ROOT / "docs" / "FORMAT.md").read_text()
    namespace = {}
    exec(re.search(r"```python\n(.*?)```", document, re.S).group(1), namespace)
    return namespace["open_field"]


def test_a_canary_is_never_in_clear_and_opens_only_in_its_place(server):
    body = urlencode({"question": CANARY_QUESTION, "email": CANARY_EMAIL}).encode()
    status, _, text = request(server.port, "POST", "/", body=body, headers=JSON_FORM)
    assert status == 201
    reference = json.loads(text)["reference"]

    needles = [CANARY_EMAIL.encode(), CANARY_QUESTION.encode(), quote(CANARY_EMAIL).encode(), b"kanariefagel", "Kanariefågeln".encode()]
    for path in server.inbox.data.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for needle in needles:
                assert needle not in content, f"{needle!r} in clear in {path}"
    log = server.output()
    assert "kanariefagel" not in log and "Kanarie" not in log

    # The sealed fields open with the epoch keys, as docs/FORMAT.md says, and only in their place.
    open_field = open_field_recipe()
    der = subprocess.run(["openssl", "pkey", "-in", str(server.inbox.data / "private" / "master.key.pem"), "-passin",
                          f"pass:{PASSPHRASE}", "-outform", "DER"], check=True, capture_output=True).stdout
    database = sqlite3.connect(f"file:{server.inbox.data / 'inbox.sqlite'}?mode=ro", uri=True)
    rows = dict(database.execute(
        "SELECT f.field, f.sealed FROM sealed_fields f JOIN records r ON r.id = f.record_id WHERE r.reference = ?", (reference,)))
    database.close()
    for field, plaintext in [("email", CANARY_EMAIL), ("question", CANARY_QUESTION)]:
        sealed = rows[field]
        epoch = int.from_bytes(sealed[1:5], "big")
        sealed_key = (server.inbox.data / "keys" / "epochs" / str(epoch) / f"{field}.key.sealed").read_bytes()
        epoch_key = open_field(sealed_key, der[-32:], "epoch-key", field)
        assert open_field(sealed, epoch_key, reference, field).decode() == plaintext
        with pytest.raises(Exception):
            open_field(sealed, epoch_key, "K7Q2-M9XD-4T", field)
        with pytest.raises(Exception):
            open_field(sealed, epoch_key, reference, "answer")


def test_request_log_lines_carry_no_client_address(server):
    request(server.port, "POST", "/", body=b"question=hej", headers=FORM)
    request(server.port, "POST", "/", body=b"question=%ZZ", headers=FORM)
    request_lines = [line for line in server.output().splitlines() if " request" in line and "path=" in line]
    assert len(request_lines) == 2
    for line in request_lines:
        assert "127.0.0.1" not in line and "hej" not in line
    assert "status=303" in request_lines[0] and "reference=" in request_lines[0]


# --- limits, start-up and shutdown ---------------------------------------------------------------

def test_the_rate_limit_answers_429_with_retry_after(inbox):
    limited = Server(inbox, "--rate-limit", "3/minute", "--trusted-proxy", "127.0.0.1").start()
    try:
        statuses = [request(limited.port, "POST", "/", body=b"question=q", headers=dict(FORM, **{"X-Forwarded-For": "198.51.100.7"}))
                    for _ in range(4)]
        assert [status for status, _, _ in statuses] == [303, 303, 303, 429]
        assert int(statuses[3][1]["Retry-After"]) >= 1
        # Behind the trusted proxy, another citizen has a bucket of their own.
        other, _, _ = request(limited.port, "POST", "/", body=b"question=q", headers=dict(FORM, **{"X-Forwarded-For": "198.51.100.8"}))
        assert other == 303
        assert len(inbox.records()) == 4
        assert "198.51.100" not in limited.output()
    finally:
        limited.stop()


def test_every_address_of_one_ipv6_64_shares_one_rate_limit(inbox):
    """The red team's finding: eight addresses of one /64 got eight 303s at a limit of two."""
    limited = Server(inbox, "--rate-limit", "2/minute", "--trusted-proxy", "127.0.0.1").start()
    try:
        statuses = [request(limited.port, "POST", "/", body=b"question=q", headers=dict(FORM, **{"X-Forwarded-For": f"2001:db8:5:6::{n}"}))[0]
                    for n in range(1, 9)]
        assert statuses.count(303) == 2 and statuses.count(429) == 6
        other, _, _ = request(limited.port, "POST", "/", body=b"question=q", headers=dict(FORM, **{"X-Forwarded-For": "2001:db8:5:7::1"}))
        assert other == 303
    finally:
        limited.stop()


def test_slow_clients_are_cut_off_and_the_form_stays_open(inbox):
    """Two hundred connections that send their request a byte at a time hold nothing: each is closed
    once the request deadline passes, while other citizens are served throughout."""
    server = Server(inbox, "--rate-limit", "off", "--request-timeout", "2").start()
    slow = []
    stop = threading.Event()
    try:
        for index in range(200):
            connection = socket.create_connection(("127.0.0.1", server.port))
            if index % 2:
                # Headers complete, the body a byte at a time: every byte is a part Hummingbird's own
                # idle timer counts as activity.
                connection.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                   b"Content-Length: 1000\r\n\r\nquestion=")
            else:
                connection.sendall(b"POST / HTTP/1.1\r\nHost: x\r\n")  # headers a byte at a time
            slow.append(connection)

        def trickle():
            while not stop.is_set():
                for connection in slow:
                    try:
                        connection.send(b"a")
                    except OSError:
                        pass
                stop.wait(0.5)

        trickler = threading.Thread(target=trickle, daemon=True)
        trickler.start()
        assert request(server.port, "GET", "/")[0] == 200
        deadline = time.monotonic() + 30
        for connection in slow:
            connection.settimeout(max(0.1, deadline - time.monotonic()))
            try:
                assert connection.recv(4096) == b""
            except ConnectionResetError:
                pass
        assert request(server.port, "POST", "/", body=b"question=still+here", headers=JSON_FORM)[0] == 201
        _, _, metrics = request(server.admin_port, "GET", "/metrics")
        closed = re.search(rb"inbox_slow_connections_closed_total (\d+)", metrics)
        assert closed and int(closed.group(1)) >= 200
    finally:
        stop.set()
        for connection in slow:
            connection.close()
        server.stop()


def test_forwarded_for_is_ignored_from_an_untrusted_peer(inbox):
    limited = Server(inbox, "--rate-limit", "2/minute").start()
    try:
        statuses = [request(limited.port, "POST", "/", body=b"question=q", headers=dict(FORM, **{"X-Forwarded-For": f"198.51.100.{n}"}))[0]
                    for n in range(3)]
        assert statuses == [303, 303, 429]
    finally:
        limited.stop()


def test_health_is_503_while_the_store_cannot_take_a_write_and_recovers(server):
    """Another process holds SQLite's write lock beyond the busy timeout (10 s): /healthz says
    the store is not writable; once the lock is gone it is healthy again."""
    database = sqlite3.connect(server.inbox.data / "inbox.sqlite", isolation_level=None, timeout=30)
    try:
        database.execute("BEGIN EXCLUSIVE")
        status, _, health = request(server.admin_port, "GET", "/healthz")
        assert status == 503 and b"store: not writable" in health
        # The form is still served meanwhile: the check does not hold an event loop.
        assert request(server.port, "GET", "/")[0] == 200
    finally:
        database.execute("ROLLBACK")
        database.close()
    status, _, health = request(server.admin_port, "GET", "/healthz")
    assert status == 200 and b"store: writable" in health


def test_without_an_admin_port_nothing_serves_health_or_metrics(inbox):
    running = Server(inbox, "--rate-limit", "off", "--admin-port", "off").start(wait=False)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _, _ = request(running.port, "GET", "/")
                break
            except OSError:
                assert time.monotonic() < deadline and running.process.poll() is None, running.output()
                time.sleep(0.05)
        assert status == 200
        assert request(running.port, "GET", "/healthz")[0] == 404
        assert request(running.port, "GET", "/metrics")[0] == 404
        with pytest.raises(OSError):
            request(running.admin_port, "GET", "/healthz")
        assert "admin=off" in running.output()
    finally:
        running.stop()


def test_health_and_metrics_on_the_admin_port(server):
    request(server.port, "POST", "/", body=b"question=q", headers=FORM)
    request(server.port, "POST", "/", body=b"question=%ZZ", headers=FORM)
    status, _, health = request(server.admin_port, "GET", "/healthz")
    assert status == 200 and b"future epochs: 2" in health
    status, headers, metrics = request(server.admin_port, "GET", "/metrics")
    text = metrics.decode()
    assert "inbox_submissions_accepted_total 1" in text
    assert 'inbox_submissions_rejected_total{reason="malformed"} 1' in text
    assert "inbox_submission_duration_seconds_count 1" in text
    assert "inbox_commit_batch_size_bucket" in text
    # The admin port listens on 127.0.0.1 alone.
    with pytest.raises(OSError):
        http.client.HTTPConnection("127.0.0.2", server.admin_port, timeout=2).connect()


def test_the_server_refuses_to_start_without_keys(tmp_path):
    from conftest import Inbox
    empty = Inbox(tmp_path)
    server = Server(empty).start(wait=False)
    assert server.process.wait(timeout=60) != 0
    assert "inbox keys init" in server.output()


def test_development_mode_makes_an_inbox_but_never_in_production(tmp_path):
    from conftest import Inbox
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    refused = Server(Inbox(tmp_path / "a"), "--development", environment={"INBOX_ENVIRONMENT": "production"})
    refused.start(wait=False)
    assert refused.process.wait(timeout=60) != 0
    assert "refused" in refused.output()
    assert not (tmp_path / "a" / "data").exists()

    development = Server(Inbox(tmp_path / "b"), "--development").start()
    try:
        assert "DEVELOPMENT MODE" in development.output()
        assert (tmp_path / "b" / "data" / "keys" / "master.pub.pem").exists()
    finally:
        development.stop()


def submit_until_stopped(port, acknowledged, stop, errors):
    """One client: posts questions over one keep-alive connection until told to stop or cut off."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        while not stop.is_set():
            connection.request("POST", "/", body=b"question=durable", headers=JSON_FORM)
            response = connection.getresponse()
            body = response.read()
            if response.status == 201:
                acknowledged.append(json.loads(body)["reference"])
            else:
                errors.append(response.status)
    except (OSError, http.client.HTTPException):
        pass  # the server was killed under us: whatever was acknowledged before counts
    finally:
        connection.close()


def test_kill_9_under_16_clients_loses_no_acknowledged_submission(inbox):
    server = Server(inbox, "--rate-limit", "off").start()
    acknowledged, errors, stop = [], [], threading.Event()
    clients = [threading.Thread(target=submit_until_stopped, args=(server.port, acknowledged, stop, errors)) for _ in range(16)]
    for client in clients:
        client.start()
    # Kill once a few hundred submissions were acknowledged, with requests certainly in flight.
    while len(acknowledged) < 300:
        assert server.process.poll() is None
        threading.Event().wait(0.01)
    server.process.send_signal(signal.SIGKILL)
    server.process.wait(timeout=30)
    stop.set()
    for client in clients:
        client.join(timeout=60)
    assert errors == []

    restarted = Server(inbox, "--rate-limit", "off")
    restarted.port, restarted.admin_port = server.port, server.admin_port
    restarted.start()
    try:
        stored = {record["reference"] for record in inbox.records()}
        missing = set(acknowledged) - stored
        assert not missing, f"{len(missing)} acknowledged submissions lost"
        assert len(acknowledged) >= 300
    finally:
        restarted.stop()


def test_sigterm_answers_what_is_in_flight_and_exits_cleanly(inbox):
    server = Server(inbox, "--rate-limit", "off").start()
    acknowledged, errors, stop = [], [], threading.Event()
    clients = [threading.Thread(target=submit_until_stopped, args=(server.port, acknowledged, stop, errors)) for _ in range(8)]
    for client in clients:
        client.start()
    while len(acknowledged) < 100:
        threading.Event().wait(0.01)
    assert server.stop(signal.SIGTERM) == 0
    stop.set()
    for client in clients:
        client.join(timeout=60)
    assert errors == []
    stored = {record["reference"] for record in inbox.records()}
    assert set(acknowledged) <= stored


def test_the_server_needs_no_private_key_directory(inbox):
    # Take the master private key away entirely: the server seals with public keys alone.
    hidden = inbox.directory / "elsewhere"
    (inbox.data / "private").rename(hidden)
    server = Server(inbox, "--rate-limit", "off").start()
    try:
        status, _, _ = request(server.port, "POST", "/", body=b"question=q&email=a%40example.se", headers=JSON_FORM)
        assert status == 201
        assert len(inbox.records()) == 1
    finally:
        server.stop()


def submit_to_a_configured_server(inbox, config, port, admin_port, environment=None):
    """Starts inbox-server with only --config and --policy (the rest from `config` and
    `environment`), waits for it on `port` and `admin_port`, stores one question, and stops it."""
    from conftest import POLICY, SERVER
    log_path = inbox.directory / f"configured-{port}.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen([SERVER, "--config", str(config), "--policy", POLICY], stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT, env=environment)
    try:
        server = Server(inbox)
        server.process, server.port, server.admin_port, server.log = process, port, admin_port, log_path
        server.wait_until_healthy()
        assert request(port, "POST", "/", body=b"question=q", headers=JSON_FORM)[0] == 201
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0


def test_listener_settings_come_from_the_configuration_file(inbox):
    from conftest import free_port
    port, admin_port = free_port(), free_port()
    config = inbox.directory / "inbox.conf"
    config.write_text(f'data-dir = "{inbox.data}"\nport = "{port}"\nadmin-port = "{admin_port}"\nrate-limit = "off"\n')
    submit_to_a_configured_server(inbox, config, port, admin_port)


def test_the_environment_beats_the_configuration_file_and_a_bad_value_names_its_place(inbox):
    from conftest import POLICY, SERVER, free_port
    port, admin_port = free_port(), free_port()
    config = inbox.directory / "inbox.conf"
    # A number as TOML writes it; the environment's port and admin port win over the file's.
    config.write_text(f'data-dir = "{inbox.data}"\nport = 1\nadmin-port = 2\nrate-limit = "off"\n')
    submit_to_a_configured_server(
        inbox, config, port, admin_port, environment=dict(os.environ, INBOX_PORT=str(port), INBOX_ADMIN_PORT=str(admin_port)))

    # A bad value stops the server and names the line and column it was written at, or the variable.
    config.write_text(f'data-dir = "{inbox.data}"\n\nport = 99999\n')
    result = subprocess.run([SERVER, "--config", str(config), "--policy", POLICY], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert f"{config}:3:8: 99999 is not a port number" in result.stderr
    result = subprocess.run([SERVER, "--config", str(config), "--policy", POLICY], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=60, env=dict(os.environ, INBOX_PORT=str(port), INBOX_RATE_LIMIT="lots"))
    assert result.returncode != 0
    assert "INBOX_RATE_LIMIT in the environment: lots is not N/PERIOD" in result.stderr
    # And a configuration file that is not valid TOML is named the same way.
    config.write_text(f'data-dir = "{inbox.data}"\nport = "8080\n')
    result = subprocess.run([SERVER, "--config", str(config), "--policy", POLICY], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert f"invalid configuration: {config}:2:" in result.stderr


def test_the_server_refuses_to_start_on_an_invalid_policy(inbox):
    from conftest import SERVER
    bad = inbox.directory / "policy.toml"
    bad.write_text((ROOT / "policy" / "default.toml").read_text().replace('hard_maximum = "90 days"', 'hard_maximum = "90 dayz"'))
    result = subprocess.run([SERVER, "--data-dir", str(inbox.data), "--policy", str(bad), "--port", "1", "--admin-port", "off"],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    line = bad.read_text().splitlines().index('hard_maximum = "90 dayz"') + 1
    assert f"{bad}:{line}:16: the hard maximum \"90 dayz\" is not a duration" in result.stderr
