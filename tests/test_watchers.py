"""Watchers (watchers.py): pile-ons, dormant school accounts and silent sources, as tables of decisions with
``now`` passed in, then against the database: each episode is told once, to the right people."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import ClassVar

import pytest

from conftest import OPERATOR, FakeClock, SmtpServer, add_item, both_stores, build_notifier
from watchtower.config import Config
from watchtower.store import Store, immediate, repo
from watchtower.store.db import Db
from watchtower.watchers import Reply, check, dormant_accounts, find_spikes, silent_episodes

pytestmark = both_stores

T0 = datetime(2026, 3, 9, 18, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def replies(*minutes: float, parent: str = "post1", platform: str = "facebook") -> list[Reply]:
    return [Reply(platform, parent, at(m), i, ("harassment",)) for i, m in enumerate(minutes, start=1)]


class TestFindSpikes:
    """Five flagged replies within 60 minutes to one thread is a spike; one per burst."""

    CASES: ClassVar[list[tuple[str, list[Reply], float, int]]] = [
        ("four replies are not enough", replies(0, 1, 2, 3), 10, 0),
        ("five within the hour", replies(0, 10, 20, 30, 40), 45, 1),
        ("five, but spread over more than the hour", replies(0, 20, 40, 60, 80), 90, 0),
        ("the fifth reply has not happened yet at now", replies(0, 1, 2, 3, 50), 10, 0),
        ("one long pile-on is one burst", replies(*range(0, 300, 5)), 300, 1),
        ("two pile-ons a day apart are two bursts", replies(0, 1, 2, 3, 4, 1440, 1441, 1442, 1443, 1444), 1445, 2),
        ("five replies to five different posts", [r for i in range(5) for r in replies(i, parent=f"p{i}")], 10, 0),
        ("same post id on two platforms is two threads",
         replies(0, 1, 2, platform="x") + replies(3, 4, platform="facebook"), 10, 0),
    ]

    @pytest.mark.parametrize(("why", "rs", "now_minutes", "expected"), CASES, ids=[c[0] for c in CASES])
    def test_table(self, why: str, rs: list[Reply], now_minutes: float, expected: int) -> None:
        spikes = find_spikes(rs, at(now_minutes), replies_needed=5, minutes=60)
        assert len(spikes) == expected, why

    def test_a_burst_keeps_its_name_as_it_grows(self) -> None:
        """The episode is named by the burst's first reply, so later ticks of the same pile-on match it."""
        rs = replies(0, 1, 2, 3, 4, 30, 50, 100)
        names = {find_spikes(rs, at(now), replies_needed=5, minutes=60)[0].episode for now in (5, 40, 120)}
        assert names == {f"spike:facebook:post1:{'2026-03-09T18:00:00.000000Z'}"}


class TestDormantAccounts:
    CASES: ClassVar[list[tuple[str, dict[str, datetime], list[str]]]] = [
        ("posted yesterday", {"fb": T0 - timedelta(days=1)}, []),
        ("exactly 14 days is not yet dormant", {"fb": T0 - timedelta(days=14)}, []),
        ("15 days", {"fb": T0 - timedelta(days=15)}, ["fb"]),
        ("never seen an own post: not judged", {}, []),
        ("a source no longer configured is ignored", {"old": T0 - timedelta(days=100)}, []),
    ]

    @pytest.mark.parametrize(("why", "newest", "expected"), CASES, ids=[c[0] for c in CASES])
    def test_table(self, why: str, newest: dict[str, datetime], expected: list[str]) -> None:
        found = dormant_accounts(newest, ["fb", "x"], T0, days=14)
        assert [d.source_name for d in found] == expected, why


class TestSilentSources:
    def test_silent_names_the_episode_by_its_last_success(self) -> None:
        health = [
            {"source_name": "a", "last_success_at": "2026-03-08T12:00:00.000000Z", "status": "failing",
             "last_error": "timeout"},
            {"source_name": "b", "last_success_at": "2026-03-09T17:00:00.000000Z", "status": "ok", "last_error": None},
        ]
        found = silent_episodes(health, {"a": 24, "b": 24, "c": 2}, T0, started_at=T0 - timedelta(hours=3))
        assert [(s.source_name, s.status) for s in found] == [("a", "failing"), ("c", "never polled")]
        assert found[0].episode == "silent:a:2026-03-08T12:00:00.000000Z"
        assert found[1].episode == "silent:c:never"


SOURCES = [
    {"type": "rss", "name": "facebook-page", "url": "https://school.example/fb.rss", "source": "own"},
    {"type": "rss", "name": "news", "url": "https://news.example/feed", "silent_after_hours": 6},
]


def run_check(db: Db, config: Config, now: datetime, started_at: datetime | None = None) -> int:
    with immediate(db):
        return check(db, config, now, started_at or now)


class TestAgainstTheDatabase:
    async def test_a_pile_on_alerts_moderators_and_aht_once_without_post_text(
        self, make_config: Callable[..., Config], db: Db, store: Store, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        config = make_config(watch={"spike_replies": 5, "spike_minutes": 60})
        add_item(db, config, text="Our new sports hall!", categories=[], now=clock(), platform_id="post1",
                 own_post=True)
        for i in range(5):
            clock.advance(minutes=3)
            add_item(db, config, text=f"secret nasty text {i}", categories=["harassment"], now=clock(),
                     parent_id="post1")
            run_check(db, config, clock())
        for _ in range(3):  # later ticks, more replies: the same burst
            clock.advance(minutes=5)
            add_item(db, config, text="more", categories=["harassment"], now=clock(), parent_id="post1")
            run_check(db, config, clock())
        rows = db.execute("SELECT recipient, urgent FROM alerts WHERE step = 'spike'").fetchall()
        assert sorted(r[0] for r in rows) == ["aht@school.example", "amy@school.example", "ben@school.example"]
        assert all(r[1] == 1 for r in rows)
        smtp.messages.clear()
        await build_notifier(config, store, clock).flush()
        spike_mails = [m for m in smtp.messages if "pile-on" in m.subject]
        assert len(spike_mails) == 3
        body = spike_mails[0].part("plain")
        assert "https://facebook.example/post1" in body
        assert "harassment" in body
        assert "secret nasty text" not in body

    def test_a_dormant_school_account_is_told_to_moderators_once_per_episode(
        self, make_config: Callable[..., Config], db: Db
    ) -> None:
        config = make_config(sources=SOURCES)
        add_item(db, config, text="Happy World Book Day!", categories=[], now=T0 - timedelta(days=20),
                 own_post=True, source_name="facebook-page")
        assert run_check(db, config, T0) == 2
        assert run_check(db, config, T0 + timedelta(days=1)) == 0
        rows = db.execute("SELECT recipient FROM alerts WHERE step = 'dormant_account'").fetchall()
        assert sorted(r[0] for r in rows) == ["amy@school.example", "ben@school.example"]
        # the school posts again, then falls silent again: a new episode
        add_item(db, config, text="Sports day results", categories=[], now=T0 + timedelta(days=2),
                 own_post=True, source_name="facebook-page")
        assert run_check(db, config, T0 + timedelta(days=3)) == 0
        assert run_check(db, config, T0 + timedelta(days=17)) == 2

    def test_a_silent_source_is_told_to_the_operator_once_per_episode(
        self, make_config: Callable[..., Config], db: Db
    ) -> None:
        """news has silent_after_hours = 6; facebook-page uses [watch] silent_after_hours (24)."""
        config = make_config(sources=SOURCES)
        with immediate(db):
            repo.record_source_success(db, "news", "rss", new_items=0, now=T0)
            repo.record_source_success(db, "facebook-page", "rss", new_items=0, now=T0)
            repo.record_source_failure(db, "news", "rss", status="failing", error="HTTP 503",
                                       now=T0 + timedelta(hours=1))
        assert run_check(db, config, T0 + timedelta(hours=5)) == 0
        assert run_check(db, config, T0 + timedelta(hours=7)) == 1
        assert run_check(db, config, T0 + timedelta(hours=8)) == 0
        row = db.execute("SELECT recipient, subject, body FROM alerts WHERE step = 'source_silent'").fetchone()
        assert row[0] == OPERATOR
        assert "news has not been read for 7 hours" in row[1]
        assert "HTTP 503" in row[2]
        # it recovers, then goes quiet again: a second episode
        with immediate(db):
            repo.record_source_success(db, "news", "rss", new_items=0, now=T0 + timedelta(hours=9))
            repo.record_source_success(db, "facebook-page", "rss", new_items=0, now=T0 + timedelta(hours=9))
        assert run_check(db, config, T0 + timedelta(hours=10)) == 0
        assert run_check(db, config, T0 + timedelta(hours=16)) == 1
