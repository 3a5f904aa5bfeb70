"""The form on the agency's pages, spam and the register, end to end with the real executables on
each storage engine: posts from an allowed and from a refused origin (curl, with the headers a
browser sends), page values that must be dropped, the honeypot's submission kept sealed in the spam
queue and purged by its own rule, and the register and the statistics unchanged by purges at +31
days and +3 years and by an erasure; the CSV as a spreadsheet reads it."""
import csv
import io
import json
import os
import subprocess
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from conftest import FORM, INBOX, JSON_FORM, POLICY, Server, request

AGENCY = "https://www.myndigheten.example"


def post(server, fields, origin=None, fetch_site=None, json_answer=False, path="/"):
    headers = dict(JSON_FORM if json_answer else FORM)
    if origin is not None:
        headers["Origin"] = origin
    if fetch_site is not None:
        headers["Sec-Fetch-Site"] = fetch_site
    return request(server.port, "POST", path, body=urlencode(fields).encode(), headers=headers)


def inbox_at(inbox, offset, *arguments):
    """`inbox` with the calendar moved by `offset` (faketime's syntax: "+31d"); the monotonic clock
    stays real, as in the other faketime tests. Its output as UTF-8 with line ends as written."""
    result = subprocess.run(["faketime", "-f", offset, INBOX, *arguments, "--data-dir", str(inbox.data), "--policy", POLICY,
                             *inbox.database_arguments(arguments[0])],
                            stdin=subprocess.DEVNULL, capture_output=True,
                            env=dict(os.environ, FAKETIME_DONT_FAKE_MONOTONIC="1"))
    assert result.returncode == 0, f"inbox {' '.join(arguments)} at {offset}: {result.stderr.decode()}"
    return result.stdout.decode()


def test_posts_from_allowed_and_refused_origins(inbox):
    server = Server(inbox, "--rate-limit", "off", "--allowed-origin", AGENCY + "/").start()
    try:
        own = f"http://127.0.0.1:{server.port}"
        fields = {"question": "Var finns tillgänglighetsredogörelsen?", "page": "/om-webbplatsen", "topic": "accessibility"}
        status, headers, _ = post(server, fields, origin=AGENCY, fetch_site="cross-site")
        assert status == 303
        location = urlsplit(headers["Location"])
        query = parse_qs(location.query)
        assert query["from"] == [AGENCY] and query["page"] == ["/om-webbplatsen"]
        status, _, thanks = request(server.port, "GET", f"{location.path}?{location.query}")
        assert status == 200 and f'<a href="{AGENCY}/om-webbplatsen">' in thanks.decode()

        # The server's own form, and a script without Origin: taken, no way back to anywhere.
        for origin, fetch_site in [(own, "same-origin"), ("null", "same-origin"), (None, None)]:
            status, headers, _ = post(server, {"question": "Egen sida"}, origin=origin, fetch_site=fetch_site)
            assert status == 303 and "from=" not in headers["Location"], (origin, headers)

        # Any other site, or a cross-site post that hides its origin: 403, the question kept (not the
        # address, which the other site may have chosen), nothing stored.
        before = len(inbox.records())
        for origin, fetch_site in [("https://evil.example", "cross-site"), ("http://www.myndigheten.example", "cross-site"),
                                   ("null", "cross-site"), (None, "cross-site"), (f"http://localhost:{server.port}", None)]:
            status, _, page = post(server, {"question": "Köp billigt nu", "email": "a@example.se"}, origin=origin,
                                   fetch_site=fetch_site)
            assert status == 403, (origin, fetch_site)
            assert "Köp billigt nu" in page.decode() and "a@example.se" not in page.decode()
            status, _, answer = post(server, {"question": "x"}, origin=origin, fetch_site=fetch_site, json_answer=True)
            assert status == 403 and "error" in json.loads(answer)
        assert len(inbox.records()) == before
        status, _, metrics = request(server.admin_port, "GET", "/metrics")
        assert b'inbox_submissions_rejected_total{reason="origin"} 10' in metrics

        stored = {row["page"]: row for row in inbox.records()}
        assert stored["/om-webbplatsen"]["topic"] == "accessibility"
    finally:
        server.stop()


@pytest.mark.parametrize("page", [
    "https://www.myndigheten.example/kontakt", "javascript:alert(1)", "//evil.example/kontakt", "/kontakt\r\nSet-Cookie: x=1",
    "/kontakt\nx", "/" + "a" * 300, "/kontakt%0d%0aLocation:%20https://evil.example", "/kontakt%00", "/kontakt%", "kontakt",
    "/kontakt\\evil",
])
def test_page_values_that_are_not_a_path_are_dropped_never_refused(server, page):
    status, _, body = post(server, {"question": "Fråga", "page": page}, json_answer=True)
    assert status == 201, body
    reference = json.loads(body)["reference"]
    [row] = [row for row in server.inbox.records() if row["reference"] == reference]
    assert row["page"] is None
    [entry] = [entry for entry in json.loads(server.inbox.run("register", "--json").stdout) if entry["reference"] == reference]
    assert entry["page"] is None


def test_a_path_of_300_characters_is_kept(server):
    page = "/" + "a" * 299
    status, _, body = post(server, {"question": "Fråga", "page": page}, json_answer=True)
    assert status == 201
    assert server.inbox.records()[0]["page"] == page


def spam_bytes_in_files(inbox, canary):
    """Whether the canary is anywhere in the inbox's files (SQLite; on PostgreSQL the rows are in
    the cluster's files, which the contract suite covers)."""
    return canary.encode() in b"".join(path.read_bytes() for path in inbox.data.rglob("*") if path.is_file())


def rows_without_deletion(register):
    """The register as its statistics read it: what it says about each case, not when its data went."""
    return [{key: value for key, value in entry.items() if key != "data_deleted"} for entry in register]


def test_spam_and_the_register_across_three_years_of_purges_and_an_erasure(any_inbox):
    inbox = any_inbox
    server = Server(inbox, "--rate-limit", "off").start()
    canary = "Kanariefågel-skräppost-4711"
    try:
        def submit(fields):
            status, _, body = post(server, fields, json_answer=True)
            assert status == 201, body
            return json.loads(body)["reference"]

        spam = submit({"question": canary, "email": "bot@example.se", "website": "http://spam.example"})
        answered = submit({"question": "Hur söker jag bygglov?", "email": "anna@example.se", "page": "/bygglov"})
        accessible = submit({"question": "PDF:en går inte att läsa med skärmläsare", "topic": "accessibility", "page": "/om"})
        erased = submit({"question": "Radera mig sedan", "email": "bertil@example.se"})
        marked = submit({"question": "Vinn en resa!", "email": "vinst@example.se"})
    finally:
        server.stop()

    # The spam queue: kept, sealed, out of the open queue.
    assert [row["reference"] for row in json.loads(inbox.run("list", "--status", "spam", "--json").stdout)] == [spam]
    assert spam not in [row["reference"] for row in json.loads(inbox.run("list", "--json").stdout)]
    assert not spam_bytes_in_files(inbox, canary)
    # Staff move one to spam, one back and forth; each move is audited.
    assert "is spam" in inbox.run("spam", marked).stdout
    assert "open again" in inbox.run("not-spam", marked).stdout
    inbox.run("spam", marked)
    refused = inbox.run("not-spam", answered, check=False)
    assert refused.returncode != 0 and "not spam" in refused.stderr
    actions = [entry["action"] for entry in json.loads(inbox.run("audit", "list", "--json").stdout)]
    assert actions.count("spam") == 2 and actions.count("not-spam") == 1

    inbox.run("close", accessible, "--reason", "no-answer-needed")
    inbox.run("close", answered, "--reason", "no-answer-needed")

    register = json.loads(inbox.run("register", "--json").stdout)
    by_reference = {entry["reference"]: entry for entry in register}
    assert by_reference[spam]["outcome"] == "spam" and by_reference[marked]["outcome"] == "spam"
    assert by_reference[accessible]["topic"] == "accessibility" and by_reference[accessible]["page"] == "/om"
    assert by_reference[answered]["page"] == "/bygglov" and by_reference[answered]["close_reason"] == "no-answer-needed"
    stats = inbox.run("stats", "--json", "--by", "topic").stdout
    figures = json.loads(stats)
    assert figures["total"]["received"] == 5 and figures["total"]["spam"] == 2 and figures["total"]["closed"] == 2
    assert [group["group"] for group in figures["groups"]] == ["-", "accessibility"]

    # The erasure: the record goes, its entry stays, marked erased; the statistics count it as erased too.
    inbox.run("erase", erased)
    after_erasure = json.loads(inbox.run("register", "--json").stdout)
    erased_entry = [entry for entry in after_erasure if entry["reference"] == erased][0]
    assert erased_entry["outcome"] == "erased" and erased_entry["erased"] is not None
    assert all(entry == by_reference[entry["reference"]] for entry in after_erasure if entry["reference"] != erased)
    erased_stats = json.loads(inbox.run("stats", "--json", "--by", "topic").stdout)
    assert erased_stats["total"]["erased"] == 1
    assert {key: value for key, value in erased_stats["total"].items() if key != "erased"} == \
        {key: value for key, value in figures["total"].items() if key != "erased"}
    figures, register = erased_stats, after_erasure

    # +31 days: the trapped spam is past its 30 days and goes, by its own rule; the register and the
    # statistics do not change. The purge's clock check wants --confirm-clock for a jump this long.
    printed = inbox_at(inbox, "+31d", "purge", "--dry-run")
    assert f"delete  {spam}" in printed and "spam: 30 days after marked as spam" in printed
    inbox_at(inbox, "+31d", "purge", "--confirm-clock")
    assert spam not in [row["reference"] for row in inbox.records()]
    assert marked not in [row["reference"] for row in inbox.records()]  # marked the same day, 30 days ago
    assert rows_without_deletion(json.loads(inbox_at(inbox, "+31d", "register", "--json"))) == rows_without_deletion(register)
    assert json.loads(inbox_at(inbox, "+31d", "stats", "--json", "--by", "topic")) == figures
    spam_entry = [entry for entry in json.loads(inbox_at(inbox, "+31d", "register", "--json")) if entry["reference"] == spam][0]
    assert spam_entry["data_deleted"] is not None and spam_entry["outcome"] == "spam"

    # +3 years: every case's fields are gone; every entry and every figure is as it was.
    inbox_at(inbox, "+1100d", "purge", "--confirm-clock")
    assert inbox.records() == []
    three_years = json.loads(inbox_at(inbox, "+1100d", "register", "--json"))
    assert rows_without_deletion(three_years) == rows_without_deletion(register)
    assert all(entry["data_deleted"] is not None for entry in three_years)
    assert json.loads(inbox_at(inbox, "+1100d", "stats", "--json", "--by", "topic")) == figures

    # The CSV a spreadsheet opens: a header row, CRLF, and the same entries.
    exported = inbox_at(inbox, "+1100d", "register", "--csv")
    assert exported.startswith("reference,received,language,topic,page,outcome,")
    assert exported.count("\r\n") == len(three_years) + 1 and exported.count("\n") == exported.count("\r\n")
    rows = list(csv.DictReader(io.StringIO(exported, newline="")))
    assert [row["reference"] for row in rows] == [entry["reference"] for entry in three_years]
    assert [row["outcome"] for row in rows] == [entry["outcome"] for entry in three_years]


def test_register_csv_neutralises_what_a_spreadsheet_would_run(server):
    """The page is the one value a browser chooses: one that starts with a formula sign, or that
    holds a separator a spreadsheet may split at, never gets in; a path with a formula after its
    slash is harmless, and no cell of the CSV starts a formula."""
    for page in ["/=SUM(A1)", "/a;=cmd|' /C calc'!A0", "/a,=1", "=1+2", "+1", "-1", "@SUM(A1)", "/sok?q=Anna+Svensson"]:
        status, _, _ = post(server, {"question": "Fråga", "page": page}, json_answer=True)
        assert status == 201
    exported = subprocess.run([INBOX, "register", "--csv", "--data-dir", str(server.inbox.data), "--policy", POLICY],
                              capture_output=True, check=True).stdout.decode()
    rows = list(csv.reader(io.StringIO(exported, newline="")))
    header, entries = rows[0], rows[1:]
    pages = sorted(row[header.index("page")] for row in entries)
    assert pages == ["", "", "", "", "", "", "/=SUM(A1)", "/sok"]
    for row in entries:
        assert not any(cell[:1] in ("=", "+", "-", "@") for cell in row), row
    assert ";" not in exported
