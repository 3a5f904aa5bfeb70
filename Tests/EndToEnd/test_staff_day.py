"""A staff member's day end to end, moved through time with faketime (Debian): the server takes a
question over HTTP; `inbox list`, `inbox show` and `inbox answer` (the mail arrives at a real SMTP
server); a purge 31 days later deletes the address and keeps the question; a purge three years
later leaves nothing of the record; and the audit log still verifies."""
import json
import sqlite3
import subprocess
from urllib.parse import urlencode

from conftest import INBOX, JSON_FORM, POLICY, request
from mail_relay import Relay

QUESTION = "Hur ansöker jag om bygglov för ett uterum?"
ADDRESS = "per.persson@example.se"
ANSWER = "Hej Per,\n\nansökan görs i e-tjänsten Bygglov.\n\nVänliga hälsningar\nBygglovsenheten\n"


def inbox_at(inbox, offset, *arguments):
    """`inbox` with the clock moved by `offset` (faketime's syntax, "+31d"), as the timer would run it."""
    return subprocess.run(
        ["faketime", "-f", offset, INBOX, *arguments, "--data-dir", str(inbox.data), "--policy", POLICY],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, check=True)


def test_a_day_of_work_then_the_retention_policy(inbox, server):
    status, _, body = request(server.port, "POST", "/", body=urlencode({"question": QUESTION, "email": ADDRESS}),
                              headers=JSON_FORM)
    assert status == 201
    reference = json.loads(body)["reference"]
    server.stop()

    listed = inbox.run("list").stdout
    assert reference in listed and "open" in listed
    shown = inbox.run("show", reference, "--passphrase-file", str(inbox.passphrase)).stdout
    assert QUESTION in shown and ADDRESS not in shown and "p•••@e•••.se" in shown

    message_file = inbox.directory / "answer.txt"
    message_file.write_text(ANSWER)
    with Relay() as relay:
        inbox.run("answer", reference, "--message-file", str(message_file), "--passphrase-file", str(inbox.passphrase),
                  "--smtp-url", f"smtp+plain://127.0.0.1:{relay.port}", "--mail-from", "bygglov@kommun.example")
    assert relay.messages[0]["rcpt_tos"] == [ADDRESS]
    assert relay.messages[0]["message"].get_content().replace("\r\n", "\n") == ANSWER
    assert inbox.records()[0]["status"] == "answered"

    # 31 days later the policy's 30 days after the answer have passed: the address goes.
    inbox_at(inbox, "+31d", "purge")
    later = json.loads(inbox_at(inbox, "+31d", "show", reference, "--json", "--passphrase-file", str(inbox.passphrase)).stdout)
    assert later["email"] is None
    assert later["question"] == QUESTION and later["answer"] == ANSWER
    assert ADDRESS.encode() not in b"".join(path.read_bytes() for path in inbox.data.rglob("*") if path.is_file())

    # Three years later the archival rule (two years) has passed too: nothing of the record is left.
    # (Three years since the last run: the purge asks for its clock to be confirmed.)
    refused = subprocess.run(["faketime", "-f", "+1096d", INBOX, "purge", "--data-dir", str(inbox.data), "--policy", POLICY],
                             stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert refused.returncode != 0 and "--confirm-clock" in refused.stderr
    report = inbox_at(inbox, "+1096d", "purge", "--confirm-clock").stdout
    assert "1 question, 1 answer; 1 record(s) affected, 1 deleted whole" in report
    with sqlite3.connect(inbox.data / "inbox.sqlite") as database:
        assert database.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 0
        assert database.execute("SELECT COUNT(*) FROM sealed_fields").fetchone()[0] == 0
    assert json.loads(inbox_at(inbox, "+1096d", "list", "--status", "all", "--json").stdout) == []
    assert inbox_at(inbox, "+1096d", "audit", "verify").returncode == 0
