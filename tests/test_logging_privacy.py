"""Logs never contain post text or secrets at INFO (design.md, Data protection): run the real daemon with INFO
logging on flagged and ordinary posts, a failing source and a failing SMTP server, and search what it wrote."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from soak import (
    BENIGN,
    FLAGGED,
    LINK_KEY,
    DaemonProcess,
    FeedServer,
    MailServer,
    config_toml,
    wait_until,
)

from watchtower.daemon import SHUTDOWN_BUDGET


def fragments(text: str) -> list[str]:
    """Distinctive pieces of a post: any of them in a log line means the text leaked."""
    words = text.split()
    return [" ".join(words[i : i + 3]) for i in range(0, max(1, len(words) - 2), 2)]


def test_info_logs_carry_no_post_text_author_or_secret(tmp_path: Path) -> None:
    feed = FeedServer(seed=5).start()
    mail = MailServer().start()
    db = tmp_path / "watchtower.db"
    cfg = tmp_path / "watchtower.toml"
    cfg.write_text(config_toml(feed_url=feed.url, smtp_port=mail.port, db_path=db, interval=10))
    daemon = DaemonProcess(cfg, tmp_path / "daemon.log", env={"WATCHTOWER_SMTP_PASSWORD": "hunter2-should-not-log"})
    posts = [*FLAGGED, *BENIGN]
    try:
        for p in posts:
            feed.add(1, text=p, author="Jessica Whitfield-Brown")
        feed.inject("garbage", "html")
        mail.refuse = True  # the failure paths log too: smtp_failing with the server's reply
        daemon.start()
        daemon.wait_ready()
        assert wait_until(lambda: daemon.log_events()["smtp_failing"] >= 1, 60), daemon.tail()
        mail.refuse = False
        assert wait_until(lambda: daemon.log_events()["alert_sent"] >= 3, 60), daemon.tail()
        cfg.write_text("not = [valid toml")
        daemon.signal(signal.SIGHUP)
        assert wait_until(lambda: daemon.log_events()["config_reload_refused"] == 1, 20)
        rc, _ = daemon.terminate(SHUTDOWN_BUDGET + 5)
        assert rc == 0
    finally:
        if daemon.proc is not None and daemon.proc.poll() is None:
            daemon.proc.kill()
        feed.stop()
        mail.stop()
    log = daemon.log.read_text()
    assert '"level": "info"' in log  # INFO was on: the test looked at what INFO writes
    assert len(mail.messages) >= 3
    for p in posts:
        for frag in fragments(p.split(" (#")[0]):
            assert frag not in log, f"post text {frag!r} appears in the log"
    assert "Whitfield-Brown" not in log
    assert LINK_KEY not in log
    assert "hunter2" not in log
