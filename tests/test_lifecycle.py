"""The daemon as systemd runs it: ``watchtower run`` in a real subprocess against a loopback feed and a real SMTP
server. SIGTERM finishes in-flight work and exits 0 within SHUTDOWN_BUDGET; SIGHUP reloads the config, refusing a
broken file; ``watchtower status`` reports health with an exit code monitoring can use."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from watchtower.daemon import SHUTDOWN_BUDGET

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from soak import FLAGGED, DaemonProcess, FeedServer, MailServer, config_toml, wait_until


def count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[tuple[FeedServer, MailServer, DaemonProcess, Path, Path]]:
    feed = FeedServer(seed=3, flagged_share=0.0).start()
    mail = MailServer().start()
    db = tmp_path / "watchtower.db"
    cfg = tmp_path / "watchtower.toml"
    cfg.write_text(config_toml(feed_url=feed.url, smtp_port=mail.port, db_path=db, interval=10))
    daemon = DaemonProcess(cfg, tmp_path / "daemon.log")
    try:
        yield feed, mail, daemon, cfg, db
    finally:
        if daemon.proc is not None and daemon.proc.poll() is None:
            daemon.proc.kill()
            daemon.proc.wait()
        feed.stop()
        mail.stop()


class TestSigterm:
    def test_sigterm_classifies_in_flight_items_sends_alerts_and_exits_0_in_budget(self, rig: tuple) -> None:  # type: ignore[type-arg]
        feed, mail, daemon, _, db = rig
        feed.add(3)
        daemon.start()
        daemon.wait_ready()
        assert wait_until(lambda: count(db, "SELECT COUNT(*) FROM items") == 3, 30)
        # a burst of serious posts, then SIGTERM as soon as they are stored: triage and the outbox are mid-flight
        feed.add(4, text=FLAGGED[0])
        assert wait_until(lambda: count(db, "SELECT COUNT(*) FROM items") == 7, 30, 0.02)
        rc, seconds = daemon.terminate(SHUTDOWN_BUDGET + 5)
        assert rc == 0, daemon.tail()
        assert seconds < SHUTDOWN_BUDGET
        assert count(db, "SELECT COUNT(*) FROM items WHERE classified_at IS NULL") == 0
        assert count(db, "SELECT COUNT(*) FROM items WHERE severity = 3") == 4
        assert count(db, "SELECT COUNT(*) FROM alerts WHERE kind = 'item'") > 0
        assert count(db, "SELECT COUNT(*) FROM alerts WHERE status != 'sent'") == 0
        sent_ids = {m.message_id for m in mail.messages}
        conn = sqlite3.connect(db)
        recorded = {r[0] for r in conn.execute("SELECT message_id FROM alerts WHERE kind = 'item'")}
        conn.close()
        assert recorded <= sent_ids
        events = daemon.log_events()
        assert events["daemon_stopping"] == 1 and events["daemon_stopped"] == 1


class TestSighup:
    def test_broken_config_is_refused_and_the_old_one_kept_a_good_one_applies(self, rig: tuple) -> None:  # type: ignore[type-arg]
        feed, mail, daemon, cfg, db = rig
        good = cfg.read_text()
        daemon.start()
        daemon.wait_ready()
        cfg.write_text(good.replace("[[people]]", "[[people", 1))
        daemon.signal(signal.SIGHUP)
        assert wait_until(lambda: daemon.log_events()["config_reload_refused"] == 1, 20)
        assert daemon.proc is not None and daemon.proc.poll() is None
        # still working on the old config
        feed.add(1, text=FLAGGED[0])
        assert wait_until(lambda: count(db, "SELECT COUNT(*) FROM alerts WHERE status = 'sent'") > 0, 40)
        # a good config with a new person and a changed source: applied, the poller restarted
        new = good.replace(
            '[[sources]]',
            '[[people]]\nname = "Nadia Ali"\nemail = "n.ali@oakfield.example"\nroles = ["moderator"]\n\n[[sources]]',
        ).replace("timeout_seconds = 4", "timeout_seconds = 6")
        cfg.write_text(new)
        daemon.signal(signal.SIGHUP)
        assert wait_until(lambda: daemon.log_events()["config_reloaded"] == 1, 20), daemon.tail()
        reloaded = next(json.loads(x) for x in daemon.log.read_text().splitlines() if '"config_reloaded"' in x)
        assert reloaded["restarted"] == ["website-comments"]
        feed.add(1, text=FLAGGED[2])
        assert wait_until(lambda: any(m.recipient == "n.ali@oakfield.example" for m in mail.messages), 40), \
            daemon.tail()
        rc, _ = daemon.terminate(SHUTDOWN_BUDGET + 5)
        assert rc == 0


class TestStatus:
    def run_status(self, cfg: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "watchtower", "status", "--config", str(cfg), "--json"],
                              capture_output=True, text=True, timeout=60)

    def test_status_is_0_when_healthy_and_1_when_smtp_is_down(self, rig: tuple) -> None:  # type: ignore[type-arg]
        feed, mail, daemon, cfg, db = rig
        feed.add(2)
        daemon.start()
        daemon.wait_ready()
        assert wait_until(lambda: count(db, "SELECT COUNT(*) FROM items WHERE classified_at IS NOT NULL") == 2, 30)
        res = self.run_status(cfg)
        assert res.returncode == 0, res.stdout + res.stderr
        report = json.loads(res.stdout)
        assert report["sources"][0]["status"] == "ok" and report["ok"] is True
        # the feed breaks and SMTP refuses: status says so and exits 1
        mail.refuse = True
        feed.inject(*["500"] * 20)
        feed.add(1, text=FLAGGED[0])
        assert wait_until(lambda: count(db, "SELECT COUNT(*) FROM source_health WHERE status != 'ok'") == 1, 40)
        res = self.run_status(cfg)
        assert res.returncode == 1
        report = json.loads(res.stdout)
        assert any("website-comments is failing" in p for p in report["problems"])
        assert report["last_errors"]
        daemon.terminate(SHUTDOWN_BUDGET + 5)

    def test_status_without_a_database_exits_2(self, tmp_path: Path) -> None:
        cfg = tmp_path / "w.toml"
        cfg.write_text(config_toml(feed_url="http://127.0.0.1:9/x", smtp_port=9, db_path=tmp_path / "none.db"))
        res = self.run_status(cfg)
        assert res.returncode == 2 and "no database" in res.stderr
