"""deploy/nginx/contact-inbox.conf in front of the real inbox-server, with Debian's nginx on free
loopback ports and a throwaway certificate: TLS, HSTS, the 64 KiB body limit, HTTP redirected, the
client's address passed so that a forged X-Forwarded-For cannot dodge the rate limit, and no client
address in nginx's access log."""
import http.client
import json
import re
import socket
import ssl
import subprocess
import time
from urllib.parse import urlencode

import pytest

from conftest import ROOT, Server, free_port, request
from mail_relay import throwaway_certificate

SITE = ROOT / "deploy" / "nginx" / "contact-inbox.conf"


class Nginx:
    """nginx running the site, rewritten only where a test machine differs: ports, certificate,
    log files and the server's port."""

    def __init__(self, directory, upstream_port):
        self.directory = directory
        self.http_port, self.https_port = free_port(), free_port()
        self.certificate, key = throwaway_certificate(directory)
        self.access_log = directory / "access.log"
        site = SITE.read_text()
        site = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", site)
        site = site.replace("listen 80;", f"listen 127.0.0.1:{self.http_port};")
        site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{self.https_port} ssl http2;")
        site = site.replace("/etc/ssl/contact-inbox/fullchain.pem", str(self.certificate))
        site = site.replace("/etc/ssl/contact-inbox/privkey.pem", str(key))
        site = site.replace("/var/log/nginx/contact-inbox.access.log", str(self.access_log))
        site = site.replace("/var/log/nginx/contact-inbox.error.log", str(directory / "error.log"))
        site = site.replace("proxy_pass http://127.0.0.1:8080;", f"proxy_pass http://127.0.0.1:{upstream_port};")
        (directory / "site.conf").write_text(site)
        temporary = directory / "nginx-temp"
        temporary.mkdir()
        (directory / "nginx.conf").write_text(f"""
            daemon off;
            user root;
            pid {directory}/nginx.pid;
            error_log {directory}/error.log crit;
            events {{ worker_connections 64; }}
            http {{
                client_body_temp_path {temporary}/body;
                proxy_temp_path {temporary}/proxy;
                fastcgi_temp_path {temporary}/fastcgi;
                uwsgi_temp_path {temporary}/uwsgi;
                scgi_temp_path {temporary}/scgi;
                include {directory}/site.conf;
            }}
        """)
        self.process = None

    def __enter__(self):
        configuration = str(self.directory / "nginx.conf")
        check = subprocess.run(["nginx", "-t", "-c", configuration], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        self.process = subprocess.Popen(["nginx", "-c", configuration], stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.https_port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise AssertionError("nginx did not start listening")

    def __exit__(self, *exception):
        self.process.terminate()
        self.process.wait(timeout=30)

    def request(self, method, path, body=None, headers=None):
        context = ssl.create_default_context(cafile=str(self.certificate))
        connection = http.client.HTTPSConnection("localhost", self.https_port, context=context, timeout=30)
        return request(self.https_port, method, path, body, headers, connection=connection)


@pytest.fixture
def proxied(inbox, tmp_path):
    server = Server(inbox, "--rate-limit", "2/minute", "--trusted-proxy", "127.0.0.1").start()
    try:
        with Nginx(tmp_path, server.port) as nginx:
            yield nginx
    finally:
        server.stop()


JSON_FORM = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}


def test_the_form_through_nginx_with_tls_and_hsts(proxied, inbox):
    status, headers, body = proxied.request("GET", "/")
    assert status == 200 and b"<form" in body
    assert headers["Strict-Transport-Security"] == "max-age=63072000"
    assert headers["Content-Security-Policy"].startswith("default-src 'none'")
    status, _, body = proxied.request("POST", "/", urlencode({"question": "Via nginx?", "email": "a@example.se"}), JSON_FORM)
    assert status == 201
    assert json.loads(body)["reference"] in [record["reference"] for record in inbox.records()]


def test_plain_http_is_redirected_to_https(proxied):
    connection = http.client.HTTPConnection("127.0.0.1", proxied.http_port, timeout=30)
    connection.request("GET", "/?lang=en")
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location").startswith("https://") and response.getheader("Location").endswith("/?lang=en")


def test_a_body_over_64_kib_is_refused_by_nginx(proxied, inbox):
    status, _, _ = proxied.request("POST", "/", "question=" + "a" * 70_000, JSON_FORM)
    assert status == 413
    assert inbox.records() == []


def test_a_forged_x_forwarded_for_does_not_dodge_the_rate_limit(proxied):
    statuses = [proxied.request("POST", "/", urlencode({"question": f"fråga {n}"}),
                                dict(JSON_FORM, **{"X-Forwarded-For": f"203.0.113.{n}"}))[0] for n in range(3)]
    assert statuses == [201, 201, 429]


def test_nginx_logs_no_client_address(proxied):
    proxied.request("GET", "/")
    proxied.request("POST", "/", "question=" + "a" * 70_000, JSON_FORM)
    proxied.process.terminate()
    proxied.process.wait(timeout=30)
    lines = proxied.access_log.read_text().splitlines()
    assert len(lines) == 2 and '"GET /"' in lines[0] and " 413 " in lines[1]
    assert not any("127.0.0.1" in line or "localhost" in line for line in lines)
