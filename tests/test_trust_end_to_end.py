"""One Watchtower for a trust of three schools, end to end: each school's feed on loopback -> the daemon's real
pipeline (store, the shipped classifier, deadlines, escalation, outbox) -> real SMTP (aiosmtpd) -> and the
dashboard on the same database.

What the trust needs (issue 16): a post to school B reaches school B's people only; the trust safeguarding lead gets
every school's safeguarding alert, and nothing else; every email says which school; school A's DSL cannot open
school B's item on the dashboard, the trust safeguarding lead can (and that view is audited).
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from email import message_from_bytes
from email.utils import format_datetime
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from conftest import TRUST_LEAD, TRUST_OPERATOR, TRUST_SCHOOLS, both_stores, serve_school_feeds, trust_data
from watchtower.config import parse_config
from watchtower.daemon import Daemon, Overrides
from watchtower.demo import MailCatcher, settled
from watchtower.models import Classification, utcnow
from watchtower.store import connect
from watchtower.store.db import Location

ENV = {"WATCHTOWER_LINK_KEY": secrets.token_urlsafe(32)}

#: each school's comments feed: (guid, author, text). Hillside's safeguarding post and Riverside's abuse
#: disclosure are critical; the insult naming Hillside is aimed at the school at Hillside, and at Oakfield (whose
#: classifier does not know Hillside's name) at no school of its own.
POSTS: dict[str, list[tuple[str, str, str]]] = {
    "oakfield": [
        ("oak-1", "Sarah", "Lovely concert last night, well done everyone!"),
        ("oak-2", "Troll", "Hillside Primary is a f***ing joke, useless idiots the lot of them"),
    ],
    "hillside": [
        ("hill-1", "Anon", "I cant cope anymore, I am going to kill myself tonight"),
        ("hill-2", "Priya", "When is the next parents evening for year 9?"),
        ("hill-3", "Troll", "Hillside Primary is a f***ing joke, useless idiots the lot of them"),
    ],
    "riverside": [
        ("river-1", "Kid", "my friend in year 8 says her stepdad hits her and she is scared to go home"),
    ],
}


def rss(school: str) -> str:
    now = utcnow()
    entries = "".join(
        f"<item><guid isPermaLink=\"false\">{guid}</guid><link>https://{school}.example/news#{guid}</link>"
        f"<dc:creator>{author}</dc:creator><pubDate>{format_datetime(now)}</pubDate>"
        f"<description>{text}</description></item>"
        for guid, author, text in POSTS[school]
    )
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" "
            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Comments</title>"
            f"<link>https://{school}.example/</link><description>comments</description>{entries}</channel></rss>")


@pytest.fixture
async def feeds() -> AsyncIterator[int]:
    async with serve_school_feeds(rss) as port:
        yield port


def trust_config(store: Location, smtp_port: int, feed_port: int) -> Any:
    sources = {sid: [{"type": "rss", "name": f"{sid}-comments", "url": f"http://127.0.0.1:{feed_port}/{sid}.rss",
                      "source": "own", "interval_seconds": 60, "timeout_seconds": 10}]
               for sid, _, _ in TRUST_SCHOOLS}
    return parse_config(trust_data(store, smtp_port, sources))


async def run_until_settled(daemon: Daemon, n_sources: int, timeout: float = 90) -> None:
    task = asyncio.create_task(daemon.run())
    await asyncio.wait({task, asyncio.ensure_future(daemon.ready.wait())}, return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        task.result()
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end and not await settled(daemon, n_sources):
        await asyncio.sleep(0.2)
    daemon.request_stop()
    await task


def items_by_guid(store: Location) -> dict[str, dict[str, Any]]:
    db = connect(store)
    cur = db.execute("SELECT id, platform_id, school, categories FROM items")
    # a bare guid is kept as "<feed url>#guid=<guid>" (unique only in its own feed)
    out = {pid.rsplit("#guid=", 1)[-1]: {"id": i, "school": s, "categories": c or "[]"}
           for i, pid, s, c in cur.fetchall()}
    for item in out.values():
        row = db.execute("SELECT reasons FROM classifications WHERE item_id = ? ORDER BY id DESC LIMIT 1",
                         [item["id"]]).fetchone()
        item["reasons"] = row[0] if row else "[]"
    db.close()
    return out


def mails(catcher: MailCatcher) -> list[dict[str, Any]]:
    """Each delivered email: recipients, subject, the item ids it carries, its text part."""
    out = []
    for m in catcher.messages:
        msg = message_from_bytes(m.body)
        header = msg.get("X-Watchtower-Items")
        part = next((p for p in msg.walk() if p.get_content_type() == "text/plain"), msg)
        out.append({"to": set(m.recipients), "subject": " ".join(m.subject.split()),
                    "items": {int(x) for x in header.split(",")} if header else set(),
                    "text": part.get_payload(decode=True).decode()})
    return out


class KeepNothing:
    """The dashboard's daemon classifies nothing here: the items are the pipeline's, already triaged."""

    version = "unused"

    def classify_batch(self, texts: list[str], sources: list[str | None] | None = None) -> list[Classification]:
        raise AssertionError("not called")


@both_stores
async def test_a_trust_of_three_schools_routes_each_post_to_its_own_school_and_safeguarding_to_the_trust_lead(
    store_location: Location, mail_catcher: tuple[MailCatcher, int], feeds: int
) -> None:
    catcher, smtp_port = mail_catcher
    config = trust_config(store_location, smtp_port, feeds)
    await run_until_settled(Daemon(config, Overrides(environ=ENV, escalation_interval=1)), 3)

    items = items_by_guid(store_location)
    # every item is its source's school's
    for school, posts in POSTS.items():
        for guid, _, _ in posts:
            assert items[guid]["school"] == school, guid
    # the classifier's "the school" is the item's school: the insult naming Hillside is aimed at the school only
    # where Hillside is the school (the harassment head may still call it harassment anywhere: it knows no names)
    assert "harassment" in items["hill-3"]["categories"]
    assert "target 'hillside primary'" in items["hill-3"]["reasons"]
    assert "target 'hillside primary'" not in items["oak-2"]["reasons"]
    assert "safeguarding" in items["hill-1"]["categories"] and "safeguarding" in items["river-1"]["categories"]

    sent = mails(catcher)
    domain = {sid: d for sid, _, d in TRUST_SCHOOLS}
    name = {sid: n for sid, n, _ in TRUST_SCHOOLS}
    school_of_item = {v["id"]: v["school"] for v in items.values()}
    safeguarding_ids = {v["id"] for v in items.values() if "safeguarding" in v["categories"]}
    for m in sent:
        if not m["items"]:
            continue
        schools = {school_of_item[i] for i in m["items"]}
        assert len(schools) == 1, m  # one email is about one school
        (school,) = schools
        for to in m["to"]:
            # a school's items reach that school's people, and the trust lead for safeguarding only
            assert to.endswith("@" + domain[school]) or (to == TRUST_LEAD and m["items"] <= safeguarding_ids), (
                to, m["subject"])
        # the email says which school: the subject starts with it, and the body names it
        assert m["subject"].startswith(f"[{name[school]}] "), m["subject"]
        assert name[school] in m["text"]

    # a post to Hillside reached Hillside's people and nobody at the other schools
    hillside_ids = {v["id"] for v in items.values() if v["school"] == "hillside"}
    told_about_hillside = {to for m in sent if m["items"] & hillside_ids for to in m["to"]}
    assert {"dsl@hillside.example", "deputy@hillside.example", "head@hillside.example",
            "mod1@hillside.example"} <= told_about_hillside
    assert not {to for to in told_about_hillside if to.endswith(("@oakfield.example", "@riverside.example"))}

    # the trust safeguarding lead was told about each school's safeguarding item, once each, and nothing else
    to_lead = [m for m in sent if TRUST_LEAD in m["to"]]
    assert sorted(i for m in to_lead for i in m["items"]) == sorted([items["hill-1"]["id"], items["river-1"]["id"]])
    assert any(m["subject"].startswith("[Hillside Primary] CRITICAL: safeguarding") for m in to_lead)
    assert any(m["subject"].startswith("[Riverside High] CRITICAL: safeguarding") for m in to_lead)
    # ... and, reading every school's safeguarding items, the lead's email shows the text; a moderator's not
    lead_mail = next(m for m in to_lead if items["hill-1"]["id"] in m["items"])
    assert "kill myself tonight" in lead_mail["text"]
    mod_mail = next(m for m in sent if "mod1@hillside.example" in m["to"] and items["hill-1"]["id"] in m["items"])
    assert "kill myself" not in mod_mail["text"] and "withheld" in mod_mail["text"]
    # the trust operator hears only about sources (all worked): no item emails
    assert not [m for m in sent if TRUST_OPERATOR in m["to"]]

    # --- the dashboard on the same database ---------------------------------------------------------------
    from watchtower.web import create_app
    from web.conftest import add_user, login  # the dashboard tests' helpers: real users, real sessions

    plain_http = config.model_copy(update={"dashboard": config.dashboard.model_copy(
        update={"public_url": "http://127.0.0.1:8080"})})  # the test client speaks HTTP: no Secure cookies
    daemon = Daemon(plain_http, Overrides(environ=ENV, classifier=KeepNothing(), start_dashboard=False))
    await daemon.start()
    client = TestClient(TestServer(create_app(daemon)))
    await client.start_server()
    try:
        await add_user(daemon, "dsl_oak", "dsl", email="dsl@oakfield.example", school="oakfield")
        await add_user(daemon, "lead", "trust_safeguarding_lead", email=TRUST_LEAD, school="*")
        hill = items["hill-1"]["id"]

        assert (await login(client, "dsl_oak")).status == 303
        page = await client.get(f"/items/{hill}")
        assert page.status == 404  # another school's item is not there for Oakfield's DSL
        assert "kill myself" not in await page.text()
        queue = await (await client.get("/?severity=any&status=all")).text()
        assert f"/items/{hill}" not in queue and f"/items/{items['oak-1']['id']}" in queue
        search = await (await client.get("/?severity=any&status=all&q=kill")).text()
        assert f"/items/{hill}" not in search

        client.session.cookie_jar.clear()
        assert (await login(client, "lead")).status == 303
        page = await client.get(f"/items/{hill}")
        assert page.status == 200
        assert "kill myself tonight" in await page.text()  # the trust lead reads every school's safeguarding text

        def audit(db: Any) -> list[tuple[str, str, str]]:
            return [tuple(r) for r in db.execute(
                "SELECT actor, action, school FROM audit WHERE item_id = ? ORDER BY id", [hill])]

        lines = await daemon.store.read(audit)
        assert (TRUST_LEAD, "cross_school_view", "hillside") in lines
        assert (TRUST_LEAD, "view_safeguarding", "hillside") in lines
        assert not [x for x in lines if x[0] == "dsl@oakfield.example"]  # the refused view showed nothing
    finally:
        await client.close()
        await daemon._close()
