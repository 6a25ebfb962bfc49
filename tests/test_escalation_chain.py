"""The escalation chain, end to end: the real Escalator and Notifier on a real database with a real SMTP
server, an injected clock for the slow chain, and the real daemon with the real classifier for the fast one."""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from aiohttp import web

from conftest import FakeClock, SmtpServer, add_item, both_stores, build_notifier
from watchtower.cli import main
from watchtower.config import Config
from watchtower.daemon import Daemon, Overrides
from watchtower.demo import serve_loopback
from watchtower.notify.outbox import Notifier
from watchtower.pipeline import Escalator
from watchtower.store import Store, connect, immediate, repo
from watchtower.store.db import Db, Location
from watchtower.timeutil import parse_ts

pytestmark = both_stores

MODERATORS = ["amy@school.example", "ben@school.example"]
AHT = "aht@school.example"
HEAD = "head@school.example"


def who_got(smtp: SmtpServer, item_id: int) -> list[str]:
    return sorted(r for m in smtp.messages
                  if str(item_id) in [s.strip() for s in str(m.message["X-Watchtower-Items"]).split(",")]
                  for r in m.rcpt_tos)


class Chain:
    def __init__(self, config: Config, store: Store, clock: FakeClock) -> None:
        self.notifier: Notifier = build_notifier(config, store, clock)
        self.escalator = Escalator(store=store, config=config, on_alerts=self.notifier.wake.set, clock=clock)
        self.clock = clock

    async def at(self, moment: datetime) -> None:
        """What the daemon's timers do at ``moment``: take due steps, send what is due."""
        self.clock.set(moment)
        await self.escalator.tick()
        await self.notifier.flush()


class TestAnUnacknowledgedNormalItemClimbsTheChain:
    """A query on the school's page, Mon 9 Mar 10:00 (deadline Tue 10:00): moderators at once (batched), a
    reminder to moderators at 75 % (Tue 04:00), the AHT at the deadline, the headteacher 24 h later."""

    async def test_each_rung_on_schedule_and_nobody_early(
        self, config: Config, store: Store, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        chain = Chain(config, store, clock)
        t0 = clock()
        item = add_item(db, config, text="How do I apply for a Year 7 place?", categories=["query"], now=t0)
        timeline = [
            (t0, MODERATORS),
            (t0 + timedelta(hours=17, minutes=59), MODERATORS),
            (t0 + timedelta(hours=18), MODERATORS * 2),  # the 75 % reminder
            (t0 + timedelta(hours=23, minutes=59), MODERATORS * 2),
            (t0 + timedelta(hours=24, seconds=5), sorted([*MODERATORS * 2, AHT])),
            (t0 + timedelta(hours=47, minutes=59), sorted([*MODERATORS * 2, AHT])),
            (t0 + timedelta(hours=48), sorted([*MODERATORS * 2, AHT, HEAD])),
            (t0 + timedelta(days=10), sorted([*MODERATORS * 2, AHT, HEAD])),
        ]
        for moment, expected in timeline:
            await chain.at(moment)
            assert who_got(smtp, item) == sorted(expected), moment
        reminder = next(m for m in smtp.to("amy@school.example")[1:])
        assert "75%" in reminder.part("plain")
        assert "deadline" in smtp.to(AHT)[0].part("plain").lower()
        steps = [r[0] for r in db.execute("SELECT step FROM escalation_steps WHERE item_id = ? ORDER BY at", [item])]
        assert steps == ["seen", "reminder_75", "overdue_aht", "overdue_headteacher"]

    async def test_the_reminder_counts_from_when_the_deadline_does_for_a_post_seen_late(
        self, config: Config, store: Store, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        """Posted at 09:10, first seen at 10:00: the deadline counts from 09:10 (deadlines.received_at), and so does
        the 75 % reminder (design.md: 75 % of the deadline window), as the dashboard's amber does."""
        chain = Chain(config, store, clock)
        t0 = clock()
        posted = t0 - timedelta(minutes=50)
        item = add_item(db, config, text="Is there a parents' evening this term?", categories=["query"], now=t0,
                        created_at=posted)
        deadline = parse_ts(db.execute("SELECT deadline_at FROM items WHERE id = ?", [item]).fetchone()[0])
        reminder_due = posted + (deadline - posted) * 0.75
        await chain.at(t0)
        await chain.at(reminder_due - timedelta(minutes=1))
        assert who_got(smtp, item) == sorted(MODERATORS)
        await chain.at(reminder_due + timedelta(seconds=1))
        assert who_got(smtp, item) == sorted(MODERATORS * 2)

    async def test_an_acknowledgement_from_the_cli_stops_the_chain(
        self, config: Config, config_file: Callable[..., Path], store: Store, db: Db, smtp: SmtpServer,
        clock: FakeClock
    ) -> None:
        """After the reminder, a moderator acknowledges from a shell while the daemon's parts keep running:
        neither the AHT nor the headteacher is ever emailed."""
        path = config_file()
        chain = Chain(config, store, clock)
        t0 = clock()
        item = add_item(db, config, text="My son's coat went missing, who do I ask?", categories=["query"], now=t0)
        await chain.at(t0)
        await chain.at(t0 + timedelta(hours=18))
        assert who_got(smtp, item) == sorted(MODERATORS * 2)
        assert main(["ack", str(item), "--by", "Amy Clarke", "--config", str(path)]) == 0
        for hours in (24, 25, 48, 72):
            await chain.at(t0 + timedelta(hours=hours))
        assert who_got(smtp, item) == sorted(MODERATORS * 2)
        assert smtp.to(AHT) == [] and smtp.to(HEAD) == []


DSL = "dsl@school.example"
DEPUTY = "deputy@school.example"


class TestEveryOwnAccountCommentIsSeenByAPerson:
    """design.md: every own-account item owes an acknowledgement under the 24-hour rule, whatever its severity.
    A comment the classifier calls ``none`` (it may be a miss) reaches the moderators in their batched email and
    reminds them, and only them, when left."""

    async def test_a_comment_classified_none_gets_the_24_hour_deadline_the_batched_email_and_a_reminder(
        self, config: Config, store: Store, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        chain = Chain(config, store, clock)
        t0 = clock()
        item = add_item(db, config, text="lovely photos, is that our Jade at the back?", categories=[], now=t0)
        deadline = parse_ts(db.execute("SELECT deadline_at FROM items WHERE id = ?", [item]).fetchone()[0])
        assert deadline == t0 + timedelta(hours=24)
        await chain.at(t0 + timedelta(minutes=20))  # past the batching window
        assert who_got(smtp, item) == MODERATORS
        assert "none flagged" in smtp.to("amy@school.example")[0].subject
        await chain.at(t0 + timedelta(hours=23, minutes=59))
        assert who_got(smtp, item) == MODERATORS  # no 75 % reminder for a harmless comment
        await chain.at(t0 + timedelta(hours=24, seconds=5))
        assert who_got(smtp, item) == sorted(MODERATORS * 2)  # the reminder at the deadline
        await chain.at(t0 + timedelta(days=5))
        assert smtp.to(AHT) == [] and smtp.to(HEAD) == []
        steps = [r[0] for r in db.execute("SELECT step FROM escalation_steps WHERE item_id = ? ORDER BY at", [item])]
        assert steps == ["seen", "overdue_moderators"]

    async def test_a_public_mention_classified_none_still_owes_nothing(
        self, config: Config, store: Store, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        chain = Chain(config, store, clock)
        t0 = clock()
        item = add_item(db, config, text="drove past Oakfield today", categories=[], now=t0, source="mention")
        for hours in (0, 1, 30, 80):
            await chain.at(t0 + timedelta(hours=hours))
        assert who_got(smtp, item) == []


class TestANoticeIsMutedOnceItsItemIsAcknowledged:
    """Issue 15: a batched notice held back for batching must not say "acknowledge by ..." for an item somebody
    acknowledged while it waited; the notifier re-reads the item just before sending (the mute stage)."""

    async def test_an_acknowledged_then_batched_notice_is_muted_and_audited(
        self, config: Config, store: Store, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        chain = Chain(config, store, clock)
        t0 = clock()
        first = add_item(db, config, text="When is the Christmas fair?", categories=["query"], now=t0)
        await chain.at(t0)  # the first batched email goes at once ...
        assert who_got(smtp, first) == MODERATORS
        second = add_item(db, config, text="Is there parking at the fair?", categories=["query"],
                          now=t0 + timedelta(minutes=1))
        await chain.at(t0 + timedelta(minutes=1))  # ... the next waits for the 15-minute window
        assert who_got(smtp, second) == []
        with immediate(db):
            repo.acknowledge(db, second, by="amy@school.example", channel="dashboard", now=t0 + timedelta(minutes=5))
        await chain.at(t0 + timedelta(minutes=16))
        assert who_got(smtp, second) == []
        statuses = {r[0] for r in db.execute("SELECT status FROM alerts WHERE item_id = ?", [second])}
        assert statuses == {"muted"}
        muted = db.execute("SELECT COUNT(*) FROM audit WHERE action = 'email_muted' AND item_id = ?",
                           [second]).fetchone()[0]
        assert muted == len(MODERATORS)

    async def test_the_urgent_first_notice_of_a_safeguarding_item_still_reaches_the_dsl_after_an_acknowledgement(
        self, config: Config, store: Store, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        chain = Chain(config, store, clock)
        t0 = clock()
        item = add_item(db, config, text="i dont feel safe at home", categories=["safeguarding"], now=t0)
        with immediate(db):
            repo.acknowledge(db, item, by="amy@school.example", channel="dashboard", now=t0)
        await chain.at(t0)
        assert DSL in who_got(smtp, item)


class TestAnUnacknowledgedSafeguardingItemGoesBackToTheDsl:
    """design.md: "safeguarding item: 75% and deadline, not acknowledged -> DSL and deputy DSL again (people who
    may read it), then HEADTEACHER" — not only a moderator reminder and an AHT email that withhold the text."""

    async def test_the_dsl_and_deputy_are_told_again_at_75_percent_and_at_the_deadline(
        self, config: Config, store: Store, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        chain = Chain(config, store, clock)
        t0 = clock()
        item = add_item(db, config, text="she said not to tell anyone what happens at home",
                        categories=["safeguarding"], now=t0)
        await chain.at(t0)
        assert len(smtp.to(DSL)) == len(smtp.to(DEPUTY)) == 1
        await chain.at(t0 + timedelta(minutes=45))  # 75 % of the critical hour
        assert len(smtp.to(DSL)) == len(smtp.to(DEPUTY)) == 2
        assert "75%" in smtp.to(DSL)[1].part("plain")
        assert "she said not to tell anyone" in smtp.to(DSL)[1].part("plain")  # the DSL may read it
        await chain.at(t0 + timedelta(hours=1, seconds=5))
        assert len(smtp.to(DSL)) == len(smtp.to(DEPUTY)) == 3
        assert len(smtp.to(HEAD)) == 1  # the first notice only; the headteacher's rung is an hour later
        await chain.at(t0 + timedelta(hours=2, seconds=5))
        assert len(smtp.to(HEAD)) == 2
        steps = [r[0] for r in db.execute("SELECT step FROM escalation_steps WHERE item_id = ? ORDER BY at, step",
                                          [item])]
        assert steps == ["seen", "reminder_75", "safeguarding_75", "overdue_aht", "safeguarding_overdue",
                         "overdue_headteacher"]


# --- the real daemon ---------------------------------------------------------------------------------

DISCLOSURE = "I'm in year 8 at Oakfield and I want to kill myself, I cut myself every night"


@pytest.fixture
async def feed() -> AsyncIterator[tuple[int, list[tuple[str, str]]]]:
    """An RSS feed on loopback; append (guid, text) to the list to publish a post."""
    posts: list[tuple[str, str]] = []

    async def handler(request: web.Request) -> web.Response:
        now = format_datetime(datetime.now(UTC))
        items = "".join(
            f"<item><guid>{g}</guid><title>Comment</title><link>https://school.example/c/{g}</link>"
            f"<description>{t}</description><pubDate>{now}</pubDate></item>"
            for g, t in posts
        )
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Comments</title>{items}</channel></rss>'
        return web.Response(text=body, content_type="application/rss+xml")

    app = web.Application()
    app.router.add_get("/comments.rss", handler)
    runner, port = await serve_loopback(app)
    yield port, posts
    await runner.cleanup()


class TestTheRealDaemon:
    async def test_a_safeguarding_disclosure_reaches_the_dsl_and_deputy_within_seconds(
        self, make_config: Callable[..., Config], store_location: Location, smtp: SmtpServer,
        feed: tuple[int, list[tuple[str, str]]]
    ) -> None:
        """Real daemon, real classifier, real feed and SMTP: a disclosure posted on the school website is
        classified as safeguarding and emailed to the DSL and deputy DSL within seconds. The daemon's background
        jobs run too: on a new install the DSL gets a first digest at once."""
        pytest.importorskip("watchtower.classify")
        port, posts = feed
        posts.append(("c1", DISCLOSURE))
        config = make_config(sources=[{"type": "rss", "name": "website", "url": f"http://127.0.0.1:{port}/comments.rss",
                                       "source": "own", "interval_seconds": 10, "timeout_seconds": 5}])
        daemon = Daemon(config, Overrides(environ={"WATCHTOWER_LINK_KEY": secrets.token_urlsafe(32)},
                                          escalation_interval=1.0, start_dashboard=False))
        task = asyncio.create_task(daemon.run())
        try:
            deadline = time.monotonic() + 45
            while time.monotonic() < deadline:
                if task.done():
                    task.result()
                told = [m for m in smtp.messages if "safeguarding" in m.subject]
                if {"dsl@school.example", "deputy@school.example"} <= {r for m in told for r in m.rcpt_tos}:
                    break
                await asyncio.sleep(0.1)
            received = datetime.now(UTC)
        finally:
            daemon.request_stop()
            await asyncio.wait_for(task, timeout=60)
        dsl = [m for m in smtp.to("dsl@school.example") if "safeguarding" in m.subject]
        deputy = [m for m in smtp.to("deputy@school.example") if "safeguarding" in m.subject]
        assert len(dsl) == 1 and len(deputy) == 1
        assert dsl[0].subject.startswith("CRITICAL: safeguarding")
        assert DISCLOSURE.split(",")[0] in dsl[0].part("plain")  # the DSL sees the text
        conn = connect(store_location, migrate=False)
        classified = parse_ts(conn.execute("SELECT classified_at FROM items").fetchone()[0])
        conn.close()
        assert received - classified < timedelta(seconds=5)
        # moderators are told too, but the post itself is withheld from them
        amy = [m for m in smtp.to("amy@school.example") if "safeguarding" in m.subject]
        assert len(amy) == 1 and "I cut myself every night" not in amy[0].part("plain")
        assert "Text withheld" in amy[0].part("html")
        assert any("digest" in m.subject for m in smtp.to("dsl@school.example"))
