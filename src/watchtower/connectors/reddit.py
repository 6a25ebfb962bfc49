"""Reddit site-wide search through the public JSON listing (``/search.json?sort=new``).

No login: Reddit allows about 10 requests a minute without OAuth, and new OAuth apps need Reddit's approval
(November 2025). A descriptive User-Agent is sent. Paging uses the listing's ``after`` fullname on our own base
URL and stops at the watermark (``created_utc`` of the newest post seen per query).

What Reddit makes impossible here: search covers posts (titles and self text), not comments; many cloud and
school IP ranges are blocked with HTTP 403, which stops the source and tells the operator.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import aiohttp

from watchtower.connectors._common import BaseConnector, Watermark, unique
from watchtower.connectors._http import request, retry_after_header
from watchtower.connectors.base import Cursor, FetchResult
from watchtower.connectors.config import RedditSource
from watchtower.exceptions import SourceAuthFailed, SourceUnavailable
from watchtower.models import Item

IMAGE_HINTS = ("image", "hosted:video", "rich:video")


def post_to_item(data: dict[str, Any]) -> Item | None:
    name = data.get("name") or (f"t3_{data['id']}" if data.get("id") else None)
    created = data.get("created_utc")
    if not name or not isinstance(created, int | float):
        return None
    title = str(data.get("title") or "")
    body = str(data.get("selftext") or "")
    permalink = data.get("permalink")
    author = data.get("author")
    return Item(
        platform="reddit",
        source="mention",
        platform_id=str(name),
        url=f"https://www.reddit.com{permalink}" if permalink else data.get("url"),
        author_handle=f"u/{author}" if author and author != "[deleted]" else None,
        author_name=None,
        text=f"{title}\n{body}".strip(),
        created_at=datetime.fromtimestamp(float(created), tz=UTC),
        has_media=bool(data.get("is_video")) or str(data.get("post_hint") or "") in IMAGE_HINTS
        or bool(data.get("is_gallery")),
        parent_id=None,
        own_post=False,
        title=title or None,
        extra={"subreddit": data.get("subreddit"), "link": data.get("url")},
    )


class RedditConnector(BaseConnector):
    platform = "reddit"

    def __init__(self, cfg: RedditSource, session: aiohttp.ClientSession, *, queries: list[str]) -> None:
        super().__init__(name=cfg.name, session=session, timeout=cfg.timeout_seconds)
        self.cfg = cfg
        self.queries = queries

    def describe(self) -> str:
        return f"reddit {self.name}: search {self.queries} every {self.cfg.interval_seconds:g}s (no login)"

    async def _get(self, params: dict[str, str | int]) -> dict[str, Any]:
        resp = await request(
            self.session, "GET", self.cfg.api_base + "/search.json", source=self.name, seconds=self.timeout,
            params=params,
        )
        if resp.status == 429 or resp.status >= 500:
            reset = resp.headers.get("X-Ratelimit-Reset")
            try:
                delay: float | None = float(reset) if reset else retry_after_header(resp.headers)
            except ValueError:
                delay = retry_after_header(resp.headers)
            raise SourceUnavailable(f"Reddit answered HTTP {resp.status}", source=self.name, retry_after=delay)
        if resp.status in (401, 403):
            raise SourceAuthFailed(
                f"Reddit refused the request (HTTP {resp.status}): it blocks many servers without OAuth; "
                "see connectors/reddit.md",
                source=self.name,
            )
        data = resp.json(source=self.name)
        if resp.status != 200 or not isinstance(data, dict) or data.get("kind") != "Listing":
            raise SourceUnavailable(f"Reddit answered HTTP {resp.status} without a listing", source=self.name)
        return data

    async def fetch(self, cursor: Cursor) -> FetchResult:
        items: list[Item] = []
        next_cursor: Cursor = {}
        for n, query in enumerate(self.queries):
            key = f"q:{n}"
            wm = Watermark.load(cursor.get(key))
            new_wm = Watermark(wm.newest, wm.ids)
            after: str | None = None
            for _ in range(self.cfg.max_pages):
                params: dict[str, str | int] = {
                    "q": f'"{query}"', "sort": "new", "limit": 100, "type": "link", "raw_json": 1,
                }
                if after:
                    params["after"] = after
                listing = (await self._get(params)).get("data") or {}
                page = (post_to_item(child.get("data") or {}) if isinstance(child, dict) else None
                        for child in listing.get("children") or [])
                reached = wm.collect(page, items, new_wm)
                after = listing.get("after")
                if reached or not after or wm.newest is None:
                    break  # the first poll reads one page: older posts are history, not news
            dumped = new_wm.dump()
            if dumped:
                next_cursor[key] = dumped
        return FetchResult(unique(items), next_cursor)
