"""deploy/README.md's installation, followed step by step on this machine with real users, groups,
sudo and file permissions (the data under a scratch prefix instead of /var/lib, and NOPASSWD added
to the staff's sudoers rule because a test cannot type a staff member's password). It proves the
split the guide promises: the service account runs the server and the purge but cannot read the
master key; a staff member, through sudo, can, and the audit log names them; through sudo nobody
can choose a data directory, a policy or a configuration of their own, and the editor of `inbox
answer` runs as the staff member, never as the service account. Needs root.

Through sudo, inbox reads its settings from /etc/contact-inbox/inbox.conf alone, so this test
writes that file (and puts back whatever was there)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "EndToEnd"))
from mail_relay import Relay  # noqa: E402
from pseudo_terminal import in_terminal  # noqa: E402

BIN = Path(os.environ.get("INBOX_BIN_DIR", ROOT / ".build" / "debug"))
SERVICE, STAFF_GROUP, STAFF = "contact-inbox", "inbox-staff", "inbox-test-staff"
SUDOERS_TARGET = Path("/etc/sudoers.d/contact-inbox-test")
INSTALLED = Path("/etc/contact-inbox")
PASSPHRASE = "correct horse battery staple"

pytestmark = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("sudo"), reason="needs root and sudo")


def run(*command, user=None, check=True, environment=None, **options):
    prefix = ["runuser", "-u", user, "--"] if user else []
    if environment:
        prefix += ["env", *(f"{name}={value}" for name, value in environment.items())]
    result = subprocess.run([*prefix, *map(str, command)], capture_output=True, text=True, stdin=subprocess.DEVNULL, **options)
    if check:
        assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"
    return result


def ensure_accounts():
    if run("getent", "group", STAFF_GROUP, check=False).returncode != 0:
        run("groupadd", "--system", STAFF_GROUP)
    if run("getent", "passwd", SERVICE, check=False).returncode != 0:
        run("useradd", "--system", "--user-group", "--home-dir", "/var/lib/contact-inbox", "--no-create-home",
            "--shell", "/usr/sbin/nologin", SERVICE)
    if run("getent", "passwd", STAFF, check=False).returncode != 0:
        run("useradd", "--system", "--shell", "/bin/sh", "--no-create-home", STAFF)
    run("usermod", "-aG", STAFF_GROUP, STAFF)


@pytest.fixture
def installation():
    ensure_accounts()
    prefix = Path(tempfile.mkdtemp(prefix="contact-inbox-install-"))
    prefix.chmod(0o755)
    etc, data, bin_directory, home = prefix / "etc/contact-inbox", prefix / "var/lib/contact-inbox", prefix / "bin", prefix / "home"
    for directory in (etc, data.parent, bin_directory):
        directory.mkdir(parents=True)
        directory.chmod(0o755)
    for executable in ("inbox", "inbox-server"):
        run("install", "-m", "0755", BIN / executable, bin_directory / executable)
    run("install", "-d", "-o", SERVICE, "-g", SERVICE, "-m", "0700", data)
    run("install", "-d", "-o", SERVICE, "-g", STAFF_GROUP, "-m", "0750", etc / "private")
    run("install", "-d", "-o", STAFF, "-m", "0700", home)
    run("usermod", "-d", home, STAFF)
    shutil.copy(ROOT / "policy/default.toml", etc / "policy.toml")
    (etc / "policy.toml").chmod(0o644)

    # The installed configuration, where sudo'd commands read it.
    saved = None
    if INSTALLED.exists():
        saved = prefix / "saved-etc-contact-inbox"
        shutil.move(INSTALLED, saved)
    INSTALLED.mkdir(mode=0o755)
    relay = Relay().__enter__()
    config = (ROOT / "deploy/inbox.conf").read_text()
    config = config.replace("/var/lib/contact-inbox", str(data)).replace("/etc/contact-inbox", str(etc))
    config = config.replace('smtp-url = "smtps://smtp.kommun.example"', f'smtp-url = "smtp+plain://127.0.0.1:{relay.port}"')
    (INSTALLED / "inbox.conf").write_text(config)
    (INSTALLED / "inbox.conf").chmod(0o644)

    sudoers = (ROOT / "deploy/sudoers/contact-inbox").read_text().replace("/usr/local/bin/inbox", str(bin_directory / "inbox"))
    sudoers = sudoers.replace("ALL=(contact-inbox:inbox-staff) ", "ALL=(contact-inbox:inbox-staff) NOPASSWD: ")
    SUDOERS_TARGET.write_text(sudoers)
    SUDOERS_TARGET.chmod(0o440)
    run("visudo", "-c")
    # The staff member's passphrase file, readable by them only: their own shell opens it.
    passphrase = home / "passphrase"
    passphrase.write_text(PASSPHRASE + "\n")
    shutil.chown(passphrase, STAFF, STAFF)
    passphrase.chmod(0o600)
    yield {"prefix": prefix, "etc": etc, "data": data, "bin": bin_directory, "home": home, "passphrase": passphrase,
           "relay": relay}
    relay.__exit__(None, None, None)
    SUDOERS_TARGET.unlink(missing_ok=True)
    shutil.rmtree(INSTALLED, ignore_errors=True)
    if saved:
        shutil.move(saved, INSTALLED)
    shutil.rmtree(prefix, ignore_errors=True)


def staff_inbox(installation, *arguments, check=True, passphrase=False):
    """What the guide's alias runs, as a staff member: sudo -u contact-inbox -g inbox-staff inbox …,
    with the passphrase file given on standard input by the staff member's own shell."""
    command = ["sudo", "-n", "-u", SERVICE, "-g", STAFF_GROUP, installation["bin"] / "inbox", *arguments]
    if passphrase:
        script = 'exec "$@" --passphrase-file - < "$PASSFILE"'
        return run("env", f"PASSFILE={installation['passphrase']}", "sh", "-c", script, "sh", *command, user=STAFF, check=check)
    return run(*command, user=STAFF, check=check)


def initialized(installation):
    staff_inbox(installation, "keys", "init", passphrase=True)
    # Step 3 of the guide: the key belongs to root and the staff group.
    etc = installation["etc"]
    run("chown", "-R", f"root:{STAFF_GROUP}", etc / "private")
    run("chmod", "0750", etc / "private")
    for key_file in (etc / "private").iterdir():
        key_file.chmod(0o640)
    return installation


def serve_one_question(installation, question):
    port, admin = 18000 + os.getpid() % 1000, 19000 + os.getpid() % 1000
    server = subprocess.Popen(["runuser", "-u", SERVICE, "--", installation["bin"] / "inbox-server",
                               "--port", str(port), "--admin-port", str(admin), "--rate-limit", "off"],
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env=dict(os.environ, INBOX_CONFIG=str(INSTALLED / "inbox.conf")))
    try:
        return submit_when_ready(port, question)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_service_account_cannot_read_the_master_key_and_staff_can(installation):
    etc = initialized(installation)["etc"]
    reference = serve_one_question(installation, "Installerad enligt boken?")

    # The service account cannot read the master key, so it cannot open what it stored: not even
    # knowing the passphrase.
    key_files = list((etc / "private").iterdir())
    assert [path.name for path in key_files] == ["master.key.pem"]
    assert run("cat", key_files[0], user=SERVICE, check=False).returncode != 0
    assert run("cat", key_files[0], user=STAFF, check=False).returncode == 0  # the staff group may
    leaked = installation["prefix"] / "leaked-passphrase"
    shutil.copy(installation["passphrase"], leaked)
    shutil.chown(leaked, SERVICE, SERVICE)
    refused = run(installation["bin"] / "inbox", "show", reference, "--passphrase-file", leaked, user=SERVICE, check=False)
    assert refused.returncode != 0
    assert "cannot reach the master key" in refused.stderr and "Permission denied" in refused.stderr, refused.stderr
    # The purge, as the service account, needs no key.
    run(installation["bin"] / "inbox", "purge", user=SERVICE)

    # A staff member, through sudo, reads the question; the audit log names them.
    shown = json.loads(staff_inbox(installation, "show", reference, "--json", passphrase=True).stdout)
    assert shown["question"] == "Installerad enligt boken?"
    entries = json.loads(staff_inbox(installation, "audit", "list", "--json").stdout)
    assert entries[-1]["action"] == "open" and entries[-1]["claimed_by"] == STAFF and entries[-1]["user"] == SERVICE
    assert not any(path.stat().st_mode & 0o007 for path in installation["data"].rglob("*"))


def test_through_sudo_no_path_policy_or_configuration_of_ones_own(installation):
    """The red team's finding: `inbox purge --policy zero.toml` through sudo wiped everything."""
    initialized(installation)
    reference = serve_one_question(installation, "Finns jag kvar?")
    zero = installation["home"] / "zero.toml"
    zero.write_text((ROOT / "policy/default.toml").read_text().replace('"90 days"', '"0 days"').replace('"2 years"', '"0 days"')
                    .replace('"30 days"', '"0 days"'))
    shutil.chown(zero, STAFF, STAFF)
    for arguments, option in [
        (["purge", "--policy", zero], "--policy"), (["list", "--data-dir", installation["home"]], "--data-dir"),
        (["list", "--config", zero], "--config"), (["keys", "list", "--key-dir", installation["home"]], "--key-dir"),
        (["show", reference, "--passphrase-file", installation["passphrase"]], "--passphrase-file"),
        (["answer", reference, "--smtp-url", "smtp+plain://127.0.0.1:1", "--message-file", "-"], "--smtp-url"),
        (["answer", reference, "--message-file", installation["passphrase"]], "--message-file"),
    ]:
        refused = staff_inbox(installation, *arguments, check=False)
        assert refused.returncode != 0, arguments
        assert f"{option} is refused when {STAFF} runs inbox through sudo" in refused.stderr, refused.stderr
    listed = json.loads(staff_inbox(installation, "list", "--json").stdout)
    assert [item["reference"] for item in listed] == [reference]
    # `policy check FILE` would read any file as the service account and echo its first words.
    credentials = installation["etc"] / "smtp-credentials"
    credentials.write_text("relay-user\nrelay-password\n")
    shutil.chown(credentials, SERVICE, SERVICE)
    credentials.chmod(0o600)
    peek = staff_inbox(installation, "policy", "check", credentials, check=False)
    assert peek.returncode != 0 and "relay-user" not in peek.stderr + peek.stdout
    assert "refused when" in peek.stderr


def test_the_editor_runs_as_the_staff_member_never_as_the_service_account(installation):
    """The red team's finding: sudoers kept EDITOR, and the editor ran as contact-inbox (`:!sh`)."""
    initialized(installation)
    reference = serve_one_question(installation, "Vem skriver svaret?")
    home = installation["home"]
    seen = home / "seen"
    editor = home / "editor.sh"
    editor.write_text(f'#!/bin/sh\nid -un > {seen}.user\nstat -c %U "$(dirname "$1")" > {seen}.owner\ncp "$1" {seen}.draft\n'
                      'printf "Svar skrivet av personalen.\\n" > "$1"\n')
    editor.chmod(0o755)
    # The staff member's own choice of editor, as `select-editor` records it.
    (home / ".selected_editor").write_text(f'SELECTED_EDITOR="{editor}"\n')
    for path in (editor, home / ".selected_editor"):
        shutil.chown(path, STAFF, STAFF)
    script = f'exec sudo -n -u {SERVICE} -g {STAFF_GROUP} {installation["bin"]}/inbox answer {reference} --passphrase-file - < {installation["passphrase"]}'
    status, output = in_terminal(["runuser", "-u", STAFF, "--", "sh", "-c", script])
    assert status == 0, output
    assert (Path(f"{seen}.user")).read_text().strip() == STAFF
    assert (Path(f"{seen}.owner")).read_text().strip() == STAFF
    assert "Vem skriver svaret?" in Path(f"{seen}.draft").read_text()
    messages = installation["relay"].messages
    assert len(messages) == 1 and messages[0]["message"].get_content().strip() == "Svar skrivet av personalen."
    entries = json.loads(staff_inbox(installation, "audit", "list", "--json").stdout)
    assert [(entry["action"], entry.get("claimed_by")) for entry in entries[-2:]] == [("open", STAFF), ("answer", STAFF)]


def test_the_editor_helper_refuses_the_service_account(installation):
    initialized(installation)
    # Staff may not run the helper as the service account: the sudoers rule excludes it ...
    refused = staff_inbox(installation, "edit-draft", "--name", "x.txt", check=False)
    assert refused.returncode != 0
    # ... and the helper itself refuses an account that can read the data.
    direct = run(installation["bin"] / "inbox", "edit-draft", "--name", "x.txt", user=SERVICE, check=False)
    assert direct.returncode != 0 and "refused" in direct.stderr, direct.stderr


def test_the_service_account_alone_cannot_get_an_editor_as_a_staff_member(installation):
    """The second sudoers rule lets the service account run the helper as any staff member; the
    helper runs only when that staff member's own sudo started the inbox asking for it."""
    initialized(installation)
    borrowed = run("sudo", "-n", "-u", STAFF, installation["bin"] / "inbox", "edit-draft", "--name", "x.txt", user=SERVICE, check=False)
    assert borrowed.returncode != 0 and "runs only for the person" in borrowed.stderr, borrowed.stderr


def test_sudo_user_set_by_hand_is_not_believed(installation):
    """The red team's finding: SUDO_USER could be set to blame a colleague."""
    initialized(installation)
    reference = serve_one_question(installation, "Vem raderade mig?")
    colleague = run("id", "-u", STAFF).stdout.strip()
    erased = run(installation["bin"] / "inbox", "erase", reference, user=SERVICE,
                 environment={"SUDO_USER": STAFF, "SUDO_UID": colleague, "SUDO_GID": colleague})
    assert "cannot see that sudo started it" in erased.stderr
    entries = json.loads(run(installation["bin"] / "inbox", "audit", "list", "--json", user=SERVICE).stdout)
    assert entries[-1]["action"] == "erase" and entries[-1]["user"] == SERVICE and "claimed_by" not in entries[-1]


def submit_when_ready(port, question):
    body = urllib.parse.urlencode({"question": question, "email": "medborgare@example.se"}).encode()
    deadline = time.monotonic() + 60
    while True:
        try:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/", data=body, headers={"Accept": "application/json"})
            with urllib.request.urlopen(request, timeout=10) as response:
                return json.loads(response.read())["reference"]
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
