"""Bluesky post search over XRPC (aiohttp), logged in with an app password.

Since January 2025 ``searchPosts`` needs a login. The session (``accessJwt``/``refreshJwt``) is kept in memory
for the life of the connector (never in the cursor, which is stored in the database): ``createSession`` is
limited to 30 per 5 minutes and 300 a day per account. An expired access token is refreshed with
``refreshSession``; when that fails too, the connector logs in again once.

Cursor: ``{"q:<n>": Watermark}`` per query (``createdAt`` of the newest post seen, sent as ``since``).
"""

from __future__ import annotations

from typing import Any

import aiohttp

from watchtower.connectors._common import BaseConnector, Watermark, obj, unique
from watchtower.connectors._http import Response, parse_iso, request, retry_after_header, seconds_until_epoch
from watchtower.connectors.base import Cursor, FetchResult
from watchtower.connectors.config import BlueskySource
from watchtower.exceptions import SourceAuthFailed, SourceUnavailable
from watchtower.models import Item

EXPIRED = frozenset({"ExpiredToken", "InvalidToken"})
MEDIA_EMBEDS = ("app.bsky.embed.images", "app.bsky.embed.video", "app.bsky.embed.recordWithMedia")


def post_to_item(post: dict[str, Any], *, own_handle: str) -> Item | None:
    uri = post.get("uri")
    record = obj(post.get("record"))
    author = obj(post.get("author"))
    created = record.get("createdAt") or post.get("indexedAt")
    if not uri or not created:
        return None
    handle = author.get("handle")
    rkey = str(uri).rsplit("/", 1)[-1]
    embed = obj(post.get("embed"))
    reply = obj(record.get("reply"))
    is_own = bool(handle) and handle == own_handle
    try:
        created_at = parse_iso(str(created))
    except ValueError:
        created_at = parse_iso(str(post.get("indexedAt")))
    return Item(
        platform="bluesky",
        source="own" if is_own else "mention",
        platform_id=str(uri),
        url=f"https://bsky.app/profile/{handle or author.get('did')}/post/{rkey}",
        author_handle=handle,
        author_name=author.get("displayName") or None,
        text=str(record.get("text") or ""),
        created_at=created_at,
        has_media=str(embed.get("$type", "")).startswith(MEDIA_EMBEDS),
        parent_id=(reply.get("parent") or {}).get("uri"),
        own_post=is_own,
        title=None,
        extra={"cid": post.get("cid"), "langs": record.get("langs")},
    )


def _error_name(resp: Response) -> str:
    try:
        data = resp.json(source="bluesky")
    except SourceUnavailable:
        return ""
    return str(data.get("error") or "") if isinstance(data, dict) else ""


class BlueskyConnector(BaseConnector):
    platform = "bluesky"

    def __init__(
        self, cfg: BlueskySource, session: aiohttp.ClientSession, *, queries: list[str], app_password: str
    ) -> None:
        super().__init__(name=cfg.name, session=session, timeout=cfg.timeout_seconds)
        self.cfg = cfg
        self.queries = queries
        self._password = app_password
        self._access: str | None = None
        self._refresh: str | None = None

    def describe(self) -> str:
        return (
            f"bluesky {self.name}: search {self.queries} as {self.cfg.handle} via {self.cfg.api_base} "
            f"every {self.cfg.interval_seconds:g}s"
        )

    def _transient(self, resp: Response, what: str) -> None:
        if resp.status == 429:
            raise SourceUnavailable(
                f"Bluesky rate limit on {what} (HTTP 429)",
                source=self.name,
                retry_after=seconds_until_epoch(resp.headers.get("ratelimit-reset"))
                or retry_after_header(resp.headers),
            )
        if resp.status >= 500 or resp.looks_like_html():
            raise SourceUnavailable(f"Bluesky answered HTTP {resp.status} to {what}", source=self.name)

    async def _xrpc(self, method: str, nsid: str, *, token: str | None, **kw: Any) -> Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return await request(
            self.session, method, f"{self.cfg.api_base}/xrpc/{nsid}", source=self.name, seconds=self.timeout,
            headers=headers, **kw,
        )

    def _keep(self, resp: Response) -> None:
        data = resp.json(source=self.name)
        if not isinstance(data, dict) or not data.get("accessJwt"):
            raise SourceUnavailable("Bluesky sent a session without tokens", source=self.name)
        self._access = str(data["accessJwt"])
        self._refresh = str(data.get("refreshJwt") or "") or None

    async def _login(self) -> None:
        resp = await self._xrpc(
            "POST", "com.atproto.server.createSession", token=None,
            json_body={"identifier": self.cfg.handle, "password": self._password},
        )
        self._transient(resp, "login")
        if resp.status != 200:
            raise SourceAuthFailed(
                f"Bluesky login as {self.cfg.handle} failed (HTTP {resp.status} {_error_name(resp)}): "
                "check the handle and create a new app password",
                source=self.name,
            )
        self._keep(resp)

    async def _refresh_session(self) -> bool:
        if not self._refresh:
            return False
        resp = await self._xrpc("POST", "com.atproto.server.refreshSession", token=self._refresh)
        self._transient(resp, "session refresh")
        if resp.status != 200:
            self._access = self._refresh = None
            return False
        self._keep(resp)
        return True

    async def _search(self, params: dict[str, str | int]) -> dict[str, Any]:
        if self._access is None:
            await self._login()
        for attempt in range(3):
            resp = await self._xrpc("GET", "app.bsky.feed.searchPosts", token=self._access, params=params)
            self._transient(resp, "search")
            if resp.status == 200:
                data = resp.json(source=self.name)
                if not isinstance(data, dict):
                    raise SourceUnavailable("Bluesky sent a search result that is not an object", source=self.name)
                return data
            error = _error_name(resp)
            if resp.status in (400, 401) and (error in EXPIRED or resp.status == 401) and attempt < 2:
                if attempt == 0 and await self._refresh_session():
                    continue
                await self._login()
                continue
            if resp.status in (401, 403):
                raise SourceAuthFailed(
                    f"Bluesky refused the search (HTTP {resp.status} {error})", source=self.name
                )
            raise SourceUnavailable(f"Bluesky answered HTTP {resp.status} {error} to search", source=self.name)
        raise SourceAuthFailed("Bluesky kept refusing fresh sessions", source=self.name)

    async def fetch(self, cursor: Cursor) -> FetchResult:
        items: list[Item] = []
        next_cursor: Cursor = {}
        own = self.cfg.handle.lstrip("@")
        for n, query in enumerate(self.queries):
            key = f"q:{n}"
            wm = Watermark.load(cursor.get(key))
            new_wm = Watermark(wm.newest, wm.ids)
            page_cursor: str | None = None
            for _ in range(self.cfg.max_pages):
                params: dict[str, str | int] = {"q": query, "sort": "latest", "limit": 100}
                if wm.newest is not None:
                    params["since"] = wm.newest.isoformat().replace("+00:00", "Z")
                if page_cursor:
                    params["cursor"] = page_cursor
                data = await self._search(params)
                page = (post_to_item(post, own_handle=own) if isinstance(post, dict) else None
                        for post in data.get("posts") or [])
                reached = wm.collect(page, items, new_wm)
                page_cursor = data.get("cursor")
                if reached or not page_cursor or not data.get("posts"):
                    break
            dumped = new_wm.dump()
            if dumped:
                next_cursor[key] = dumped
        return FetchResult(unique(items), next_cursor)
