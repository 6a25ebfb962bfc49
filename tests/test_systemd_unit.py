"""The systemd unit agrees with the daemon and the install guide, passes `systemd-analyze verify`, and is hardened
to an exposure of 2.0 or better by `systemd-analyze security`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from watchtower import daemon

ROOT = Path(__file__).resolve().parents[1]
UNIT = ROOT / "systemd" / "watchtower.service"
OPERATIONS = ROOT / "docs" / "operations.md"
ANALYZE = shutil.which("systemd-analyze")
NO_ANALYZE = "systemd-analyze is not installed here (apt-get install systemd): unit verify/security NOT checked"


def directives(path: Path = UNIT) -> dict[str, list[str]]:
    """Every ``Key=value`` of the unit, keys may repeat (SystemCallFilter=, LoadCredential=)."""
    out: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";", "[")):
            continue
        key, _, value = line.partition("=")
        out.setdefault(key.strip(), []).append(value.strip())
    return out


def seconds(value: str) -> float:
    units = {"": 1, "s": 1, "sec": 1, "min": 60, "m": 60, "h": 3600, "ms": 0.001}
    total = 0.0
    for num, unit in re.findall(r"(\d+(?:\.\d+)?)\s*([a-z]*)", value):
        total += float(num) * units[unit]
    return total


class TestUnitAgreesWithTheDaemon:
    def test_stop_timeout_exceeds_the_shutdown_budget(self) -> None:
        """systemd must never SIGKILL a daemon that is still inside its own bounded shutdown."""
        [timeout] = directives()["TimeoutStopSec"]
        assert seconds(timeout) > daemon.SHUTDOWN_BUDGET

    def test_watchdog_is_longer_than_a_ping_interval(self) -> None:
        [wd] = directives()["WatchdogSec"]
        assert seconds(wd) >= 30

    def test_notify_type_and_restart(self) -> None:
        d = directives()
        assert d["Type"] == ["notify"]
        assert d["NotifyAccess"] == ["main"]
        assert d["Restart"] == ["on-failure"]
        assert d["StateDirectory"] == ["watchtower"]
        assert d["UMask"] == ["0077"]

    def test_exec_start_is_the_path_the_install_guide_creates(self) -> None:
        [exec_start] = directives()["ExecStart"]
        binary = exec_start.split()[0]
        guide = OPERATIONS.read_text(encoding="utf-8")
        venv = str(Path(binary).parent.parent)
        assert f"python3 -m venv {venv}" in guide, f"docs/operations.md must create the venv at {venv}"
        assert binary in guide
        config = exec_start.split("--config", 1)[1].split()[0]
        assert config in guide

    def test_documentation_is_where_the_install_guide_puts_the_guide(self) -> None:
        [doc] = directives()["Documentation"]
        assert doc.startswith("file://")
        path = doc.removeprefix("file://")
        guide = OPERATIONS.read_text(encoding="utf-8")
        # the guide clones (or unpacks) the source to /opt/watchtower/src
        src = re.search(r"git clone \S+ (/\S+)", guide)
        assert src, "docs/operations.md must say where the source goes"
        assert path.startswith(src.group(1) + "/"), (path, src.group(1))
        assert (ROOT / path.removeprefix(src.group(1) + "/")).is_file(), path

    def test_reload_checks_the_config_first_so_a_broken_one_fails_the_reload(self, tmp_path: Path) -> None:
        """`systemctl reload` reported success while the daemon refused the file (only the journal said so)."""
        reload = directives()["ExecReload"]
        [exec_start] = directives()["ExecStart"]
        binary, config = exec_start.split()[0], exec_start.split("--config", 1)[1].split()[0]
        assert len(reload) == 2, reload
        check, hup = reload
        assert check.split()[:2] == [binary, "check-config"] and config in check
        assert hup == "/bin/kill -HUP $MAINPID"
        # and the check really fails on a broken file, as systemd runs it
        broken = tmp_path / "watchtower.toml"
        broken.write_text((ROOT / "config" / "watchtower.toml").read_text().replace("[[people]]", "[[people", 1))
        args = check.split()[1:]
        args[args.index(config)] = str(broken)
        res = subprocess.run([sys.executable, "-m", "watchtower", *args], capture_output=True, text=True,
                             timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        assert res.returncode != 0 and "not valid TOML" in res.stderr

    def test_link_key_comes_from_a_credential(self) -> None:
        creds = directives()["LoadCredential"]
        assert any(c.startswith("WATCHTOWER_LINK_KEY:/etc/watchtower/credentials/") for c in creds)


@pytest.mark.skipif(ANALYZE is None, reason=NO_ANALYZE)
class TestSystemdAnalyze:
    def test_verify_passes(self, tmp_path: Path) -> None:
        """Only ExecStart's binary is swapped for a stand-in that exists here; every other line is verified."""
        shim = tmp_path / "watchtower"
        shim.write_text("#!/bin/sh\nexit 0\n")
        shim.chmod(0o755)
        [exec_start] = directives()["ExecStart"]
        unit = tmp_path / "watchtower.service"
        unit.write_text(UNIT.read_text(encoding="utf-8").replace(exec_start.split()[0], str(shim)))
        res = subprocess.run([ANALYZE, "verify", str(unit)], capture_output=True, text=True, timeout=60)
        assert res.returncode == 0, res.stdout + res.stderr
        assert "Unknown key" not in res.stderr, res.stderr

    def test_security_exposure_is_at_most_2(self) -> None:
        res = subprocess.run(
            [ANALYZE, "security", "--offline=true", "--no-pager", str(UNIT)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        m = re.search(r"Overall exposure level for watchtower\.service:\s*([\d.]+)", res.stdout + res.stderr)
        assert m, res.stdout + res.stderr
        assert float(m.group(1)) <= 2.0, res.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_MDWE is Linux-only")
def test_classifier_runs_with_memory_deny_write_execute() -> None:
    """MemoryDenyWriteExecute=yes is in the unit: the real classifier must work without W+X memory.

    prctl(PR_SET_MDWE) (Linux 6.3+) is the kernel's own form of the same rule; on older kernels the test says so."""
    code = r"""
import ctypes, mmap, sys
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(65, 1, 0, 0, 0) != 0:
    print("NO_MDWE"); sys.exit(0)
try:
    mmap.mmap(-1, 4096, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
    print("MDWE_NOT_ENFORCED"); sys.exit(1)
except OSError:
    pass
from watchtower.classify import load_classifier
[c] = load_classifier().classify_batch(["I'll k1ll u tomorrow"], sources=["mention"])
print("OK", c.categories)
"""
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    if res.stdout.startswith("NO_MDWE"):
        pytest.skip("this kernel has no PR_SET_MDWE (Linux < 6.3): MemoryDenyWriteExecute not checked here")
    assert res.returncode == 0, res.stdout + res.stderr
    assert res.stdout.startswith("OK") and "threat" in res.stdout
