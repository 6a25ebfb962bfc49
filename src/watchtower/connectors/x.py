"""X (Twitter) API v2 through tweepy's AsyncClient.

Streams, in this order so that a post seen twice keeps the first (most specific) label:

1. ``mentions``  – ``GET /2/users/:id/mentions``: posts that @mention the school (``own``).
2. ``replies``   – recent search ``to:<handle> -from:<handle>``: replies to the school's posts (``own``).
3. ``own_posts`` – ``GET /2/users/:id/tweets``: the school's own posts (``own``, ``own_post=True``).
4. ``search``    – recent search for the school's names (``mention``).

Each stream keeps its own ``since_id`` (exclusive) in the cursor; it is fixed while paging and replaced by
the first page's ``newest_id``. Pagination tokens are never kept between runs. At most ``max_pages`` pages per
stream per poll cap the bill (X charges per post read): when more arrived than that, the oldest of them are
skipped, since the next poll starts from the newest.

tweepy quirks handled here (platforms.md §1): ``client.session`` is set to the shared session (else a session
per call); ``wait_on_rate_limit`` is off (it would sleep forever on a usage cap); a non-2xx HTML page raises
``aiohttp.ContentTypeError`` inside tweepy; the host is hard-coded, so another ``api_base`` is reached by a
session wrapper that rewrites the URL.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import tweepy
from tweepy.asynchronous import AsyncClient
from yarl import URL

from watchtower.connectors._common import BaseConnector, unique
from watchtower.connectors._http import parse_iso, seconds_until_epoch
from watchtower.connectors.base import Cursor, FetchResult
from watchtower.connectors.config import XSource
from watchtower.exceptions import SourceAuthFailed, SourceQuotaExhausted, SourceUnavailable
from watchtower.models import Item

TWEEPY_HOST = "https://api.twitter.com"

TWEET_FIELDS = [
    "author_id",
    "created_at",
    "conversation_id",
    "in_reply_to_user_id",
    "referenced_tweets",
    "attachments",
]
EXPANSIONS = ["author_id", "attachments.media_keys", "referenced_tweets.id"]
USER_FIELDS = ["username", "name"]
MEDIA_FIELDS = ["url", "preview_image_url", "type"]
#: X rejects a recent-search query longer than this.
MAX_QUERY = 512


class HostRewritingSession:
    """Passed to tweepy as its ``session``: sends ``https://api.twitter.com/...`` to ``api_base`` instead.

    tweepy only calls ``session.request(method, url, **kw)`` as an async context manager; everything else is
    the real shared ``ClientSession``. OAuth 1.0a signatures cover the host, so this is for bearer tokens
    (tests, a proxy), not user context against another real host.
    """

    def __init__(self, session: aiohttp.ClientSession, api_base: str) -> None:
        self._session = session
        self._base = api_base.rstrip("/")

    def request(self, method: str, url: str | URL, **kwargs: Any) -> Any:
        text = str(url)
        if text.startswith(TWEEPY_HOST + "/"):
            encoded = isinstance(url, URL) and url.raw_path_qs != url.path_qs
            text = self._base + text[len(TWEEPY_HOST) :]
            return self._session.request(method, URL(text, encoded=encoded) if encoded else text, **kwargs)
        return self._session.request(method, url, **kwargs)


def build_search_queries(names: list[str], *, exclude_handle: str | None) -> list[str]:
    """``"A" OR "B"`` queries for the names, split so none is longer than X allows; retweets excluded."""
    suffix = " -is:retweet" + (f" -from:{exclude_handle}" if exclude_handle else "")
    queries: list[str] = []
    current: list[str] = []
    for name in names:
        term = f'"{name.replace(chr(34), "")}"'
        candidate = [*current, term]
        text = "(" + " OR ".join(candidate) + ")" + suffix
        if current and len(text) > MAX_QUERY:
            queries.append("(" + " OR ".join(current) + ")" + suffix)
            current = [term]
        else:
            current = candidate
    if current:
        queries.append("(" + " OR ".join(current) + ")" + suffix)
    return queries


class XConnector(BaseConnector):
    platform = "x"

    def __init__(
        self,
        cfg: XSource,
        session: aiohttp.ClientSession,
        *,
        queries: list[str],
        bearer_token: str | None = None,
        consumer_key: str | None = None,
        consumer_secret: str | None = None,
        access_token: str | None = None,
        access_token_secret: str | None = None,
    ) -> None:
        super().__init__(name=cfg.name, session=session, timeout=cfg.timeout_seconds)
        self.cfg = cfg
        self.handle = cfg.handle.lstrip("@")
        self.user_auth = access_token is not None
        self.client = AsyncClient(
            bearer_token=bearer_token,
            consumer_key=consumer_key,
            consumer_secret=consumer_secret,
            access_token=access_token,
            access_token_secret=access_token_secret,
            return_type=aiohttp.ClientResponse,
            wait_on_rate_limit=False,
        )
        if cfg.api_base.rstrip("/") == TWEEPY_HOST:
            self.client.session = session
        else:
            self.client.session = HostRewritingSession(session, cfg.api_base)
        self.search_queries = build_search_queries(queries, exclude_handle=self.handle)

    def describe(self) -> str:
        streams = [s for s in ("mentions", "replies", "own_posts", "search") if getattr(self.cfg, s)]
        auth = "user context" if self.user_auth else "app-only bearer"
        return (
            f"x {self.name}: @{self.handle} ({', '.join(streams)}; {auth}) every "
            f"{self.cfg.interval_seconds:g}s, up to {self.cfg.max_pages} pages/stream"
        )

    # --- one call, typed failures -----------------------------------------------------------

    async def _call(self, fn: Callable[..., Awaitable[Any]], **params: Any) -> dict[str, Any]:
        try:
            async with asyncio.timeout(self.timeout):
                response = await fn(**params, user_auth=self.user_auth)
        except TimeoutError as exc:
            raise SourceUnavailable(f"X did not answer within {self.timeout:g}s", source=self.name) from exc
        except tweepy.TooManyRequests as exc:
            payload = await _error_json(exc)
            if _usage_capped(payload):
                raise SourceQuotaExhausted(
                    f"X usage cap reached ({payload.get('detail') or payload.get('title')}): "
                    "no more reads until the cap resets or the plan is raised",
                    source=self.name,
                ) from exc
            raise SourceUnavailable(
                "X rate limit reached (HTTP 429)",
                source=self.name,
                retry_after=seconds_until_epoch(exc.reset_time),
            ) from exc
        except tweepy.Unauthorized as exc:
            raise SourceAuthFailed(
                f"X refused the credentials (401): {_messages(exc)}; renew the token", source=self.name
            ) from exc
        except tweepy.Forbidden as exc:
            raise SourceAuthFailed(
                f"X forbids this call (403): {_messages(exc)}; check the app's access level and project",
                source=self.name,
            ) from exc
        except tweepy.NotFound as exc:
            raise SourceAuthFailed(
                f"X does not know user id {self.cfg.user_id} (404): check user_id", source=self.name
            ) from exc
        except tweepy.TwitterServerError as exc:
            raise SourceUnavailable(
                f"X server error (HTTP {exc.response.status})", source=self.name
            ) from exc
        except tweepy.BadRequest:
            raise
        except tweepy.HTTPException as exc:
            status = exc.response.status
            if status == 402:
                raise SourceQuotaExhausted(
                    f"X credits depleted (402): {_messages(exc)}; top up the developer account",
                    source=self.name,
                ) from exc
            raise SourceUnavailable(f"X answered HTTP {status}: {_messages(exc)}", source=self.name) from exc
        except aiohttp.ContentTypeError as exc:
            # tweepy reads a non-2xx body as JSON first: a proxy's HTML error page lands here.
            raise SourceUnavailable(
                f"X answered HTTP {exc.status} with a non-JSON page (an outage or proxy page)", source=self.name
            ) from exc
        except (ValueError, AttributeError, TypeError) as exc:
            # tweepy parsing a non-2xx body that is truncated JSON, empty, or not an object
            raise SourceUnavailable(f"X sent a malformed error body: {exc!r}", source=self.name) from exc
        except aiohttp.ClientError as exc:
            raise SourceUnavailable(f"request to X failed: {type(exc).__name__}: {exc}", source=self.name) from exc
        try:
            # tweepy has read the body and released the connection: .json() parses the cached body
            # (aiohttp 3.14's .read() would raise after release).
            data = await response.json(content_type=None)
        except ValueError as exc:
            raise SourceUnavailable(f"X sent malformed JSON: {exc}", source=self.name) from exc
        if not isinstance(data, dict):
            raise SourceUnavailable("X sent JSON that is not an object", source=self.name)
        return data

    # --- streams ---------------------------------------------------------------------------------

    async def _stream(
        self,
        key: str,
        cursor: Cursor,
        fn: Callable[..., Awaitable[Any]],
        token_param: str,
        *,
        source: str,
        own_post: bool,
        **params: Any,
    ) -> tuple[list[Item], str | None]:
        since = cursor.get(key)
        newest: str | None = None
        token: str | None = None
        items: list[Item] = []
        common = {
            "max_results": 100,
            "expansions": EXPANSIONS,
            "tweet_fields": TWEET_FIELDS,
            "user_fields": USER_FIELDS,
            "media_fields": MEDIA_FIELDS,
        }
        for _page in range(self.cfg.max_pages):
            call: dict[str, Any] = {**params, **common}
            if since:
                call["since_id"] = since
            if token:
                call[token_param] = token
            data = await self._call(fn, **call)
            meta = data.get("meta") or {}
            if newest is None:  # pages run newest first; an empty first page has no newest_id
                newest = meta.get("newest_id")
            items.extend(_tweets_to_items(data, source=source, own_post=own_post, school_id=self.cfg.user_id))
            token = meta.get("next_token")
            if not token:
                break
        return items, newest or since

    async def _search(
        self, key: str, cursor: Cursor, query: str, *, source: str
    ) -> tuple[list[Item], str | None]:
        async def once(cur: Cursor) -> tuple[list[Item], str | None]:
            return await self._stream(
                key, cur, self.client.search_recent_tweets, "next_token",
                source=source, own_post=False, query=query,
            )

        try:
            return await once(cursor)
        except tweepy.BadRequest as exc:
            if not cursor.get(key):
                raise SourceUnavailable(
                    f"X refused the search {query!r} (400): {_messages(exc)}", source=self.name
                ) from exc
        # Recent search refuses a since_id older than its 7-day window: start this query afresh.
        try:
            return await once({k: v for k, v in cursor.items() if k != key})
        except tweepy.BadRequest as exc:
            raise SourceUnavailable(
                f"X refused the search {query!r} (400): {_messages(exc)}", source=self.name
            ) from exc

    async def fetch(self, cursor: Cursor) -> FetchResult:
        items: list[Item] = []
        next_cursor: Cursor = {}
        uid = self.cfg.user_id

        async def run(key: str, coro: Awaitable[tuple[list[Item], str | None]]) -> None:
            got, since = await coro
            items.extend(got)
            if since:
                next_cursor[key] = since

        try:
            if self.cfg.mentions:
                await run("mentions_since", self._stream(
                    "mentions_since", cursor, self.client.get_users_mentions, "pagination_token",
                    source="own", own_post=False, id=uid))
            if self.cfg.replies:
                q = f"to:{self.handle} -from:{self.handle} is:reply"
                await run("replies_since", self._search("replies_since", cursor, q, source="own"))
            if self.cfg.own_posts:
                await run("own_since", self._stream(
                    "own_since", cursor, self.client.get_users_tweets, "pagination_token",
                    source="own", own_post=True, id=uid))
            if self.cfg.search:
                for n, query in enumerate(self.search_queries):
                    key = f"search_since_{n}"
                    await run(key, self._search(key, cursor, query, source="mention"))
        except tweepy.BadRequest as exc:
            raise SourceUnavailable(f"X refused the request (400): {_messages(exc)}", source=self.name) from exc
        return FetchResult(unique(items), next_cursor)


# --- parsing --------------------------------------------------------------------------------


def _tweets_to_items(data: dict[str, Any], *, source: str, own_post: bool, school_id: str) -> list[Item]:
    includes = data.get("includes") or {}
    users = {u.get("id"): u for u in includes.get("users") or [] if isinstance(u, dict)}
    out: list[Item] = []
    for tweet in data.get("data") or []:
        if not isinstance(tweet, dict) or not tweet.get("id"):
            continue
        author = users.get(tweet.get("author_id"), {})
        handle = author.get("username")
        parent = next(
            (r.get("id") for r in tweet.get("referenced_tweets") or [] if r.get("type") == "replied_to"), None
        )
        is_own = own_post or tweet.get("author_id") == school_id
        created = tweet.get("created_at")
        if not created:
            continue
        out.append(
            Item(
                platform="x",
                source="own" if (source == "own" or is_own) else "mention",
                platform_id=str(tweet["id"]),
                url=f"https://x.com/{handle or 'i'}/status/{tweet['id']}",
                author_handle=handle,
                author_name=author.get("name"),
                text=str(tweet.get("text") or ""),
                created_at=parse_iso(created),
                has_media=bool((tweet.get("attachments") or {}).get("media_keys")),
                parent_id=parent,
                own_post=is_own,
                title=None,
                extra={"conversation_id": tweet.get("conversation_id"), "author_id": tweet.get("author_id")},
            )
        )
    return out


async def _error_json(exc: tweepy.HTTPException) -> dict[str, Any]:
    try:
        payload = await exc.response.json(content_type=None)
    except (ValueError, aiohttp.ClientError):
        return {}
    return payload if isinstance(payload, dict) else {}


def _usage_capped(payload: dict[str, Any]) -> bool:
    kind = str(payload.get("type") or "")
    return kind.endswith("/usage-capped") or payload.get("title") == "UsageCapExceeded"


def _messages(exc: tweepy.HTTPException) -> str:
    if exc.api_messages:
        return "; ".join(str(m) for m in exc.api_messages)
    return str(exc).strip() or type(exc).__name__
