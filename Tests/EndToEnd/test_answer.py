"""`inbox answer` end to end: the real executables, a question submitted over HTTP, and the answer
sent to a real SMTP server (aiosmtpd) on loopback: plain, STARTTLS with a throwaway certificate,
AUTH; and servers that refuse, drop the connection or inject bytes after STARTTLS."""
import fcntl
import json
import os
import pty
import sqlite3
import stat
import subprocess
import termios
from urllib.parse import urlencode

import pytest

from conftest import INBOX, JSON_FORM, POLICY, request
from mail_relay import Mailbox, Relay, ScriptedRelay, throwaway_certificate

SENDER = "Kommunens registratur <registrator@kommun.example>"
ANSWER = ("Hej Anna,\n\nförskolan öppnar klockan 06.30.\n.\n"
          ". a line that starts with a dot\nRCPT TO:<evil@example.se>\n"
          + "lång rad " * 150 + "\n\nMed vänlig hälsning\nKommunen\n")


def submit(server, question="När öppnar förskolan?", email="anna.andersson@example.se"):
    fields = {"question": question}
    if email:
        fields["email"] = email
    status, _, body = request(server.port, "POST", "/", body=urlencode(fields), headers=JSON_FORM)
    assert status == 201, body
    return json.loads(body)["reference"]


def answer(inbox, reference, relay_url, *arguments, message=ANSWER, stdin=subprocess.DEVNULL, environment=None,
           controlling_terminal=False):
    message_file = inbox.directory / "answer.txt"
    command = [INBOX, "answer", reference, "--data-dir", str(inbox.data), "--policy", POLICY,
               "--passphrase-file", str(inbox.passphrase), "--smtp-url", relay_url, "--mail-from", SENDER, *arguments]
    if message is not None:
        message_file.write_text(message)
        command += ["--message-file", str(message_file)]
    # With `controlling_terminal`, stdin (a pseudo-terminal) becomes the session's terminal, as a
    # person's is: the editor runs on /dev/tty.
    preexec = (lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0)) if controlling_terminal else None
    return subprocess.run(command, stdin=stdin, capture_output=True, text=True, start_new_session=controlling_terminal,
                          preexec_fn=preexec, env=dict(os.environ, TMPDIR=str(inbox.directory), **(environment or {})))


def body(received):
    """The decoded text body, with the message's CRLF line ends read as newlines."""
    return received["message"].get_content().replace("\r\n", "\n")


def record(inbox, reference):
    return next(item for item in inbox.records() if item["reference"] == reference)


def shown(inbox, reference):
    return json.loads(inbox.run("show", reference, "--json", "--passphrase-file", str(inbox.passphrase)).stdout)


def audit_actions(inbox):
    return [entry["action"] for entry in json.loads(inbox.run("audit", "list", "--json").stdout)]


def drafts(inbox):
    with sqlite3.connect(inbox.data / "inbox.sqlite") as database:
        return database.execute("SELECT COUNT(*) FROM answer_drafts").fetchone()[0]


def assert_not_answered(inbox, reference, result):
    assert result.returncode != 0
    assert "Nothing was marked answered" in result.stderr
    assert record(inbox, reference)["status"] == "open"
    assert record(inbox, reference)["answered_at"] is None
    assert drafts(inbox) == 1
    assert audit_actions(inbox)[-1] == "answer-failed"


def test_answer_over_loopback_arrives_whole_and_marks_the_record_answered(inbox, server):
    reference = submit(server)
    with Relay() as relay:
        result = answer(inbox, reference, f"smtp+plain://127.0.0.1:{relay.port}")
    assert result.returncode == 0, result.stderr
    assert f"{reference} is answered" in result.stdout
    assert "The relay said: 250 Message accepted for delivery" in result.stdout
    assert len(relay.messages) == 1
    received = relay.messages[0]
    assert received["rcpt_tos"] == ["anna.andersson@example.se"]
    assert received["mail_from"] == "registrator@kommun.example"
    message = received["message"]
    assert message["To"] == "anna.andersson@example.se"
    assert message["From"].addresses[0].display_name == "Kommunens registratur"
    assert reference in message["Subject"] and message["Subject"].startswith("Svar på din fråga")
    assert message["Date"].datetime is not None and message["Message-ID"].startswith("<")
    assert message["MIME-Version"] == "1.0"
    assert message.get_content_type() == "text/plain" and message.get_content_charset() == "utf-8"
    # A 1,350-octet line: quoted-printable, so every line of the message is short.
    assert message["Content-Transfer-Encoding"] == "quoted-printable"
    assert all(len(line) <= 78 for line in received["raw"].split(b"\r\n"))
    assert body(received) == ANSWER
    assert b"\n" not in received["raw"].replace(b"\r\n", b"")

    item = record(inbox, reference)
    assert item["status"] == "answered" and item["answered_at"] is not None
    assert audit_actions(inbox)[-2:] == ["open", "answer"]
    assert shown(inbox, reference)["answer"] == ANSWER
    assert drafts(inbox) == 0
    again = answer(inbox, reference, f"smtp+plain://127.0.0.1:{relay.port}")
    assert again.returncode != 0 and "was answered on" in again.stderr


def test_short_utf8_answer_goes_8bit_where_the_server_offers_8bitmime(inbox, server):
    reference = submit(server)
    with Relay() as relay:
        result = answer(inbox, reference, f"smtp+plain://localhost:{relay.port}", message="Hej! Svar på frågan.\n")
    assert result.returncode == 0, result.stderr
    received = relay.messages[0]
    assert "BODY=8BITMIME" in received["mail_options"]
    assert received["message"]["Content-Transfer-Encoding"] == "8bit"
    assert body(received) == "Hej! Svar på frågan.\n"


def test_an_address_that_is_not_ascii_goes_with_smtputf8_and_only_where_offered(inbox, server):
    reference = submit(server, email="åsa.öberg@exempel.se")
    with ScriptedRelay({"EHLO": b"250-scripted\r\n250 8BITMIME\r\n"}) as relay:
        refused = answer(inbox, reference, f"smtp+plain://127.0.0.1:{relay.port}")
    assert "does not offer SMTPUTF8" in refused.stderr
    assert_not_answered(inbox, reference, refused)
    assert not any(command.startswith("MAIL") for command in relay.commands)
    with Relay() as relay:
        result = answer(inbox, reference, f"smtp+plain://127.0.0.1:{relay.port}")
    assert result.returncode == 0, result.stderr
    received = relay.messages[0]
    assert "SMTPUTF8" in received["mail_options"]
    assert received["rcpt_tos"] == ["åsa.öberg@exempel.se"]
    assert received["message"]["To"] == "åsa.öberg@exempel.se"


@pytest.mark.parametrize("mechanisms", [("LOGIN", "PLAIN"), ("LOGIN",)], ids=["AUTH PLAIN", "AUTH LOGIN"])
def test_starttls_with_a_private_ca_and_auth(inbox, server, tmp_path, mechanisms):
    reference = submit(server)
    certificate = throwaway_certificate(tmp_path)
    credentials = tmp_path / "smtp-credentials"
    credentials.write_text("inbox@kommun.example\nsecret password\n")
    credentials.chmod(0o600)
    with Relay(certificate=certificate, users={"inbox@kommun.example": "secret password"}, require_starttls=True,
               auth_mechanisms=mechanisms) as relay:
        result = answer(inbox, reference, f"smtp://localhost:{relay.port}", "--smtp-ca-file", str(certificate[0]),
                        "--smtp-credentials-file", str(credentials))
    assert result.returncode == 0, result.stderr
    assert relay.messages[0]["tls"] and relay.messages[0]["authenticated"]
    assert body(relay.messages[0]) == ANSWER


def test_wrong_password_is_refused_and_nothing_is_answered(inbox, server, tmp_path):
    reference = submit(server)
    certificate = throwaway_certificate(tmp_path)
    credentials = tmp_path / "smtp-credentials"
    credentials.write_text("inbox@kommun.example\nwrong\n")
    credentials.chmod(0o600)
    with Relay(certificate=certificate, users={"inbox@kommun.example": "secret password"}) as relay:
        result = answer(inbox, reference, f"smtp://localhost:{relay.port}", "--smtp-ca-file", str(certificate[0]),
                        "--smtp-credentials-file", str(credentials))
    assert "did not accept the credentials: 535" in result.stderr
    assert_not_answered(inbox, reference, result)
    assert relay.messages == []


# Each way a send can fail: the record stays open, its draft kept sealed, the failure audited, and
# the relay never got the message.
FAILED_SENDS = [
    ("a certificate no trusted CA signed", lambda directory: Relay(certificate=throwaway_certificate(directory)),
     "smtp://localhost:{port}", "TLS"),
    ("smtp:// to a server without STARTTLS", lambda directory: Relay(), "smtp://127.0.0.1:{port}", "does not offer STARTTLS"),
    ("a message over the server's SIZE", lambda directory: Relay(size_limit=1000), "smtp+plain://127.0.0.1:{port}",
     "more than the 1000 the SMTP server accepts"),
    ("the connection dropped at RCPT", lambda directory: ScriptedRelay({"EHLO": b"250-scripted\r\n250 8BITMIME\r\n", "RCPT": None}),
     "smtp+plain://127.0.0.1:{port}", "closed the connection"),
    ("bytes injected after STARTTLS", lambda directory: ScriptedRelay(
        {"EHLO": b"250-scripted\r\n250 STARTTLS\r\n", "STARTTLS": b"220 go ahead\r\n250 injected\r\n"}),
     "smtp://127.0.0.1:{port}", "data it was not asked for"),
]


@pytest.mark.parametrize("case, relay, url, error", FAILED_SENDS, ids=[case[0] for case in FAILED_SENDS])
def test_a_failed_send_leaves_the_record_unanswered(inbox, server, tmp_path, case, relay, url, error):
    reference = submit(server)
    with relay(tmp_path) as running:
        result = answer(inbox, reference, url.format(port=running.port))
    assert error in result.stderr
    assert_not_answered(inbox, reference, result)
    if isinstance(running, Relay):
        assert running.messages == []
    else:
        assert "DATA" not in running.commands


def test_a_refused_recipient_keeps_the_draft_and_a_retry_in_the_editor_sends_it(inbox, server, tmp_path):
    reference = submit(server)
    with Relay(Mailbox(refuse_recipients_with="550 5.1.1 No such user here")) as relay:
        result = answer(inbox, reference, f"smtp+plain://127.0.0.1:{relay.port}")
    assert "refused the recipient: 550 5.1.1 No such user here (permanent)" in result.stderr
    assert_not_answered(inbox, reference, result)
    # The draft is sealed: its text is nowhere in the database's files.
    for path in inbox.data.glob("inbox.sqlite*"):
        assert "förskolan öppnar".encode() not in path.read_bytes()

    # The retry opens the kept draft in the editor; this "editor" keeps it as it is, and notes
    # what it was given and where.
    editor, seen = recording_editor(tmp_path, 'stat -c %a "$(dirname "$1")" > "$SEEN.mode"')
    with Relay() as relay:
        result = answer_in_terminal(inbox, reference, f"smtp+plain://127.0.0.1:{relay.port}", editor)
    assert result.returncode == 0, result.stderr
    # As git does with a message from the editor, trailing blanks are dropped from each line.
    assert body(relay.messages[0]) == "\n".join(line.rstrip() for line in ANSWER.split("\n"))
    assert seen.read_text().startswith(ANSWER.rstrip("\n"))
    assert "#   När öppnar förskolan?" in seen.read_text()
    assert (tmp_path / "seen.txt.mode").read_text().strip() == "700"
    assert not list(inbox.directory.glob("inbox-answer-*"))
    assert record(inbox, reference)["status"] == "answered"


def recording_editor(directory, then):
    """An "editor" script that copies the draft file it is given to seen.txt, then runs `then`."""
    seen = directory / "seen.txt"
    editor = directory / "editor.sh"
    editor.write_text(f'#!/bin/sh\nSEEN={seen}\ncp "$1" "$SEEN"\n{then}\n')
    editor.chmod(0o755)
    return editor, seen


def answer_in_terminal(inbox, reference, relay_url, editor, typed=None):
    """`inbox answer` without --message-file, on a pseudo-terminal, as a person runs it. Without
    `typed` it passes --yes; otherwise `typed` is what the person types at the confirmation."""
    controller, terminal = pty.openpty()
    try:
        if typed is not None:
            os.write(controller, typed.encode())
        confirmation = [] if typed is not None else ["--yes"]
        return answer(inbox, reference, relay_url, *confirmation, message=None, stdin=terminal,
                      environment={"EDITOR": str(editor)}, controlling_terminal=True)
    finally:
        os.close(terminal)
        os.close(controller)


def test_on_a_terminal_the_answer_is_sent_only_when_confirmed(inbox, server, tmp_path):
    reference = submit(server)
    editor, _ = recording_editor(tmp_path, 'printf "Svar efter eftertanke.\\n" > "$1"')
    with Relay() as relay:
        declined = answer_in_terminal(inbox, reference, f"smtp+plain://127.0.0.1:{relay.port}", editor, typed="n\n")
        assert declined.returncode == 0, declined.stderr
        assert "Send the answer to a•••@e•••.se" in declined.stderr and "Not sent" in declined.stdout
        assert relay.messages == [] and drafts(inbox) == 1 and record(inbox, reference)["status"] == "open"
        confirmed = answer_in_terminal(inbox, reference, f"smtp+plain://127.0.0.1:{relay.port}", editor, typed="ja\n")
    assert confirmed.returncode == 0, confirmed.stderr
    assert body(relay.messages[0]) == "Svar efter eftertanke.\n"
    assert record(inbox, reference)["status"] == "answered"


def test_the_editor_shows_the_question_terminal_safe(inbox, server, tmp_path):
    reference = submit(server, question="Rensa skärmen \x1b[2J och \x1b]0;titel\x07 tack")
    editor, seen = recording_editor(tmp_path, 'printf "Svar.\\n" > "$1"')
    with Relay() as relay:
        result = answer_in_terminal(inbox, reference, f"smtp+plain://127.0.0.1:{relay.port}", editor)
    assert result.returncode == 0, result.stderr
    text = seen.read_text()
    assert "\x1b" not in text and "\x07" not in text
    assert "\\u{1B}[2J" in text
    assert body(relay.messages[0]) == "Svar.\n"


def test_a_question_without_an_address_cannot_be_answered_by_email(inbox, server):
    reference = submit(server, email=None)
    with Relay() as relay:
        result = answer(inbox, reference, f"smtp+plain://127.0.0.1:{relay.port}")
    assert result.returncode != 0
    assert "has no email address" in result.stderr
    assert relay.messages == [] and drafts(inbox) == 0


@pytest.mark.parametrize("arguments, error", [
    (["--mail-from", "registrator@kommun.example\r\nBcc: victim@example.se"], "line break"),
    (["--mail-from", "Kommunen <registrator@kommun.example>, victim@example.se"], "email address"),
    (["--subject", "Svar\r\nBcc: victim@example.se"], "line break"),
    (["--smtp-url", "smtp+plain://mail.example.se:25"], "loopback"),
    (["--smtp-url", "smtp://user:password@mail.example.se"], "credentials"),
])
def test_bad_settings_are_refused_before_anything_is_opened(inbox, server, arguments, error):
    reference = submit(server)
    with Relay() as relay:
        result = answer(inbox, reference, f"smtp+plain://127.0.0.1:{relay.port}", *arguments)
    assert result.returncode != 0
    assert error in result.stderr
    assert relay.messages == [] and drafts(inbox) == 0
    assert "open" not in audit_actions(inbox)


def test_a_credentials_file_others_can_read_is_refused(inbox, server, tmp_path):
    reference = submit(server)
    credentials = tmp_path / "smtp-credentials"
    credentials.write_text("user\npassword\n")
    credentials.chmod(0o644)
    result = answer(inbox, reference, "smtp+plain://127.0.0.1:25", "--smtp-credentials-file", str(credentials))
    assert result.returncode != 0 and "chmod 600" in result.stderr
    assert stat.S_IMODE(credentials.stat().st_mode) == 0o644
