"""One moderation client per platform, over the connectors' HTTP layer, with the school's own tokens.

Each client has ``plan(spec)`` (the exact call, in words: shown before confirming and kept in the row) and
``perform(spec)`` (the call; returns the platform's answer, or raises ``ActionTransient`` / ``ActionForbidden`` /
``ActionRefused`` / ``ActionGone``). Endpoints, permissions and error shapes are in connectors/<platform>.md.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from abc import ABC, abstractmethod
from typing import Any, Protocol

import aiohttp
import tweepy
from tweepy.asynchronous import AsyncClient

from watchtower.connectors._graph import RATE_LIMIT_CODES, TRANSIENT_CODES, GraphClient, usage_retry_after
from watchtower.connectors._http import (
    Response,
    request,
    retry_after_header,
    seconds_until_epoch,
    seconds_until_iso,
)
from watchtower.connectors.config import (
    BlueskySource,
    FacebookSource,
    InstagramSource,
    MastodonSource,
    XSource,
    YouTubeSource,
)
from watchtower.connectors.x import TWEEPY_HOST, HostRewritingSession
from watchtower.exceptions import SourceUnavailable
from watchtower.platform_actions.model import (
    ActionForbidden,
    ActionGone,
    ActionRefused,
    ActionSpec,
    ActionTransient,
)


class ModerationClient(Protocol):
    platform: str

    def plan(self, spec: ActionSpec) -> str: ...

    async def perform(self, spec: ActionSpec) -> Any: ...


def _json(resp: Response) -> Any:
    try:
        return json.loads(resp.body) if resp.body else None
    except (ValueError, UnicodeDecodeError):
        return {"body": resp.body[:300].decode("utf-8", "replace")}


async def _send(session: aiohttp.ClientSession, method: str, url: str, *, source: str, seconds: float,
                **kw: Any) -> Response:
    try:
        return await request(session, method, url, source=source, seconds=seconds, **kw)
    except SourceUnavailable as exc:  # timeouts, refused connections: transient
        raise ActionTransient(str(exc), retry_after=exc.retry_after) from exc


# --- Meta Graph: Facebook Page and Instagram ------------------------------------------------------


class _GraphModeration(ABC):
    platform = "facebook"
    doc = "connectors/facebook.md"
    #: the parameter that hides a comment, and the edge below a comment that a reply is posted to
    hide_param = "is_hidden"
    reply_edge = "comments"

    def __init__(self, graph: GraphClient, session: aiohttp.ClientSession) -> None:
        self.graph = graph
        self.session = session

    def permission(self, kind: str) -> str:
        return "pages_manage_engagement"

    def route(self, spec: ActionSpec) -> tuple[str, str, dict[str, str]]:
        """(HTTP method, Graph path, parameters) for ``spec``: hide, unhide, delete and reply are the same calls
        on Facebook and Instagram but for :attr:`hide_param` and :attr:`reply_edge`."""
        if spec.kind in ("hide", "unhide"):
            return "POST", spec.target_id, {self.hide_param: "true" if spec.kind == "hide" else "false"}
        if spec.kind == "delete":
            return "DELETE", spec.target_id, {}
        if spec.kind == "reply":
            return "POST", f"{spec.target_id}/{self.reply_edge}", {"message": spec.text or ""}
        return self.route_more(spec)

    @abstractmethod
    def route_more(self, spec: ActionSpec) -> tuple[str, str, dict[str, str]]:
        """The route for a kind only this platform has (Facebook's ban); raises ActionRefused for the rest."""

    def plan(self, spec: ActionSpec) -> str:
        method, path, params = self.route(spec)
        shown = {k: ("<reply text>" if k == "message" else v) for k, v in params.items()}
        query = "&".join(f"{k}={v}" for k, v in shown.items())
        return f"{method} {self.graph.base.path}/{path}" + (f"?{query}" if query else "")

    async def perform(self, spec: ActionSpec) -> Any:
        method, path, params = self.route(spec)
        body = {**params, "access_token": self.graph.token}
        kw: dict[str, Any] = {"params": body} if method == "DELETE" else {"data": body}
        resp = await _send(self.session, method, str(self.graph.url(path)), source=self.graph.source,
                           seconds=self.graph.timeout, **kw)
        data = _json(resp)
        if isinstance(data, dict) and isinstance(data.get("error"), dict):
            raise self._error(spec, data, resp)
        if resp.status == 429 or resp.status >= 500 or resp.looks_like_html():
            raise ActionTransient(f"Graph API answered HTTP {resp.status}", retry_after=retry_after_header(
                resp.headers), answer=data)
        if resp.status >= 400:
            raise ActionRefused(f"Graph API answered HTTP {resp.status}", answer=data)
        if isinstance(data, dict) and data.get("success") is False:
            raise ActionRefused("Graph API answered success: false", answer=data)
        return data

    def _error(self, spec: ActionSpec, data: dict[str, Any], resp: Response) -> Exception:
        error = data["error"]
        code, sub = error.get("code"), error.get("error_subcode")
        what = f"Graph error {code}" + (f"/{sub}" if sub else "") + f": {str(error.get('message') or '')[:200]}"
        if code == 190:
            return ActionForbidden(f"the access token expired or was revoked: make a new one, see {self.doc} "
                                   f"({what})", answer=data)
        if code == 10 or (isinstance(code, int) and 200 <= code <= 299):
            return ActionForbidden(f"this token lacks {self.permission(spec.kind)}: see {self.doc} ({what})",
                                   answer=data)
        if code in RATE_LIMIT_CODES:
            return ActionTransient(f"rate limited by Meta ({what})", answer=data,
                                   retry_after=usage_retry_after(resp.headers) or retry_after_header(resp.headers))
        if code == 368:
            return ActionTransient(f"Meta has temporarily blocked this action ({what})", retry_after=3600,
                                   answer=data)
        if code in TRANSIENT_CODES or resp.status >= 500:
            return ActionTransient(what, retry_after=retry_after_header(resp.headers), answer=data)
        if code == 100 and sub == 33:
            return ActionGone(f"the comment no longer exists or this token cannot see it ({what})", answer=data)
        return ActionRefused(what, answer=data)


class FacebookModeration(_GraphModeration):
    platform = "facebook"
    doc = "connectors/facebook.md"

    def __init__(self, cfg: FacebookSource, session: aiohttp.ClientSession, *, token: str) -> None:
        super().__init__(GraphClient.for_source(cfg, session, token=token), session)
        self.page_id = cfg.page_id

    def route_more(self, spec: ActionSpec) -> tuple[str, str, dict[str, str]]:
        if spec.kind == "ban":
            if not spec.author_handle:
                raise ActionRefused("Facebook did not give this comment's author id, so they cannot be banned")
            return "POST", f"{self.page_id}/blocked", {"user": spec.author_handle}
        raise ActionRefused(f"Facebook cannot {spec.kind}")


class InstagramModeration(_GraphModeration):
    platform = "instagram"
    doc = "connectors/instagram.md"
    hide_param = "hide"
    reply_edge = "replies"

    def __init__(self, cfg: InstagramSource, session: aiohttp.ClientSession, *, token: str) -> None:
        super().__init__(GraphClient.for_source(cfg, session, token=token), session)
        self.instagram_login = "graph.instagram.com" in cfg.api_base

    def permission(self, kind: str) -> str:
        return "instagram_business_manage_comments" if self.instagram_login else "instagram_manage_comments"

    def route_more(self, spec: ActionSpec) -> tuple[str, str, dict[str, str]]:
        raise ActionRefused(f"Instagram's API cannot {spec.kind}")


# --- YouTube Data API v3 (OAuth as the channel owner) ----------------------------------------------

YOUTUBE_STATUS = {"hide": "heldForReview", "unhide": "published", "delete": "rejected", "ban": "rejected"}


class YouTubeModeration:
    platform = "youtube"
    doc = "connectors/youtube.md"

    def __init__(self, cfg: YouTubeSource, session: aiohttp.ClientSession, *, client_id: str, client_secret: str,
                 refresh_token: str, token_uri: str) -> None:
        self.base = cfg.api_base.rstrip("/")
        self.source = cfg.name
        self.timeout = cfg.timeout_seconds
        self.session = session
        self.client_id, self.client_secret, self.refresh_token = client_id, client_secret, refresh_token
        self.token_uri = token_uri
        self._access: str | None = None
        self._lock = asyncio.Lock()

    def plan(self, spec: ActionSpec) -> str:
        if spec.kind == "reply":
            return f"POST {self.base}/comments?part=snippet with snippet.parentId={_yt_parent(spec.target_id)}"
        extra = "&banAuthor=true" if spec.kind == "ban" else ""
        return (f"POST {self.base}/comments/setModerationStatus?id={spec.target_id}"
                f"&moderationStatus={YOUTUBE_STATUS[spec.kind]}{extra}")

    async def _token(self, *, renew: bool = False) -> str:
        async with self._lock:
            if self._access is None or renew:
                resp = await _send(self.session, "POST", self.token_uri, source=self.source, seconds=self.timeout,
                                   data={"grant_type": "refresh_token", "refresh_token": self.refresh_token,
                                         "client_id": self.client_id, "client_secret": self.client_secret})
                data = _json(resp)
                if resp.status >= 500 or resp.status == 429:
                    raise ActionTransient(f"Google's token endpoint answered HTTP {resp.status}", answer=data)
                if resp.status != 200 or not isinstance(data, dict) or not data.get("access_token"):
                    raise ActionForbidden(f"Google refused the refresh token ({resp.status} "
                                          f"{(data or {}).get('error') if isinstance(data, dict) else ''}): make a "
                                          f"new one with the youtube.force-ssl scope, see {self.doc}", answer=data)
                self._access = str(data["access_token"])
            return self._access

    async def perform(self, spec: ActionSpec) -> Any:
        for renew in (False, True):
            headers = {"Authorization": f"Bearer {await self._token(renew=renew)}"}
            if spec.kind == "reply":
                resp = await _send(self.session, "POST", f"{self.base}/comments", source=self.source,
                                   seconds=self.timeout, params={"part": "snippet"}, headers=headers,
                                   json_body={"snippet": {"parentId": _yt_parent(spec.target_id),
                                                          "textOriginal": spec.text or ""}})
            else:
                params: dict[str, str | int] = {"id": spec.target_id, "moderationStatus": YOUTUBE_STATUS[spec.kind]}
                if spec.kind == "ban":
                    params["banAuthor"] = "true"
                resp = await _send(self.session, "POST", f"{self.base}/comments/setModerationStatus",
                                   source=self.source, seconds=self.timeout, params=params, headers=headers)
            if resp.status == 401 and not renew:
                continue  # the access token lapsed (they last an hour): renew once
            return self._answer(resp)
        raise ActionForbidden(f"YouTube refused a fresh token (401): see {self.doc}")

    def _answer(self, resp: Response) -> Any:
        data = _json(resp)
        if resp.status in (200, 204):
            return data if data is not None else {"status": resp.status}
        error = data.get("error") if isinstance(data, dict) else None
        errors = error.get("errors") if isinstance(error, dict) else None
        reason = str(errors[0].get("reason")) if isinstance(errors, list) and errors and isinstance(
            errors[0], dict) else ""
        what = f"YouTube HTTP {resp.status} {reason}".strip()
        if reason in ("quotaExceeded", "rateLimitExceeded", "userRateLimitExceeded") or resp.status == 429:
            return _raise(ActionTransient(f"{what}: the daily quota resets at midnight Pacific time",
                                          retry_after=3600, answer=data))
        if resp.status >= 500 or resp.looks_like_html():
            return _raise(ActionTransient(what, retry_after=retry_after_header(resp.headers), answer=data))
        if resp.status == 404 or reason == "commentNotFound":
            return _raise(ActionGone(f"{what}: the comment no longer exists", answer=data))
        if resp.status in (401, 403):
            return _raise(ActionForbidden(
                f"this token lacks the youtube.force-ssl scope or is not the channel owner's ({what}): "
                f"see {self.doc}", answer=data))
        return _raise(ActionRefused(what, answer=data))


def _raise(exc: Exception) -> Any:
    raise exc


def _yt_parent(comment_id: str) -> str:
    """Replies go under the top-level comment: a reply's id is ``<top-level id>.<suffix>``."""
    return comment_id.split(".", 1)[0]


# --- X API v2 through tweepy (OAuth 1.0a user context) --------------------------------------------


class XModeration:
    platform = "x"
    doc = "connectors/x.md"

    def __init__(self, cfg: XSource, session: aiohttp.ClientSession, *, consumer_key: str, consumer_secret: str,
                 access_token: str, access_token_secret: str) -> None:
        self.timeout = cfg.timeout_seconds
        self.client = AsyncClient(consumer_key=consumer_key, consumer_secret=consumer_secret,
                                  access_token=access_token, access_token_secret=access_token_secret,
                                  return_type=aiohttp.ClientResponse, wait_on_rate_limit=False)
        if cfg.api_base.rstrip("/") == TWEEPY_HOST:
            self.client.session = session
        else:
            self.client.session = HostRewritingSession(session, cfg.api_base)

    def plan(self, spec: ActionSpec) -> str:
        if spec.kind in ("hide", "unhide"):
            return f"PUT /2/tweets/{spec.target_id}/hidden {{\"hidden\": {str(spec.kind == 'hide').lower()}}}"
        return f"POST /2/tweets {{\"reply\": {{\"in_reply_to_tweet_id\": \"{spec.target_id}\"}}, \"text\": …}}"

    async def perform(self, spec: ActionSpec) -> Any:
        try:
            async with asyncio.timeout(self.timeout):
                if spec.kind == "hide":
                    response = await self.client.hide_reply(spec.target_id, user_auth=True)
                elif spec.kind == "unhide":
                    response = await self.client.unhide_reply(spec.target_id, user_auth=True)
                elif spec.kind == "reply":
                    response = await self.client.create_tweet(text=spec.text, in_reply_to_tweet_id=spec.target_id,
                                                              user_auth=True)
                else:
                    raise ActionRefused(f"X's API cannot {spec.kind} another account's post")
        except TimeoutError as exc:
            raise ActionTransient(f"X did not answer within {self.timeout:g}s") from exc
        except tweepy.TooManyRequests as exc:
            raise ActionTransient("X rate limit (HTTP 429)", retry_after=seconds_until_epoch(exc.reset_time),
                                  answer=exc.api_errors) from exc
        except (tweepy.Unauthorized, tweepy.Forbidden) as exc:
            raise ActionForbidden(
                f"X refused ({exc.response.status}: {'; '.join(exc.api_messages)[:200]}): the app needs Read and "
                f"write permission and the school's user-context token, and a hidden reply must be in a "
                f"conversation the school started; see {self.doc}", answer=exc.api_errors) from exc
        except tweepy.NotFound as exc:
            raise ActionGone("X: the post no longer exists (404)", answer=exc.api_errors) from exc
        except tweepy.TwitterServerError as exc:
            raise ActionTransient(f"X server error (HTTP {exc.response.status})") from exc
        except tweepy.HTTPException as exc:
            raise ActionRefused(f"X answered HTTP {exc.response.status}: {'; '.join(exc.api_messages)[:200]}",
                                answer=exc.api_errors) from exc
        except aiohttp.ContentTypeError as exc:
            raise ActionTransient(f"X answered HTTP {exc.status} with a non-JSON page") from exc
        except aiohttp.ClientError as exc:
            raise ActionTransient(f"request to X failed: {type(exc).__name__}") from exc
        try:
            return await response.json(content_type=None)
        except ValueError:
            return {"status": response.status}


# --- Mastodon -------------------------------------------------------------------------------------


class MastodonModeration:
    platform = "mastodon"
    doc = "connectors/mastodon.md"

    def __init__(self, cfg: MastodonSource, session: aiohttp.ClientSession, *, token: str) -> None:
        self.base, self.source, self.timeout = cfg.api_base.rstrip("/"), cfg.name, cfg.timeout_seconds
        self.session, self.token = session, token

    def plan(self, spec: ActionSpec) -> str:
        if spec.kind == "reply":
            return f"POST {self.base}/api/v1/statuses in_reply_to_id={_masto_id(spec)} (Idempotency-Key)"
        return f"POST {self.base}/api/v1/accounts/<id of {spec.author_handle}>/block"

    async def _call(self, method: str, path: str, spec: ActionSpec, **kw: Any) -> Any:
        headers = {"Authorization": f"Bearer {self.token}", **kw.pop("headers", {})}
        resp = await _send(self.session, method, self.base + path, source=self.source, seconds=self.timeout,
                           headers=headers, **kw)
        data = _json(resp)
        if resp.status == 200:
            return data
        msg = f"Mastodon HTTP {resp.status}: {(data or {}).get('error') if isinstance(data, dict) else ''}"
        if resp.status == 429 or resp.status >= 500:
            raise ActionTransient(msg, retry_after=seconds_until_iso(resp.headers.get("X-RateLimit-Reset")),
                                  answer=data)
        if resp.status in (401, 403):
            scope = "write:statuses" if spec.kind == "reply" else "write:blocks and read:accounts"
            raise ActionForbidden(f"this token lacks {scope}: see {self.doc} ({msg})", answer=data)
        if resp.status == 404:
            raise ActionGone(f"{msg}: the post or account no longer exists", answer=data)
        raise ActionRefused(msg, answer=data)

    async def perform(self, spec: ActionSpec) -> Any:
        if spec.kind == "reply":
            text = spec.text or ""
            if spec.author_handle and f"@{spec.author_handle}" not in text:
                text = f"@{spec.author_handle} {text}"
            return await self._call("POST", "/api/v1/statuses", spec, headers={"Idempotency-Key": spec.dedup_key},
                                    data={"status": text, "in_reply_to_id": _masto_id(spec)})
        if spec.kind == "ban":
            account = await self._call("GET", "/api/v1/accounts/lookup", spec,
                                       params={"acct": str(spec.author_handle)})
            return await self._call("POST", f"/api/v1/accounts/{account['id']}/block", spec)
        raise ActionRefused(f"Mastodon's API cannot {spec.kind} another account's post")


def _masto_id(spec: ActionSpec) -> str:
    return str(spec.extra.get("id") or spec.target_id)


# --- Bluesky (AT Protocol, app password) ------------------------------------------------------------

_B32 = "234567abcdefghijklmnopqrstuvwxyz"


def deterministic_tid(key: str, micros: int) -> str:
    """An AT Protocol TID (record key) fixed by the action: resending after a stop cannot make a second post."""
    clock = int.from_bytes(hashlib.sha256(key.encode()).digest()[:2], "big") & 0x3FF
    n = ((micros & ((1 << 53) - 1)) << 10) | clock
    return "".join(_B32[(n >> (5 * i)) & 31] for i in reversed(range(13)))


class BlueskyModeration:
    platform = "bluesky"
    doc = "connectors/bluesky.md"

    def __init__(self, cfg: BlueskySource, session: aiohttp.ClientSession, *, app_password: str) -> None:
        self.base, self.source, self.timeout = cfg.api_base.rstrip("/"), cfg.name, cfg.timeout_seconds
        self.session, self.handle, self.app_password = session, cfg.handle, app_password
        self._session: dict[str, str] | None = None

    def plan(self, spec: ActionSpec) -> str:
        if spec.kind == "reply":
            return (f"POST {self.base}/xrpc/com.atproto.repo.createRecord app.bsky.feed.post replying to "
                    f"{spec.target_id}")
        return f"POST {self.base}/xrpc/com.atproto.repo.createRecord app.bsky.graph.block of {spec.author_handle}"

    async def _xrpc(self, method: str, nsid: str, *, auth: bool = True, **kw: Any) -> Any:
        headers = {"Authorization": f"Bearer {(await self._login())['accessJwt']}"} if auth else {}
        resp = await _send(self.session, method, f"{self.base}/xrpc/{nsid}", source=self.source,
                           seconds=self.timeout, headers=headers, **kw)
        data = _json(resp)
        if resp.status == 200:
            return data
        err = data.get("error") if isinstance(data, dict) else None
        said = data.get("message", "") if isinstance(data, dict) else ""
        msg = f"Bluesky HTTP {resp.status} {err or ''}: {said}"
        if resp.status == 429 or resp.status >= 500:
            raise ActionTransient(msg, retry_after=seconds_until_epoch(resp.headers.get("ratelimit-reset")),
                                  answer=data)
        if resp.status in (401, 403):
            self._session = None
            raise ActionForbidden(f"Bluesky refused the app password or session ({msg}): see {self.doc}",
                                  answer=data)
        if err in ("RecordNotFound", "NotFound") or "not found" in msg.lower():
            raise ActionGone(msg, answer=data)
        if "already exists" in msg.lower():
            return {"already": True, "answer": data}
        raise ActionRefused(msg, answer=data)

    async def _login(self) -> dict[str, str]:
        if self._session is None:
            data = await self._xrpc("POST", "com.atproto.server.createSession", auth=False,
                                    json_body={"identifier": self.handle, "password": self.app_password})
            self._session = {"accessJwt": str(data["accessJwt"]), "did": str(data["did"])}
        return self._session

    async def perform(self, spec: ActionSpec) -> Any:
        did = (await self._login())["did"]
        posts = await self._xrpc("GET", "app.bsky.feed.getPosts", params={"uris": spec.target_id})
        found = (posts or {}).get("posts") or []
        if not found:
            raise ActionGone("Bluesky: the post no longer exists")
        post = found[0]
        now = spec.extra.get("requested_at") or "1970-01-01T00:00:00.000Z"
        micros = int(spec.extra.get("requested_micros") or 0)
        if spec.kind == "reply":
            parent = {"uri": post["uri"], "cid": post["cid"]}
            root = ((post.get("record") or {}).get("reply") or {}).get("root") or parent
            record = {"$type": "app.bsky.feed.post", "text": spec.text or "", "createdAt": now,
                      "reply": {"root": root, "parent": parent}}
            collection = "app.bsky.feed.post"
        elif spec.kind == "ban":
            record = {"$type": "app.bsky.graph.block", "subject": post["author"]["did"], "createdAt": now}
            collection = "app.bsky.graph.block"
        else:
            raise ActionRefused(f"Bluesky's API cannot {spec.kind} another account's post")
        return await self._xrpc("POST", "com.atproto.repo.createRecord", json_body={
            "repo": did, "collection": collection, "rkey": deterministic_tid(spec.dedup_key, micros),
            "record": record})


