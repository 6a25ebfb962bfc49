"""Fake platforms and a mail server on loopback for the benchmarks, speaking the real wire formats.

- ``FeedHub``: many RSS 2.0 feeds at ``/feeds/<name>.rss`` with ETag/If-None-Match (a 304 when unchanged,
  as real feed servers answer), each serving its newest ``window`` entries.
- ``GraphHub``: Facebook Pages in the Graph API shape (``/<version>/<page>/feed``, ``/tagged``, ``/comments``).
- ``TimedMailCatcher``: an aiosmtpd handler recording when each message (by Message-ID) was accepted.

Both hubs record, per post, when it appeared (``posted``) and the arrival time of the first request whose
answer contained it (``fetched``): the poll that saw it. Times are ``time.time()`` so they compare with other
processes on the same machine.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.parser import BytesParser
from email.utils import format_datetime
from typing import Any
from xml.sax.saxutils import escape

from aiohttp import web

from watchtower.demo import serve_loopback


@dataclass
class Post:
    key: str  # the platform_id Watchtower will store
    text: str
    created: datetime


@dataclass
class _Feed:
    posts: list[Post] = field(default_factory=list)  # oldest first
    version: int = 0
    body: bytes | None = None


class _Recorder:
    def __init__(self) -> None:
        self.posted: dict[str, float] = {}
        self.fetched: dict[str, float] = {}
        self.requests = 0
        #: (arrival time, feed or page) of each poll: an RSS request, a Graph ``/feed`` request
        self.polls: list[tuple[float, str]] = []

    def _seen(self, posts: list[Post], at: float) -> None:
        for p in posts:
            self.fetched.setdefault(p.key, at)


class FeedHub(_Recorder):
    def __init__(self, *, window: int = 50, etag: bool = True) -> None:
        super().__init__()
        self.window = window
        self.etag = etag
        self.feeds: dict[str, _Feed] = {}
        self.runner: web.AppRunner | None = None
        self.port = 0

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/feeds/{name}.rss"

    def add(self, feed: str, text: str, *, created: datetime | None = None, record: bool = True) -> str:
        f = self.feeds.setdefault(feed, _Feed())
        key = f"https://bench.example/{feed}/{len(f.posts)}"
        f.posts.append(Post(key, text, created or datetime.now(UTC)))
        f.version += 1
        f.body = None
        if record:
            self.posted[key] = time.time()
        return key

    def _render(self, name: str, f: _Feed) -> bytes:
        items = []
        for p in reversed(f.posts[-self.window :]):
            items.append(
                f"<item><title>{escape(p.text[:60])}</title><link>{p.key}</link>"
                f'<guid isPermaLink="true">{p.key}</guid><description>{escape(p.text)}</description>'
                f"<pubDate>{format_datetime(p.created)}</pubDate></item>"
            )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>{name}</title><link>https://bench.example/{name}</link><description>bench feed</description>"
            + "".join(items)
            + "</channel></rss>"
        ).encode()

    async def _handler(self, request: web.Request) -> web.StreamResponse:
        at = time.time()
        self.requests += 1
        name = request.match_info["name"]
        self.polls.append((at, name))
        f = self.feeds.setdefault(name, _Feed())
        tag = f'"{name}-{f.version}"'
        if self.etag and request.headers.get("If-None-Match") == tag:
            return web.Response(status=304, headers={"ETag": tag})
        if f.body is None:
            f.body = self._render(name, f)
        self._seen(f.posts[-self.window :], at)
        headers = {"ETag": tag} if self.etag else {}
        return web.Response(body=f.body, content_type="application/rss+xml", headers=headers)

    async def start(self) -> int:
        app = web.Application()
        app.router.add_get("/feeds/{name}.rss", self._handler)
        self.runner, self.port = await serve_loopback(app)
        return self.port

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()


class GraphHub(_Recorder):
    """Facebook Pages: ``/{version}/{page}/feed`` newest first; ``tagged`` and ``comments`` answer empty."""

    def __init__(self, version: str = "v25.0") -> None:
        super().__init__()
        self.version = version
        self.pages: dict[str, list[Post]] = {}
        self.runner: web.AppRunner | None = None
        self.port = 0

    def add(self, page_id: str, text: str) -> str:
        posts = self.pages.setdefault(page_id, [])
        key = f"{page_id}_{len(posts) + 1}"
        posts.append(Post(key, text, datetime.now(UTC)))
        self.posted[key] = time.time()
        return key

    @staticmethod
    def _graph_time(t: datetime) -> str:
        return t.strftime("%Y-%m-%dT%H:%M:%S+0000")

    async def _handler(self, request: web.Request) -> web.Response:
        at = time.time()
        self.requests += 1
        obj, edge = request.match_info["obj"], request.match_info["edge"]
        if edge == "feed":
            self.polls.append((at, obj))
        if edge != "feed" or obj not in self.pages:
            return web.json_response({"data": []})
        since = int(request.query.get("since", "0") or 0)
        limit = int(request.query.get("limit", "25") or 25)
        posts = [p for p in reversed(self.pages[obj]) if p.created.timestamp() >= since][:limit]
        self._seen(posts, at)
        data: list[dict[str, Any]] = [
            {
                "id": p.key,
                "message": p.text,
                "created_time": self._graph_time(p.created),
                "updated_time": self._graph_time(p.created),
                "permalink_url": f"https://www.facebook.com/{p.key}",
                "from": {"id": "9000" + p.key[-3:].strip("_"), "name": "A Visitor"},
            }
            for p in posts
        ]
        return web.json_response({"data": data})

    async def start(self) -> int:
        app = web.Application()
        app.router.add_get(f"/{self.version}/{{obj}}/{{edge}}", self._handler)
        self.runner, self.port = await serve_loopback(app)
        return self.port

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()


@dataclass
class TimedMailCatcher:
    """Records ``time.time()`` at acceptance per Message-ID (the body is not kept)."""

    accepted: dict[str, float] = field(default_factory=dict)
    count: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        at = time.time()
        headers = BytesParser().parsebytes(envelope.content, headersonly=True)
        msgid = str(headers.get("Message-ID", "")).strip()
        self.accepted.setdefault(msgid, at)
        self.count += 1
        return "250 Message accepted for delivery"
