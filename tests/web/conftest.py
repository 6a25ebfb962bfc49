"""A real Daemon (real store, signer, pipeline code) with the dashboard, for the web tests.

The classifier is a keyword stand-in (``[threat]`` in a text gives ``threat``): these tests are about the dashboard,
not the model. Time is a settable clock so links can expire and deadlines pass.
"""

from __future__ import annotations

import re
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from conftest import FakeClock, store_and_triage, store_table
from watchtower import users
from watchtower.config import Config, parse_config
from watchtower.daemon import Daemon, Overrides
from watchtower.models import CATEGORIES, Classification, Item
from watchtower.store.db import Location
from watchtower.web import create_app

LINK_KEY = "k" * 40
PASSWORD = "correct horse battery"


class KeywordClassifier:
    """``[category]`` markers in a text become its categories, ``[possible:category]`` its possible concerns."""

    version = "test-keywords"

    def classify_batch(self, texts: list[str], sources: list[str | None] | None = None) -> list[Classification]:
        out = []
        for t in texts:
            cats = [c for c in CATEGORIES if f"[{c}]" in t]
            possible = [c for c in CATEGORIES if f"[possible:{c}]" in t]
            out.append(Classification(categories=cats, scores={c: 0.9 for c in cats},
                                      # like the real rules, a reason quotes the words that fired it
                                      reasons=[f"rule:test_marker '{t[:60]}'" for c in cats],
                                      model_version=self.version, possible=possible))
        return out


#: the dashboard tests share the root conftest's clock (one fixture world)
Clock = FakeClock


def make_config(store: Path | Location, **dashboard: Any) -> Config:
    data: dict[str, Any] = {
        "school": {"name": "Oakfield Academy"},
        "people": [
            {"name": "Amy Clarke", "email": "amy@oakfield.example", "roles": ["moderator"]},
            {"name": "Ben Okafor", "email": "ben@oakfield.example", "roles": ["moderator"]},
            {"name": "Rachel Hughes", "email": "rachel@oakfield.example", "roles": ["aht"]},
            {"name": "David Price", "email": "head@oakfield.example", "roles": ["headteacher"]},
            {"name": "Fatima Shah", "email": "dsl@oakfield.example", "roles": ["dsl"]},
            {"name": "Tom Reid", "email": "tom@oakfield.example", "roles": ["deputy_dsl"]},
        ],
        "dashboard": {"public_url": "http://127.0.0.1:8080", **dashboard},
        "store": store_table(store),
    }
    return parse_config(data)


class NullSender:
    async def send(self, message: Any) -> None:
        return None


async def start_daemon(where: Path | Location, clock: Clock, **dashboard: Any) -> Daemon:
    """A daemon on the store ``where`` (a Location), or on ``where``/wt.db (a folder)."""
    config = make_config(where if isinstance(where, Location) else where / "wt.db", **dashboard)
    daemon = Daemon(config, Overrides(environ={"WATCHTOWER_LINK_KEY": LINK_KEY}, classifier=KeywordClassifier(),
                                      sender=NullSender(), clock=clock, start_dashboard=False))
    await daemon.start()
    return daemon


_counter = iter(range(1, 10**9))


async def seed(daemon: Daemon, text: str, *, author: str = "Jo Bloggs", handle: str = "jo", source: str = "own",
               platform: str = "facebook", parent_id: str | None = None, url: str | None = "https://facebook.example/p/1",
               platform_id: str | None = None, minutes_ago: float = 5, seen_minutes_ago: float = 0,
               school: str = "default", source_name: str | None = None, classifier: Any = None) -> int:
    """Store an item and triage it with the real pipeline code (deadline, escalation steps, alerts).
    It was posted ``minutes_ago``; ``seen_minutes_ago`` pretends Watchtower stored and triaged it that long ago.
    ``classifier``: another classifier than the daemon's keyword one (the real one, where its reasons matter)."""
    now = daemon.clock() - timedelta(minutes=seen_minutes_ago)
    item = Item(platform=platform, source=source, platform_id=platform_id or f"p{next(_counter)}", url=url,  # type: ignore[arg-type]
                author_handle=handle, author_name=author, text=text,
                created_at=daemon.clock() - timedelta(minutes=minutes_ago),
                parent_id=parent_id)
    classifier = classifier or daemon.classifier
    assert classifier is not None
    [cls] = classifier.classify_batch([text], [source])

    return await daemon.store.write(
        lambda db: store_and_triage(db, daemon.config, item, cls, source_name=source_name or f"{platform}-page",
                                    now=now, school=school))


_HASHES: dict[str, str] = {}


def password_hash(password: str) -> str:
    """argon2 is slow on purpose (~0.4 s here): hash each test password once per run."""
    if password not in _HASHES:
        _HASHES[password] = users.hash_password(password)
    return _HASHES[password]


async def add_user(daemon: Daemon, username: str, role: str, *, email: str | None = None,
                   password: str = PASSWORD, school: str | None = None) -> None:
    """A dashboard user; ``school``: the users row's school (an id, ids joined by commas, or ``*``)."""
    h = password_hash(password)
    await daemon.store.write(lambda db: users.add_user(db, username, name=username.title(), email=email, role=role,
                                                       password_hash=h, now=daemon.clock(), school=school))


_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    m = _CSRF.search(html)
    assert m, "no CSRF field in the page"
    return m.group(1)


async def login(client: TestClient, username: str, password: str = PASSWORD) -> Any:
    page = await client.get("/login")
    token = csrf_of(await page.text())
    return await client.post("/login", data={"username": username, "password": password, "csrf": token},
                             allow_redirects=False)


@dataclass
class Env:
    daemon: Daemon
    client: TestClient
    clock: Clock
    app: web.Application

    async def login_as(self, username: str) -> str:
        """Log in on this client; returns a CSRF token for the session (from the queue page)."""
        r = await login(self.client, username)
        assert r.status == 303, await r.text()
        return csrf_of(await (await self.client.get("/")).text())


@pytest.fixture
async def env(store_location: Location, clock: Clock) -> AsyncIterator[Env]:
    daemon = await start_daemon(store_location, clock)
    app = create_app(daemon)
    client = TestClient(TestServer(app))
    await client.start_server()
    await add_user(daemon, "amy", "moderator", email="amy@oakfield.example")
    await add_user(daemon, "fatima", "dsl", email="dsl@oakfield.example")
    await add_user(daemon, "root", "admin")
    try:
        yield Env(daemon, client, clock, app)
    finally:
        await client.close()
        await daemon._close()


# --- a daemon serving the dashboard on a real TCP port, for the browser tests -------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    daemon: Daemon
    base: str


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[Served]:
    port = _free_port()
    config = make_config(tmp_path / "wt.db", host="127.0.0.1", port=port, public_url=f"http://127.0.0.1:{port}")
    daemon = Daemon(config, Overrides(environ={"WATCHTOWER_LINK_KEY": LINK_KEY}, classifier=KeywordClassifier(),
                                      sender=NullSender(), start_dashboard=True))
    await daemon.start()
    assert daemon.web_runner is not None, "start_dashboard did not start"
    try:
        yield Served(daemon, f"http://127.0.0.1:{port}")
    finally:
        await daemon._close()
