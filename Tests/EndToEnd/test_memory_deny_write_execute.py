"""The systemd units set MemoryDenyWriteExecute=yes. The kernel's own form of that rule,
prctl(PR_SET_MDWE) (Linux 6.3 and later, inherited across exec), is applied here to the real
executables: the server takes a submission and the purge runs, so the setting cannot break them
in production. The control shows the rule is in force: a writable and executable mapping fails."""
import ctypes
import json
import subprocess
from urllib.parse import urlencode

import pytest

from conftest import INBOX, JSON_FORM, POLICY, Server, request

PR_SET_MDWE = 65
PR_MDWE_REFUSE_EXEC_GAIN = 1


def deny_write_execute():
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_MDWE)")


def kernel_has_mdwe():
    result = subprocess.run(["python3", "-c", "import ctypes; l = ctypes.CDLL(None); raise SystemExit(l.prctl(65, 1, 0, 0, 0))"])
    return result.returncode == 0


pytestmark = pytest.mark.skipif(not kernel_has_mdwe(), reason="the kernel has no PR_SET_MDWE (Linux < 6.3)")


def test_the_rule_is_in_force_in_a_child():
    probe = ("import mmap; "
             "mmap.mmap(-1, 4096, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)")
    result = subprocess.run(["python3", "-c", probe], preexec_fn=deny_write_execute, capture_output=True, text=True)
    assert result.returncode != 0 and "PermissionError" in result.stderr
    assert subprocess.run(["python3", "-c", probe]).returncode == 0


def test_the_server_and_the_purge_run_without_writable_executable_memory(inbox):
    server = Server(inbox, "--rate-limit", "off", preexec=deny_write_execute).start()
    try:
        status, _, body = request(server.port, "POST", "/", body=urlencode({"question": "MDWE?", "email": "a@example.se"}),
                                  headers=JSON_FORM)
        assert status == 201
        reference = json.loads(body)["reference"]
    finally:
        assert server.stop() == 0
    purge = subprocess.run([INBOX, "purge", "--data-dir", str(inbox.data), "--policy", POLICY],
                           preexec_fn=deny_write_execute, capture_output=True, text=True)
    assert purge.returncode == 0, purge.stderr
    assert reference in [record["reference"] for record in inbox.records()]
