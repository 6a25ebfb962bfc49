"""Meta (Facebook Page and Instagram) webhooks: real-time comments, handed to the daemon as Items.

Usage::

    app.add_routes(meta_webhook_routes(
        verify_token=get_secret("META_WEBHOOK_VERIFY_TOKEN"),
        app_secret=get_secret("META_APP_SECRET"),
        on_items=store_them,             # async def store_them(batches: list[tuple[MetaAccount, list[Item]]])
        accounts=lambda: meta_accounts(config.all_sources),   # every school's Pages and Instagram accounts
    ))

- ``GET path``: Meta's subscription handshake. ``hub.mode=subscribe`` with the right ``hub.verify_token`` is
  answered 200 with ``hub.challenge``; anything else 403.
- ``POST path``: the body's ``X-Hub-Signature-256`` (``sha256=<hex HMAC-SHA256(app_secret, raw body)>``) is
  checked over the raw bytes with a constant-time compare (403 when wrong or missing); ``feed`` (Page) and
  ``comments``/``live_comments`` (Instagram) changes become Items with the same ``platform_id`` the pollers
  use, so the store's (platform, platform_id, school) upsert makes a comment seen by both one item.
  ``on_items`` is awaited before answering 200: it must only store or enqueue, so the answer stays quick, and
  a failure answers 500, which makes Meta deliver again.

One app, many accounts: a trust's Meta app is subscribed by every school's Page and Instagram account, and one
delivery may carry entries for several of them. Each entry names its account (``entry.id``: the Page id, or
the Instagram professional account's id); its changes become that account's Items and are handed over with the
:class:`MetaAccount` they belong to (the daemon's ``key`` is the owning source's name, and so its school).
Entries for an account no source watches are skipped; so is an entry without an id, unless exactly one account
of its kind is watched.

Not handled: Instagram ``mentions`` notifications carry only ids (``media_id``, ``comment_id``); turning them
into text needs a Graph call with the token (``mentioned_media``/``mentioned_comment``), which this module
does not hold. They are ignored; see connectors/instagram.md.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from aiohttp import web

from watchtower.connectors._common import obj
from watchtower.connectors._http import parse_iso
from watchtower.connectors.config import FacebookSource, InstagramSource
from watchtower.models import Item


@dataclass(frozen=True)
class MetaAccount:
    """A Facebook Page or Instagram professional account whose webhooks are received."""

    platform: Literal["facebook", "instagram"]
    account_id: str  # the Page id or the Instagram account id: a delivery entry's ``id``
    key: str  # what the receiver knows it by (the daemon: the name of the source that watches it)

    @property
    def object(self) -> str:
        """The delivery's ``object`` for this account."""
        return "page" if self.platform == "facebook" else "instagram"


#: one delivery, by account: each account's Items, in the delivery's order
Batches = list[tuple[MetaAccount, list[Item]]]
OnItems = Callable[[Batches], Awaitable[None]]
Accounts = Sequence[MetaAccount] | Callable[[], Sequence[MetaAccount]]
FEED_ITEMS = frozenset({"comment", "post", "status", "photo", "video", "share"})
FEED_VERBS = frozenset({"add", "edited"})
#: Meta's payloads are small; a larger body is not Meta.
MAX_BODY = 1024 * 1024


def valid_signature(app_secret: str, body: bytes, header: str | None) -> bool:
    """True when ``header`` is ``sha256=<hex>`` of HMAC-SHA256(app_secret, body); constant-time."""
    if not header or not header.startswith("sha256="):
        return False
    expected = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.removeprefix("sha256=").strip().lower())


def _when(value: Any, fallback: Any) -> datetime:
    for candidate in (value, fallback):
        if isinstance(candidate, int | float):
            return datetime.fromtimestamp(float(candidate), tz=UTC)
        if isinstance(candidate, str) and candidate:
            try:
                return parse_iso(candidate)
            except ValueError:
                continue
    return datetime.now(UTC)


def _changes(entry: dict[str, Any]) -> list[dict[str, Any]]:
    changes = entry.get("changes")
    if isinstance(changes, list):
        return [c for c in changes if isinstance(c, dict)]
    if "field" in entry and "value" in entry:  # some examples put field/value directly in the entry
        return [entry]
    return []


def feed_change_to_item(value: dict[str, Any], *, page_id: str, entry_time: Any) -> Item | None:
    """A Page ``feed`` change (a new or edited post or comment) as the Item the Facebook poller would make."""
    kind, verb = value.get("item"), value.get("verb")
    if kind not in FEED_ITEMS or verb not in FEED_VERBS:
        return None
    author = obj(value.get("from"))
    is_page = str(author.get("id")) == page_id
    post = obj(value.get("post"))
    if kind == "comment":
        if not value.get("comment_id"):
            return None
        platform_id, parent = str(value["comment_id"]), value.get("parent_id") or value.get("post_id")
    else:
        if not value.get("post_id"):
            return None
        platform_id, parent = str(value["post_id"]), None
    return Item(
        platform="facebook",
        source="own",
        platform_id=platform_id,
        url=post.get("permalink_url"),
        author_handle=str(author["id"]) if author.get("id") else None,
        author_name=author.get("name"),
        text=str(value.get("message") or ""),
        created_at=_when(value.get("created_time"), entry_time),
        has_media=bool(value.get("photo") or value.get("photos") or value.get("video")),
        parent_id=str(parent) if parent else None,
        own_post=is_page,
        title=None,
        extra={"via": "webhook", "verb": verb, "post_id": value.get("post_id")},
    )


def instagram_comment_to_item(value: dict[str, Any], *, ig_user_id: str, entry_time: Any) -> Item | None:
    """An Instagram ``comments``/``live_comments`` change as the Item the Instagram poller would make."""
    if not value.get("id"):
        return None
    author = obj(value.get("from"))
    media = obj(value.get("media"))
    return Item(
        platform="instagram",
        source="own",
        platform_id=str(value["id"]),
        url=None,
        author_handle=author.get("username"),
        author_name=None,
        text=str(value.get("text") or ""),
        created_at=_when(value.get("timestamp"), entry_time),
        has_media=False,
        parent_id=str(value.get("parent_id") or media.get("id") or "") or None,
        own_post=str(author.get("id")) == ig_user_id,
        title=None,
        extra={"via": "webhook", "media_id": media.get("id")},
    )


def meta_accounts(sources: Iterable[Any]) -> list[MetaAccount]:
    """The accounts webhooks are received for: every enabled Facebook and Instagram source (of every school),
    keyed by the source's name. A Page or account watched by two sources goes to the first."""
    out: dict[tuple[str, str], MetaAccount] = {}
    for src in sources:
        if not getattr(src, "enabled", True):
            continue
        if isinstance(src, FacebookSource):
            out.setdefault(("facebook", src.page_id), MetaAccount("facebook", src.page_id, src.name))
        elif isinstance(src, InstagramSource):
            out.setdefault(("instagram", src.ig_user_id), MetaAccount("instagram", src.ig_user_id, src.name))
    return list(out.values())


def _account_for(entry_id: str, kind: Any, accounts: Sequence[MetaAccount]) -> MetaAccount | None:
    of_kind = [a for a in accounts if a.object == kind]
    if not entry_id:  # some examples leave the id out: only unambiguous with one account of the kind
        return of_kind[0] if len(of_kind) == 1 else None
    return next((a for a in of_kind if a.account_id == entry_id), None)


def route_payload(payload: Any, accounts: Sequence[MetaAccount]) -> Batches:
    """Every Item in one webhook delivery, by the account its entry is for (accounts in order of first entry).
    Entries for accounts not in ``accounts``, other objects and other fields are skipped."""
    if not isinstance(payload, dict):
        return []
    kind = payload.get("object")
    batches: dict[MetaAccount, list[Item]] = {}
    for entry in payload.get("entry") or []:
        if not isinstance(entry, dict):
            continue
        account = _account_for(str(entry.get("id") or ""), kind, accounts)
        if account is None:
            continue
        for change in _changes(entry):
            value = change.get("value")
            if not isinstance(value, dict):
                continue
            field = change.get("field")
            item: Item | None = None
            if account.platform == "facebook" and field == "feed":
                item = feed_change_to_item(value, page_id=account.account_id, entry_time=entry.get("time"))
            elif account.platform == "instagram" and field in ("comments", "live_comments"):
                item = instagram_comment_to_item(value, ig_user_id=account.account_id, entry_time=entry.get("time"))
            if item is not None:
                batches.setdefault(account, []).append(item)
    return list(batches.items())


def meta_webhook_routes(
    *,
    verify_token: str,
    app_secret: str,
    on_items: OnItems,
    accounts: Accounts,
    path: str = "/webhooks/meta",
) -> list[web.RouteDef]:
    """The GET (handshake) and POST (deliveries) routes for Meta webhooks at ``path``.

    ``accounts`` are the schools' own Pages and Instagram accounts (or a function giving them, asked at each
    delivery, so a reloaded config applies at once): only their changes become Items, each handed to
    ``on_items`` with its account, and a comment by the account itself is marked ``own_post``.
    """
    if not verify_token or not app_secret:
        raise ValueError("meta_webhook_routes needs a verify_token and the app secret")
    if callable(accounts):
        current = accounts
    else:
        fixed = tuple(accounts)

        def current() -> Sequence[MetaAccount]:
            return fixed

    if not current():
        raise ValueError("meta_webhook_routes needs at least one Page or Instagram account")

    async def handshake(request: web.Request) -> web.Response:
        q = request.query
        token = q.get("hub.verify_token", "")
        if q.get("hub.mode") == "subscribe" and hmac.compare_digest(token.encode(), verify_token.encode()):
            return web.Response(text=q.get("hub.challenge", ""))
        return web.Response(status=403, text="verification failed")

    async def deliver(request: web.Request) -> web.Response:
        if request.content_length is not None and request.content_length > MAX_BODY:
            return web.Response(status=413)
        body = await request.read()
        if len(body) > MAX_BODY:
            return web.Response(status=413)
        if not valid_signature(app_secret, body, request.headers.get("X-Hub-Signature-256")):
            return web.Response(status=403, text="bad signature")
        try:
            payload = json.loads(body)
        except ValueError:
            return web.Response(status=400, text="not JSON")
        batches = route_payload(payload, current())
        if batches:
            await on_items(batches)
        return web.Response(text="ok")

    return [web.get(path, handshake), web.post(path, deliver)]


__all__ = ["MetaAccount", "meta_accounts", "meta_webhook_routes", "route_payload",
           "valid_signature"]
