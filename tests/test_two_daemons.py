"""Two daemons on one PostgreSQL database share the work, and one of them dying loses and doubles nothing.

Two real ``watchtower run`` processes with one config (``[store] lease_seconds = 6``) watch four RSS feeds on
loopback and mail a real aiosmtpd catcher. The feeds publish a burst of posts (some of them critical, so alerts go
out to several people each); one daemon is SIGKILLed in the middle of it. Then:

- the two daemons had split the sources between them (two each) before the kill;
- the survivor holds every source lease within ``lease_seconds`` plus one renewal interval of the kill;
- every post is stored once (one row per platform id, none missing) and classified;
- every alert row is sent, and arrived at the catcher exactly once per (Message-ID, recipient); a copy resent
  after the kill is allowed only where the audit log says it was in flight when the daemon died ("in doubt").
"""

from __future__ import annotations

import email
import math
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from school_toml import rss_source, two_daemons_toml
from watchtower.store.db import Db, open_db

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from soak import DaemonProcess, FeedItem, FeedServer, MailServer, Received, wait_until  # noqa: E402

LEASE_SECONDS = 6.0
RENEW_EVERY = LEASE_SECONDS / 3
FEEDS = 4
#: posts per feed in the burst (FeedServer serves its newest 500: keep under that)
PER_FEED = 80
FLAGGED_SHARE = 0.12


class NamedFeed(FeedServer):
    """A FeedServer whose guids carry its name, so four feeds publish four sets of posts (one guid = one post)."""

    def __init__(self, name: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.name = name

    def add(self, n: int = 1, *, text: str | None = None, author: str | None = None) -> list[FeedItem]:
        out = super().add(n, text=text, author=author)
        with self._lock:
            for it in out:
                it.guid = f"{self.name}-{it.guid}"
        return out


@pytest.fixture
def feeds() -> Iterator[list[NamedFeed]]:
    started = [NamedFeed(f"feed{i}", seed=100 + i, flagged_share=FLAGGED_SHARE).start() for i in range(FEEDS)]
    yield started
    for f in started:
        f.stop()


class Catcher(MailServer):
    """The mail catcher: records each (Message-ID, recipient) it accepts."""

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = email.message_from_bytes(envelope.content)
        for rcpt in envelope.rcpt_tos:
            self.messages.append(Received(rcpt.lower(), str(msg["Message-ID"]), [], str(msg["Subject"])))
        return "250 OK"


@pytest.fixture
def mail() -> Iterator[MailServer]:
    server = Catcher().start()
    yield server
    server.stop()


def _leases(db: Db) -> dict[str, tuple[str | None, bool]]:
    """source name -> (holder, whether the lease is unexpired), by the database's clock."""
    from watchtower.store.leases import lease_table

    return {str(r["name"]).removeprefix("source:"): (r["holder"], not r["expired"])
            for r in lease_table(db) if str(r["name"]).startswith("source:")}


def _pid(holder: str | None) -> int | None:
    return int(holder.split(":")[-2]) if holder else None


def test_two_daemons_split_the_sources_and_a_sigkill_loses_and_doubles_nothing(
    tmp_path: Path, pg_database: str, feeds: list[NamedFeed], mail: MailServer
) -> None:
    t_start = time.monotonic()
    names = [f"feed{i}" for i in range(FEEDS)]
    cfg = tmp_path / "watchtower.toml"
    cfg.write_text(two_daemons_toml(
        pg_database,
        [rss_source(f.url, name=n, source="mention", interval_seconds=10, timeout_seconds=4)
         for f, n in zip(feeds, names, strict=True)],
        smtp_port=mail.port, smtp_timeout=5, max_backoff=4, lease_seconds=LEASE_SECONDS))
    daemons = [DaemonProcess(cfg, tmp_path / f"daemon{i}.log") for i in range(2)]
    db = open_db(pg_database)
    try:
        for d in daemons:
            d.start()
        for d in daemons:
            d.wait_ready(timeout=90)
        t_ready = time.monotonic()

        # 1. the two split the four sources, two each
        pids = {d.proc.pid for d in daemons if d.proc is not None}

        def split() -> bool:
            held = Counter(_pid(h) for h, fresh in _leases(db).values() if fresh)
            return set(held) == pids and all(n == FEEDS // 2 for n in held.values())

        assert wait_until(split, timeout=4 * LEASE_SECONDS), f"no even split: {_leases(db)}"
        t_split = time.monotonic()

        # 2. a burst of posts; the daemon holding feed0 is SIGKILLed half-way
        victim_pid = _pid(_leases(db)["feed0"][0])
        victim = next(d for d in daemons if d.proc is not None and d.proc.pid == victim_pid)
        survivor = next(d for d in daemons if d is not victim)
        assert survivor.proc is not None
        victim_sources = [n for n, (h, _) in _leases(db).items() if _pid(h) == victim_pid]
        steps = 8
        killed_at = 0.0
        for step in range(steps):
            for f in feeds:
                f.add(PER_FEED // steps)
            if step == steps // 2:
                # mid-burst, once the victim has stored some of it (its pollers run every 10 s) and its alerts are
                # going out
                def victim_stored() -> int:
                    return int(db.scalar(
                        f"SELECT COUNT(*) FROM items WHERE source_name IN ({','.join('?' * len(victim_sources))})",
                        victim_sources) or 0)

                def victim_sent() -> int:
                    return int(db.scalar("SELECT COUNT(*) FROM alerts WHERE status = 'sent' AND claimed_by LIKE ?",
                                         [f"%:{victim_pid}:%"]) or 0)

                assert wait_until(lambda: victim_stored() > 0 and victim_sent() >= 3, timeout=20, step=0.1)
                victim.kill()  # SIGKILL
                killed_at = time.monotonic()
                stored_by_victim = victim_stored()
            time.sleep(0.5)
        posted = {it.key for f in feeds for it in f.items}
        assert len(posted) == FEEDS * PER_FEED

        # 3. the survivor holds every source lease within lease_seconds + one renewal
        def survivor_holds_all() -> bool:
            return all(_pid(h) == survivor.proc.pid and fresh for h, fresh in _leases(db).values())  # type: ignore[union-attr]

        assert wait_until(survivor_holds_all, timeout=LEASE_SECONDS + RENEW_EVERY + 5, step=0.1), _leases(db)
        takeover = time.monotonic() - killed_at
        assert takeover <= LEASE_SECONDS + RENEW_EVERY + 1.5, f"takeover took {takeover:.1f} s"

        # 4. everything stored, classified and sent
        def settled() -> bool:
            stored = db.scalar("SELECT COUNT(*) FROM items") or 0
            unclassified = db.scalar("SELECT COUNT(*) FROM items WHERE classified_at IS NULL")
            pending = db.scalar("SELECT COUNT(*) FROM alerts WHERE status = 'pending'")
            return bool(stored >= len(posted) and unclassified == 0 and pending == 0)

        assert wait_until(settled, timeout=45, step=0.5), (
            db.rows("SELECT COUNT(*) AS n, SUM(CASE WHEN classified_at IS NULL THEN 1 ELSE 0 END) AS unclassified "
                    "FROM items"),
            db.rows("SELECT status, COUNT(*) AS n FROM alerts GROUP BY status"), survivor.tail(20))
        t_settled = time.monotonic()

        # every post stored once, none missing, none doubled, each classified once
        ids = [r[0] for r in db.execute("SELECT platform_id FROM items")]
        assert len(ids) == len(set(ids)), "a post stored twice"
        assert set(ids) == posted
        doubled = db.rows("SELECT item_id, COUNT(*) AS n FROM classifications GROUP BY item_id HAVING COUNT(*) > 1")
        assert doubled == [], "an item classified (and recorded) twice"

        # the work was shared: the victim had stored posts of its sources and sent alerts before it died, the
        # survivor took its sources over (and said so in its log)
        assert stored_by_victim > 0
        senders = Counter(_pid(r[0]) for r in db.execute(
            "SELECT claimed_by FROM alerts WHERE status = 'sent'"))
        assert senders[victim_pid] > 0 and senders[survivor.proc.pid] > 0, senders
        assert survivor.log_events()["leases_taken_over"] >= 1

        # every alert sent, and received exactly once per (Message-ID, recipient)
        alerts = db.rows("SELECT id, recipient, message_id, status FROM alerts")
        assert alerts, "the burst raised no alerts: the test would prove nothing about the outbox"
        assert {a["status"] for a in alerts} == {"sent"}
        critical = db.scalar("SELECT COUNT(*) FROM items WHERE severity >= 3")
        assert critical and critical > 0
        got = Counter((m.message_id, m.recipient) for m in mail.messages)
        expected = {(str(a["message_id"]), str(a["recipient"]).lower()) for a in alerts}
        assert set(got) == expected, "an alert row not delivered, or an email no row accounts for"
        in_doubt = {(str(r["message_id"]), str(r["to_addr"]).lower()) for r in db.rows(
            "SELECT json_extract(detail, '$.message_id') AS message_id, json_extract(detail, '$.to') AS to_addr "
            "FROM audit WHERE action = 'email_resent_in_doubt'")}
        doubles = {k: n for k, n in got.items() if n > 1}
        assert set(doubles) <= in_doubt, f"emails delivered twice without being in doubt: {doubles}"
        assert all(n == 2 for n in doubles.values())

        print(f"\ntwo daemons: ready {t_ready - t_start:.1f} s after start, sources split "
              f"{t_split - t_ready:.1f} s later; {len(posted)} posts, {len(alerts)} alerts "
              f"({critical} critical items); SIGKILL -> survivor holds all {FEEDS} sources in {takeover:.1f} s "
              f"(bound {LEASE_SECONDS + RENEW_EVERY:g} s); settled {t_settled - killed_at:.1f} s after the kill; "
              f"{len(doubles)} in-doubt resends; alerts sent by victim/survivor {senders[victim_pid]}/"
              f"{senders[survivor.proc.pid]}; test {time.monotonic() - t_start:.0f} s")
        assert math.isfinite(takeover)
        rc, _ = survivor.terminate(timeout=60)
        assert rc == 0, survivor.tail()
        # a clean stop gives its leases back at once
        assert all(h is None for h, _ in _leases(db).values())
    finally:
        for d in daemons:
            d.kill_if_running()
        db.close()




assert os.name == "posix"
