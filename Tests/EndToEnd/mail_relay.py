"""Real SMTP servers for the tests of `inbox answer`: aiosmtpd (PyPI) on loopback, plain or with
STARTTLS and a throwaway certificate, optionally with AUTH; and a scripted server for what no
well-behaved server does (dropping the connection, injecting bytes after STARTTLS)."""
import socket
import ssl
import subprocess
import threading
from email import message_from_bytes, policy
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from conftest import free_port


class Mailbox:
    """An aiosmtpd handler that keeps every message it accepts, and can refuse recipients."""

    def __init__(self, refuse_recipients_with=None):
        self.messages = []
        self.refuse_recipients_with = refuse_recipients_with

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_recipients_with:
            return self.refuse_recipients_with
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append({
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "mail_options": list(envelope.mail_options),
            "raw": envelope.original_content,
            "message": message_from_bytes(envelope.original_content, policy=policy.default),
            "tls": session.ssl is not None,
            "authenticated": session.authenticated,
        })
        return "250 Message accepted for delivery"


def throwaway_certificate(directory: Path):
    """A self-signed certificate for localhost and 127.0.0.1, made by the openssl CLI."""
    cert, key = directory / "relay-cert.pem", directory / "relay-key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True)
    return cert, key


class Relay:
    """aiosmtpd on a free loopback port. With `certificate`, it offers STARTTLS; with `users`,
    AUTH (PLAIN and LOGIN), only inside TLS."""

    def __init__(self, mailbox=None, certificate=None, users=None, require_starttls=False, size_limit=None,
                 auth_mechanisms=("LOGIN", "PLAIN")):
        self.mailbox = mailbox or Mailbox()
        self.port = free_port()
        arguments = {}
        if size_limit:
            arguments.update(data_size_limit=size_limit)
        if certificate:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*map(str, certificate))
            arguments.update(tls_context=context, require_starttls=require_starttls)
        if users:
            def authenticate(server, session, envelope, mechanism, auth_data):
                ok = isinstance(auth_data, LoginPassword) and users.get(auth_data.login.decode()) == auth_data.password.decode()
                return AuthResult(success=ok, handled=False)
            excluded = [mechanism for mechanism in ("LOGIN", "PLAIN") if mechanism not in auth_mechanisms]
            arguments.update(authenticator=authenticate, auth_require_tls=True, auth_required=True,
                             auth_exclude_mechanism=excluded)
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port, **arguments)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exception):
        self.controller.stop()

    @property
    def messages(self):
        return self.mailbox.messages


class ScriptedRelay:
    """A TCP server that follows a script: for each command line it reads, the bytes to send back
    (or None to drop the connection). The greeting is sent first."""

    def __init__(self, replies):
        self.replies = replies
        self.port = free_port()
        self.commands = []
        self.listener = socket.create_server(("127.0.0.1", self.port))
        self.thread = threading.Thread(target=self.serve, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exception):
        self.listener.close()
        self.thread.join(timeout=10)

    def serve(self):
        try:
            connection, _ = self.listener.accept()
        except OSError:
            return
        with connection:
            connection.sendall(b"220 scripted ESMTP\r\n")
            reader = connection.makefile("rb")
            for line in reader:
                command = line.decode(errors="replace").strip()
                self.commands.append(command)
                verb = command.split(" ")[0].upper()
                reply = self.replies.get(verb, b"250 OK\r\n")
                if reply is None:
                    return
                connection.sendall(reply)
