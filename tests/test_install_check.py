"""docs/operations.md, walked end to end by scripts/install_check.py in a temporary root (``--fast``: the venv
borrows the test venv's packages instead of downloading them; `make install-check` does the real download and
measures the production venv). Any command of the guide that fails here fails this test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_install_guide_works_as_written() -> None:
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "install_check.py"), "--fast"],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, (res.stdout + res.stderr)[-6000:]
    assert "sections 1-9 work as written" in res.stdout
    assert "Traceback" not in res.stdout + res.stderr
