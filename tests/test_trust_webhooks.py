"""Meta webhooks for a whole trust (issue 16): one Meta app, every school's Page and Instagram account subscribed
to it, one receiver at <dashboard>/webhooks/meta. Real HTTP POSTs in Meta's payload shape, signed with the app
secret (X-Hub-Signature-256), reach the running daemon; each change is stored under the source that watches its
Page or account, and so under that school, and reaches that school's people only (and the trust safeguarding
lead for safeguarding), through the real pipeline (the shipped classifier, escalation, outbox, SMTP on loopback).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from conftest import TRUST_LEAD, TRUST_SCHOOLS, both_stores, serve_app, trust_data
from test_trust_end_to_end import mails
from watchtower.config import parse_config
from watchtower.daemon import Daemon, Overrides
from watchtower.demo import MailCatcher, free_port, settled
from watchtower.store import connect
from watchtower.store.db import Location

APP_SECRET = "trust-app-secret"
ENV = {"WATCHTOWER_LINK_KEY": secrets.token_urlsafe(32), "META_WEBHOOK_VERIFY_TOKEN": "verify-me",
       "META_APP_SECRET": APP_SECRET, "FACEBOOK_PAGE_TOKEN": "page-token", "INSTAGRAM_TOKEN": "ig-token"}
OAKFIELD_PAGE, HILLSIDE_PAGE, RIVERSIDE_IG = "1110001", "2220002", "17841400000000333"

#: what each school's account receives: (entry id, comment id, text). A threat under Oakfield's Page, a child at
#: risk under Hillside's, an insult of Riverside on its Instagram.
THREAT = "I am going to bring a gun to that school on friday and shoot the teachers"
AT_RISK = "I cant cope anymore, I am going to kill myself tonight"
INSULT = "Riverside High is a f***ing joke, useless idiots the lot of them"


@pytest.fixture
async def graph() -> AsyncIterator[int]:
    """The pollers' Graph API: every Page and account is quiet (so what is stored came by webhook)."""

    async def empty(request: web.Request) -> web.Response:
        return web.json_response({"data": []})

    app = web.Application()
    app.router.add_get("/{tail:.*}", empty)
    async with serve_app(app) as port:
        yield port


def page_comment(page: str, comment_id: str, text: str, author: tuple[str, str]) -> dict[str, Any]:
    now = int(time.time())
    return {"id": page, "time": now, "changes": [{"field": "feed", "value": {
        "from": {"id": author[0], "name": author[1]},
        "post": {"status_type": "added_photos", "is_published": True, "id": f"{page}_901",
                 "permalink_url": f"https://www.facebook.com/{page}/posts/901"},
        "message": text, "post_id": f"{page}_901", "comment_id": comment_id, "parent_id": f"{page}_901",
        "created_time": now, "item": "comment", "verb": "add"}}]}


def signed(payload: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(payload).encode()
    return body, {"X-Hub-Signature-256": "sha256=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha256).hexdigest(),
                  "Content-Type": "application/json"}


def graph_source(kind: str, name: str, account: str, port: int) -> dict[str, Any]:
    key = "page_id" if kind == "facebook" else "ig_user_id"
    return {"type": kind, "name": name, key: account, "api_base": f"http://127.0.0.1:{port}",
            "interval_seconds": 3600}


@both_stores
async def test_each_schools_page_gets_its_webhooks_and_each_change_reaches_only_its_own_school(
    store_location: Location, mail_catcher: tuple[MailCatcher, int], graph: int
) -> None:
    catcher, smtp_port = mail_catcher
    web_port = free_port()
    data = trust_data(store_location, smtp_port, {
        "oakfield": [graph_source("facebook", "oakfield-facebook", OAKFIELD_PAGE, graph)],
        "hillside": [graph_source("facebook", "hillside-facebook", HILLSIDE_PAGE, graph)],
        "riverside": [graph_source("instagram", "riverside-instagram", RIVERSIDE_IG, graph)],
    }, webhooks={"meta_enabled": True})
    data["dashboard"].update(enabled=True, host="127.0.0.1", port=web_port)
    config = parse_config(data)
    assert not [w for w in config.warnings() if "webhook" in w]

    daemon = Daemon(config, Overrides(environ=ENV, escalation_interval=1))
    task = asyncio.create_task(daemon.run())
    await asyncio.wait({task, asyncio.ensure_future(daemon.ready.wait())}, return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        task.result()
    url = f"http://127.0.0.1:{web_port}/webhooks/meta"
    # one delivery for two schools' Pages (Meta batches entries of every Page subscribed to the app), with an entry
    # for a Page no school watches; then one for Riverside's Instagram account
    pages = {"object": "page", "entry": [
        page_comment(OAKFIELD_PAGE, "901_11", THREAT, ("777", "Angry Visitor")),
        page_comment(HILLSIDE_PAGE, "901_22", AT_RISK, ("778", "A Pupil")),
        page_comment("9990009", "901_99", "a Page no school here watches", ("779", "Someone")),
    ]}
    instagram = {"object": "instagram", "entry": [{"id": RIVERSIDE_IG, "time": int(time.time()), "changes": [
        {"field": "comments", "value": {"id": "18000000000000333", "from": {"id": "2323", "username": "a_troll"},
                                        "text": INSULT, "media": {"id": "17900000000000333"}}}]}]}
    try:
        async with aiohttp.ClientSession() as http:
            forged_body, _ = signed(pages)
            async with http.post(url, data=forged_body, headers={"X-Hub-Signature-256": "sha256=" + "0" * 64}) as r:
                assert r.status == 403
            for payload in (pages, instagram):
                body, headers = signed(payload)
                async with http.post(url, data=body, headers=headers) as r:
                    assert r.status == 200, await r.text()
        loop = asyncio.get_running_loop()
        end = loop.time() + 60
        while loop.time() < end and not (len(mails(catcher)) >= 3 and await settled(daemon, 6)):
            await asyncio.sleep(0.2)
    finally:
        daemon.request_stop()
        await task

    db = connect(store_location)
    items = {pid: (school, source, cats) for pid, school, source, cats in db.execute(
        "SELECT platform_id, school, source_name, categories FROM items").fetchall()}
    health = {name: (school, platform, status) for name, school, platform, status in db.execute(
        "SELECT source_name, school, platform, status FROM source_health WHERE source_name LIKE 'webhook:%'")}
    db.close()

    # each change is its Page's (or account's) source's, and so its school's; the unwatched Page's is nowhere
    assert {pid: (school, source) for pid, (school, source, _) in items.items()} == {
        "901_11": ("oakfield", "oakfield-facebook"),
        "901_22": ("hillside", "hillside-facebook"),
        "18000000000000333": ("riverside", "riverside-instagram"),
    }
    assert "threat" in items["901_11"][2] and "safeguarding" in items["901_22"][2]
    assert "harassment" in items["18000000000000333"][2]
    # each school's webhooks keep their own health row, on that school's sources page
    assert health == {"webhook:oakfield-facebook": ("oakfield", "facebook", "ok"),
                      "webhook:hillside-facebook": ("hillside", "facebook", "ok"),
                      "webhook:riverside-instagram": ("riverside", "instagram", "ok")}

    # every email about an item goes to that item's school's people (and the trust lead, for safeguarding only)
    domain = {sid: d for sid, _, d in TRUST_SCHOOLS}
    db = connect(store_location)
    school_of = {i: (s, c) for i, s, c in db.execute("SELECT id, school, categories FROM items").fetchall()}
    db.close()
    sent = mails(catcher)
    told: dict[str, set[str]] = {sid: set() for sid in domain}
    for m in sent:
        for item_id in m["items"]:
            school, cats = school_of[item_id]
            told[school] |= m["to"]
            for to in m["to"]:
                assert to.endswith("@" + domain[school]) or (to == TRUST_LEAD and "safeguarding" in cats), (
                    to, m["subject"])
    assert {"head@oakfield.example", "aht@oakfield.example", "mod1@oakfield.example"} <= told["oakfield"]
    assert {"dsl@hillside.example", "deputy@hillside.example", TRUST_LEAD} <= told["hillside"]
    assert {"mod1@riverside.example", "mod2@riverside.example"} <= told["riverside"]
    assert any(m["subject"].startswith("[Oakfield Academy] CRITICAL: threat on Facebook") for m in sent)
    assert any(m["subject"].startswith("[Hillside Primary] CRITICAL: safeguarding on Facebook") for m in sent)
