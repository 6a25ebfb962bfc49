"""One 50 MB feed must not take the daemon down (issue 14: peak RSS 2.3 GB, OOM-killed under MemoryMax=1G, a crash
loop in which no source was watched). The real daemon (``watchtower run``, the real classifier) runs in a 1 GiB
memory cgroup (RLIMIT_DATA where no cgroup can be made) against two sources serving a 50 MB feed, one with the
default body cap and one whose cap was raised to 60 MB, and a normal source. The daemon stays up, both big sources
are backed off with an error that says what happened and when the next try is, and critical posts on the normal
source, one at start and one after the big ones have failed, are still emailed. scripts/flood.py is the long form
(with a 20,000-post flood)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from flood import CappedDaemon, FloodServer, MemoryCap, TimedMail, extra_source, health, query, sampling
from soak import FLAGGED, FeedServer, config_toml, wait_until

CAP = 1024 * 1024 * 1024


@pytest.fixture
def servers() -> Iterator[tuple[FeedServer, FloodServer, TimedMail]]:
    quiet = FeedServer(seed=5, flagged_share=0.0).start()
    big = FloodServer(big_mb=50, total=0).start()
    mail = TimedMail()
    mail.arrived = []
    mail.start()
    yield quiet, big, mail
    quiet.stop()
    big.stop()
    mail.stop()


def test_a_50_mb_feed_is_backed_off_under_a_1g_cap_and_other_sources_are_still_watched(
    tmp_path: Path, servers: tuple[FeedServer, FloodServer, TimedMail]
) -> None:
    quiet, big, mail = servers
    quiet.add(1, text=FLAGGED[0])
    db = tmp_path / "watchtower.db"
    cfg = tmp_path / "watchtower.toml"
    cfg.write_text(
        config_toml(feed_url=quiet.url, smtp_port=mail.port, db_path=db, interval=10)
        + extra_source("big-capped", big.url("big.rss"))  # max_body_mb: the default (5)
        + extra_source("big-trusted", big.url("big.rss"), max_body_mb=60, max_entries=5000, timeout=4)
    )
    cap = MemoryCap(CAP, f"watchtower-test-{os.getpid()}")
    daemon = CappedDaemon(cfg, tmp_path / "daemon.log", cap)
    try:
        with sampling(daemon):
            daemon.start()
            daemon.wait_ready(120)
            # the first critical post arrives while both big feeds are being fetched
            assert wait_until(lambda: len(mail.arrived) > 0, 60, 0.1), daemon.tail()
            # both big sources fail; the capped one is tried again after its backoff and fails again
            assert wait_until(lambda: health(db, "big-capped").get("consecutive_failures", 0) >= 2
                              and health(db, "big-trusted").get("consecutive_failures", 0) >= 1, 60), daemon.tail()
            sent_before = len(mail.arrived)
            t0 = time.monotonic()
            quiet.add(1, text=FLAGGED[2])  # the normal source is still watched: the next poll finds this
            assert wait_until(lambda: len(mail.arrived) > sent_before, 60, 0.1), daemon.tail()
            second_alert_s = time.monotonic() - t0
            alive = daemon.proc is not None and daemon.proc.poll() is None
            capped, trusted = health(db, "big-capped"), health(db, "big-trusted")
            ok = health(db, "website-comments")
        rc, _ = daemon.terminate(60)
    finally:
        if daemon.proc is not None and daemon.proc.poll() is None:
            daemon.proc.kill()
            daemon.proc.wait()
        peak = cap.peak()
        oom_kills = cap.oom_kills()
        cap.close()
    print(f"\nmemory cap: {cap.kind}; peak {peak and peak // 2**20} MiB (cgroup), "
          f"{daemon.peak_tree_rss // 2**20} MiB RSS (daemon + parser children); oom kills: {oom_kills}; "
          f"second critical alert {second_alert_s:.1f} s after it was published (poll interval 10 s)")
    print(f"big-capped: {capped}\nbig-trusted: {trusted}")
    assert alive and rc == 0, daemon.tail()
    assert daemon.log_events()["daemon_ready"] == 1  # never restarted
    assert daemon.peak_tree_rss < CAP
    assert capped["status"] == "failing" and "max_body_mb" in capped["last_error"], capped
    assert "in a row; next try in" in capped["last_error"], capped
    assert trusted["status"] == "failing" and "next try in" in trusted["last_error"], trusted
    assert ok["status"] == "ok" and ok["consecutive_failures"] == 0
    flagged = query(db, "SELECT COUNT(*) FROM items WHERE source_name = 'website-comments' AND severity = 3")[0][0]
    assert flagged == 2
    assert len({tuple(items) for _, items in mail.arrived}) >= 2  # an email about each critical post
