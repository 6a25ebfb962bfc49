"""A Facebook Page through the Graph API: posts on the Page, posts tagging it, every comment and reply.

Per poll:

1. ``GET /{page}/feed`` for posts created within ``lookback_days``: the Page's own posts (``own_post``) and
   visitors' posts (``own``). New ones (past the ``posts`` watermark) are returned.
2. ``GET /{post}/comments?filter=stream&order=reverse_chronological&since=...`` for each of those posts
   whose ``updated_time`` (bumped by a new comment) is not older than the ``comments`` watermark; paging stops
   at the watermark. ``filter=stream`` includes replies, whose ``parent`` is the comment replied to.
3. ``GET /{page}/tagged`` for public posts elsewhere that tag the Page (``mention``).

Cursor: ``{"posts": Watermark, "comments": Watermark, "tagged": Watermark}`` — no paging cursors.
Comment ids are the Graph ids (``<post>_<comment>``), as in the ``feed`` webhook, so the store dedups both.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import aiohttp

from watchtower.connectors._common import BaseConnector, Watermark, obj, unique
from watchtower.connectors._graph import GraphClient
from watchtower.connectors._http import parse_iso
from watchtower.connectors.base import Cursor, FetchResult
from watchtower.connectors.config import FacebookSource
from watchtower.models import Item, utcnow

POST_FIELDS = "id,message,story,created_time,updated_time,permalink_url,from,attachments{media_type}"
COMMENT_FIELDS = "id,message,created_time,from,parent{id},is_hidden,can_hide,permalink_url,attachment"
MAX_FEED_PAGES = 10
MAX_COMMENT_PAGES = 10


def post_to_item(post: dict[str, Any], *, page_id: str, source: str) -> Item | None:
    if not post.get("id") or not post.get("created_time"):
        return None
    author = obj(post.get("from"))
    is_page = str(author.get("id")) == page_id
    attachments = (post.get("attachments") or {}).get("data") or []
    return Item(
        platform="facebook",
        source="own" if (source == "own" or is_page) else "mention",
        platform_id=str(post["id"]),
        url=post.get("permalink_url"),
        author_handle=str(author["id"]) if author.get("id") else None,
        author_name=author.get("name"),
        text=str(post.get("message") or post.get("story") or ""),
        created_at=parse_iso(str(post["created_time"])),
        has_media=any(a.get("media_type") in ("photo", "video", "album") for a in attachments),
        parent_id=None,
        own_post=is_page,
        title=None,
    )


def comment_to_item(comment: dict[str, Any], *, post_id: str, page_id: str) -> Item | None:
    if not comment.get("id") or not comment.get("created_time"):
        return None
    author = obj(comment.get("from"))
    parent = obj(comment.get("parent"))
    is_page = str(author.get("id")) == page_id
    return Item(
        platform="facebook",
        source="own",
        platform_id=str(comment["id"]),
        url=comment.get("permalink_url"),
        author_handle=str(author["id"]) if author.get("id") else None,
        author_name=author.get("name"),
        text=str(comment.get("message") or ""),
        created_at=parse_iso(str(comment["created_time"])),
        has_media=bool(comment.get("attachment")),
        parent_id=str(parent.get("id") or post_id),
        own_post=is_page,
        title=None,
        extra={"post_id": post_id, "is_hidden": comment.get("is_hidden"), "can_hide": comment.get("can_hide")},
    )


class FacebookConnector(BaseConnector):
    platform = "facebook"

    def __init__(self, cfg: FacebookSource, session: aiohttp.ClientSession, *, token: str) -> None:
        super().__init__(name=cfg.name, session=session, timeout=cfg.timeout_seconds)
        self.cfg = cfg
        self.graph = GraphClient.for_source(cfg, session, token=token)

    def describe(self) -> str:
        parts = ["posts"] + (["comments"] if self.cfg.comments else []) + (["tagged"] if self.cfg.tagged else [])
        return (
            f"facebook {self.name}: Page {self.cfg.page_id} ({', '.join(parts)}; comments on posts from the last "
            f"{self.cfg.lookback_days:g} days) via Graph {self.cfg.graph_version} every {self.cfg.interval_seconds:g}s"
        )

    async def fetch(self, cursor: Cursor) -> FetchResult:
        page_id = self.cfg.page_id
        posts_wm = Watermark.load(cursor.get("posts"))
        comments_wm = Watermark.load(cursor.get("comments"))
        tagged_wm = Watermark.load(cursor.get("tagged"))
        window_start = utcnow() - timedelta(days=self.cfg.lookback_days)
        items: list[Item] = []

        recent_posts: list[dict[str, Any]] = []
        params: dict[str, str | int] = {"fields": POST_FIELDS, "limit": 100, "since": int(window_start.timestamp())}
        async for rows in self.graph.pages(f"{page_id}/feed", params, max_pages=MAX_FEED_PAGES):
            for post in rows:
                item = post_to_item(post, page_id=page_id, source="own")
                if item is None or item.created_at < window_start:
                    continue
                recent_posts.append(post)
                if posts_wm.is_new(item.created_at, item.platform_id):
                    items.append(item)
        new_posts_wm = Watermark(posts_wm.newest, posts_wm.ids)
        for item in items:
            new_posts_wm.advance(item.created_at, item.platform_id)

        new_comments_wm = Watermark(comments_wm.newest, comments_wm.ids)
        if self.cfg.comments:
            for post in unique_posts(recent_posts):
                updated = post.get("updated_time") or post.get("created_time")
                if comments_wm.newest is not None and updated and parse_iso(str(updated)) < comments_wm.newest:
                    continue  # no comment since the watermark
                for comment in await self._comments(str(post["id"]), comments_wm):
                    items.append(comment)
                    new_comments_wm.advance(comment.created_at, comment.platform_id)

        new_tagged_wm = Watermark(tagged_wm.newest, tagged_wm.ids)
        if self.cfg.tagged:
            tparams: dict[str, str | int] = {"fields": "id,message,created_time,permalink_url,from", "limit": 100}
            if tagged_wm.newest is not None:
                tparams["since"] = int(tagged_wm.newest.timestamp())
            else:
                tparams["since"] = int(window_start.timestamp())
            async for rows in self.graph.pages(f"{page_id}/tagged", tparams, max_pages=MAX_FEED_PAGES):
                for post in rows:
                    item = post_to_item(post, page_id=page_id, source="mention")
                    if item is not None and tagged_wm.is_new(item.created_at, item.platform_id):
                        items.append(item)
                        new_tagged_wm.advance(item.created_at, item.platform_id)

        next_cursor: Cursor = {}
        for key, wm in (("posts", new_posts_wm), ("comments", new_comments_wm), ("tagged", new_tagged_wm)):
            dumped = wm.dump()
            if dumped:
                next_cursor[key] = dumped
        return FetchResult(unique(items), next_cursor)

    async def _comments(self, post_id: str, wm: Watermark) -> list[Item]:
        params: dict[str, str | int] = {
            "filter": "stream",
            "order": "reverse_chronological",
            "fields": COMMENT_FIELDS,
            "limit": 100,
        }
        if wm.newest is not None:
            params["since"] = int(wm.newest.timestamp())
        out: list[Item] = []
        async for rows in self.graph.pages(f"{post_id}/comments", params, max_pages=MAX_COMMENT_PAGES):
            if wm.collect((comment_to_item(row, post_id=post_id, page_id=self.cfg.page_id) for row in rows), out):
                break
        return out


def unique_posts(posts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for post in posts:
        if post["id"] not in seen:
            seen.add(post["id"])
            out.append(post)
    return out
