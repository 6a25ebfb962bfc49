"""X (Twitter) API v2 through tweepy's AsyncClient.

Streams, in this order so that a post seen twice keeps the first (most specific) label:

1. ``mentions``  – ``GET /2/users/:id/mentions``: posts that @mention the school (``own``).
2. ``replies``   – recent search ``to:<handle> -from:<handle>``: replies to the school's posts (``own``).
3. ``own_posts`` – ``GET /2/users/:id/tweets``: the school's own posts (``own``, ``own_post=True``).
4. ``search``    – recent search for the school's names (``mention``).

Each stream keeps its own ``since_id`` (exclusive) in the cursor; it is fixed while paging and replaced by
the largest id seen (``meta.newest_id``, else the largest post id: X may leave ``newest_id`` out). Only ids of
X's own form (``^[0-9]{1,19}$``) are sent or kept. A ``since_id`` that X refuses (400: too old for the 7-day
search window, or otherwise invalid) is dropped and the stream read afresh, on every stream; otherwise one
bad cursor would fail every poll for good. Pagination tokens are never kept between runs. At most
``max_pages`` pages per stream per poll cap the bill (X charges per post read): when more arrived than that,
the oldest of them are skipped, since the next poll starts from the newest.

Streams fail independently: a stream that is refused (400) or times out is logged (``x_stream_failed``), keeps
its old cursor and is tried again next poll, while the others deliver, and the fetch's ``warnings`` name it (the
poller records the source as ``degraded``); only when every stream failed is the poll a failure. Failures that
need a person (credentials, usage cap, an unknown ``user_id``) stop the whole source, so that the operator is
told. ``timeout_seconds`` bounds one request; ``poll_budget`` (one request timeout per stream, and one to spare)
bounds the whole poll, so that one stream timing out still leaves the others their time.

A 200 may carry ``errors`` (Problem objects): next to ``data`` they are logged (``x_partial_errors``: a deleted
post a reply refers to, say) and the data kept; with no data they are a failure, and a user X cannot find or
show (``resource-not-found`` / ``not-authorized-for-resource`` on the user id) is ``SourceMisconfigured``.

tweepy quirks handled here (platforms.md §1): ``client.session`` is set to the shared session (else a session
per call); ``wait_on_rate_limit`` is off (it would sleep forever on a usage cap); a non-2xx HTML page raises
``aiohttp.ContentTypeError`` inside tweepy; the host is hard-coded, so another ``api_base`` is reached by a
session wrapper that rewrites the URL.
"""

from __future__ import annotations

import asyncio
import functools
import json
import re
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import tweepy
from tweepy.asynchronous import AsyncClient
from yarl import URL

from watchtower.connectors._common import BaseConnector, obj, unique
from watchtower.connectors._http import max_id, parse_iso, seconds_until_epoch
from watchtower.connectors.base import Cursor, FetchResult
from watchtower.connectors.config import XSource
from watchtower.exceptions import SourceAuthFailed, SourceMisconfigured, SourceQuotaExhausted, SourceUnavailable
from watchtower.logging import get_logger
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
#: A post id as X's OpenAPI spec defines it (``PostId``, and the ``since_id`` parameter).
POST_ID = re.compile(r"[0-9]{1,19}")
#: Problem types that, with no data, mean the configured user cannot be read: a configuration error.
USER_PROBLEMS = ("/resource-not-found", "/not-authorized-for-resource", "/disallowed-resource")


#: What reading one stream gives: its items and the cursor to keep for it.
StreamResult = tuple[list[Item], str | None]
#: One enabled stream: its cursor key, its name for the operator ("mentions", "search"), and how to read it.
Stream = tuple[str, str, Callable[[], Awaitable[StreamResult]]]


def valid_id(value: object) -> str | None:
    """``value`` if it is a post id of X's form (1 to 19 digits), else None: nothing else is sent or stored."""
    return value if isinstance(value, str) and POST_ID.fullmatch(value) else None


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

    @property
    def poll_budget(self) -> float:
        """Seconds one whole poll may take (the poller's bound): one request timeout per enabled stream, and one
        to spare. The poller would otherwise bound the poll by ``timeout_seconds``, the bound on one request, and
        a single slow stream would fail the poll and lose the streams that answered."""
        return self.timeout * (len(self._streams({})) + 1)

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
            raise SourceMisconfigured(
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
        except json.JSONDecodeError as exc:
            # tweepy parsing a non-2xx body that is truncated JSON or empty: X's fault, an outage. Any other
            # ValueError, AttributeError or TypeError is a bug (ours or tweepy's): it is not caught here, so the
            # poller logs it with its traceback as ``source_bug`` rather than calling it a transient outage.
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
        since: str | None,
        fn: Callable[..., Awaitable[Any]],
        token_param: str,
        *,
        source: str,
        own_post: bool,
        **params: Any,
    ) -> StreamResult:
        """Up to ``max_pages`` pages after ``since``; the items and the largest valid id seen (or ``since``)."""
        ids: list[str] = []
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
            self._check_errors(data, key)
            meta = obj(data.get("meta"))
            ids.extend(_ids(data, meta))
            items.extend(_tweets_to_items(data, source=source, own_post=own_post, school_id=self.cfg.user_id))
            next_token = meta.get("next_token")
            token = next_token if isinstance(next_token, str) and next_token else None
            if not token:
                break
        return items, max_id(ids) or since

    def _check_errors(self, data: dict[str, Any], key: str) -> None:
        """``errors`` in a 200: logged next to data; with no data, a failure of the right type."""
        errors = [e for e in data.get("errors") or [] if isinstance(e, dict)]
        if not errors:
            return
        texts = [_problem_text(e) for e in errors[:5]]
        if data.get("data"):
            get_logger(source=self.name).warning(
                "x_partial_errors", stream=key, count=len(errors), errors=texts
            )
            return
        if any(_about_the_user(e, self.cfg.user_id) for e in errors):
            raise SourceMisconfigured(
                f"X cannot find or show user_id {self.cfg.user_id} (@{self.handle}): {'; '.join(texts)}; "
                "set user_id to the school account's numeric id (connectors/x.md says how to find it) and check "
                "the account is public",
                source=self.name,
            )
        raise SourceUnavailable(f"X answered with errors and no posts: {'; '.join(texts)}", source=self.name)

    async def _read(
        self,
        key: str,
        cursor: Cursor,
        fn: Callable[..., Awaitable[Any]],
        token_param: str,
        *,
        what: str,
        source: str,
        own_post: bool,
        **params: Any,
    ) -> StreamResult:
        """One stream; a ``since_id`` X refuses (400) is dropped and the stream read afresh, once.

        Recent search refuses a since_id older than its 7-day window; any stream may refuse one that X no
        longer accepts. Left in the cursor, it would fail every poll for good.
        """
        since = valid_id(cursor.get(key))
        if cursor.get(key) is not None and since is None:
            get_logger(source=self.name).warning("x_cursor_dropped", stream=key, value=repr(cursor.get(key))[:80])
        try:
            return await self._stream(key, since, fn, token_param, source=source, own_post=own_post, **params)
        except tweepy.BadRequest as exc:
            if since is None:
                raise SourceUnavailable(f"X refused {what} (400): {_messages(exc)}", source=self.name) from exc
            get_logger(source=self.name).warning(
                "x_since_id_refused", stream=key, since_id=since, error=_messages(exc)
            )
        try:
            return await self._stream(key, None, fn, token_param, source=source, own_post=own_post, **params)
        except tweepy.BadRequest as exc:
            raise SourceUnavailable(f"X refused {what} (400): {_messages(exc)}", source=self.name) from exc

    def _streams(self, cursor: Cursor) -> list[Stream]:
        """(cursor key, name, read) for each enabled stream, in the order that decides a post seen twice."""
        uid = self.cfg.user_id
        out: list[Stream] = []
        if self.cfg.mentions:
            out.append(("mentions_since", "mentions", functools.partial(
                self._read, "mentions_since", cursor, self.client.get_users_mentions, "pagination_token",
                what="the mentions request", source="own", own_post=False, id=uid)))
        if self.cfg.replies:
            q = f"to:{self.handle} -from:{self.handle} is:reply"
            out.append(("replies_since", "replies", functools.partial(
                self._read, "replies_since", cursor, self.client.search_recent_tweets, "next_token",
                what=f"the search {q!r}", source="own", own_post=False, query=q)))
        if self.cfg.own_posts:
            out.append(("own_since", "own posts", functools.partial(
                self._read, "own_since", cursor, self.client.get_users_tweets, "pagination_token",
                what="the own posts request", source="own", own_post=True, id=uid)))
        if self.cfg.search:
            several = len(self.search_queries) > 1
            for n, query in enumerate(self.search_queries):
                key = f"search_since_{n}"
                out.append((key, f"search {n + 1}" if several else "search", functools.partial(
                    self._read, key, cursor, self.client.search_recent_tweets, "next_token",
                    what=f"the search {query!r}", source="mention", own_post=False, query=query)))
        return out

    async def fetch(self, cursor: Cursor) -> FetchResult:
        """Every enabled stream in turn; one that fails keeps its cursor while the others deliver.

        Each stream that failed while others delivered is a warning ("search: X refused ..."), so that the
        poller records the source as degraded. Failures that need a person (auth, quota, an unknown user) stop
        the poll: the operator must hear.
        """
        items: list[Item] = []
        next_cursor: Cursor = {}
        failures: list[SourceUnavailable] = []
        warnings: list[str] = []
        streams = self._streams(cursor)
        for key, label, read in streams:
            try:
                got, since = await read()
            except SourceUnavailable as exc:
                failures.append(exc)
                warnings.append(f"{label}: {exc}")
                get_logger(source=self.name).warning("x_stream_failed", stream=key, error=str(exc))
                kept = valid_id(cursor.get(key))
                if kept:
                    next_cursor[key] = kept
                continue
            items.extend(got)
            if since:
                next_cursor[key] = since
        if streams and len(failures) == len(streams):
            raise failures[0]
        return FetchResult(unique(items), next_cursor, warnings=warnings)


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


def _ids(data: dict[str, Any], meta: dict[str, Any]) -> list[str]:
    """Every valid post id on a page: ``meta.newest_id`` (optional in X's spec) and the posts' own ids."""
    found = [meta.get("newest_id")]
    found += [t.get("id") for t in data.get("data") or [] if isinstance(t, dict)]
    return [v for v in map(valid_id, found) if v is not None]


def _problem_text(problem: dict[str, Any]) -> str:
    """One of X's Problem objects as a line: its detail (or message, or title)."""
    text = problem.get("detail") or problem.get("message") or problem.get("title") or "unknown error"
    return str(text)[:300]


def _about_the_user(problem: dict[str, Any], user_id: str) -> bool:
    """A Problem that says the configured user cannot be read (unknown, protected, suspended)."""
    kind = str(problem.get("type") or "")
    if not kind.endswith(USER_PROBLEMS):
        return False
    return (
        problem.get("parameter") == "id"
        or problem.get("resource_type") == "user"
        or str(problem.get("resource_id") or problem.get("value") or "") == user_id
    )


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
