"""The DSL's daily digest (digest.py, cli/digest.py): what it says, when it goes, and that it goes once."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import FakeClock, SmtpServer, add_item, both_stores, build_notifier
from watchtower.cli import main
from watchtower.cli.digest import send
from watchtower.config import Config
from watchtower.digest import build_digest, digest_tick, render_digest
from watchtower.store import Store, immediate, repo
from watchtower.store.db import Db

pytestmark = both_stores

DIGEST_PEOPLE = {"dsl@school.example", "deputy@school.example"}


def Z(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


def digest_rows(db: Db) -> list[tuple[str, str]]:
    return [tuple(r) for r in db.execute(
        "SELECT dedup_key, recipient FROM alerts WHERE kind = 'digest' ORDER BY id")]


def tick(db: Db, config: Config, now: datetime) -> int:
    with immediate(db):
        return digest_tick(db, config, now)


class TestContent:
    def test_a_quiet_day_still_gets_a_digest_that_says_so(self, config: Config, db: Db) -> None:
        """Nothing happened: the digest still goes, and says nothing was flagged and all is well."""
        subject, text, html = render_digest(build_digest(db, config, Z(2026, 3, 9, 7, 30)))
        assert "nothing flagged in the last 24 hours" in subject
        assert "Nothing flagged in the last 24 hours." in text
        assert "Nothing flagged in the last 24 hours." in html
        assert "No deadline breaches." in text
        assert "Every flagged item has been reviewed." in text
        assert tick(db, config, Z(2026, 3, 9, 7, 30)) == 2
        assert {r for _, r in digest_rows(db)} == DIGEST_PEOPLE

    def test_it_reports_flags_open_items_breaches_reviews_and_failing_sources(
        self, make_config: Callable[..., Config], db: Db, clock: FakeClock
    ) -> None:
        """A day with a safeguarding disclosure (shown in full: this is for the DSL), a threat acknowledged late,
        an overdue complaint, an item from two days ago still unreviewed, and a feed whose token expired."""
        config = make_config(sources=[
            {"type": "rss", "name": "news-feed", "url": "https://news.example/feed"},
            {"type": "rss", "name": "website", "url": "https://school.example/comments.rss", "source": "own"},
        ])
        now = Z(2026, 3, 10, 7, 30)
        old = add_item(db, config, text="Old complaint about lunches", categories=["complaint"],
                       now=now - timedelta(days=2))
        complaint = add_item(db, config, text="The head ignored my complaint <b>again</b>",
                             categories=["complaint"], now=now - timedelta(hours=30))
        threat = add_item(db, config, text="I will hurt Mr Smith", categories=["threat"],
                          now=now - timedelta(hours=5))
        sg = add_item(db, config, text="My stepdad hits me and I don't want to go home",
                      categories=["safeguarding"], now=now - timedelta(minutes=30))
        harmless = add_item(db, config, text="Lovely concert", categories=[], now=now - timedelta(hours=2))
        with immediate(db):
            repo.acknowledge(db, old, by="Amy Clarke", channel="cli", now=now - timedelta(days=2))
            # the threat's deadline was 1 h after it was seen; acknowledged 3 h late
            repo.acknowledge(db, threat, by="Ben Okafor", channel="cli", now=now - timedelta(hours=1))
            repo.record_source_failure(db, "news-feed", "rss", status="auth_failed", error="401 token expired",
                                       now=now - timedelta(hours=3))
            repo.record_source_success(db, "website", "rss", new_items=1, now=now - timedelta(minutes=5))
        d = build_digest(db, config, now)
        assert [i.id for i in d.flagged] == [threat, sg]
        assert d.by_severity == [("critical", 2)]
        assert dict(d.by_category) == {"threat": 1, "safeguarding": 1}
        assert harmless not in [i.id for i in d.flagged]
        assert [i.id for i in d.overdue] == [complaint]
        assert d.overdue[0].due.startswith("overdue by")
        assert [i.id for i in d.late_acks] == [threat]
        assert d.late_acks[0].due == "acknowledged 3 h late by Ben Okafor"
        assert {i.id for i in d.open_items} == {complaint, sg}
        # the harmless own-account comment owes an acknowledgement, but it is the moderators' inbox: counted only
        assert (d.unflagged_open, d.unflagged_overdue) == (1, 0)
        assert d.awaiting_review_total == 4 and d.awaiting_review[0].id == old
        assert [(s.name, s.status) for s in d.sources] == [("news-feed", "auth failed")]
        subject, text, html = render_digest(d)
        assert "2 flagged in the last 24 hours" in subject and "1 overdue" in subject
        assert "My stepdad hits me and I don't want to go home" in text
        assert "Also 1 unflagged comment on the school's accounts awaiting acknowledgement." in text
        # the digest links to the dashboard, where the DSL reviews
        assert f"{config.dashboard.public_url.rstrip('/')}/review" in text
        assert f'href="{config.dashboard.public_url.rstrip("/")}' in html
        assert "My stepdad hits me and I don&#39;t want to go home" in html
        assert "&lt;b&gt;again&lt;/b&gt;" in html and "<b>again</b>" not in html
        assert "401 token expired" in text

    def test_posts_the_classifier_could_not_read_are_listed_not_hidden_under_nothing_flagged(
        self, config: Config, db: Db
    ) -> None:
        """Round 106: posts in Arabic, Bengali or Cyrillic script are not read at all. Not flagged, they would be
        nowhere in the digest (a public mention owes nothing): they are listed, with their script, as not read."""
        now = Z(2026, 3, 10, 7, 30)
        arabic = add_item(db, config, text="شكرا للمعلمين على الحفلة الجميلة", categories=[],
                          now=now - timedelta(hours=3))
        cyrillic = add_item(db, config, text="хочу зникнути, нікому я не потрібна", categories=[], source="mention",
                            platform="x", now=now - timedelta(hours=2))
        add_item(db, config, text="Lovely concert, thank you", categories=[], now=now - timedelta(hours=1))
        add_item(db, config, text="Дякую, сьогодні чудовий день", categories=[], now=now - timedelta(hours=30))
        d = build_digest(db, config, now)
        assert [(i.id, i.unread) for i in d.unread] == [(arabic, "Arabic script"), (cyrillic, "Cyrillic script")]
        assert (d.unread_total, sorted(d.unread_scripts)) == (2, [("Arabic script", 1), ("Cyrillic script", 1)])
        subject, text, html = render_digest(d)
        assert "nothing flagged in the last 24 hours" in subject and "2 not read" in subject
        assert "NOT READ: NOT IN ENGLISH" in text
        assert "Arabic script 1, Cyrillic script 1" in text and "хочу зникнути" in text
        assert "Not read: not in English" in html and "Nothing in them was checked" in html
        quiet = render_digest(build_digest(db, config, now + timedelta(days=2)))
        assert "NOT READ" not in quiet[1] and "not read" not in quiet[0]

    def test_a_source_that_has_not_polled_for_longer_than_its_threshold_is_silent(
        self, make_config: Callable[..., Config], db: Db
    ) -> None:
        config = make_config(sources=[{"type": "rss", "name": "feed", "url": "https://n.example/f",
                                       "silent_after_hours": 6}])
        now = Z(2026, 3, 10, 7, 30)
        assert build_digest(db, config, now).sources == []  # not polled yet: not called broken
        with immediate(db):
            repo.record_source_success(db, "feed", "rss", new_items=0, now=now - timedelta(hours=7))
        assert [(s.name, s.status) for s in build_digest(db, config, now).sources] == [("feed", "silent")]
        with immediate(db):
            repo.record_source_success(db, "feed", "rss", new_items=0, now=now - timedelta(hours=1))
        assert build_digest(db, config, now).sources == []


class TestSchedule:
    def test_once_a_day_at_digest_time_and_never_twice(self, config: Config, db: Db) -> None:
        """Sent at 07:30 local; the same day's ticks after that (and a restart: a new connection) queue nothing;
        the next morning's digest goes at 07:30 again."""
        assert tick(db, config, Z(2026, 3, 9, 7, 30)) == 2
        for t in (Z(2026, 3, 9, 7, 31), Z(2026, 3, 9, 18), Z(2026, 3, 10, 7, 29)):
            assert tick(db, config, t) == 0
        assert tick(db, config, Z(2026, 3, 10, 7, 30)) == 2
        assert [k for k, _ in digest_rows(db)] == [
            "digest:2026-03-09:dsl@school.example", "digest:2026-03-09:deputy@school.example",
            "digest:2026-03-10:dsl@school.example", "digest:2026-03-10:deputy@school.example"]

    def test_a_new_installs_first_digest_says_it_has_just_started_not_that_all_is_well(
        self, config: Config, db: Db
    ) -> None:
        """The first digest goes as the daemon starts, before its first poll is classified: "nothing flagged in the
        last 24 hours" would read as an all-clear. The next morning's digest is an ordinary one."""
        assert tick(db, config, Z(2026, 3, 9, 10, 5)) == 2
        assert tick(db, config, Z(2026, 3, 10, 7, 30)) == 2
        rows = [(subject, json.loads(body)) for subject, body in db.execute(
            "SELECT subject, body FROM alerts WHERE kind = 'digest' AND recipient = 'dsl@school.example' ORDER BY id")]
        (first_subject, first), (next_subject, following) = rows
        assert "first digest: Watchtower has just started watching" in first_subject
        assert "nothing flagged in the last 24 hours" not in first_subject
        for part in (first["text"], first["html"]):
            assert "first digest" in part and "Nothing flagged yet." in part
            assert "Nothing flagged in the last 24 hours." not in part
        assert "nothing flagged in the last 24 hours" in next_subject
        assert "first digest" not in following["text"] and "first digest" not in following["html"]

    def test_after_three_days_off_it_is_caught_up_once(self, config: Config, db: Db) -> None:
        tick(db, config, Z(2026, 3, 9, 7, 30))
        assert tick(db, config, Z(2026, 3, 12, 15)) == 2
        assert tick(db, config, Z(2026, 3, 12, 15, 1)) == 0
        assert [k.split(":")[1] for k, _ in digest_rows(db)][-2:] == ["2026-03-12", "2026-03-12"]

    @pytest.mark.parametrize(
        ("before", "at"),
        [
            # spring forward, Sun 29 Mar 2026: 07:30 BST is 06:30 UTC from that day
            (Z(2026, 3, 29, 6, 29), Z(2026, 3, 29, 6, 30)),
            # fall back, Sun 25 Oct 2026: 07:30 GMT is 07:30 UTC again
            (Z(2026, 10, 25, 7, 29), Z(2026, 10, 25, 7, 30)),
        ],
    )
    def test_07_30_local_across_the_clock_changes(
        self, config: Config, db: Db, before: datetime, at: datetime
    ) -> None:
        tick(db, config, before - timedelta(hours=12))  # the day before's digest, caught up
        assert tick(db, config, before) == 0
        assert tick(db, config, at) == 2
        assert digest_rows(db)[-1][0].startswith(f"digest:{at.date().isoformat()}:")


class TestDelivery:
    async def test_the_queued_digest_reaches_the_dsl_and_deputy_as_text_and_html(
        self, config: Config, store: Store, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        add_item(db, config, text="Meet me after school, don't tell your mum <3", categories=["safeguarding"],
                 now=clock())
        clock.advance(hours=1)
        smtp.messages.clear()
        assert await store.write(lambda db: digest_tick(db, config, clock())) == 2
        notifier = build_notifier(config, store, clock)
        await notifier.flush()
        digests = [m for m in smtp.messages if "digest" in m.subject]
        assert sorted(m.to for m in digests) == sorted(DIGEST_PEOPLE)
        for m in digests:
            assert "1 flagged in the last 24 hours" in m.subject
            assert "Meet me after school, don't tell your mum <3" in m.part("plain")
            assert "don&#39;t tell your mum &lt;3" in m.part("html")
        assert await notifier.flush() == 0


class TestCli:
    def test_preview_prints_the_digest_and_sends_nothing(
        self, config_file: Callable[..., Path], db: Db, capsys: pytest.CaptureFixture[str],
        smtp: SmtpServer
    ) -> None:
        path = config_file()
        assert main(["digest", "--preview", "--config", str(path)]) == 0
        out = capsys.readouterr().out
        assert "Watchtower daily digest, Oakfield Academy" in out
        assert "Nothing flagged in the last 24 hours." in out
        assert db.execute("SELECT COUNT(*) FROM alerts").fetchone()[0] == 0
        assert smtp.messages == []

    async def test_send_delivers_now_and_exits_zero(
        self, config: Config, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        assert await send(config, environ={}, clock=clock) == 0
        assert sorted(m.to for m in smtp.messages) == sorted(DIGEST_PEOPLE)
        rows = db.execute("SELECT dedup_key, status, body FROM alerts").fetchall()
        assert {r[1] for r in rows} == {"sent"}
        assert all(r[0].startswith("digest-manual:") for r in rows)
        assert "Nothing flagged" in json.loads(rows[0][2])["text"]
        # the scheduled digest for today is not replaced by the manual one
        assert await _scheduled(db, config, clock) == 2

    async def test_send_exits_non_zero_when_delivery_fails_and_leaves_it_for_the_daemon(
        self, config: Config, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        smtp.stop()
        assert await send(config, environ={}, clock=clock) == 1
        rows = db.execute("SELECT status, next_attempt_at FROM alerts WHERE kind = 'digest'").fetchall()
        assert [r[0] for r in rows] == ["pending", "pending"]

    def test_send_through_the_command_line(
        self, config_file: Callable[..., Path], smtp: SmtpServer, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["digest", "--send", "--config", str(config_file())]) == 0
        assert sorted(m.to for m in smtp.messages) == sorted(DIGEST_PEOPLE)
        assert "digest to dsl@school.example: delivered" in capsys.readouterr().out


async def _scheduled(db: Db, config: Config, clock: FakeClock) -> int:
    with immediate(db):
        return digest_tick(db, config, clock())


class TestHostileText:
    def test_bidi_overrides_ansi_escapes_and_nul_in_a_post_are_shown_inert_in_the_digest(
        self, make_config: Callable[..., Config], db: Db
    ) -> None:
        config = make_config()
        now = Z(2026, 3, 10, 7, 30)
        add_item(db, config, text="report\u202egnp.exe \x1b[31mred\x00", categories=["threat"],
                 now=now - timedelta(hours=1))
        _, text, html = render_digest(build_digest(db, config, now))
        for part in (text, html):
            assert "\u202e" not in part and "\x1b" not in part and "\x00" not in part
            assert "\u241b[31m" in part  # ESC shown as its control picture

