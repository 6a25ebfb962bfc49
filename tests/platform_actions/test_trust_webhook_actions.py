"""Acting on webhook items in a trust (issue 16): hide, delete and block work on a comment Meta pushed for any
school's Page or Instagram account, and act with that school's own source's token and Page, never another
school's. Items come in through the daemon's webhook path (a Meta payload routed to its account, stored by
``Daemon.receive_items``); the calls go to the local fake Graph server the other platform-action tests use.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from conftest import both_stores, school_people, store_table
from watchtower.config import Config, parse_config
from watchtower.connectors.webhooks import meta_accounts, route_payload
from watchtower.daemon import Daemon, Overrides
from watchtower.models import Classification, Item
from watchtower.pipeline import triage_record
from watchtower.platform_actions.model import NotPossible
from watchtower.platform_actions.registry import build_client
from watchtower.platform_actions.service import request_action
from watchtower.platform_actions.worker import PlatformActionWorker
from watchtower.store import repo
from watchtower.store.db import Location

from .conftest import Clock, FakeServer, Reply

pytestmark = both_stores

ENV = {"OAK_PAGE_TOKEN": "oakfield-page-token", "HILL_PAGE_TOKEN": "hillside-page-token",
       "HILL_IG_TOKEN": "hillside-ig-token"}
OAK_PAGE, HILL_PAGE, HILL_IG = "1042", "2084", "17841400000002084"


def trust(store: Location, base: str) -> Config:
    return parse_config({
        "schools": [
            {"id": "oakfield", "name": "Oakfield Academy", "people": school_people("oakfield.example"), "sources": [
                {"type": "facebook", "name": "oakfield-facebook", "page_id": OAK_PAGE, "token_secret": "OAK_PAGE_TOKEN",
                 "api_base": base}]},
            {"id": "hillside", "name": "Hillside Primary", "people": school_people("hillside.example"), "sources": [
                {"type": "facebook", "name": "hillside-facebook", "page_id": HILL_PAGE,
                 "token_secret": "HILL_PAGE_TOKEN", "api_base": base},
                {"type": "instagram", "name": "hillside-instagram", "ig_user_id": HILL_IG,
                 "token_secret": "HILL_IG_TOKEN", "api_base": base}]},
            {"id": "riverside", "name": "Riverside High", "people": school_people("riverside.example"), "sources": [
                {"type": "rss", "name": "riverside-news", "url": "https://news.example/riverside.rss"}]},
        ],
        "dashboard": {"enabled": False, "public_url": "https://watchtower.trust.example"},
        "webhooks": {"meta_enabled": True},
        "store": store_table(store),
    })


def comment(page: str, comment_id: str, author: str) -> dict[str, Any]:
    return {"id": page, "time": 1772474651, "changes": [{"field": "feed", "value": {
        "item": "comment", "verb": "add", "comment_id": comment_id, "post_id": f"{page}_1", "parent_id": f"{page}_1",
        "from": {"id": author, "name": "A Parent"}, "message": "you are all useless", "created_time": 1772474651}}]}


class Trust:
    def __init__(self, daemon: Daemon, fake: FakeServer, session: aiohttp.ClientSession, clock: Clock) -> None:
        self.daemon, self.fake, self.clock = daemon, fake, clock
        self.worker = PlatformActionWorker(
            store=daemon.store, config=lambda: daemon.config,
            clients=lambda p, s, school: build_client(daemon.config, p, s, session, ENV, school=school),
            clock=clock)

    async def deliver(self, payload: dict[str, Any]) -> None:
        """What the receiver does with a signed delivery: route each entry to its account, store it."""
        batches = route_payload(payload, meta_accounts(self.daemon.config.all_sources))
        await self.daemon.receive_items([(account.key, items) for account, items in batches])

    async def item(self, platform_id: str, categories: tuple[str, ...] = ("harassment",)) -> dict[str, Any]:
        """The stored item, classified (as triage would)."""
        cls = Classification(categories=list(categories), scores=dict.fromkeys(categories, 0.99), reasons=["test"],
                             model_version="t")

        def work(db: Any) -> dict[str, Any]:
            ((item_id,),) = db.execute("SELECT id FROM items WHERE platform_id = ?", [platform_id]).fetchall()
            triage_record(db, self.daemon.config, repo.get_items(db, [item_id]), [cls], self.clock())
            ((school, source),) = db.execute("SELECT school, source_name FROM items WHERE id = ?",
                                             [item_id]).fetchall()
            return {"id": item_id, "school": school, "source_name": source}

        return await self.daemon.store.write(work)

    async def ask(self, item_id: int, kind: str, *, by: str, role: str = "moderator") -> str:
        now = self.clock()
        _, plan = await self.daemon.store.write(lambda db: request_action(
            db, self.daemon.config, item_id, kind, actor=by, role=role, channel="dashboard", now=now))
        return plan

    async def rows(self, item_id: int) -> list[dict[str, Any]]:
        return await self.daemon.store.read(lambda db: repo.platform_actions_for_item(db, item_id))


@pytest.fixture
async def t(store_location: Location, fake: FakeServer, session: aiohttp.ClientSession) -> AsyncIterator[Trust]:
    clock = Clock()
    daemon = Daemon(trust(store_location, fake.base), Overrides(environ=ENV, clock=clock))
    await daemon.store.open()
    try:
        yield Trust(daemon, fake, session, clock)
    finally:
        await daemon.store.close()


async def test_hide_delete_and_block_on_two_schools_webhook_comments_use_each_schools_own_page_and_token(
    t: Trust,
) -> None:
    await t.deliver({"object": "page", "entry": [comment(OAK_PAGE, "1_11", "9876"), comment(HILL_PAGE, "2_22", "5432"),
                                                 comment(HILL_PAGE, "2_23", "5433")]})
    oak, hill, hill2 = await t.item("1_11"), await t.item("2_22"), await t.item("2_23")
    assert (oak["school"], oak["source_name"]) == ("oakfield", "oakfield-facebook")
    assert (hill["school"], hill["source_name"]) == ("hillside", "hillside-facebook")
    t.fake.on("POST", "/v25.0/1_11", Reply(json={"success": True}))
    t.fake.on("POST", f"/v25.0/{HILL_PAGE}/blocked", Reply(json={"5432": True}))
    t.fake.on("DELETE", "/v25.0/2_23", Reply(json={"success": True}))

    assert "(source oakfield-facebook)" in await t.ask(oak["id"], "hide", by="mod1@oakfield.example")
    assert "(source hillside-facebook)" in await t.ask(hill["id"], "ban", by="mod1@hillside.example")
    await t.ask(hill2["id"], "delete", by="mod2@hillside.example")
    assert await t.worker.flush() == 3

    [hide] = t.fake.calls("/v25.0/1_11", "POST")
    assert b"is_hidden=true" in hide.body and b"access_token=oakfield-page-token" in hide.body
    [block] = t.fake.calls(f"/v25.0/{HILL_PAGE}/blocked", "POST")  # Hillside's Page, not Oakfield's
    assert b"user=5432" in block.body and b"access_token=hillside-page-token" in block.body
    [delete] = t.fake.calls("/v25.0/2_23", "DELETE")
    assert delete.query["access_token"] == "hillside-page-token"
    assert not t.fake.calls(f"/v25.0/{OAK_PAGE}/blocked", "POST")
    for item in (oak, hill, hill2):
        assert [(r["status"], r["source_name"]) for r in await t.rows(item["id"])] == [("done", item["source_name"])]


async def test_an_instagram_comment_pushed_for_a_second_school_is_hidden_with_that_schools_instagram_token(
    t: Trust,
) -> None:
    await t.deliver({"object": "instagram", "entry": [{"id": HILL_IG, "time": 1755779280, "changes": [
        {"field": "comments", "value": {"id": "18000000000000777", "from": {"id": "2323", "username": "a_troll"},
                                        "text": "you are all useless", "media": {"id": "17900000000000777"}}}]}]})
    item = await t.item("18000000000000777")
    assert (item["school"], item["source_name"]) == ("hillside", "hillside-instagram")
    t.fake.on("POST", "/v25.0/18000000000000777", Reply(json={"success": True}))
    await t.ask(item["id"], "hide", by="mod1@hillside.example")
    assert await t.worker.flush() == 1
    [call] = t.fake.calls("/v25.0/18000000000000777", "POST")
    assert b"hide=true" in call.body and b"access_token=hillside-ig-token" in call.body


async def test_an_item_stored_under_the_old_shared_webhook_source_acts_with_its_own_schools_page(t: Trust) -> None:
    """Before issue 16 webhook items were kept under the pseudo-source ``webhook:meta``: in a trust the worker then
    found no token ("no enabled facebook source of this school"). The action is now recorded with the source that
    will act for it, the item's school's."""
    legacy = Item(platform="facebook", source="own", platform_id="2_99", url=None, author_handle="5432",
                  author_name="A Parent", text="you are all useless", created_at=t.clock(), extra={"via": "webhook"})
    await t.daemon.store.write(lambda db: repo.ingest(db, [legacy], source_name="webhook:meta", now=t.clock(),
                                                     school="hillside"))
    item = await t.item("2_99")
    t.fake.on("POST", "/v25.0/2_99", Reply(json={"success": True}))
    assert "(source hillside-facebook)" in await t.ask(item["id"], "hide", by="mod1@hillside.example")
    assert await t.worker.flush() == 1
    [call] = t.fake.calls("/v25.0/2_99", "POST")
    assert b"access_token=hillside-page-token" in call.body
    assert [(r["status"], r["source_name"]) for r in await t.rows(item["id"])] == [("done", "hillside-facebook")]


async def test_a_school_without_a_page_of_its_own_is_refused_not_acted_on_with_another_schools_token(
    t: Trust,
) -> None:
    legacy = Item(platform="facebook", source="own", platform_id="3_33", url=None, author_handle="1111",
                  author_name="A Parent", text="you are all useless", created_at=t.clock(), extra={})
    await t.daemon.store.write(lambda db: repo.ingest(db, [legacy], source_name="webhook:meta", now=t.clock(),
                                                     school="riverside"))
    item = await t.item("3_33")
    with pytest.raises(NotPossible, match="no enabled facebook source of Riverside High"):
        await t.ask(item["id"], "hide", by="mod1@riverside.example")
    assert await t.rows(item["id"]) == [] and t.fake.requests == []


async def test_a_row_queued_before_the_upgrade_under_the_old_shared_source_is_done_with_its_schools_token(
    t: Trust,
) -> None:
    """A hide asked for, but not yet done, when the daemon was upgraded: the row names ``webhook:meta``."""
    legacy = Item(platform="facebook", source="own", platform_id="2_98", url=None, author_handle="5432",
                  author_name="A Parent", text="you are all useless", created_at=t.clock(), extra={"via": "webhook"})
    await t.daemon.store.write(lambda db: repo.ingest(db, [legacy], source_name="webhook:meta", now=t.clock(),
                                                     school="hillside"))
    item = await t.item("2_98")
    await t.daemon.store.write(lambda db: repo.enqueue_platform_action(
        db, dedup_key=f"{item['id']}:hide:old:0", item_id=item["id"], platform="facebook", source_name="webhook:meta",
        kind="hide", target_id="2_98", params={}, plan="Facebook: hide the comment",
        requested_by="mod1@hillside.example", channel="dashboard", now=t.clock(), evidence=None))
    t.fake.on("POST", "/v25.0/2_98", Reply(json={"success": True}))
    assert await t.worker.flush() == 1
    [call] = t.fake.calls("/v25.0/2_98", "POST")
    assert b"access_token=hillside-page-token" in call.body
