"""Several intake nodes on one PostgreSQL database, with the real executables and a real cluster
(the throwaway one the test command starts): two nodes under load, one killed with kill -9; a staff
day on PostgreSQL moved through three years with faketime; the intake bundle refreshed under load;
and a node whose bundle the calendar has left behind. Each process connects in its own role, with
its own password (deploy/postgres/roles.sql)."""
import json
import signal
import subprocess
import threading
from urllib.parse import urlencode

from conftest import FORM, INBOX, JSON_FORM, PASSPHRASE, POLICY, POSTGRES_DIR, POSTGRES_PORT, SERVER, Server, psql, request
from mail_relay import Relay
from test_intake_server import open_field_recipe

CLIENTS = 16


def export_bundle(inbox):
    bundle = inbox.directory / "bundle"
    subprocess.run([INBOX, "keys", "export-intake", "--to", str(bundle), "--data-dir", str(inbox.data), "--policy", POLICY],
                   check=True, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    return bundle


class Load:
    """Clients that submit questions to a set of nodes until stopped, keeping every reference that
    was acknowledged and every status that was not 201."""

    def __init__(self, ports, clients=CLIENTS):
        self.ports = ports
        self.acknowledged = []
        self.refused = []
        self.condition = threading.Condition()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.client, args=(index,)) for index in range(clients)]

    def client(self, index):
        ports = list(self.ports)
        turn = index
        while not self.stopping.is_set():
            port = ports[turn % len(ports)]
            turn += 1
            body = urlencode({"question": f"Fråga {index}/{turn}", "email": f"person{index}@example.se"})
            try:
                status, _, text = request(port, "POST", "/", body=body, headers=JSON_FORM)
            except OSError:
                # A node that is gone: nothing was acknowledged; this client goes on with the others.
                if len(ports) > 1:
                    ports.remove(port)
                continue
            with self.condition:
                if status == 201:
                    self.acknowledged.append(json.loads(text)["reference"])
                else:
                    self.refused.append(status)
                self.condition.notify_all()

    def wait_for(self, count, timeout=120):
        """Until `count` submissions were acknowledged in all (a condition, not a clock)."""
        with self.condition:
            assert self.condition.wait_for(lambda: len(self.acknowledged) >= count, timeout=timeout), len(self.acknowledged)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)


def master_key(inbox):
    der = subprocess.run(["openssl", "pkey", "-in", str(inbox.data / "private" / "master.key.pem"), "-passin",
                          f"pass:{PASSPHRASE}", "-outform", "DER"], check=True, capture_output=True).stdout
    return der[-32:]


def test_two_nodes_on_one_database_lose_nothing_acknowledged_when_one_is_killed(postgres_inbox):
    inbox = postgres_inbox
    bundle = export_bundle(inbox)
    nodes = [Server(inbox, "--key-dir", str(bundle), "--rate-limit", "off").start() for _ in range(2)]
    try:
        with Load([node.port for node in nodes]) as load:
            load.wait_for(300)
            assert nodes[0].stop(signal.SIGKILL) == -signal.SIGKILL
            load.wait_for(len(load.acknowledged) + 300)
        assert load.refused == []
    finally:
        for node in nodes:
            node.stop()

    listed = {record["reference"] for record in inbox.records()}
    assert set(load.acknowledged) <= listed
    print(f"{len(load.acknowledged)} acknowledged over two nodes, one killed; {len(listed)} stored")
    # No record was half-written: each has its question and its address, the address its index entry.
    assert psql(inbox.database, "--command", """
        SELECT count(*) FROM records r WHERE
            (SELECT count(*) FROM sealed_fields f WHERE f.record_id = r.id AND f.field IN ('question', 'email')) <> 2
            OR NOT EXISTS (SELECT 1 FROM email_index i WHERE i.record_id = r.id)""") == "0"
    # The fields open with the master key, by an implementation that shares no code with ours.
    open_field = open_field_recipe()
    master = master_key(inbox)
    for reference in load.acknowledged[:: max(1, len(load.acknowledged) // 8)]:
        rows = psql(inbox.database, "--command",
                    f"SELECT f.field, encode(f.sealed, 'hex') FROM sealed_fields f JOIN records r ON r.id = f.record_id "
                    f"WHERE r.reference = '{reference}' ORDER BY f.field")
        fields = dict(line.split("|") for line in rows.splitlines())
        for field, expected in [("question", "Fråga "), ("email", "@example.se")]:
            sealed = bytes.fromhex(fields[field])
            epoch = int.from_bytes(sealed[1:5], "big")
            sealed_key = (inbox.data / "keys" / "epochs" / str(epoch) / f"{field}.key.sealed").read_bytes()
            epoch_key = open_field(sealed_key, master, "epoch-key", field)
            assert expected in open_field(sealed, epoch_key, reference, field).decode()


def test_a_staff_day_on_postgresql(postgres_inbox):
    inbox = postgres_inbox
    node = Server(inbox, "--key-dir", str(export_bundle(inbox)), "--rate-limit", "off").start()
    try:
        status, _, body = request(node.port, "POST", "/", body=urlencode({"question": "Var söker jag bygglov?",
                                                                          "email": "per.persson@example.se"}), headers=JSON_FORM)
        assert status == 201
    finally:
        node.stop()
    reference = json.loads(body)["reference"]
    shown = inbox.run("show", reference, "--passphrase-file", str(inbox.passphrase)).stdout
    assert "Var söker jag bygglov?" in shown and "p•••@e•••.se" in shown
    message = inbox.directory / "answer.txt"
    message.write_text("Hej Per,\n\ni e-tjänsten.\n")
    with Relay() as relay:
        inbox.run("answer", reference, "--message-file", str(message), "--passphrase-file", str(inbox.passphrase),
                  "--smtp-url", f"smtp+plain://127.0.0.1:{relay.port}", "--mail-from", "bygglov@kommun.example")
    assert relay.messages[0]["rcpt_tos"] == ["per.persson@example.se"]
    assert inbox.records()[0]["status"] == "answered"

    def at(offset, *arguments, check=True):
        return subprocess.run(["faketime", "-f", offset, INBOX, *arguments, "--data-dir", str(inbox.data), "--policy", POLICY,
                               *inbox.database_arguments(arguments[0])], stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, check=check)

    # 31 days after the answer the address goes; the question and the answer stay.
    at("+31d", "purge")
    later = json.loads(at("+31d", "show", reference, "--json", "--passphrase-file", str(inbox.passphrase)).stdout)
    assert later["email"] is None and later["question"] == "Var söker jag bygglov?"
    assert psql(inbox.database, "--command", "SELECT count(*) FROM email_index") == "0"
    # Three years on, nothing of the record is left.
    assert at("+1096d", "purge", check=False).returncode != 0
    report = at("+1096d", "purge", "--confirm-clock").stdout
    assert "1 record(s) affected, 1 deleted whole" in report
    assert psql(inbox.database, "--command", "SELECT count(*) FROM records") == "0"
    assert psql(inbox.database, "--command", "SELECT count(*) FROM sealed_fields") == "0"
    verified = at("+1096d", "audit", "verify")
    assert "The audit log is intact" in verified.stdout and "The purge log is intact" in verified.stdout


def test_the_bundle_refreshed_under_load_loses_no_request(postgres_inbox):
    inbox = postgres_inbox
    bundle = export_bundle(inbox)
    node = Server(inbox, "--key-dir", str(bundle), "--rate-limit", "off").start()
    try:
        with Load([node.port], clients=8) as load:
            for refresh in range(6):
                load.wait_for(50 * (refresh + 1))
                export_bundle(inbox)
                if refresh % 2:
                    node.process.send_signal(signal.SIGHUP)
            load.wait_for(350)
        assert load.refused == []
        assert node.process.poll() is None
    finally:
        node.stop()
    assert set(load.acknowledged) <= {record["reference"] for record in inbox.records()}
    assert "keys reloaded on SIGHUP" in node.output()


def test_a_node_whose_bundle_the_calendar_left_behind_refuses_and_never_acknowledges(postgres_inbox):
    inbox = postgres_inbox
    bundle = export_bundle(inbox)
    # Seventy days on, the bundle (this month and the next two) holds no key for the month.
    node = Server(inbox, "--key-dir", str(bundle), "--rate-limit", "off", wrapper=["faketime", "-f", "+70d"]).start(wait=False)
    try:
        assert node.wait_until_answering() == 503
        status, headers, body = request(node.port, "POST", "/", body=urlencode({"question": "Sent i februari"}), headers=FORM)
        assert status == 503 and "Retry-After" in headers
        assert "Sent i februari" in body.decode()
    finally:
        node.stop()
    assert inbox.records() == []


def test_a_node_refuses_a_schema_it_does_not_know_and_names_the_command(postgres_inbox):
    inbox = postgres_inbox
    empty = f"{inbox.database}_empty"
    psql("postgres", "--command", f"CREATE DATABASE {empty}")
    try:
        url = f"postgres://postgres@localhost:{POSTGRES_PORT}/{empty}?host={POSTGRES_DIR}"
        result = subprocess.run([SERVER, "--data-dir", str(inbox.data), "--policy", POLICY,
                                 "--database", url, "--port", "1", "--admin-port", "off"],
                                stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
        assert result.returncode != 0
        assert "no inbox schema yet" in result.stderr and "inbox database migrate" in result.stderr
        migrated = subprocess.run([INBOX, "database", "migrate", "--data-dir", str(inbox.data), "--policy", POLICY, "--database", url],
                                  stdin=subprocess.DEVNULL, capture_output=True, text=True, check=True)
        assert "Applied to" in migrated.stdout and "roles.sql" in migrated.stdout
        again = subprocess.run([INBOX, "database", "migrate", "--data-dir", str(inbox.data), "--policy", POLICY, "--database", url],
                               stdin=subprocess.DEVNULL, capture_output=True, text=True, check=True)
        assert "is up to date" in again.stdout
    finally:
        psql("postgres", "--command", f"DROP DATABASE IF EXISTS {empty} WITH (FORCE)")
