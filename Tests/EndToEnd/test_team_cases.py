"""A team's cases end to end with the real executables, on each storage engine: claims, a working
and an official note, an interim reply and an answer (the mail checked at a real SMTP server), a
forward with a message to the citizen and a close without one, the form's language kept, and the
working note's sealed bytes gone from the database files once the case is answered."""
import datetime
import getpass
import json
import os
import sqlite3
import subprocess
import zoneinfo
from urllib.parse import urlencode

from conftest import INBOX, JSON_FORM, POLICY, ROOT, Server, request
from mail_relay import Relay
from pseudo_terminal import in_terminal

PERSON = getpass.getuser()


def submit(server, question, address="anna.andersson@example.se", language=None):
    path = f"/?lang={language}" if language else "/"
    status, _, body = request(server.port, "POST", path, body=urlencode({"question": question, "email": address}),
                              headers=JSON_FORM)
    assert status == 201, body
    return json.loads(body)["reference"]


def mail_options(relay):
    return ["--smtp-url", f"smtp+plain://127.0.0.1:{relay.port}", "--mail-from", "registrator@myndighet.example"]


def test_claims_notes_interim_answer_forward_and_close(any_inbox, tmp_path):
    inbox = any_inbox
    server = Server(inbox, "--rate-limit", "off").start()
    try:
        answered = submit(server, "När får jag besked om mitt bygglov?")
        forwarded = submit(server, "How do I declare my income?", address="john.smith@example.com", language="en")
        quiet = submit(server, "Tack för hjälpen!")
    finally:
        server.stop()
    passphrase = ["--passphrase-file", str(inbox.passphrase)]

    # Claims: mine, then mine already; the list says who holds what.
    assert "You have claimed" in inbox.run("claim", answered).stdout
    assert "already yours" in inbox.run("claim", answered).stdout
    rows = {row["reference"]: row for row in inbox.records()}
    assert rows[answered]["claimed_by"] == PERSON and rows[forwarded]["claimed_by"] is None
    assert [row["reference"] for row in json.loads(inbox.run("list", "--mine", "--json").stdout)] == [answered]
    assert answered not in {row["reference"] for row in json.loads(inbox.run("list", "--unclaimed", "--json").stdout)}

    # Notes, never sent: a working note and an official note.
    working, official = tmp_path / "working.txt", tmp_path / "official.txt"
    working.write_text("Ring bygglovshandläggaren först.\n")
    official.write_text("Samtal med sökanden 2026-11-30: kompletteringen är inkommen.\n")
    inbox.run("note", answered, "--message-file", str(working))
    inbox.run("note", answered, "--official", "--message-file", str(official))

    interim, answer, forward = tmp_path / "interim.txt", tmp_path / "answer.txt", tmp_path / "forward.txt"
    interim.write_text("Vi har tagit emot din fråga och svarar inom fem arbetsdagar.\n")
    answer.write_text("Beslut fattas inom tio veckor från komplett ansökan.\n")
    forward.write_text("Your question is about taxes; we have sent it on to the Swedish Tax Agency.\n")
    with Relay() as relay:
        inbox.run("answer", answered, "--interim", "--message-file", str(interim), *passphrase, *mail_options(relay))
        shown = json.loads(inbox.run("show", answered, "--json", *passphrase).stdout)
        assert shown["status"] == "open" and shown["claimed_by"] == PERSON
        assert [(note["kind"], note["author"]) for note in shown["notes"]] == [
            ("working", PERSON), ("official", PERSON), ("interim", PERSON)]
        working_sealed = sealed_working_notes(inbox)

        inbox.run("answer", answered, "--message-file", str(answer), *passphrase, *mail_options(relay))
        inbox.run("close", forwarded, "--reason", "forwarded", "--to", "Skatteverket", "--message-file", str(forward),
                  *passphrase, *mail_options(relay))
        inbox.run("close", quiet, "--reason", "no-answer-needed")
        messages = relay.messages
    assert [message["rcpt_tos"] for message in messages] == [
        ["anna.andersson@example.se"], ["anna.andersson@example.se"], ["john.smith@example.com"]]
    bodies = [message["message"].get_content().replace("\r\n", "\n") for message in messages]
    assert bodies == [interim.read_text(), answer.read_text(), forward.read_text()]

    # The answer ended the working note; the official note and the interim reply stay.
    shown = json.loads(inbox.run("show", answered, "--json", *passphrase).stdout)
    assert shown["status"] == "answered"
    assert [note["kind"] for note in shown["notes"]] == ["official", "interim"]
    assert shown["notes"][0]["text"] == official.read_text()
    if working_sealed is not None:
        files = b"".join(path.read_bytes() for path in inbox.data.rglob("*") if path.is_file())
        assert working_sealed and all(sealed not in files for sealed in working_sealed)

    closed = json.loads(inbox.run("show", forwarded, "--json", *passphrase).stdout)
    assert (closed["status"], closed["close_reason"], closed["forwarded_to"]) == ("closed", "forwarded", "Skatteverket")
    assert closed["answer"] == forward.read_text() and closed["language"] == "en"
    assert json.loads(inbox.run("show", quiet, "--json", *passphrase).stdout)["language"] == "sv"
    assert {row["reference"] for row in json.loads(inbox.run("list", "--status", "closed", "--json").stdout)} == {forwarded, quiet}

    # Nothing more on an ended case: no claim, no second close, no working note.
    refused = inbox.run("claim", quiet, check=False)
    assert refused.returncode != 0 and "is closed" in refused.stderr
    refused = inbox.run("note", quiet, "--message-file", str(working), check=False)
    assert refused.returncode != 0 and "only --official" in refused.stderr
    # The person's access request sees the notes and the interim reply kept about their question.
    exported = json.loads(inbox.run("export", "--email", "anna.andersson@example.se", *passphrase).stdout)
    assert {record["reference"]: [note["kind"] for note in record["notes"]] for record in exported} == {
        answered: ["official", "interim"], quiet: []}
    # Every step is in the audit log, which verifies.
    actions = [entry["action"] for entry in json.loads(inbox.run("audit", "list", "--json").stdout)]
    for action in ("claim", "note", "interim", "answer", "close", "export"):
        assert action in actions
    assert actions.count("note") == 2 and actions.count("close") == 2
    inbox.run("audit", "verify")


def sealed_working_notes(inbox):
    """The sealed bytes of the working notes on SQLite (None on PostgreSQL, whose files are the
    cluster's: the contract suite checks that the rows go)."""
    path = inbox.data / "inbox.sqlite"
    if not path.exists():
        return None
    with sqlite3.connect(path) as database:
        return [row[0] for row in database.execute("SELECT sealed FROM case_notes WHERE kind = 'working'")]


def received_day(row):
    """The Swedish calendar day a listed case came in (its received_at is UTC): what due days count
    from, taken from the record rather than from the test's clock, which may have passed midnight."""
    moment = datetime.datetime.fromisoformat(row["received_at"].replace("Z", "+00:00"))
    return moment.astimezone(zoneinfo.ZoneInfo("Europe/Stockholm")).date()


def written_in_english(day):
    """A yyyy-MM-dd day as an English letter writes it: 5 April 2027."""
    parsed = datetime.date.fromisoformat(day)
    return f"{parsed.day} {parsed.strftime('%B')} {parsed.year}"


def test_an_interim_reply_from_a_template_in_the_citizens_language(inbox, server, tmp_path):
    status, _, body = request(server.port, "POST", "/?lang=en",
                              body=urlencode({"question": "When will I hear back?", "email": "john.smith@example.com"}),
                              headers=JSON_FORM)
    assert status == 201
    reference = json.loads(body)["reference"]
    received = received_day(inbox.records()[0]).isoformat()
    # The due day the list shows (the policy's five working days; their arithmetic has its own
    # unit tests) is the one the letter names.
    due_day = inbox.records()[0]["due"]
    seen = tmp_path / "seen.txt"
    editor = tmp_path / "editor.sh"
    editor.write_text(f'#!/bin/sh\ncp "$1" {seen}\n')
    editor.chmod(0o755)
    with Relay() as relay:
        status, output = in_terminal(
            [INBOX, "answer", reference, "--interim", "--template", "interim", "--templates-dir", str(ROOT / "deploy/templates"),
             "--yes", "--data-dir", str(inbox.data), "--policy", POLICY, "--passphrase-file", str(inbox.passphrase),
             *mail_options(relay)],
            dict(os.environ, EDITOR=str(editor), VISUAL=""))
        assert status == 0, output
        messages = relay.messages
    body = messages[0]["message"].get_content().replace("\r\n", "\n")
    # English (the form's language), the date received and the due day written out, the signature
    # with this account's full name; the editor saw the same text.
    assert f"which we received on {written_in_english(received)}." in body
    assert f"by {written_in_english(due_day)} at the latest" in body
    assert f"reference {reference}" in body and "Kind regards" in body and "{{" not in body
    assert body.strip() in seen.read_text()
    shown = json.loads(inbox.run("show", reference, "--json", "--passphrase-file", str(inbox.passphrase)).stdout)
    assert shown["status"] == "open" and [note["kind"] for note in shown["notes"]] == ["interim"]
    assert shown["notes"][0]["text"].strip() == body.strip()

    # Thirty days on the case is overdue: the interim template will not promise a day already past,
    # and --due says which day instead.
    interim = ["faketime", "-f", "+30d", INBOX, "answer", reference, "--interim", "--template", "interim", "--yes",
               "--templates-dir", str(ROOT / "deploy/templates"), "--data-dir", str(inbox.data), "--policy", POLICY,
               "--passphrase-file", str(inbox.passphrase)]
    promised = (datetime.date.fromisoformat(due_day) + datetime.timedelta(days=40)).isoformat()
    with Relay() as relay:
        later = dict(os.environ, EDITOR=str(editor), VISUAL="", FAKETIME_DONT_FAKE_MONOTONIC="1")
        status, output = in_terminal([*interim, *mail_options(relay)], later)
        assert status != 0 and f"was due on {due_day}" in output and "--due" in output, output
        assert relay.messages == []
        status, output = in_terminal([*interim, "--due", promised, *mail_options(relay)], later)
        assert status == 0, output
        assert f"by {written_in_english(promised)} at the latest" in relay.messages[0]["message"].get_content()

    # A forward from the Swedish template, written in the editor, closes a Swedish question; left as
    # the template wrote it, with its [bracketed] instructions, it is refused and nothing is sent.
    status, _, body = request(server.port, "POST", "/", body=urlencode({"question": "Hur deklarerar jag?", "email": "a@example.se"}),
                              headers=JSON_FORM)
    forwarded = json.loads(body)["reference"]
    filling = tmp_path / "filling.sh"
    filling.write_text('#!/bin/sh\nsed -i -e "s/\\[myndighetens namn\\]/Skatteverket/" -e "s/\\[kontaktuppgifter\\]/skatteverket.se/" "$1"\n')
    filling.chmod(0o755)
    close = [INBOX, "close", forwarded, "--reason", "forwarded", "--to", "Skatteverket", "--template", "forwarded", "--yes",
             "--templates-dir", str(ROOT / "deploy/templates"), "--data-dir", str(inbox.data), "--policy", POLICY,
             "--passphrase-file", str(inbox.passphrase)]
    with Relay() as relay:
        status, output = in_terminal([*close, *mail_options(relay)], dict(os.environ, EDITOR=str(editor), VISUAL=""))
        assert status != 0 and "[myndighetens namn]" in output and "fill them in" in output, output
        assert relay.messages == []
        status, output = in_terminal([*close, *mail_options(relay)], dict(os.environ, EDITOR=str(filling), VISUAL=""))
        assert status == 0, output
        letter = relay.messages[0]["message"].get_content().replace("\r\n", "\n")
    assert f"{forwarded}" in letter and "Med vänliga hälsningar" in letter and "{{" not in letter
    assert "vidare till Skatteverket" in letter and "[" not in letter
    closed = json.loads(inbox.run("show", forwarded, "--json", "--passphrase-file", str(inbox.passphrase)).stdout)
    assert closed["status"] == "closed" and closed["answer"].strip() == letter.strip()


def inbox_at(inbox, offset, *arguments, check=True):
    """`inbox` with the clock moved by `offset` (faketime's syntax: "+10d")."""
    # Only the calendar moves: the monotonic clock, which SwiftNIO's connection and I/O timeouts
    # run on, stays real (a faked one is a source of spurious timeouts in threaded programs).
    result = subprocess.run(["faketime", "-f", offset, INBOX, *arguments, "--data-dir", str(inbox.data), "--policy", POLICY,
                             *inbox.database_arguments(arguments[0])],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True,
                            env=dict(os.environ, FAKETIME_DONT_FAKE_MONOTONIC="1"))
    assert not check or result.returncode == 0, f"inbox {' '.join(arguments)} at {offset}: {result.stderr}"
    return result


def test_overdue_and_the_digest_across_the_days_with_no_personal_data(any_inbox):
    """On each engine: on PostgreSQL the list, the digest and the gauges read as the staff role."""
    inbox = any_inbox
    server = Server(inbox, "--rate-limit", "off").start()
    canary_question, canary_address = "Kanariefågeln sjunger om skatten", "kanarie.fagel@example.se"
    status, _, body = request(server.port, "POST", "/", body=urlencode({"question": canary_question, "email": canary_address}),
                              headers=JSON_FORM)
    assert status == 201
    reference = json.loads(body)["reference"]
    server.stop()
    due = datetime.date.fromisoformat(inbox.records()[0]["due"])
    today = received_day(inbox.records()[0])

    def overdue_at(days):
        return [row["reference"] for row in json.loads(inbox_at(inbox, f"+{days}d", "list", "--overdue", "--json").stdout)]

    # Not overdue on its due day; overdue the day after it (whatever weekends and holidays lie between).
    assert overdue_at(0) == []
    assert overdue_at((due - today).days) == []
    assert overdue_at((due - today).days + 1) == [reference]

    # 84 days on: overdue, and the address goes unanswered within the week (90 days after receipt).
    printed = inbox_at(inbox, "+84d", "digest", "--print").stdout
    assert "Overdue (not answered within 5 working days): 1" in printed
    assert "Addresses deleted unanswered within 7 days: 1" in printed
    assert printed.count(reference) == 2
    with Relay() as relay:
        inbox_at(inbox, "+84d", "digest", "--to", "registrator@myndighet.example", *mail_options(relay))
        messages = relay.messages
    assert [message["rcpt_tos"] for message in messages] == [["registrator@myndighet.example"]]
    mailed = messages[0]["message"].get_content()
    assert reference in mailed and "1 overdue" in messages[0]["message"]["Subject"]
    # The canary: nothing of the citizen's, in the mail or in its audit entry.
    raw = messages[0]["message"].as_string()
    for secret in (canary_question, canary_address, "kanarie"):
        assert secret not in raw and secret not in inbox.run("audit", "list", "--json").stdout
    assert json.loads(inbox.run("audit", "list", "--json").stdout)[-1]["action"] == "digest"
    # Once answered, nothing is overdue and nothing goes unanswered.
    inbox.run("close", reference, "--reason", "no-answer-needed")
    assert "Overdue (not answered within 5 working days): 0" in inbox_at(inbox, "+84d", "digest", "--print").stdout


def gauges(path):
    """The samples of a .prom file: name → value (the collector's format: HELP, TYPE, samples)."""
    samples = {}
    for line in path.read_text().splitlines():
        if line and not line.startswith("#"):
            name, value = line.split(" ")
            samples[name] = float(value)
    return samples


def test_the_case_gauges_for_node_exporter_across_the_days(any_inbox, tmp_path):
    inbox = any_inbox
    server = Server(inbox, "--rate-limit", "off").start()
    for question in ("Första frågan", "Andra frågan"):
        status, _, _ = request(server.port, "POST", "/", body=urlencode({"question": question, "email": "a@example.se"}),
                               headers=JSON_FORM)
        assert status == 201
    server.stop()
    claimed = inbox.records()[0]["reference"]
    inbox.run("claim", claimed)
    due = datetime.date.fromisoformat(inbox.records()[0]["due"])
    today = received_day(inbox.records()[0])
    textfile = tmp_path / "contact-inbox.prom"

    inbox_at(inbox, "+0d", "metrics", "--textfile", str(textfile))
    now = gauges(textfile)
    assert (now["inbox_cases_open"], now["inbox_cases_unclaimed"], now["inbox_cases_overdue"]) == (2, 1, 0)
    assert now["inbox_oldest_open_case_age_seconds"] < 3600
    assert now["inbox_addresses_deleted_unanswered_within_7d"] == 0
    # The day after the due day: both overdue. 84 days on, both addresses go within the week.
    inbox_at(inbox, f"+{(due - today).days + 1}d", "metrics", "--textfile", str(textfile))
    assert gauges(textfile)["inbox_cases_overdue"] == 2
    inbox_at(inbox, "+84d", "metrics", "--textfile", str(textfile))
    later = gauges(textfile)
    assert later["inbox_addresses_deleted_unanswered_within_7d"] == 2
    assert 84 * 86400 <= later["inbox_oldest_open_case_age_seconds"] < 85 * 86400
    # Replaced in one rename: no temporary file is left beside it.
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".") or "prom" in path.name] == ["contact-inbox.prom"]
    refused = inbox.run("metrics", "--textfile", str(tmp_path / "cases.txt"), check=False)
    assert refused.returncode != 0 and ".prom" in refused.stderr
