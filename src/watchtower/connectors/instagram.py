"""An Instagram professional account through the Graph API.

Per poll:

1. ``GET /{ig-user}/media``: the account's recent media (``own``, ``own_post=True``), newest first, at most
   ``max_media``; new ones past the ``media`` watermark are returned.
2. ``GET /{media}/comments`` (with ``replies{...}``) for media from the last ``lookback_days`` whose
   ``comments_count`` changed since the last poll (kept in the cursor): comments and replies past the
   ``comments`` watermark, ``own`` (``own_post`` when the account itself replied).
3. ``GET /{ig-user}/tags``: media the account is tagged in (``mention``).

What Instagram makes impossible: @mentions in other people's captions and comments cannot be listed; they
arrive only by the ``mentions`` webhook (``webhooks.py``), and Meta does not keep missed notifications.
Comments on ads are not returned.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import aiohttp

from watchtower.connectors._common import BaseConnector, Watermark, obj, unique
from watchtower.connectors._graph import GraphClient
from watchtower.connectors._http import parse_iso
from watchtower.connectors.base import Cursor, FetchResult
from watchtower.connectors.config import InstagramSource
from watchtower.models import Item, utcnow

MEDIA_FIELDS = "id,caption,media_type,media_product_type,permalink,timestamp,comments_count,username"
_COMMENT = "id,text,timestamp,username,from,parent_id,hidden,like_count"
COMMENT_FIELDS = f"{_COMMENT},replies{{{_COMMENT}}}"
TAG_FIELDS = "id,caption,media_type,permalink,timestamp,username"
MAX_COMMENT_PAGES = 10


def media_to_item(media: dict[str, Any], *, source: str, own_post: bool) -> Item | None:
    if not media.get("id") or not media.get("timestamp"):
        return None
    return Item(
        platform="instagram",
        source="own" if source == "own" else "mention",
        platform_id=str(media["id"]),
        url=media.get("permalink"),
        author_handle=media.get("username"),
        author_name=None,
        text=str(media.get("caption") or ""),
        created_at=parse_iso(str(media["timestamp"])),
        has_media=True,
        parent_id=None,
        own_post=own_post,
        title=None,
        extra={"media_type": media.get("media_type")},
    )


def comment_to_item(
    comment: dict[str, Any], *, media: dict[str, Any], account_username: str | None, parent_id: str | None = None
) -> Item | None:
    if not comment.get("id") or not comment.get("timestamp"):
        return None
    author = obj(comment.get("from"))
    username = comment.get("username") or author.get("username")
    return Item(
        platform="instagram",
        source="own",
        platform_id=str(comment["id"]),
        url=media.get("permalink"),
        author_handle=username,
        author_name=None,
        text=str(comment.get("text") or ""),
        created_at=parse_iso(str(comment["timestamp"])),
        has_media=False,
        parent_id=str(comment.get("parent_id") or parent_id or media["id"]),
        own_post=bool(account_username) and username == account_username,
        title=None,
        extra={"media_id": str(media["id"]), "hidden": comment.get("hidden")},
    )


class InstagramConnector(BaseConnector):
    platform = "instagram"

    def __init__(self, cfg: InstagramSource, session: aiohttp.ClientSession, *, token: str) -> None:
        super().__init__(name=cfg.name, session=session, timeout=cfg.timeout_seconds)
        self.cfg = cfg
        self.graph = GraphClient.for_source(cfg, session, token=token)

    def describe(self) -> str:
        return (
            f"instagram {self.name}: account {self.cfg.ig_user_id} (media, comments on the last "
            f"{self.cfg.max_media} media{', tags' if self.cfg.tags else ''}) via Graph {self.cfg.graph_version} "
            f"every {self.cfg.interval_seconds:g}s; @mentions only by webhook"
        )

    async def fetch(self, cursor: Cursor) -> FetchResult:
        uid = self.cfg.ig_user_id
        media_wm = Watermark.load(cursor.get("media"))
        comments_wm = Watermark.load(cursor.get("comments"))
        tags_wm = Watermark.load(cursor.get("tags"))
        old_counts = obj(cursor.get("counts"))
        window_start = utcnow() - timedelta(days=self.cfg.lookback_days)
        items: list[Item] = []

        media_list: list[dict[str, Any]] = []
        params: dict[str, str | int] = {"fields": MEDIA_FIELDS, "limit": min(100, self.cfg.max_media)}
        async for rows in self.graph.pages(f"{uid}/media", params, max_pages=max(1, self.cfg.max_media // 25)):
            media_list.extend(rows)
            if len(media_list) >= self.cfg.max_media:
                break
        media_list = media_list[: self.cfg.max_media]

        new_media_wm = Watermark(media_wm.newest, media_wm.ids)
        counts: dict[str, int] = {}
        new_comments_wm = Watermark(comments_wm.newest, comments_wm.ids)
        for media in media_list:
            item = media_to_item(media, source="own", own_post=True)
            if item is None:
                continue
            if media_wm.is_new(item.created_at, item.platform_id):
                items.append(item)
                new_media_wm.advance(item.created_at, item.platform_id)
            count = media.get("comments_count")
            if isinstance(count, int):
                counts[item.platform_id] = count
            if item.created_at < window_start or count == 0:
                continue
            if comments_wm.newest is not None and old_counts.get(item.platform_id) == count:
                continue  # no comment added or removed since the last poll
            for comment in await self._comments(media, comments_wm):
                items.append(comment)
                new_comments_wm.advance(comment.created_at, comment.platform_id)

        new_tags_wm = Watermark(tags_wm.newest, tags_wm.ids)
        if self.cfg.tags:
            async for rows in self.graph.pages(f"{uid}/tags", {"fields": TAG_FIELDS, "limit": 50}, max_pages=2):
                page = (media_to_item(media, source="mention", own_post=False) for media in rows)
                if tags_wm.collect(page, items, new_tags_wm):
                    break

        next_cursor: Cursor = {"counts": counts}
        for key, wm in (("media", new_media_wm), ("comments", new_comments_wm), ("tags", new_tags_wm)):
            dumped = wm.dump()
            if dumped:
                next_cursor[key] = dumped
        return FetchResult(unique(items), next_cursor)

    async def _comments(self, media: dict[str, Any], wm: Watermark) -> list[Item]:
        out: list[Item] = []
        owner = media.get("username")
        params: dict[str, str | int] = {"fields": COMMENT_FIELDS, "limit": 50}
        async for rows in self.graph.pages(f"{media['id']}/comments", params, max_pages=MAX_COMMENT_PAGES):
            for row in rows:
                replies = (row.get("replies") or {}).get("data") or []
                candidates = [comment_to_item(row, media=media, account_username=owner)]
                candidates += [
                    comment_to_item(r, media=media, account_username=owner, parent_id=str(row.get("id")))
                    for r in replies
                    if isinstance(r, dict)
                ]
                out.extend(c for c in candidates if c is not None and wm.is_new(c.created_at, c.platform_id))
        return out
