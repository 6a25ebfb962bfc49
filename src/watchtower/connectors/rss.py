"""RSS and Atom feeds: Google Alerts, news sites, Mastodon tag feeds.

aiohttp fetches (feedparser's own fetching is blocking urllib) with ``If-None-Match``/``If-Modified-Since``;
a 304 returns nothing and keeps the cursor. ``feedparser.parse`` runs in an executor.

Cursor: ``{"etag", "last_modified", "seen": [ids in the last feed body], "newest": ISO time}``.
An entry is new when its id was not in the previous body: feeds are sliding windows, and news feeds
insert late stories with older times, so a pure time watermark would lose them.
"""

from __future__ import annotations

import asyncio
import calendar
import functools
import io
from datetime import UTC, datetime
from typing import Any

import aiohttp
import feedparser
from yarl import URL

from watchtower.connectors._common import BaseConnector, unique
from watchtower.connectors._http import html_to_text, iso, raise_for_transport_status, request
from watchtower.connectors.base import Cursor, FetchResult
from watchtower.connectors.config import RssSource
from watchtower.exceptions import SourceAuthFailed, SourceUnavailable
from watchtower.models import Item, utcnow

#: Ids remembered from the previous body; a longer feed may repeat its oldest entries (the store dedups).
MAX_SEEN = 1000


def unwrap_google_link(link: str) -> str:
    """A Google Alerts redirect (``https://www.google.com/url?...&url=<target>``) as its target."""
    try:
        url = URL(link)
    except ValueError:
        return link
    host = url.host or ""
    if url.path == "/url" and (host == "google.com" or host.endswith(".google.com")):
        target = url.query.get("url") or url.query.get("q")
        if target and target.startswith(("http://", "https://")):
            return target
    return link


def _entry_time(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    return None


def _entry_html(entry: Any) -> str:
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or entry.get("description") or "")


def _has_media(entry: Any) -> bool:
    if entry.get("media_content") or entry.get("media_thumbnail"):
        return True
    for enclosure in entry.get("enclosures") or []:
        if str(enclosure.get("type", "")).startswith(("image/", "video/")):
            return True
    return False


def entry_to_item(entry: Any, *, source: str, fetched_at: datetime) -> Item | None:
    """One feedparser entry as an Item; None for an entry with neither id nor link (nothing to key it by).

    ``platform_id`` is the (unwrapped) link when there is one, so the same story from two feeds (two
    Google Alerts for the school's name and its alias) is one item; else the entry's id.
    """
    raw_link = entry.get("link") or ""
    link = unwrap_google_link(raw_link) if raw_link else None
    entry_id = entry.get("id") or None
    key = link or entry_id
    if not key:
        return None
    title = html_to_text(entry.get("title")) or None
    snippet = html_to_text(_entry_html(entry))
    text = snippet or title or ""
    if title and snippet and title not in snippet:
        text = f"{title}\n{snippet}"
    created = _entry_time(entry)
    extra: dict[str, Any] = {}
    if entry_id:
        extra["entry_id"] = entry_id
    if created is None:
        created = fetched_at
        extra["created_at_estimated"] = True
    author = html_to_text(entry.get("author")) or None
    return Item(
        platform="rss",
        source="own" if source == "own" else "mention",
        platform_id=key,
        url=link,
        author_handle=None,
        author_name=author,
        text=text,
        created_at=created,
        has_media=_has_media(entry),
        parent_id=None,
        own_post=source == "own",
        title=title,
        extra=extra,
    )


class RssConnector(BaseConnector):
    platform = "rss"

    def __init__(self, cfg: RssSource, session: aiohttp.ClientSession) -> None:
        super().__init__(name=cfg.name, session=session, timeout=cfg.timeout_seconds)
        self.cfg = cfg
        self.url = cfg.url

    def describe(self) -> str:
        host = URL(self.url).host
        kind = "Google Alert" if host and host.endswith("google.com") else "feed"
        return f"rss {self.name}: {kind} {self.url} every {self.cfg.interval_seconds:g}s ({self.cfg.source})"

    async def fetch(self, cursor: Cursor) -> FetchResult:
        headers: dict[str, str] = {
            "Accept": "application/atom+xml, application/rss+xml, application/xml;q=0.9, "
            "text/xml;q=0.8, */*;q=0.1"
        }
        if cursor.get("etag"):
            headers["If-None-Match"] = str(cursor["etag"])
        if cursor.get("last_modified"):
            headers["If-Modified-Since"] = str(cursor["last_modified"])
        resp = await request(
            self.session, "GET", self.url, source=self.name, seconds=self.timeout, headers=headers
        )
        if resp.status == 304:
            return FetchResult([], dict(cursor))
        raise_for_transport_status(resp, source=self.name)
        if resp.status in (403, 410):
            raise SourceAuthFailed(
                f"{resp.url.host} refuses the feed (HTTP {resp.status}): check the URL is still valid "
                "(a deleted Google Alert answers 404/410)",
                source=self.name,
            )
        if resp.status != 200:
            raise SourceUnavailable(f"feed answered HTTP {resp.status}", source=self.name)

        parsed = await asyncio.get_running_loop().run_in_executor(
            None,
            functools.partial(
                feedparser.parse,
                io.BytesIO(resp.body),
                response_headers={
                    "content-location": str(resp.url),
                    "content-type": resp.headers.get("Content-Type", "application/xml"),
                },
            ),
        )
        entries = list(parsed.get("entries") or [])
        fetched_at = utcnow()
        all_items = unique(
            item
            for item in (entry_to_item(e, source=self.cfg.source, fetched_at=fetched_at) for e in entries)
            if item is not None
        )
        # A bozo feed that still yields entries is returned (sloppy feeds are common); one that yields
        # nothing usable is an outage page or a truncated body, not an empty feed.
        if not all_items and parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            what = "an HTML page" if resp.looks_like_html() else "a malformed feed"
            raise SourceUnavailable(f"{what} with no usable entries ({exc})", source=self.name)
        if not entries and not parsed.get("version"):
            raise SourceUnavailable("the body is not an RSS or Atom feed", source=self.name)

        seen = set(cursor.get("seen") or [])
        new = [item for item in all_items if item.platform_id not in seen]
        dated = [i.created_at for i in all_items if not i.extra.get("created_at_estimated")]
        newest = max(dated, default=None)
        next_cursor: Cursor = {"seen": [i.platform_id for i in all_items][:MAX_SEEN]}
        if newest is not None:
            next_cursor["newest"] = iso(newest)
        elif cursor.get("newest"):
            next_cursor["newest"] = cursor["newest"]
        if resp.headers.get("ETag"):
            next_cursor["etag"] = resp.headers["ETag"]
        if resp.headers.get("Last-Modified"):
            next_cursor["last_modified"] = resp.headers["Last-Modified"]
        return FetchResult(new, next_cursor)
