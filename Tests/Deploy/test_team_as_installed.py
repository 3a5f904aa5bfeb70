"""Two staff members of an installation, each with their own Unix account in the staff group (the
installation test's model, deploy/README.md): they claim the same case at the same moment and
exactly one wins, the other is told who; a take-over is audited with the reason and the name of the
claim it ended; a close by someone who does not hold the case is refused; an answer claims an
unclaimed case first; and the audit log names each person."""
import json
import os
import shutil
import subprocess

from test_install_as_documented import (  # noqa: F401  (installation is a fixture; the import puts Tests/EndToEnd on the path)
    PASSPHRASE, SERVICE, STAFF, STAFF_GROUP, initialized, installation, pytestmark, run, serve_one_question)
from pseudo_terminal import in_terminal  # noqa: E402

COLLEAGUE = "inbox-test-staff2"
COLLEAGUE_NAME = "Bertil Berg"


def ensure_colleague(installation):
    if run("getent", "passwd", COLLEAGUE, check=False).returncode != 0:
        run("useradd", "--system", "--shell", "/bin/sh", "--no-create-home", "--comment", f"{COLLEAGUE_NAME},,,", COLLEAGUE)
    run("usermod", "-aG", STAFF_GROUP, COLLEAGUE)
    home = installation["prefix"] / "home2"
    run("install", "-d", "-o", COLLEAGUE, "-m", "0700", home)
    run("usermod", "-d", home, COLLEAGUE)
    passphrase = home / "passphrase"
    passphrase.write_text(PASSPHRASE + "\n")
    shutil.chown(passphrase, COLLEAGUE, COLLEAGUE)
    passphrase.chmod(0o600)
    return home


def as_staff(installation, person, *arguments, check=True):
    command = ["sudo", "-n", "-u", SERVICE, "-g", STAFF_GROUP, installation["bin"] / "inbox", *arguments]
    return run(*command, user=person, check=check)


def claim_at_once(installation, reference):
    """Both staff members run `inbox claim` at the same moment, as two terminals would."""
    processes = {
        person: subprocess.Popen(
            ["runuser", "-u", person, "--", "sudo", "-n", "-u", SERVICE, "-g", STAFF_GROUP, str(installation["bin"] / "inbox"),
             "claim", reference], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for person in (STAFF, COLLEAGUE)
    }
    return {person: (process.wait(timeout=120), process.stdout.read(), process.stderr.read())
            for person, process in processes.items()}


def test_two_staff_members_claim_take_over_and_answer(installation):
    initialized(installation)
    ensure_colleague(installation)
    contested = serve_one_question(installation, "Vem tar hand om min fråga?")
    answered = serve_one_question(installation, "Kan jag få svar i dag?")

    outcomes = claim_at_once(installation, contested)
    winners = [person for person, (status, _, _) in outcomes.items() if status == 0]
    assert len(winners) == 1, outcomes
    winner = winners[0]
    loser = COLLEAGUE if winner == STAFF else STAFF
    status, _, error = outcomes[loser]
    assert status != 0 and f"is claimed by {winner}" in error, error

    # The loser may not close the case, and may take it over only with a reason.
    refused = as_staff(installation, loser, "close", contested, "--reason", "no-answer-needed", check=False)
    assert refused.returncode != 0 and f"claimed by {winner}" in refused.stderr, refused.stderr
    refused = as_staff(installation, loser, "claim", contested, "--take-over", check=False)
    assert refused.returncode != 0 and "--reason" in refused.stderr
    as_staff(installation, loser, "claim", contested, "--take-over", "--reason", "kollegan är sjuk")
    listed = {row["reference"]: row for row in json.loads(as_staff(installation, winner, "list", "--json").stdout)}
    assert listed[contested]["claimed_by"] == loser and listed[answered]["claimed_by"] is None
    # Now the first claimant is the one refused; the new holder closes it.
    refused = as_staff(installation, winner, "close", contested, "--reason", "no-answer-needed", check=False)
    assert refused.returncode != 0 and f"claimed by {loser}" in refused.stderr
    as_staff(installation, loser, "close", contested, "--reason", "no-answer-needed")

    # An answer to an unclaimed case claims it first, in the answerer's name.
    home = installation["home"]
    editor = home / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "Ja, i dag.\\n" > "$1"\n')
    editor.chmod(0o755)
    (home / ".selected_editor").write_text(f'SELECTED_EDITOR="{editor}"\n')
    for path in (editor, home / ".selected_editor"):
        shutil.chown(path, STAFF, STAFF)
    script = (f"exec sudo -n -u {SERVICE} -g {STAFF_GROUP} {installation['bin']}/inbox answer {answered} "
              f"--passphrase-file - < {installation['passphrase']}")
    status, output = in_terminal(["runuser", "-u", STAFF, "--", "sh", "-c", script])
    assert status == 0, output
    refused = as_staff(installation, COLLEAGUE, "claim", answered, check=False)
    assert refused.returncode != 0 and "is answered" in refused.stderr

    # Through sudo the gauges' file and the digest's recipient are the installation's, not a person's.
    refused = as_staff(installation, STAFF, "metrics", "--textfile", "/var/lib/contact-inbox/x.prom", check=False)
    assert refused.returncode != 0 and "--textfile is refused" in refused.stderr, refused.stderr
    refused = as_staff(installation, STAFF, "digest", "--to", "me@example.com", check=False)
    assert refused.returncode != 0 and "--to is refused" in refused.stderr, refused.stderr

    entries = json.loads(as_staff(installation, STAFF, "audit", "list", "--json").stdout)
    mine = [(entry["action"], entry.get("claimed_by"), entry.get("reference")) for entry in entries
            if entry["action"] in ("claim", "take-over", "close", "open", "answer")]
    assert mine == [
        ("claim", winner, contested), ("take-over", loser, contested), ("close", loser, contested),
        ("claim", STAFF, answered), ("open", STAFF, answered), ("answer", STAFF, answered)]
    take_over = next(entry for entry in entries if entry["action"] == "take-over")
    assert take_over["took_over_from"] == winner and take_over["reason"] == "kollegan är sjuk"
    assert as_staff(installation, COLLEAGUE, "audit", "verify").returncode == 0
    assert os.path.exists(installation["data"])
