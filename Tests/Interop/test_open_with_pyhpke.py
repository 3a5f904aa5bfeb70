"""Opens our at-rest formats with pyhpke, an HPKE implementation that shares no code with ours.

The Python code is taken from docs/FORMAT.md and executed as written, so the document's recipe is
tested too. The inbox under test is made by the real `inbox` executable (INBOX_BIN, default
.build/debug/inbox).
"""
import os
import re
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT = (ROOT / "docs" / "FORMAT.md").read_text(encoding="utf-8")
INBOX = os.environ.get("INBOX_BIN", str(ROOT / ".build" / "debug" / "inbox"))


def document_recipe():
    code = re.search(r"```python\n(.*?)```", DOCUMENT, re.S).group(1)
    namespace = {}
    exec(compile(code, "docs/FORMAT.md", "exec"), namespace)
    return namespace["open_field"]


def document_example():
    block = DOCUMENT.split("### Example", 1)[1].split("```text\n", 1)[1].split("\n```", 1)[0]
    return dict(line.split(": ", 1) for line in block.splitlines())


open_field = document_recipe()


def test_document_example_opens():
    example = document_example()
    plaintext = open_field(
        bytes.fromhex(example["sealed"]), bytes.fromhex(example["private key"]), example["reference"], example["field"]
    )
    assert plaintext.decode("utf-8") == example["plaintext"]


def test_document_example_is_bound_to_its_reference_and_field():
    example = document_example()
    sealed, key = bytes.fromhex(example["sealed"]), bytes.fromhex(example["private key"])
    with pytest.raises(Exception):
        open_field(sealed, key, "K7Q2-M9XD-4V", example["field"])
    with pytest.raises(Exception):
        open_field(sealed, key, example["reference"], "question")


@pytest.fixture(scope="module")
def inbox():
    with tempfile.TemporaryDirectory() as directory:
        passphrase = Path(directory, "passphrase")
        passphrase.write_text("correct horse battery staple\n")
        passphrase.chmod(0o600)
        data = Path(directory, "data")
        subprocess.run([INBOX, "keys", "init", "--data-dir", str(data), "--passphrase-file", str(passphrase)], check=True,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        der = subprocess.run(["openssl", "pkey", "-in", str(data / "private" / "master.key.pem"), "-passin",
                              f"file:{passphrase}", "-outform", "DER"], check=True, capture_output=True).stdout
        yield data, der[-32:]


def raw_public_key(pem_file):
    der = subprocess.run(["openssl", "pkey", "-pubin", "-in", str(pem_file), "-outform", "DER"], check=True,
                         capture_output=True).stdout
    return der[-32:]


@pytest.mark.parametrize("field", ["email", "question", "answer"])
def test_sealed_epoch_keys_open_with_the_master_key(inbox, field):
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    data, master = inbox
    epochs = sorted(p for p in (data / "keys" / "epochs").iterdir())
    assert len(epochs) == 3 and all(200001 <= int(p.name) <= 999912 for p in epochs)
    for epoch in epochs:
        sealed = (epoch / f"{field}.key.sealed").read_bytes()
        assert int.from_bytes(sealed[1:5], "big") == int(epoch.name)
        private = open_field(sealed, master, "epoch-key", field)
        derived = X25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()
        assert derived == raw_public_key(epoch / f"{field}.pub.pem")
