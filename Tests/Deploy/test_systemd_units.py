"""The systemd units in deploy/systemd, checked by systemd itself (Debian 12: systemd 252):
`systemd-analyze verify` must print nothing at all, and `systemd-analyze security --offline=yes`
must rate the intake server's exposure 2.0 or lower. The units are verified in a scratch root that
holds the real executables where the units expect them."""
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "deploy" / "systemd"
BIN = Path(os.environ.get("INBOX_BIN_DIR", ROOT / ".build" / "debug"))
UNIT_NAMES = [
    "inbox-server.service", "inbox-purge.service", "inbox-purge.timer", "inbox-metrics.service", "inbox-digest.service",
    "inbox-digest.timer"]


def scratch_root(directory: Path, units: Path = UNITS) -> Path:
    """A file system root with systemd's own units, ours, and the executables in /usr/local/bin."""
    root = directory / "root"
    (root / "usr/local/bin").mkdir(parents=True)
    (root / "usr/lib/systemd").mkdir(parents=True)
    shutil.copytree("/usr/lib/systemd/system", root / "usr/lib/systemd/system", symlinks=True)
    shutil.copytree(units, root / "etc/systemd/system")
    for executable in ["inbox", "inbox-server"]:
        shutil.copy2(BIN / executable, root / "usr/local/bin" / executable)
    return root


def verify(root: Path):
    return subprocess.run(["systemd-analyze", "verify", f"--root={root}",
                           *[str(root / "etc/systemd/system" / name) for name in UNIT_NAMES]],
                          capture_output=True, text=True)


def exposure(unit: Path) -> float:
    result = subprocess.run(["systemd-analyze", "security", "--offline=yes", str(unit)], capture_output=True, text=True)
    match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", result.stdout)
    assert match, result.stdout + result.stderr
    return float(match.group(1))


def test_the_units_verify_without_a_single_warning(tmp_path):
    result = verify(scratch_root(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""


def test_a_unit_with_an_unknown_setting_fails_the_verification(tmp_path):
    """The positive control: the check above can fail."""
    units = tmp_path / "units"
    shutil.copytree(UNITS, units)
    server = units / "inbox-server.service"
    server.write_text(server.read_text().replace("PrivateTmp=yes", "PrivateTmp=yes\nProtectEverything=yes"))
    result = verify(scratch_root(tmp_path, units))
    assert "ProtectEverything" in result.stderr


def test_the_units_with_their_postgresql_drop_ins_verify_and_reach_only_the_database(tmp_path):
    root = scratch_root(tmp_path)
    for unit, name in [("inbox-purge.service", "inbox-purge-postgres.conf"), ("inbox-server.service", "inbox-server-postgres.conf"),
                       ("inbox-metrics.service", "inbox-metrics-postgres.conf")]:
        drop_in = root / f"etc/systemd/system/{unit}.d"
        drop_in.mkdir()
        (drop_in / "postgres.conf").write_text((UNITS / "postgres" / name).read_text())
    result = verify(root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    # Network for the database's address alone: everything else stays denied (the server's unit
    # denies everything but loopback, and the drop-in adds the one address).
    purge = (UNITS / "postgres" / "inbox-purge-postgres.conf").read_text()
    assert "IPAddressDeny=any" in purge and purge.count("IPAddressAllow=") == 1
    server = (UNITS / "postgres" / "inbox-server-postgres.conf").read_text()
    assert "IPAddressDeny" not in server and server.count("IPAddressAllow=") == 1


@pytest.mark.parametrize(
    "unit, ceiling", [("inbox-server.service", 2.0), ("inbox-purge.service", 2.0), ("inbox-metrics.service", 2.0),
                      ("inbox-digest.service", 2.0)])
def test_exposure_is_at_most_the_ceiling(unit, ceiling):
    assert exposure(UNITS / unit) <= ceiling


def test_the_server_cannot_see_the_private_keys_and_only_reads_the_key_directory():
    server = (UNITS / "inbox-server.service").read_text()
    assert "InaccessiblePaths=-/etc/contact-inbox/private" in server
    assert "ReadOnlyPaths=-/var/lib/contact-inbox/keys\n" in server
    assert "ReadWritePaths=" not in server
    purge = (UNITS / "inbox-purge.service").read_text()
    assert "PrivateNetwork=yes" in purge and "InaccessiblePaths=-/etc/contact-inbox/private" in purge
    # The gauges come after each successful purge, from a unit whose database role may read them.
    assert "OnSuccess=inbox-metrics.service" in purge
    metrics = (UNITS / "inbox-metrics.service").read_text()
    assert "PrivateNetwork=yes" in metrics and "InaccessiblePaths=-/etc/contact-inbox/private" in metrics


SUDOERS = ROOT / "deploy" / "sudoers" / "contact-inbox"


def test_the_sudoers_file_parses(tmp_path):
    result = subprocess.run(["visudo", "-c", "-f", str(SUDOERS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "broken"
    broken.write_text(SUDOERS.read_text().replace("ALL=(contact-inbox:inbox-staff)", "ALL=(contact-inbox:inbox-staff"))
    assert subprocess.run(["visudo", "-c", "-f", str(broken)], capture_output=True).returncode != 0
