"""Staff in a real terminal: tmux (Debian) runs an interactive bash in which `inbox` is typed as a
person types it. The red team found `inbox answer` hanging for ever in tmux with vim: the editor had
been started in a process group of its own and was stopped by SIGTTOU. Here the test types the
passphrase, waits until the editor has drawn the quoted question (capture-pane), writes the answer
as a person would in vi or nano, confirms, and finds the mail at a real SMTP server; suspends the
editor with Ctrl-Z and brings it back with `fg`; presses Ctrl-C in the editor. And `inbox list` on a
thousand records shows one screen through the pager, while piped it prints every row."""
import json
import os
import shlex
import shutil
import subprocess
import time
import uuid
from urllib.parse import urlencode

import pytest

from conftest import INBOX, JSON_FORM, PASSPHRASE, POLICY, ROOT, request
from mail_relay import Relay

pytestmark = pytest.mark.skipif(not shutil.which("tmux"), reason="tmux is needed (Debian: tmux); .ci/test installs it")

QUESTION = "När öppnar simhallen efter renoveringen?"


class Tmux:
    """One tmux server of its own, one window running an interactive bash."""

    def __init__(self, home, width=110, height=30):
        self.socket = f"inbox-test-{uuid.uuid4().hex[:8]}"
        self.height = height
        environment = {"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin", "TERM": "screen", "LANG": "C.UTF-8",
                       "PS1": "staff> "}
        shell = ["env", "-i", *(f"{name}={value}" for name, value in environment.items()), "bash", "--norc", "--noprofile", "-i"]
        self.tmux("new-session", "-d", "-s", "staff", "-x", str(width), "-y", str(height), shlex.join(shell))

    def tmux(self, *arguments):
        return subprocess.run(["tmux", "-L", self.socket, *arguments], check=True, capture_output=True, text=True).stdout

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "staff")

    def type(self, *keys):
        self.tmux("send-keys", "-t", "staff", *keys)

    def line(self, text):
        self.type("-l", text)
        self.type("Enter")

    def wait_for(self, text, timeout=60):
        """Watches the screen until `text` is on it; fails with the screen after `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            assert time.monotonic() < deadline, f"never saw {text!r} on the screen:\n{screen}"
            time.sleep(0.05)

    def close(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def terminal(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    session = Tmux(home)
    # capture-pane drops trailing blanks: the prompt is seen as "staff>".
    session.wait_for("staff>")
    yield session
    session.close()


@pytest.fixture
def question(server):
    body = urlencode({"question": QUESTION, "email": "sara.svensson@example.se"}).encode()
    status, _, text = request(server.port, "POST", "/", body=body, headers=JSON_FORM)
    assert status == 201
    return json.loads(text)["reference"]


def answer_command(inbox, reference, relay, editor):
    return (f"EDITOR='{editor}' {INBOX} answer {reference} --data-dir {inbox.data} --policy {POLICY} "
            f"--smtp-url smtp+plain://127.0.0.1:{relay.port} --mail-from registrator@kommun.example")


def open_the_editor(terminal, inbox, reference, relay, editor):
    terminal.line(answer_command(inbox, reference, relay, editor))
    terminal.wait_for("Passphrase for the master key:")
    terminal.line(PASSPHRASE)
    # The editor draws the draft file: the question quoted as comment lines.
    terminal.wait_for(f"#   {QUESTION}")


def confirm_and_expect_the_mail(terminal, relay, text):
    terminal.wait_for("Send the answer to")
    terminal.line("y")
    terminal.wait_for("is answered")
    assert [message["message"].get_content().strip() for message in relay.messages] == [text]


def write_in_vi(terminal, text):
    terminal.type("g", "g", "i")
    terminal.type("-l", text)
    terminal.type("Escape")
    terminal.line(":wq")


def test_answering_in_vi_in_tmux_as_a_person_does(inbox, server, question, terminal):
    with Relay() as relay:
        open_the_editor(terminal, inbox, question, relay, "vi")
        write_in_vi(terminal, "Den öppnar den 1 mars.")
        confirm_and_expect_the_mail(terminal, relay, "Den öppnar den 1 mars.")
    assert inbox.records()[0]["status"] == "answered"


def test_the_editor_suspended_with_ctrl_z_goes_on_after_fg(inbox, server, question, terminal):
    with Relay() as relay:
        open_the_editor(terminal, inbox, question, relay, "vi")
        terminal.type("C-z")
        terminal.wait_for("Stopped")
        terminal.line("fg")
        terminal.wait_for(f"#   {QUESTION}")
        write_in_vi(terminal, "Svar efter en paus.")
        confirm_and_expect_the_mail(terminal, relay, "Svar efter en paus.")


def test_ctrl_c_in_the_editor_does_not_kill_inbox(inbox, server, question, terminal):
    with Relay() as relay:
        open_the_editor(terminal, inbox, question, relay, "vi")
        terminal.type("C-c")
        terminal.wait_for("Type  :qa")  # vim's own answer to Ctrl-C: it is the editor's key
        write_in_vi(terminal, "Svar trots Ctrl-C.")
        confirm_and_expect_the_mail(terminal, relay, "Svar trots Ctrl-C.")


@pytest.mark.skipif(not shutil.which("nano"), reason="nano is needed (Debian: nano); .ci/test installs it")
def test_answering_in_nano_in_tmux(inbox, server, question, terminal):
    with Relay() as relay:
        open_the_editor(terminal, inbox, question, relay, "nano")
        terminal.type("-l", "Svar skrivet i nano.")
        terminal.type("C-o")
        terminal.wait_for("File Name to Write")
        terminal.type("Enter")
        terminal.type("C-x")
        confirm_and_expect_the_mail(terminal, relay, "Svar skrivet i nano.")


def test_a_thousand_records_show_one_screen_through_the_pager_and_every_row_when_piped(inbox, server, terminal):
    for index in range(1000):
        status, _, _ = request(server.port, "POST", "/", body=urlencode({"question": f"Fråga {index}"}).encode(), headers=JSON_FORM)
        assert status == 201
    oldest = inbox.records()[0]["reference"]
    listing = f"{INBOX} list --data-dir {inbox.data} --policy {POLICY}"

    terminal.line(listing)
    screen = terminal.wait_for("1000 open record(s)")
    shown = [line for line in screen.splitlines() if line[:4].isalnum() and line[4:5] == "-"]
    assert 0 < len(shown) < terminal.height and shown[0].startswith(oldest)
    assert f"the {len(shown)} oldest shown (inbox list --all, or --limit N)" in screen

    # --all: more than a screen, so less stays and shows the first screenful; q returns to the shell.
    # (The marker is computed by the shell, so the typed line itself never matches it: the screen
    # is known to be clear before the next listing is looked for.)
    terminal.line("clear; echo screen-$((1 + 1))-cleared")
    terminal.wait_for("screen-2-cleared")
    terminal.line(f"{listing} --all")
    screen = terminal.wait_for("REFERENCE")
    assert "1000 open record(s)" not in screen
    terminal.type("q")
    terminal.line("echo back-at-the-shell")
    terminal.wait_for("back-at-the-shell\n")

    piped = subprocess.run([INBOX, "list", "--data-dir", str(inbox.data), "--policy", POLICY], capture_output=True, text=True)
    lines = piped.stdout.splitlines()
    assert len(lines) == 1 + 1000 + 1 and lines[-1] == "1000 open record(s)" and lines[1].startswith(oldest)


def test_the_bash_completion_script_loads(tmp_path):
    script = ROOT / "deploy" / "completions" / "inbox.bash"
    loaded = subprocess.run(["bash", "-c", f"source {script} && complete -p inbox"], capture_output=True, text=True,
                            env={"PATH": os.environ["PATH"]})
    assert loaded.returncode == 0, loaded.stderr
    assert "-F _inbox inbox" in loaded.stdout
