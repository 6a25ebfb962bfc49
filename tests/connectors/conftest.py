"""A scriptable fake platform on 127.0.0.1 that the connectors talk to over real HTTP.

``fake.on("GET", "/path", Reply(...), Reply(...))`` queues answers for a route; each request takes the next
one, and the last is repeated. A reply may be a callable ``(request) -> Reply | web.StreamResponse`` for
answers that depend on the query. Every request is recorded in ``fake.requests`` (method, path, query,
headers, body) so tests can check what a connector sent, e.g. that a token never left for another host.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from multidict import CIMultiDict
from pydantic import TypeAdapter

from watchtower.connectors import SourceConfig, build_connector
from watchtower.connectors.rss import RssConnector

FIXTURES = Path(__file__).parent / "fixtures"
#: "Now" for fixtures with relative times: ``@T-90m`` in a fixture becomes NOW minus 90 minutes, written
#: as Graph writes times (``2026-03-02T18:04:11+0000``). Fixed once so two polls see the same times.
NOW = datetime.now(UTC).replace(second=0, microsecond=0)
_RELATIVE = re.compile(r"@T-(\d+)m")


def at(minutes_ago: int) -> datetime:
    return NOW - timedelta(minutes=minutes_ago)


def fixture_bytes(name: str) -> bytes:
    text = (FIXTURES / name).read_bytes()
    if b"@T-" not in text:
        return text
    return _RELATIVE.sub(
        lambda m: at(int(m.group(1))).strftime("%Y-%m-%dT%H:%M:%S+0000"), text.decode()
    ).encode()


def fixture_json(name: str) -> Any:
    return json.loads(fixture_bytes(name))


@dataclass
class Reply:
    status: int = 200
    body: bytes | str | None = None
    json: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = None
    delay: float = 0.0
    fixture: str | None = None

    def render(self) -> web.Response:
        headers = CIMultiDict(self.headers)
        if self.fixture is not None:
            body: bytes = fixture_bytes(self.fixture)
            ctype = self.content_type or (
                "application/json" if self.fixture.endswith(".json")
                else "text/html" if self.fixture.endswith(".html")
                else "application/xml"
            )
        elif self.json is not None:
            body = json.dumps(self.json).encode()
            ctype = self.content_type or "application/json"
        else:
            raw = self.body or b""
            body = raw.encode() if isinstance(raw, str) else raw
            ctype = self.content_type or "text/plain"
        headers.setdefault("Content-Type", ctype)
        return web.Response(status=self.status, body=body, headers=headers)


def by_cursor(pages: dict[str | None, str], param: str = "after") -> Callable[[web.Request], Reply]:
    """A handler answering with the fixture for the request's paging cursor (``None``: the first page)."""
    return lambda request: Reply(fixture=pages[request.query.get(param)])


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


Handler = Callable[[web.Request], Any]


class FakeServer:
    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], list[Reply | Handler]] = {}
        self.requests: list[Recorded] = []
        self.server: TestServer | None = None

    def on(self, method: str, path: str, *replies: Reply | Handler) -> None:
        self.routes[(method.upper(), path)] = list(replies)

    @property
    def base(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.port}"

    def calls(self, path: str, method: str = "GET") -> list[Recorded]:
        return [r for r in self.requests if r.path == path and r.method == method]

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        self.requests.append(
            Recorded(request.method, request.path, dict(request.query), dict(request.headers), body)
        )
        queue = self.routes.get((request.method, request.path))
        if not queue:
            return web.json_response({"error": f"no fake route {request.method} {request.path}"}, status=404)
        reply = queue.pop(0) if len(queue) > 1 else queue[0]
        if not isinstance(reply, Reply):
            result = reply(request)
            if asyncio.iscoroutine(result):
                result = await result
            if isinstance(result, web.StreamResponse):
                return result
            reply = result
        if reply.delay:
            await asyncio.sleep(reply.delay)
        return reply.render()


@pytest.fixture
async def fake() -> AsyncIterator[FakeServer]:
    server = FakeServer()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", server._dispatch)
    server.server = TestServer(app, host="127.0.0.1")
    await server.server.start_server()
    try:
        yield server
    finally:
        await server.server.close()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s

#: validates one ``[[sources]]`` block as the config file's loader does
SOURCE: TypeAdapter[SourceConfig] = TypeAdapter(SourceConfig)
C = TypeVar("C")


def connector(kind: type[C], session: aiohttp.ClientSession, block: Mapping[str, object], *,
              environ: dict[str, str] | None = None, school_names: Sequence[str] = ("Oakfield School",)) -> C:
    """The real connector for a ``[[sources]]`` block as a school writes it (validated first), built as the daemon
    builds it, with its secrets read from ``environ``; checked to be a ``kind``."""
    conn = build_connector(SOURCE.validate_python(block), session, school_names=list(school_names), environ=environ)
    assert isinstance(conn, kind)
    return conn


def rss(fake: FakeServer, session: aiohttp.ClientSession, path: str = "/feed", **extra: object) -> RssConnector:
    """The real RSS connector, configured as a school would, reading ``path`` on the fake server."""
    return connector(RssConnector, session,
                     {"type": "rss", "name": "news", "url": fake.base + path, "timeout_seconds": 5, **extra})
