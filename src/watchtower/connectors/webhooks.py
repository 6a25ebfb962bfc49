"""Meta (Facebook Page and Instagram) webhooks: real-time comments, handed to the daemon as Items.

Usage::

    app.add_routes(meta_webhook_routes(
        verify_token=get_secret("META_VERIFY_TOKEN"),
        app_secret=get_secret("META_APP_SECRET"),
        on_items=queue_items,            # async def queue_items(items: list[Item]) -> None
        page_id="111", ig_user_id="17841400000000000",
    ))

- ``GET path``: Meta's subscription handshake. ``hub.mode=subscribe`` with the right ``hub.verify_token`` is
  answered 200 with ``hub.challenge``; anything else 403.
- ``POST path``: the body's ``X-Hub-Signature-256`` (``sha256=<hex HMAC-SHA256(app_secret, raw body)>``) is
  checked over the raw bytes with a constant-time compare (403 when wrong or missing); ``feed`` (Page) and
  ``comments``/``live_comments`` (Instagram) changes become Items with the same ``platform_id`` the pollers
  use, so the store's (platform, platform_id) upsert makes a comment seen by both one item.
  ``on_items`` is awaited before answering 200: it must only enqueue (the daemon's queue), so the answer stays
  quick and a failure to enqueue answers 500, which makes Meta deliver again.

Not handled: Instagram ``mentions`` notifications carry only ids (``media_id``, ``comment_id``); turning them
into text needs a Graph call with the token (``mentioned_media``/``mentioned_comment``), which this module
does not hold. They are ignored; see connectors/instagram.md.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from watchtower.connectors._common import obj
from watchtower.connectors._http import parse_iso
from watchtower.models import Item

OnItems = Callable[[list[Item]], Awaitable[None]]
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


def parse_payload(payload: Any, *, page_id: str | None, ig_user_id: str | None) -> list[Item]:
    """Every Item in one webhook delivery; changes for other Pages/accounts and other fields are skipped."""
    if not isinstance(payload, dict):
        return []
    kind = payload.get("object")
    items: list[Item] = []
    for entry in payload.get("entry") or []:
        if not isinstance(entry, dict):
            continue
        entry_id = str(entry.get("id") or "")
        for change in _changes(entry):
            value = change.get("value")
            if not isinstance(value, dict):
                continue
            field = change.get("field")
            item: Item | None = None
            if kind == "page" and field == "feed" and page_id and entry_id in (page_id, ""):
                item = feed_change_to_item(value, page_id=page_id, entry_time=entry.get("time"))
            elif kind == "instagram" and field in ("comments", "live_comments") and ig_user_id and (
                entry_id in (ig_user_id, "")
            ):
                item = instagram_comment_to_item(value, ig_user_id=ig_user_id, entry_time=entry.get("time"))
            if item is not None:
                items.append(item)
    return items


def meta_webhook_routes(
    *,
    verify_token: str,
    app_secret: str,
    on_items: OnItems,
    page_id: str | None = None,
    ig_user_id: str | None = None,
    path: str = "/webhooks/meta",
) -> list[web.RouteDef]:
    """The GET (handshake) and POST (deliveries) routes for Meta webhooks at ``path``.

    ``page_id``/``ig_user_id`` are the school's own Page and Instagram account: only their changes become
    Items, and a comment by that id is marked ``own_post``. Give at least one.
    """
    if not verify_token or not app_secret:
        raise ValueError("meta_webhook_routes needs a verify_token and the app secret")
    if not page_id and not ig_user_id:
        raise ValueError("meta_webhook_routes needs page_id and/or ig_user_id")

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
        items = parse_payload(payload, page_id=page_id, ig_user_id=ig_user_id)
        if items:
            await on_items(items)
        return web.Response(text="ok")

    return [web.get(path, handshake), web.post(path, deliver)]


__all__ = ["meta_webhook_routes", "parse_payload", "valid_signature"]
