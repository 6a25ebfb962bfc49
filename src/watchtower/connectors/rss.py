"""RSS and Atom feeds: Google Alerts, news sites, Mastodon tag feeds.

aiohttp fetches (feedparser's own fetching is blocking urllib) with ``If-None-Match``/``If-Modified-Since``;
a 304 returns nothing and keeps the cursor.

Bounded, whatever the server sends: the body is read up to ``max_body_mb`` (an endless or 300 MB body is
refused, and the failure says so in source health), and ``feedparser.parse`` runs in a child process
(``_feedparse.py``) that is killed when the poll's time is up, so no parse outlives the poll and its memory
is returned whole. At most ``max_entries`` entries are read per poll.

Identity (``platform_id``): the entry's guid/id where there is one (a guid that is not a URI, such as a CMS's
``"123"``, is scoped by the feed's URL so two feeds cannot collide); else its link plus a hash of its content,
so that entries sharing a link (comment feeds, Google Alerts re-finding a page with new text) are separate
items; else, for an entry with neither link nor guid (RSS 2.0 requires only a title or a description), a hash
of the feed's URL and the entry's content, stable from poll to poll.

Only an http(s) link is kept as the item's ``url``; any other (``javascript:``, ``data:``, ``vbscript:``,
``file:``) is kept as text in ``extra["refused_link"]``.

Cursor: ``{"etag", "last_modified", "seen": [ids in the last feed body], "newest": ISO time, "keys": 2}``.
An entry is new when its id was not in the previous body: feeds are sliding windows, and news feeds
insert late stories with older times, so a pure time watermark would lose them. A cursor from before
``keys`` 2 (keyed by link) is honoured once, so an upgrade does not deliver a feed's whole window again.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
from yarl import URL

from watchtower.connectors._common import BaseConnector, unique
from watchtower.connectors._http import (
    BodyTooLarge,
    html_to_text,
    iso,
    megabytes,
    raise_for_transport_status,
    request,
)
from watchtower.connectors.base import Cursor, FetchResult
from watchtower.connectors.config import RssSource
from watchtower.exceptions import SourceAuthFailed, SourceUnavailable
from watchtower.models import Item, utcnow

#: Ids remembered from the previous body; a longer feed may repeat its oldest entries (the store dedups).
MAX_SEEN = 1000
#: The version of ``platform_id`` in the cursor's ``seen`` (1, unmarked: the link, else the entry id).
KEYS_VERSION = 2
#: A guid longer than this is kept as its hash (a hostile feed's megabyte guid is not a database key).
MAX_GUID = 512
#: The child process that parses one body (standalone: stdlib + feedparser).
PARSER = Path(__file__).with_name("_feedparse.py")


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


def safe_link(raw: str | None) -> str | None:
    """``raw`` (a Google redirect unwrapped) when it is an absolute http(s) URL, else None.

    ``javascript:``, ``data:``, ``vbscript:``, ``file:`` and relative links are never an item's link; nor is
    one with whitespace or control characters inside, which browsers drop (``jav\tascript:``).
    """
    if not raw:
        return None
    link = raw.strip()
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in link):
        return None
    link = unwrap_google_link(link)
    try:
        url = URL(link)
    except ValueError:
        return None
    if url.scheme.lower() not in ("http", "https") or not url.host or not url.is_absolute():
        return None
    return link


def content_hash(*parts: str) -> str:
    """A stable hash of an entry's content (parts joined with a separator no text contains)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def entry_key(*, guid: str | None, link: str | None, title: str, text: str, when: str, feed_url: str) -> str:
    """An entry's ``platform_id``: its guid, else link + content hash, else a content hash (module docstring)."""
    if guid:
        if len(guid) > MAX_GUID:
            return f"guid-sha256:{content_hash(guid)[:32]}"
        # An Atom id is an IRI and a permalink guid a URL: unique by design. A bare "123" is only unique in
        # its own feed.
        return guid if ":" in guid else f"{feed_url}#guid={guid}"
    if link:
        return f"{link}#sha256={content_hash(title, text)[:16]}"
    return f"sha256:{content_hash(feed_url, title, text, when)[:32]}"


def _entry_time(entry: Mapping[str, Any]) -> datetime | None:
    value = entry.get("time")
    if not isinstance(value, int | float):
        return None
    try:
        return datetime.fromtimestamp(value, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def entry_to_item(
    entry: Mapping[str, Any], *, source: str, fetched_at: datetime, feed_url: str
) -> Item | None:
    """One parsed entry (``_feedparse.entry_fields``) as an Item; None for an entry with nothing in it
    (no title, text, link or guid)."""
    raw_link = entry.get("link") or None
    link = safe_link(raw_link)
    guid = str(entry.get("id") or "").strip() or None
    title = html_to_text(entry.get("title")) or None
    snippet = html_to_text(entry.get("html"))
    if not (guid or link or title or snippet):
        return None
    text = snippet or title or ""
    if title and snippet and title not in snippet:
        text = f"{title}\n{snippet}"
    created = _entry_time(entry)
    key = entry_key(
        guid=guid, link=link, title=title or "", text=snippet,
        when=created.isoformat() if created else "", feed_url=feed_url,
    )
    extra: dict[str, Any] = {}
    if guid:
        extra["entry_id"] = guid
    if raw_link and not link:
        extra["refused_link"] = str(raw_link)[:500]
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
        has_media=bool(entry.get("has_media")),
        parent_id=None,
        own_post=source == "own",
        title=title,
        extra=extra,
    )


async def parse_in_child(
    body: bytes, *, content_location: str, content_type: str, max_entries: int, seconds: float, source: str
) -> dict[str, Any]:
    """``_feedparse.parse`` in a child process, killed after ``seconds`` or when the poll is cancelled."""
    args = json.dumps(
        {"content_location": content_location, "content_type": content_type, "max_entries": max_entries}
    )
    try:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-I", str(PARSER), args,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
    except OSError as exc:
        raise SourceUnavailable(f"could not start the feed parser: {exc}", source=source) from exc
    try:
        async with asyncio.timeout(seconds):
            out, err = await proc.communicate(body)
    except TimeoutError as exc:
        raise SourceUnavailable(
            f"parsing the feed ({megabytes(len(body))}) took longer than the {seconds:.1f}s left of the poll: "
            "stopped",
            source=source,
        ) from exc
    finally:
        if proc.returncode is None:  # timed out, or the poll was cancelled: the parse dies with it
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            await proc.wait()
    if proc.returncode != 0:
        lines = err.decode("utf-8", "replace").strip().splitlines()
        raise SourceUnavailable(
            f"the feed parser failed (exit {proc.returncode}): {lines[-1] if lines else 'no message'}",
            source=source,
        )
    try:
        result = json.loads(out)
    except ValueError as exc:
        raise SourceUnavailable(f"the feed parser's answer was unreadable: {exc}", source=source) from exc
    if not isinstance(result, dict):
        raise SourceUnavailable("the feed parser's answer was unreadable", source=source)
    return result


class RssConnector(BaseConnector):
    platform = "rss"

    def __init__(self, cfg: RssSource, session: aiohttp.ClientSession) -> None:
        super().__init__(name=cfg.name, session=session, timeout=cfg.timeout_seconds)
        self.cfg = cfg
        self.url = cfg.url
        self.max_bytes = int(cfg.max_body_mb * 1_000_000)

    def describe(self) -> str:
        host = URL(self.url).host
        kind = "Google Alert" if host and host.endswith("google.com") else "feed"
        return (
            f"rss {self.name}: {kind} {self.url} every {self.cfg.interval_seconds:g}s ({self.cfg.source}; "
            f"up to {megabytes(self.max_bytes)} and {self.cfg.max_entries} entries a poll)"
        )

    async def fetch(self, cursor: Cursor) -> FetchResult:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        headers: dict[str, str] = {
            "Accept": "application/atom+xml, application/rss+xml, application/xml;q=0.9, "
            "text/xml;q=0.8, */*;q=0.1"
        }
        if cursor.get("etag"):
            headers["If-None-Match"] = str(cursor["etag"])
        if cursor.get("last_modified"):
            headers["If-Modified-Since"] = str(cursor["last_modified"])
        try:
            resp = await request(
                self.session, "GET", self.url, source=self.name, seconds=self.timeout, headers=headers,
                max_bytes=self.max_bytes,
            )
        except BodyTooLarge as exc:
            raise SourceUnavailable(
                f"{exc}: the feed was not read. If it is genuine, raise max_body_mb for this source "
                f"(now {self.cfg.max_body_mb:g})",
                source=self.name,
            ) from exc
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

        parsed = await parse_in_child(
            resp.body,
            content_location=str(resp.url),
            content_type=resp.headers.get("Content-Type", "application/xml"),
            max_entries=self.cfg.max_entries,
            seconds=max(0.1, deadline - loop.time()),
            source=self.name,
        )
        entries = [e for e in parsed.get("entries") or [] if isinstance(e, dict)]
        fetched_at = utcnow()
        read = [
            entry_to_item(e, source=self.cfg.source, fetched_at=fetched_at, feed_url=self.url) for e in entries
        ]
        all_items = unique(item for item in read if item is not None)
        if not all_items and (entries or parsed.get("bozo")):
            # Say why: a feed whose entries are all empty is not the same fault as a truncated body.
            why = (
                f"none of its {len(entries)} entries could be read (each has no title, text, link or guid)"
                if entries else "no entries"
            )
            if parsed.get("bozo"):
                what = "an HTML page" if resp.looks_like_html() else "a malformed feed"
                raise SourceUnavailable(f"{what} ({parsed.get('bozo_exception')}): {why}", source=self.name)
            raise SourceUnavailable(f"the feed is well-formed but {why}", source=self.name)
        if not entries and not parsed.get("version"):
            raise SourceUnavailable("the body is not an RSS or Atom feed", source=self.name)

        seen = set(cursor.get("seen") or [])
        if cursor.get("keys") == KEYS_VERSION:
            new = [item for item in all_items if item.platform_id not in seen]
        else:  # a cursor keyed by link (else entry id): honour it once
            new = [
                item for item in all_items
                if item.platform_id not in seen and (item.url or item.extra.get("entry_id")) not in seen
            ]
        dated = [i.created_at for i in all_items if not i.extra.get("created_at_estimated")]
        newest = max(dated, default=None)
        next_cursor: Cursor = {"seen": [i.platform_id for i in all_items][:MAX_SEEN], "keys": KEYS_VERSION}
        if newest is not None:
            next_cursor["newest"] = iso(newest)
        elif cursor.get("newest"):
            next_cursor["newest"] = cursor["newest"]
        if resp.headers.get("ETag"):
            next_cursor["etag"] = resp.headers["ETag"]
        if resp.headers.get("Last-Modified"):
            next_cursor["last_modified"] = resp.headers["Last-Modified"]
        return FetchResult(new, next_cursor)
