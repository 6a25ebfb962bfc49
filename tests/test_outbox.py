"""The outbox (notify/outbox.py) against a real SMTP server on loopback and a real store (SQLite and PostgreSQL),
with an injected clock: who gets what, batching, urgency, outages, bad addresses and restarts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from conftest import OPERATOR, FakeClock, SmtpServer, add_item, both_stores, build_notifier, delivered, writes_refused
from watchtower.config import Config
from watchtower.notify.smtp import SmtpSender
from watchtower.store import Store
from watchtower.store.db import Db, Location

pytestmark = both_stores

MODERATORS = ("amy@school.example", "ben@school.example")


def statuses(db: Db) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in db.execute("SELECT step, recipient, status FROM alerts ORDER BY id")]


class TestDelivery:
    async def test_a_high_item_reaches_each_moderator_with_its_text_and_reasons(
        self, config: Config, store: Store, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        """A harassment item on the school's page: one email per moderator, addressed to them alone, saying what,
        where, why and by when."""
        item = add_item(db, config, text="Mr Jones is a useless idiot", categories=["harassment"], now=clock())
        notifier = build_notifier(config, store, clock)
        assert await notifier.flush() == 2
        assert sorted(r for m in smtp.messages for r in m.rcpt_tos) == sorted(MODERATORS)
        for mail in smtp.messages:
            assert mail.rcpt_tos == [mail.to]
            assert mail.mail_from == "watchtower@school.example"
            assert mail.subject.startswith("HIGH: harassment on Facebook — acknowledge by")
            assert mail.message["X-Watchtower-Items"] == str(item)
            text = mail.part("plain")
            assert "Mr Jones is a useless idiot" in text
            assert "rule:test harassment" in text
            assert "https://watchtower.school.example/ack/" in text
        assert {s for _, _, s in statuses(db)} == {"sent"}

    async def test_post_text_is_escaped_in_html_and_never_reaches_a_header(
        self, config: Config, store: Store, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        """A hostile post (markup, a forged Bcc header in the text and the author name) is shown as text:
        escaped in the HTML part, and the mail goes to the moderator only."""
        hostile = 'you idiot <script>alert(1)</script>\r\nBcc: x@evil.example\r\n\r\n<a href="x">'
        add_item(db, config, text=hostile, categories=["harassment"], now=clock(),
                 author="troll\r\nBcc: y@evil.example")
        await build_notifier(config, store, clock).flush()
        assert len(smtp.messages) == 2
        for mail in smtp.messages:
            assert mail.rcpt_tos == [mail.to]
            assert mail.message["Bcc"] is None
            assert all("evil" not in str(v) for _, v in mail.message.items())
            html = mail.part("html")
            assert "<script>" not in html
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
            assert '<a href="x">' not in html
        assert not any("evil" in r for m in smtp.messages for r in m.rcpt_tos)


class TestBatching:
    async def test_normal_items_reach_a_moderator_at_most_once_per_15_minutes(
        self, config: Config, store: Store, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        """Queries on an own account, minutes apart: the first goes at once, the next two wait for the end of the
        moderator's 15-minute window and then arrive together in one email."""
        notifier = build_notifier(config, store, clock)
        t0 = clock()
        first = add_item(db, config, text="What time is the concert?", categories=["query"], now=clock())
        assert await notifier.flush() == 2
        clock.advance(minutes=4)
        second = add_item(db, config, text="Is there parking?", categories=["query"], now=clock())
        clock.advance(minutes=6)
        third = add_item(db, config, text="Who do I email about uniform?", categories=["query"], now=clock())
        for minute in range(10, 15):
            clock.set(t0.replace(minute=minute, second=59))
            await notifier.flush()
            assert len(smtp.to("amy@school.example")) == 1, f"sent early at minute {minute}"
        clock.set(t0.replace(minute=15))
        assert await notifier.flush() == 2
        for who in MODERATORS:
            mails = smtp.to(who)
            assert [m.message["X-Watchtower-Items"] for m in mails] == [str(first), f"{second}, {third}"]
            assert "2 items" in mails[1].subject

    async def test_a_critical_item_never_waits_for_the_batch_window(
        self, config: Config, store: Store, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        """A moderator just had a batched email; a threat a minute later is sent at once, in its own email."""
        notifier = build_notifier(config, store, clock)
        add_item(db, config, text="When is sports day?", categories=["query"], now=clock())
        await notifier.flush()
        clock.advance(minutes=1)
        threat = add_item(db, config, text="I'll bring a knife to school tomorrow", categories=["threat"],
                          now=clock())
        await notifier.flush()
        amy = smtp.to("amy@school.example")
        assert len(amy) == 2
        assert amy[1].message["X-Watchtower-Items"] == str(threat)
        assert amy[1].subject.startswith("CRITICAL: threat")
        assert {m.rcpt_tos[0] for m in smtp.messages if m.message["X-Watchtower-Items"] == str(threat)} == {
            *MODERATORS, "aht@school.example", "head@school.example"}


class TestFailures:
    async def test_an_smtp_outage_delays_alerts_but_loses_and_doubles_none(
        self, config: Config, store: Store, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        """The server is down (connection refused), then up but answering 421, for several minutes; alerts
        queued meanwhile all arrive once it recovers, each exactly once per (item, step, person)."""
        notifier = build_notifier(config, store, clock)
        smtp.stop()
        items = [add_item(db, config, text="I know where you live, Mr Jones", categories=["threat"], now=clock())]
        assert await notifier.flush() == 0
        clock.advance(minutes=1)
        items.append(add_item(db, config, text="Those kids are vermin", categories=["harassment"], now=clock()))
        assert await notifier.flush() == 0
        smtp.handler.refuse_data = "421 4.3.2 service not available, try later"
        smtp.start()
        for _ in range(4):
            clock.advance(minutes=1)
            assert await notifier.flush() == 0
        rows = db.execute("SELECT status, attempts, last_error FROM alerts").fetchall()
        assert {r[0] for r in rows} == {"pending"}
        assert all(r[1] >= 2 for r in rows)
        assert any("421" in (r[2] or "") for r in rows)
        assert smtp.messages == []
        smtp.handler.refuse_data = None
        for _ in range(3):  # backoff is capped at 60 s in this config
            clock.advance(minutes=1)
            await notifier.flush()
        counts = delivered(smtp.messages)
        assert set(counts.values()) == {1}
        expected = {(str(items[0]), p) for p in (*MODERATORS, "aht@school.example", "head@school.example")}
        expected |= {(str(items[1]), p) for p in MODERATORS}
        assert set(counts) == expected
        assert {s for _, _, s in statuses(db)} == {"sent"}

    async def test_a_bad_address_fails_at_once_and_the_operator_is_told_once(
        self, config: Config, store: Store, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        """550 for one moderator's address: that alert is failed without retrying, the other moderator still gets
        theirs, and the operator gets one email naming the address, however often the notifier runs."""
        smtp.handler.bad_addresses = {"amy@school.example"}
        notifier = build_notifier(config, store, clock)
        add_item(db, config, text="Give me your number, sweetie", categories=["harassment"], now=clock())
        await notifier.flush()
        for _ in range(3):
            clock.advance(minutes=5)
            await notifier.flush()
        row = db.execute(
            "SELECT status, attempts, last_error FROM alerts WHERE recipient = 'amy@school.example'").fetchone()
        assert row[0] == "failed" and row[1] == 1 and "550" in row[2]
        assert len(smtp.to("ben@school.example")) == 1
        told = smtp.to(OPERATOR)
        assert len(told) == 1
        assert "amy@school.example" in told[0].subject
        assert "550" in told[0].part("plain")


class CrashAfter:
    """A real SMTP sender that dies (like a power cut) after ``n`` deliveries."""

    def __init__(self, inner: SmtpSender, n: int) -> None:
        self.inner = inner
        self.n = n

    async def send(self, message: Any) -> None:
        if self.n == 0:
            raise SystemError("power cut")
        await self.inner.send(message)
        self.n -= 1


class TestRestart:
    async def test_a_new_notifier_on_the_same_database_sends_what_is_pending_exactly_once(
        self, make_config: Callable[..., Config], store_location: Location, db: Db, smtp: SmtpServer,
        clock: FakeClock
    ) -> None:
        """The process dies after two of four emails about a threat; after a restart a new notifier (new store,
        same file) sends the other two, and nobody gets a second copy."""
        config = make_config()
        item = add_item(db, config, text="There will be a shooting on Friday", categories=["threat"], now=clock())
        first = Store(store_location)
        await first.open()
        sender = CrashAfter(SmtpSender(host="127.0.0.1", port=smtp.port, security="none", timeout=5), 2)
        try:
            await build_notifier(config, first, clock, sender=sender).flush()
        except SystemError:
            pass
        else:
            raise AssertionError("the sender should have crashed")
        finally:
            await first.close()
        assert len(smtp.messages) == 2
        clock.advance(seconds=30)
        second = Store(store_location)
        await second.open()
        try:
            notifier = build_notifier(config, second, clock)
            assert await notifier.flush() == 2
            assert await notifier.flush() == 0
        finally:
            await second.close()
        counts = delivered(smtp.messages)
        assert counts == {(str(item), p): 1 for p in (*MODERATORS, "aht@school.example", "head@school.example")}


class TestAStoreThatRefusesWrites:
    async def test_an_email_accepted_while_the_store_refuses_writes_is_not_sent_again(
        self, config: Config, store: Store, db: Db, smtp: SmtpServer, clock: FakeClock
    ) -> None:
        """Disk full after the server accepted an email: the notifier remembers it, sends it no second time
        while it retries, and records it once the store takes writes again."""
        import pytest

        add_item(db, config, text="Mr Jones is a useless idiot", categories=["harassment"], now=clock())
        notifier = build_notifier(config, store, clock)
        await writes_refused(store, True)
        with pytest.raises(Exception, match=r"readonly|read-only|query_only|attempt to write"):
            await notifier.flush()
        first = len(smtp.messages)
        assert first == 1
        for _ in range(3):
            with pytest.raises(Exception, match=r"readonly|read-only|query_only|attempt to write"):
                await notifier.flush()
        assert len(smtp.messages) == first
        await writes_refused(store, False)
        await notifier.flush()
        assert max(delivered(smtp.messages).values()) == 1
        assert sorted(r for m in smtp.messages for r in m.rcpt_tos) == sorted(MODERATORS)
        assert {s for _, _, s in statuses(db)} == {"sent"}


def test_a_notice_owns_its_dedup_key_and_audit_line(db: Db) -> None:
    """One notice to the same people twice is queued once and audited as the notice says."""
    from datetime import UTC, datetime, timedelta

    from watchtower.notify.notice import Notice
    from watchtower.notify.retry import RetryPolicy
    now = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    people = [("Amy@Oakfield.example", "Amy", "moderator"), ("ben@oakfield.example", "Ben", "moderator")]
    assert Notice.item_step(7, "seen", reason="r", urgent=True).key("Amy@Oakfield.example") == \
        "item:7:seen:amy@oakfield.example"
    digest = Notice.digest(Notice.digest_key("2026-03-02"), subject="s", body="{}")
    assert digest.enqueue(db, people, now) == ["Amy@Oakfield.example", "ben@oakfield.example"]
    assert digest.enqueue(db, people, now) == []  # never twice, but the digest's line is written each time
    episode = Notice.episode_notice("spike:x", "spike", subject="s", body="b", urgent=True)
    assert episode.enqueue(db, people, now) == ["Amy@Oakfield.example", "ben@oakfield.example"]
    assert episode.enqueue(db, people, now) == []  # nothing new: no second audit line
    lines = [r[0] for r in db.execute("SELECT action FROM audit ORDER BY id").fetchall()]
    assert lines == ["digest_queued", "digest_queued", "spike"]
    keys = [r[0] for r in db.execute("SELECT dedup_key FROM alerts ORDER BY id").fetchall()]
    assert keys[:2] == ["digest:2026-03-02:amy@oakfield.example", "digest:2026-03-02:ben@oakfield.example"]
    policy = RetryPolicy(first=5, maximum=60, give_up_after=timedelta(hours=1))
    assert [policy.delay(a) for a in range(6)] == [5, 10, 20, 40, 60, 60]
    assert policy.gives_up(now - timedelta(hours=2), now) and not policy.gives_up(now, now)


def test_the_smtp_sender_is_the_smtp_table_with_its_password_from_the_secret_it_names() -> None:
    from watchtower.config import SmtpConfig

    table = SmtpConfig(host="mail.school.example", port=465, security="tls", username="watchtower",
                       password_secret="SMTP_PASSWORD", timeout_seconds=12, validate_certs=False)
    sender = SmtpSender.from_config(table, environ={"SMTP_PASSWORD": "s3cret"})
    assert (sender.host, sender.port, sender.security, sender.username, sender.password, sender.timeout,
            sender.validate_certs) == ("mail.school.example", 465, "tls", "watchtower", "s3cret", 12, False)
    assert SmtpSender.from_config(SmtpConfig(), environ={}).password is None
