"""deploy/README.md's installation, followed step by step on this machine with real users, groups,
sudo and file permissions (under a scratch prefix instead of /etc and /var/lib, and with NOPASSWD
added to the sudoers rule because a test cannot type a staff member's password). It proves the
split the guide promises: the service account runs the server and the purge but cannot read the
master key; a staff member, through sudo, can, and the audit log names them. Needs root."""
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("INBOX_BIN_DIR", ROOT / ".build" / "debug"))
SERVICE, STAFF_GROUP, STAFF = "contact-inbox", "inbox-staff", "inbox-test-staff"
SUDOERS_TARGET = Path("/etc/sudoers.d/contact-inbox-test")

pytestmark = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("sudo"), reason="needs root and sudo")


def run(*command, user=None, check=True, **options):
    prefix = ["runuser", "-u", user, "--"] if user else []
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
    etc, data, bin_directory = prefix / "etc/contact-inbox", prefix / "var/lib/contact-inbox", prefix / "bin"
    for directory in (etc, data.parent, bin_directory):
        directory.mkdir(parents=True)
        directory.chmod(0o755)
    for executable in ("inbox", "inbox-server"):
        run("install", "-m", "0755", BIN / executable, bin_directory / executable)
    run("install", "-d", "-o", SERVICE, "-g", SERVICE, "-m", "0700", data)
    run("install", "-d", "-o", SERVICE, "-g", STAFF_GROUP, "-m", "0750", etc / "private")
    config = (ROOT / "deploy/inbox.conf").read_text()
    config = config.replace("/var/lib/contact-inbox", str(data)).replace("/etc/contact-inbox", str(etc))
    (etc / "inbox.conf").write_text(config)
    shutil.copy(ROOT / "policy/default.toml", etc / "policy.toml")
    (etc / "inbox.conf").chmod(0o644)
    (etc / "policy.toml").chmod(0o644)
    sudoers = (ROOT / "deploy/sudoers/contact-inbox").read_text().replace("/usr/local/bin/inbox", str(bin_directory / "inbox"))
    sudoers = sudoers.replace("ALL=(contact-inbox:inbox-staff) ", "ALL=(contact-inbox:inbox-staff) NOPASSWD: ")
    SUDOERS_TARGET.write_text(sudoers)
    SUDOERS_TARGET.chmod(0o440)
    run("visudo", "-c")
    # The staff member's passphrase file, readable by them only.
    passphrase = prefix / "passphrase"
    passphrase.write_text("correct horse battery staple\n")
    shutil.chown(passphrase, STAFF, STAFF_GROUP)
    passphrase.chmod(0o600)
    yield {"prefix": prefix, "etc": etc, "data": data, "bin": bin_directory, "passphrase": passphrase}
    SUDOERS_TARGET.unlink(missing_ok=True)
    shutil.rmtree(prefix, ignore_errors=True)


def staff_inbox(installation, *arguments, check=True):
    """What the guide's alias runs: sudo -u contact-inbox -g inbox-staff inbox …, as a staff member."""
    return run("sudo", "-n", "-u", SERVICE, "-g", STAFF_GROUP, installation["bin"] / "inbox", *arguments,
               "--config", installation["etc"] / "inbox.conf", user=STAFF, check=check)


def test_the_service_account_cannot_read_the_master_key_and_staff_can(installation):
    etc, data = installation["etc"], installation["data"]
    # Typed at the terminal in real life; here a file the staff group may read.
    passphrase = installation["passphrase"]
    passphrase.chmod(0o640)
    staff_inbox(installation, "keys", "init", "--passphrase-file", passphrase)
    # Step 3 of the guide: the key belongs to root and the staff group.
    run("chown", "-R", f"root:{STAFF_GROUP}", etc / "private")
    run("chmod", "0750", etc / "private")
    for key_file in (etc / "private").iterdir():
        key_file.chmod(0o640)

    # The server, as the service account, takes a question.
    port, admin = 18000 + os.getpid() % 1000, 19000 + os.getpid() % 1000
    server = subprocess.Popen(["runuser", "-u", SERVICE, "--", installation["bin"] / "inbox-server", "--config", etc / "inbox.conf",
                               "--port", str(port), "--admin-port", str(admin), "--rate-limit", "off"],
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        reference = submit_when_ready(port)
    finally:
        server.terminate()
        server.wait(timeout=30)

    # The service account cannot read the master key, so it cannot open what it stored: not even
    # knowing the passphrase.
    key_files = list((etc / "private").iterdir())
    assert [path.name for path in key_files] == ["master.key.pem"]
    assert run("cat", key_files[0], user=SERVICE, check=False).returncode != 0
    assert run("cat", key_files[0], user=STAFF, check=False).returncode == 0  # the staff group may
    leaked = installation["prefix"] / "leaked-passphrase"
    shutil.copy(passphrase, leaked)
    shutil.chown(leaked, SERVICE, SERVICE)
    refused = run(installation["bin"] / "inbox", "show", reference, "--config", etc / "inbox.conf",
                  "--passphrase-file", leaked, user=SERVICE, check=False)
    assert refused.returncode != 0
    assert "cannot reach the master key" in refused.stderr and "Permission denied" in refused.stderr, refused.stderr
    # The purge, as the service account, needs no key.
    run(installation["bin"] / "inbox", "purge", "--config", etc / "inbox.conf", user=SERVICE)

    # A staff member, through sudo, reads the question; the audit log names them.
    shown = json.loads(staff_inbox(installation, "show", reference, "--json", "--passphrase-file", passphrase).stdout)
    assert shown["question"] == "Installerad enligt boken?"
    entries = json.loads(staff_inbox(installation, "audit", "list", "--json").stdout)
    assert entries[-1]["action"] == "open" and entries[-1]["claimed_by"] == STAFF and entries[-1]["user"] == SERVICE
    assert not any(path.stat().st_mode & 0o007 for path in data.rglob("*"))


def submit_when_ready(port):
    body = urllib.parse.urlencode({"question": "Installerad enligt boken?"}).encode()
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
