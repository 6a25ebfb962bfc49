"""Soak and fault test (short form of scripts/soak.py): the real daemon and classifier for about two minutes against
a growing feed that fails in every way, an SMTP server that refuses and then vanishes, two SIGKILLs (mid-poll,
mid-send), a full disk under the database and a broken config reload. Nothing is lost; nothing is stored twice."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from soak import run_soak

ESCALATION_TICK = 30.0  # Overrides.escalation_interval default for `watchtower run`
POLL_INTERVAL = 10.0


@pytest.mark.slow
def test_faults_lose_nothing_and_store_nothing_twice(tmp_path: Path) -> None:
    report = run_soak(120, tmp_path, seed=11, log=lambda *_: None)
    (tmp_path / "report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))  # the figures, with -s
    assert report["settled"], report
    assert len(report["faults_injected"]) == 8, report["faults_injected"]  # each fault happened as planned
    assert report["final_exit_code"] == 0
    # every published item stored exactly once, and classified
    assert report["items_missing"] == 0
    assert report["items_stored_twice"] == 0
    assert report["items_stored"] == report["items_published"]
    assert report["items_unclassified"] == 0
    # every alert owed was delivered: recorded as sent and its Message-ID reached the server
    assert report["alerts_queued"] > 10
    assert report["alerts_not_sent"] == 0
    assert report["alerts_lost"] == 0
    # at-least-once: only the email held in DATA across the mid-send SIGKILL may arrive twice
    # (a disk-full phase once caused 128-141 duplicates here: an email sent but not recorded was sent again;
    # the outbox now remembers accepted-but-unrecorded emails, see tests/test_outbox.py)
    assert report["duplicate_deliveries"] <= 2, (report["duplicate_deliveries"], report["log_events"])
    # deadlines (seconds-long in this config) escalated within a tick and a poll of the deadline or the restart
    assert report["deadlines_checked"] > 0
    assert report["deadline_max_lateness_s"] <= ESCALATION_TICK + POLL_INTERVAL + 5
    assert report["overdue_without_escalation"] == 0
    # the faults were seen and survived
    assert report["smtp_refused"] > 0
    assert report["log_events"].get("config_reload_refused", 0) >= 1
    assert report["log_events"].get("config_reloaded", 0) >= 1
    assert report["log_events"].get("source_failed", 0) >= 1
    # memory: bounded (MemoryMax=1G in the unit) and not climbing within the longest-lived process
    assert report["rss_peak_mb"] < 1024
    assert report["rss_last_quarter_mb"] <= report["rss_first_quarter_mb"] * 1.3 + 20
