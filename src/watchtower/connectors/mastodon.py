"""Mastodon: hashtag timelines and (with a token) full-text status search on one instance.

Tag timelines poll with ``min_id``: Mastodon answers with the statuses just after it (newest first) and a
``Link`` header whose ``rel="prev"`` holds the ``min_id`` of the next newer page. That ``min_id`` is taken from
the header and the request rebuilt on the configured instance (a token never follows a URL from a response).
On the first poll only the latest page is read. Cursor: ``{"tag:<tag>": <newest id>, "search:<n>": <id>}``.

Items are keyed by the status ``uri`` (the same on every instance); ``extra["id"]`` is the local id.
What Mastodon makes impossible: search finds only posts whose authors opted in to search (and hashtags);
an instance sees only what its users follow or federate to it.
"""

from __future__ import annotations

import re
from typing import Any

import aiohttp
from yarl import URL

from watchtower.connectors._common import BaseConnector, unique
from watchtower.connectors._http import (
    Response,
    html_to_text,
    id_greater,
    parse_iso,
    request,
    retry_after_header,
    same_origin,
    seconds_until_iso,
)
from watchtower.connectors.base import Cursor, FetchResult
from watchtower.connectors.config import MastodonSource
from watchtower.exceptions import SourceAuthFailed, SourceUnavailable
from watchtower.models import Item

PAGE = 40
_LINK = re.compile(r'<([^>]+)>\s*;\s*rel="?([a-z]+)"?')


def link_min_id(header: str | None, base: str) -> str | None:
    """The ``min_id`` of the ``rel="prev"`` link, if that link points at our own instance."""
    for url, rel in _LINK.findall(header or ""):
        if rel == "prev" and same_origin(url, base):
            return URL(url).query.get("min_id")
    return None


def status_to_item(status: dict[str, Any]) -> Item | None:
    if not status.get("id") or not status.get("created_at") or status.get("reblog"):
        return None
    account = status.get("account") or {}
    spoiler = str(status.get("spoiler_text") or "")
    text = html_to_text(str(status.get("content") or ""))
    return Item(
        platform="mastodon",
        source="mention",
        platform_id=str(status.get("uri") or status["id"]),
        url=status.get("url") or status.get("uri"),
        author_handle=account.get("acct"),
        author_name=account.get("display_name") or None,
        text=f"{spoiler}\n{text}" if spoiler else text,
        created_at=parse_iso(str(status["created_at"])),
        has_media=bool(status.get("media_attachments")),
        parent_id=status.get("in_reply_to_id"),
        own_post=False,
        title=None,
        extra={"id": str(status["id"])},
    )


class MastodonConnector(BaseConnector):
    platform = "mastodon"

    def __init__(
        self, cfg: MastodonSource, session: aiohttp.ClientSession, *, queries: list[str], token: str | None
    ) -> None:
        super().__init__(name=cfg.name, session=session, timeout=cfg.timeout_seconds)
        self.cfg = cfg
        self.queries = queries
        self.token = token

    def describe(self) -> str:
        parts = [f"#{t}" for t in self.cfg.tags] + ([f"search {self.queries}"] if self.cfg.search else [])
        return f"mastodon {self.name}: {', '.join(parts)} on {self.cfg.api_base} every {self.cfg.interval_seconds:g}s"

    async def _get(self, path: str, params: dict[str, str | int]) -> tuple[list[dict[str, Any]] | Any, Response]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        resp = await request(
            self.session, "GET", self.cfg.api_base + path, source=self.name, seconds=self.timeout,
            params=params, headers=headers,
        )
        if resp.status == 429:
            raise SourceUnavailable(
                "Mastodon rate limit reached (HTTP 429)",
                source=self.name,
                retry_after=seconds_until_iso(resp.headers.get("X-RateLimit-Reset"))
                or retry_after_header(resp.headers),
            )
        if resp.status >= 500 or resp.looks_like_html():
            raise SourceUnavailable(f"Mastodon answered HTTP {resp.status}", source=self.name,
                                    retry_after=retry_after_header(resp.headers))
        data = resp.json(source=self.name)
        if resp.status in (401, 403):
            message = data.get("error") if isinstance(data, dict) else None
            raise SourceAuthFailed(
                f"Mastodon refused the request (HTTP {resp.status}: {message}): check the token and its scopes",
                source=self.name,
            )
        if resp.status != 200:
            message = data.get("error") if isinstance(data, dict) else None
            raise SourceUnavailable(f"Mastodon answered HTTP {resp.status}: {message}", source=self.name)
        return data, resp

    async def _tag(self, tag: str, since: str | None) -> tuple[list[Item], str | None]:
        items: list[Item] = []
        newest = since
        min_id = since
        for _ in range(self.cfg.max_pages if since else 1):
            params: dict[str, str | int] = {"limit": PAGE}
            if min_id:
                params["min_id"] = min_id
            data, resp = await self._get(f"/api/v1/timelines/tag/{tag}", params)
            if not isinstance(data, list):
                raise SourceUnavailable("Mastodon sent a tag timeline that is not a list", source=self.name)
            page = [s for s in data if isinstance(s, dict) and s.get("id")]
            if not page:
                break
            for status in page:
                if newest is None or id_greater(str(status["id"]), newest):
                    newest = str(status["id"])
                item = status_to_item(status)
                if item is not None and (since is None or id_greater(str(status["id"]), since)):
                    items.append(item)
            next_min = link_min_id(resp.headers.get("Link"), self.cfg.api_base) or newest
            if not next_min or next_min == min_id:
                break
            min_id = next_min
        return items, newest

    async def _search(self, query: str, since: str | None) -> tuple[list[Item], str | None]:
        params: dict[str, str | int] = {"q": query, "type": "statuses", "resolve": "false", "limit": PAGE}
        if since:
            params["min_id"] = since
        data, _ = await self._get("/api/v2/search", params)
        statuses = data.get("statuses") if isinstance(data, dict) else None
        if not isinstance(statuses, list):
            raise SourceUnavailable("Mastodon sent a search result without statuses", source=self.name)
        items: list[Item] = []
        newest = since
        for status in statuses:
            if not isinstance(status, dict) or not status.get("id"):
                continue
            if newest is None or id_greater(str(status["id"]), newest):
                newest = str(status["id"])
            item = status_to_item(status)
            if item is not None and (since is None or id_greater(str(status["id"]), since)):
                items.append(item)
        return items, newest

    async def fetch(self, cursor: Cursor) -> FetchResult:
        items: list[Item] = []
        next_cursor: Cursor = {}
        for tag in self.cfg.tags:
            key = f"tag:{tag.lower()}"
            got, newest = await self._tag(tag, cursor.get(key))
            items.extend(got)
            if newest:
                next_cursor[key] = newest
        if self.cfg.search:
            for n, query in enumerate(self.queries):
                key = f"search:{n}"
                got, newest = await self._search(query, cursor.get(key))
                items.extend(got)
                if newest:
                    next_cursor[key] = newest
        return FetchResult(unique(items), next_cursor)
