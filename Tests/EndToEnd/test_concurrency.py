"""A team, a purge and the intake server all at once, with the real executables: several staff
processes run every kind of command (show, answer through a real SMTP server, note, close, hold,
release, erase, export) while purges run and citizens keep submitting, for a bounded time. The red team
saw "the audit log is broken at entry 9" after twelve parallel `inbox show`, and a forked
suppression list after parallel erasures. Afterwards the audit log verifies, the suppression list
verifies, the server restarts, the purge runs, and the audit log holds exactly one entry for every
audited action the commands reported.

Each worker owns its own records, so that every command's outcome, and so its audit entries, is
known; everything they share (the audit log and its anchor, the suppression and release lists, the
key directory, the database) is written concurrently."""
import json
import random
import threading
from urllib.parse import urlencode

from conftest import JSON_FORM, Server, request
from mail_relay import Relay

WORKERS = 6
SECONDS = 20


def run(inbox, *arguments, stdin=None):
    return inbox.run(*arguments, check=False, input=stdin)


def test_staff_purges_and_the_intake_all_at_once_leave_every_chain_whole(any_inbox, tmp_path):
    """On SQLite, and on PostgreSQL with each process in its role."""
    inbox = any_inbox
    server = Server(inbox, "--rate-limit", "off").start()
    relay = Relay().__enter__()
    passphrase = ["--passphrase-file", str(inbox.passphrase)]
    smtp = ["--smtp-url", f"smtp+plain://127.0.0.1:{relay.port}", "--mail-from", "registrator@kommun.example"]
    try:
        # Each worker's own records, each with an address of its own.
        owned = {worker: [] for worker in range(WORKERS)}
        for worker in range(WORKERS):
            for index in range(6):
                address = f"w{worker}r{index}@example.se"
                body = urlencode({"question": f"Fråga {worker}/{index}", "email": address}).encode()
                status, _, text = request(server.port, "POST", "/", body=body, headers=JSON_FORM)
                assert status == 201
                owned[worker].append({"reference": json.loads(text)["reference"], "email": address, "held": False,
                                      "answered": False, "claimed": False})

        audited = [0] * WORKERS
        by_action = {}
        failures = []
        stop = threading.Event()

        def staff(worker):
            rng = random.Random(worker)
            records = owned[worker]
            while not stop.is_set() and records:
                record = rng.choice(records)
                action = rng.choice(["show", "show", "answer", "hold", "release", "export", "erase", "note", "close"])
                logged_actions = [action]
                if action == "show":
                    result = run(inbox, "show", record["reference"], *passphrase)
                    logged_actions = ["open"]
                elif action == "answer":
                    if record["answered"]:
                        continue
                    message = tmp_path / f"answer-{worker}.txt"
                    message.write_text("Svar.\n")
                    result = run(inbox, "answer", record["reference"], "--message-file", str(message), *passphrase, *smtp)
                    # A claim when nobody had claimed it, the opening, then the answer.
                    logged_actions = ([] if record["claimed"] else ["claim"]) + ["open", "answer"]
                    record["answered"] = record["claimed"] = True
                elif action == "note":
                    if record["answered"]:
                        continue
                    result = run(inbox, "note", record["reference"], "--message-file", "-", stdin="Ring tillbaka.\n")
                elif action == "close":
                    if record["answered"]:
                        continue
                    result = run(inbox, "close", record["reference"], "--reason", "no-answer-needed")
                    logged_actions = ([] if record["claimed"] else ["claim"]) + ["close"]
                    record["answered"] = record["claimed"] = True
                elif action == "hold":
                    if record["held"]:
                        continue
                    result = run(inbox, "hold", record["reference"], "--reason", f"case {worker}", *passphrase)
                    record["held"] = True
                elif action == "release":
                    if not record["held"]:
                        continue
                    result = run(inbox, "release", record["reference"], *passphrase)
                    record["held"] = False
                elif action == "export":
                    result = run(inbox, "export", "--email", record["email"], *passphrase)
                    logged_actions = ["export"] * (len(json.loads(result.stdout)) if result.returncode == 0 else 0)
                else:
                    if record["held"]:
                        continue
                    result = run(inbox, "erase", record["reference"])
                    records.remove(record)
                if result.returncode != 0:
                    failures.append(f"worker {worker}: {action}: {result.stderr.strip()}")
                    return
                audited[worker] += len(logged_actions)
                for logged in logged_actions:
                    by_action[logged] = by_action.get(logged, 0) + 1

        purges = []

        def purger():
            while not stop.is_set():
                result = run(inbox, "purge")
                purges.append(result.returncode)
                if result.returncode != 0:
                    failures.append(f"purge: {result.stderr.strip()}")
                    return

        submitted = []

        def citizen():
            while not stop.is_set():
                status, _, _ = request(server.port, "POST", "/", body=b"question=Under+last", headers=JSON_FORM)
                submitted.append(status)

        threads = [threading.Thread(target=staff, args=(worker,)) for worker in range(WORKERS)]
        threads += [threading.Thread(target=purger), threading.Thread(target=citizen), threading.Thread(target=citizen)]
        for thread in threads:
            thread.start()
        stop.wait(SECONDS)  # the length of the run, not a wait for anything
        stop.set()
        for thread in threads:
            thread.join(timeout=120)
        assert failures == []
        print(f"{sum(audited)} audited actions by {WORKERS} staff processes, {len(purges)} purges, {len(submitted)} submissions")
        assert sum(audited) > 30 and len(purges) > 3 and submitted.count(201) == len(submitted) > 20
    finally:
        server.stop()
        relay.__exit__(None, None, None)

    verified = run(inbox, "audit", "verify")
    assert verified.returncode == 0, verified.stderr
    entries = json.loads(run(inbox, "audit", "list", "--json").stdout)
    logged = {}
    for entry in entries:
        logged[entry["action"]] = logged.get(entry["action"], 0) + 1
    assert logged == by_action
    assert len(entries) == sum(audited)
    # The suppression list: one entry per erasure, chained; the purge reads and checks it.
    erased = sum(1 for entry in entries if entry["action"] == "erase")
    lines = (inbox.data / "keys" / "suppression.log").read_text().splitlines() if erased else []
    assert len(lines) == erased
    assert run(inbox, "purge").returncode == 0
    restarted = Server(inbox, "--rate-limit", "off").start()
    try:
        assert request(restarted.port, "POST", "/", body=b"question=Efter", headers=JSON_FORM)[0] == 201
    finally:
        restarted.stop()
    assert run(inbox, "audit", "verify").returncode == 0
