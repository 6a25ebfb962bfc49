"""One post travels the whole way inside one daemon: feed -> store -> classifier -> deadline -> outbox -> SMTP.

Everything here is real: the daemon, the shipped classifier, a loopback feed server speaking RSS/Atom, the store
(a SQLite file, and again a real PostgreSQL), and an aiosmtpd server that receives the mail.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta
from email import message_from_bytes
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from conftest import both_stores, store_table
from watchtower import demo
from watchtower.config import Config, parse_config
from watchtower.daemon import Daemon, Overrides
from watchtower.demo import MailCatcher, demo_config, free_port, serve_feeds
from watchtower.models import utcnow
from watchtower.store import connect
from watchtower.store.db import Location

ENV = {"WATCHTOWER_LINK_KEY": secrets.token_urlsafe(32)}


@pytest.fixture
async def feeds() -> AsyncIterator[int]:
    runner, port = await serve_feeds(utcnow())
    yield port
    await runner.cleanup()


async def run_until_settled(daemon: Daemon, n_sources: int) -> None:
    await demo.run_until_settled(daemon, n_sources, within=60, interval=0.2)


def mail_to(catcher: MailCatcher, who: str) -> list[str]:
    return [" ".join(m.subject.split()) for m in catcher.messages if who in m.recipients]


def school_config(store: Location, *, feeds: int, smtp_port: int) -> Config:
    """The demo school's config with its store at ``store``."""
    data = demo_config(feed_port=feeds, smtp_port=smtp_port, db_path=Path("unused.db")).model_dump(mode="json")
    data["store"] = store_table(store)
    return parse_config(data)


def items_by_author(store: Location) -> dict[str, tuple[int, str]]:
    db = connect(store)
    rows = db.execute("SELECT id, COALESCE(author_handle, author_name, url), categories FROM items").fetchall()
    db.close()
    return {a: (i, c or "[]") for i, a, c in rows}


@both_stores
class TestOnePostTravelsTheWholeWay:
    async def test_the_right_alert_reaches_the_right_people(
        self, store_location: Location, mail_catcher: tuple[MailCatcher, int], feeds: int
    ) -> None:
        catcher, smtp_port = mail_catcher
        config = school_config(store_location, feeds=feeds, smtp_port=smtp_port)
        await run_until_settled(Daemon(config, Overrides(environ=ENV, escalation_interval=1)), 2)

        items = items_by_author(store_location)
        assert len(items) == 10
        _, threat_cats = items["anon_7731"]
        assert "threat" in threat_cats
        # critical: moderators, headteacher and AHT at once, one email each, naming the item
        for who in ("a.clarke@", "b.okafor@", "head@", "r.hughes@"):
            subjects = [s for s in mail_to(catcher, who + "oakfield-academy.example") if "CRITICAL: threat" in s]
            assert len(subjects) == 1, (who, mail_to(catcher, who + "oakfield-academy.example"))
        # safeguarding: DSL and deputy DSL as well
        for who in ("dsl@", "t.reid@"):
            assert any("safeguarding" in s for s in mail_to(catcher, who + "oakfield-academy.example"))
        # the media enquiry goes to the headteacher
        assert any("media enquiry" in s for s in mail_to(catcher, "head@oakfield-academy.example"))
        # "the choir killed it" and the knife and fork club trouble no one
        assert items["Sarah Whitfield"][1] == "[]"
        assert items["Helen Moss"][1] == "[]"
        flagged_ids = {i for i, c in items.values() if c != "[]"}
        mentioned = set()
        harmless_mails = []
        for m in catcher.messages:
            header = message_from_bytes(m.body).get("X-Watchtower-Items")
            ids = {int(x) for x in header.split(",")} if header else set()
            if ids - flagged_ids:
                harmless_mails.append(m)
            else:
                mentioned |= ids
        assert mentioned <= flagged_ids
        # ... except that every own-account comment owes an acknowledgement: the harmless ones reach the
        # moderators, and only them, in a batched email that says nothing was flagged
        assert harmless_mails
        for m in harmless_mails:
            assert "none flagged" in m.subject or "not flagged)" in m.subject, m.subject
            assert set(m.recipients) <= {"a.clarke@oakfield-academy.example", "b.okafor@oakfield-academy.example"}

    async def test_the_email_carries_the_reasons_the_deadline_and_an_acknowledge_link(
        self, store_location: Location, mail_catcher: tuple[MailCatcher, int], feeds: int
    ) -> None:
        catcher, smtp_port = mail_catcher
        config = school_config(store_location, feeds=feeds, smtp_port=smtp_port)
        await run_until_settled(Daemon(config, Overrides(environ=ENV, escalation_interval=1)), 2)
        threat = next(m for m in catcher.messages if "CRITICAL: threat" in m.subject
                      and "head@oakfield-academy.example" in m.recipients)
        msg = message_from_bytes(threat.body)
        text = next(p for p in msg.walk() if p.get_content_type() == "text/plain").get_payload(decode=True).decode()
        assert "Why flagged:" in text and ("rule:" in text or "model:" in text)
        assert "Deadline:" in text and "acknowledge" in text.lower()
        assert re.search(r"https://watchtower\.oakfield-academy\.example/ack/\S+", text)
        assert "Also told:" in text and "Amy Clarke" in text


@both_stores
class TestNothingIsLostAcrossRestarts:
    async def test_a_restart_mid_run_loses_no_item_and_sends_no_alert_twice(
        self, store_location: Location, feeds: int
    ) -> None:
        smtp_port = free_port()  # nothing listens yet: the mail server is down
        config = school_config(store_location, feeds=feeds, smtp_port=smtp_port)
        first = Daemon(config, Overrides(environ=ENV, escalation_interval=1))
        task = asyncio.create_task(first.run())
        await first.ready.wait()
        loop = asyncio.get_running_loop()
        end = loop.time() + 60
        while loop.time() < end:
            db = connect(store_location)
            tried = db.execute("SELECT COUNT(*) FROM alerts WHERE attempts > 0").fetchone()[0]
            polled = db.execute("SELECT COUNT(*) FROM source_health WHERE last_success_at IS NOT NULL").fetchone()[0]
            untriaged = db.execute("SELECT COUNT(*) FROM items WHERE classified_at IS NULL").fetchone()[0]
            db.close()
            if tried and polled == 2 and not untriaged:
                break
            await asyncio.sleep(0.2)
        first.request_stop()
        await task
        db = connect(store_location)
        pending = db.execute("SELECT COUNT(*) FROM alerts WHERE status = 'pending'").fetchone()[0]
        n_items = db.execute("SELECT COUNT(*) FROM items").fetchone()[0]
        db.close()
        assert pending > 0 and n_items == 10

        catcher = MailCatcher()
        controller = Controller(catcher, hostname="127.0.0.1", port=smtp_port)
        controller.start()
        try:
            # the retry is scheduled with backoff; let the second run's clock start after it
            later = lambda: utcnow() + timedelta(minutes=5)  # noqa: E731 - past the retry backoff
            second = Daemon(config, Overrides(environ=ENV, escalation_interval=1, clock=later))
            await run_until_settled(second, 2)
        finally:
            controller.stop()

        db = connect(store_location)
        assert db.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 10  # the feed was read again: no copies
        statuses = Counter(r[0] for r in db.execute("SELECT status FROM alerts"))
        db.close()
        assert statuses == {"sent": sum(statuses.values())}
        per_person_item: Counter[tuple[str, int]] = Counter()
        for m in catcher.messages:
            ids = message_from_bytes(m.body).get("X-Watchtower-Items", "")
            for i in filter(None, ids.split(",")):
                for r in m.recipients:
                    per_person_item[(r, int(i))] += 1
        assert per_person_item and max(per_person_item.values()) == 1


class TestTheDemoCommand:
    def test_make_demo_ends_with_the_demo_line(self) -> None:
        proc = subprocess.run(
            [sys.executable, "-m", "watchtower", "demo"], capture_output=True, text=True, timeout=180,
            env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
        )
        assert proc.returncode == 0, proc.stderr[-2000:]
        last = proc.stdout.strip().splitlines()[-1]
        m = re.fullmatch(r"demo: (\d+) items, (\d+) flagged, (\d+) alerts delivered", last)
        assert m, last
        n, flagged, k = map(int, m.groups())
        assert n > 0 and flagged > 0 and k > 0


@both_stores
class TestPersistFirst:
    async def test_items_stored_before_a_crash_are_classified_and_alerted_after_restart(
        self, store_location: Location, mail_catcher: tuple[MailCatcher, int], feeds: int
    ) -> None:
        """A crash after the store but before the classifier: the next start finds and finishes the work."""
        import aiohttp

        from watchtower.connectors import build_connector
        from watchtower.poller import SourcePoller, operator_notice
        from watchtower.store import Store

        catcher, smtp_port = mail_catcher
        config = school_config(store_location, feeds=feeds, smtp_port=smtp_port)
        store = Store(store_location)
        await store.open()
        async with aiohttp.ClientSession() as session:
            conn = build_connector(config.sources[0], session, school_names=config.school.names)
            poller = SourcePoller(conn, store=store, interval=60, timeout=10,
                                  on_new_items=lambda ids: asyncio.sleep(0), notify_operator=operator_notice(list))
            await poller.poll_once()  # stored, cursor saved, then "the process died": nothing classified
        await store.close()
        db = connect(store_location)
        assert db.execute("SELECT COUNT(*) FROM items WHERE classified_at IS NULL").fetchone()[0] == 7
        db.close()

        await run_until_settled(Daemon(config, Overrides(environ=ENV, escalation_interval=1)), 2)
        db = connect(store_location)
        assert db.execute("SELECT COUNT(*) FROM items WHERE classified_at IS NULL").fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 10
        db.close()
        assert any("CRITICAL: threat" in m.subject for m in catcher.messages)


@both_stores
class TestTheWebhookPath:
    async def test_a_signed_facebook_comment_becomes_an_alert_and_a_forged_one_is_refused(
        self, store_location: Location, mail_catcher: tuple[MailCatcher, int], feeds: int
    ) -> None:
        """Meta pushes a comment to the daemon's dashboard address; it is stored, classified and alerted like a
        polled one, and a delivery without the app secret's signature changes nothing."""
        import hashlib
        import hmac
        import json
        import time

        import aiohttp

        from watchtower.config import parse_config

        catcher, smtp_port = mail_catcher
        base = school_config(store_location, feeds=feeds, smtp_port=smtp_port).model_dump(mode="json")
        web_port = free_port()
        base["dashboard"].update(enabled=True, host="127.0.0.1", port=web_port)
        base["webhooks"] = {"meta_enabled": True}
        base["sources"].append({"type": "facebook", "name": "facebook-page", "page_id": "555",
                                "api_base": f"http://127.0.0.1:{feeds}", "interval_seconds": 3600})
        config = parse_config(base)
        env = {**ENV, "META_WEBHOOK_VERIFY_TOKEN": "verify-me", "META_APP_SECRET": "app-secret-123",
               "FACEBOOK_PAGE_TOKEN": "page-token"}
        daemon = Daemon(config, Overrides(environ=env, escalation_interval=1))
        task = asyncio.create_task(daemon.run())
        await daemon.ready.wait()
        payload = {"object": "page", "entry": [{"id": "555", "time": int(time.time()), "changes": [{
            "field": "feed", "value": {
                "item": "comment", "verb": "add", "comment_id": "555_1_99", "post_id": "555_1",
                "parent_id": "555_1", "from": {"id": "777", "name": "Angry Visitor"},
                "message": "I am going to bring a gun to that school on friday and shoot the teachers",
                "created_time": int(time.time())}}]}]}
        body = json.dumps(payload).encode()
        good = "sha256=" + hmac.new(b"app-secret-123", body, hashlib.sha256).hexdigest()
        url = f"http://127.0.0.1:{web_port}/webhooks/meta"
        try:
            async with aiohttp.ClientSession() as http:
                async with http.get(url, params={"hub.mode": "subscribe", "hub.challenge": "c123",
                                                 "hub.verify_token": "verify-me"}) as r:
                    assert r.status == 200 and await r.text() == "c123"
                async with http.post(url, data=body, headers={"X-Hub-Signature-256": "sha256=" + "0" * 64,
                                                              "Content-Type": "application/json"}) as r:
                    assert r.status in (401, 403)
                async with http.post(url, data=body, headers={"X-Hub-Signature-256": good,
                                                              "Content-Type": "application/json"}) as r:
                    assert r.status == 200
            loop = asyncio.get_running_loop()
            end = loop.time() + 30
            while loop.time() < end and not any("threat" in m.subject for m in catcher.messages):
                await asyncio.sleep(0.1)
        finally:
            daemon.request_stop()
            await task
        db = connect(store_location)
        rows = db.execute("SELECT source, categories FROM items WHERE platform = 'facebook'").fetchall()
        db.close()
        assert rows == [("own", rows[0][1])] and "threat" in rows[0][1]
        assert any("CRITICAL: threat on Facebook" in " ".join(m.subject.split()) for m in catcher.messages)
