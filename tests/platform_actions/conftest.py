"""Fixtures for platform actions: a config whose sources point at one local fake platform server, a store, a worker.

The fake server (tests/connectors/conftest.py) answers with each platform's real request and response shapes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from tests.connectors import conftest as _connectors
from tests.connectors.conftest import FakeServer, Recorded, Reply

from conftest import store_table
from watchtower.config import Config, parse_config
from watchtower.models import Classification, Item
from watchtower.pipeline import triage_record
from watchtower.platform_actions.registry import build_client
from watchtower.platform_actions.worker import PlatformActionWorker
from watchtower.store import Store, repo
from watchtower.store.db import Location

ENV = {"FACEBOOK_PAGE_TOKEN": "fb-page-token", "IG_TOKEN": "ig-token", "YT_ID": "yt-client", "YT_SECRET": "yt-sec",
       "YT_REFRESH": "yt-refresh", "XK": "ck", "XS": "cs", "XA": "at", "XAS": "ats", "MASTO": "masto-token",
       "BSKY": "app-pass", "YOUTUBE_API_KEY": "yt-key"}
PEOPLE = [
    {"name": "Amy Clarke", "email": "amy@oakfield.example", "roles": ["moderator"]},
    {"name": "Ben Okafor", "email": "ben@oakfield.example", "roles": ["moderator"]},
    {"name": "Fatima Shah", "email": "dsl@oakfield.example", "roles": ["dsl"]},
    {"name": "David Price", "email": "head@oakfield.example", "roles": ["headteacher"]},
]


def sources(base: str) -> list[dict[str, Any]]:
    return [
        {"type": "facebook", "name": "facebook-page", "page_id": "1042", "api_base": base},
        {"type": "instagram", "name": "instagram-main", "ig_user_id": "1789", "token_secret": "IG_TOKEN",
         "api_base": base},
        {"type": "youtube", "name": "youtube-channel", "channel_id": "UCabcdefghijklmnop",
         "api_base": base + "/youtube/v3"},
        {"type": "x", "name": "x-school", "user_id": "987654321", "handle": "OakfieldSch", "api_base": base,
         "consumer_key_secret": "XK", "consumer_secret_secret": "XS", "access_token_secret": "XA",
         "access_token_secret_secret": "XAS"},
        {"type": "mastodon", "name": "mastodon", "api_base": base, "tags": ["Oakfield"], "token_secret": "MASTO"},
        {"type": "bluesky", "name": "bluesky", "api_base": base, "handle": "oakfield.bsky.social",
         "app_password_secret": "BSKY", "queries": ["Oakfield"]},
    ]


def make_config(store: Path | Location, base: str, **actions: Any) -> Config:
    return parse_config({
        "school": {"name": "Oakfield Academy"},
        "people": PEOPLE,
        "dashboard": {"enabled": False, "public_url": "http://127.0.0.1:8080"},
        "store": store_table(store),
        "sources": sources(base),
        "actions": {"youtube_client_id_secret": "YT_ID", "youtube_client_secret_secret": "YT_SECRET",
                    "youtube_refresh_token_secret": "YT_REFRESH", "youtube_token_uri": base + "/token",
                    "first_backoff_seconds": 10, **actions},
    })


fake = _connectors.fake
session = _connectors.session


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        from datetime import timedelta

        self.now += timedelta(seconds=seconds)


async def add(store: Store, config: Config, clock: Clock, *, platform: str, platform_id: str,
              categories: list[str] | None = None, source: str = "own", source_name: str | None = None,
              handle: str = "9876", extra: dict[str, Any] | None = None, text: str = "you are all useless") -> int:
    cats = categories if categories is not None else ["harassment"]
    item = Item(platform=platform, source=source, platform_id=platform_id,  # type: ignore[arg-type]
                url=f"https://{platform}.example/{platform_id}", author_handle=handle, author_name="A Parent",
                text=text, created_at=clock(), extra=extra or {})
    cls = Classification(categories=cats, scores={c: 0.99 for c in cats}, reasons=["test"], model_version="t")
    name = source_name or {"facebook": "facebook-page", "instagram": "instagram-main", "youtube": "youtube-channel",
                           "x": "x-school", "mastodon": "mastodon", "bluesky": "bluesky"}[platform]

    def work(db: Any) -> int:
        [item_id] = repo.ingest(db, [item], source_name=name, now=clock())
        triage_record(db, config, repo.get_items(db, [item_id]), [cls], clock())
        return item_id

    return await store.write(work)


class Harness:
    def __init__(self, store: Store, config: Config, server: FakeServer, client: aiohttp.ClientSession,
                 clock: Clock) -> None:
        self.store, self.config, self.fake, self.session, self.clock = store, config, server, client, clock
        self.worker = self.new_worker()

    def new_worker(self) -> PlatformActionWorker:
        """A fresh worker, as after a restart (no memory but the database)."""
        return PlatformActionWorker(
            store=self.store, config=lambda: self.config,
            clients=lambda p, s, school: build_client(self.config, p, s, self.session, ENV, school=school),
            clock=self.clock)

    async def rows(self, item_id: int) -> list[dict[str, Any]]:
        return await self.store.read(lambda db: repo.platform_actions_for_item(db, item_id))

    async def audit(self, item_id: int) -> list[str]:
        return [r[0] for r in await self.store.read(lambda db: db.execute(
            "SELECT action FROM audit WHERE item_id = ? ORDER BY id", [item_id]).fetchall())]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_harness(store_location: Location, fake: FakeServer, session: aiohttp.ClientSession,
                 clock: Clock) -> Callable[..., Any]:
    stores: list[Store] = []

    async def make(**actions: Any) -> Harness:
        config = make_config(store_location, fake.base, **actions)
        store = Store(store_location)
        await store.open()
        stores.append(store)
        return Harness(store, config, fake, session, clock)

    return make


@pytest.fixture
async def h(make_harness: Callable[..., Any]) -> AsyncIterator[Harness]:
    harness: Harness = await make_harness()
    try:
        yield harness
    finally:
        await harness.store.close()


__all__ = ["ENV", "Clock", "FakeServer", "Harness", "Recorded", "Reply", "add"]
