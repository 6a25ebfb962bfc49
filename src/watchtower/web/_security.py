"""Security for every request: headers, sessions, role checks (default deny), CSRF.

Every route handler says who may use it with ``@allow("view" | "act" | "review" | "admin")`` or ``@public``;
a handler that says nothing is refused. A POST from a logged-in session must carry the session's CSRF token
(compared in constant time). Public POSTs (login, email links) check their own token.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

from aiohttp import web
from yarl import URL

from watchtower import access, users
from watchtower.web._context import CSRF, DASHBOARD, PERMISSIONS, SESSION_TOKEN, USER, dash, render

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
T = TypeVar("T")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
    "form-action 'self'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
_UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def allow(permission: str) -> Callable[[Handler], Handler]:
    if permission not in PERMISSIONS:
        raise ValueError(permission)

    def mark(handler: Handler) -> Handler:
        handler.wt_permission = permission  # type: ignore[attr-defined]
        return handler

    return mark


def public(handler: Handler) -> Handler:
    handler.wt_public = True  # type: ignore[attr-defined]
    return handler


async def add_headers(request: web.Request, response: web.StreamResponse) -> None:
    """on_response_prepare: runs for every response, errors and static files included."""
    for k, v in SECURITY_HEADERS.items():
        response.headers.setdefault(k, v)
    if request.app[DASHBOARD].secure_cookies:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    if request.path.startswith("/static/"):
        response.headers.setdefault("Cache-Control", "public, max-age=3600")
    else:
        response.headers["Cache-Control"] = "no-store"


#: what a same-origin path may look like once it is in a Location header: percent-encoded, printable ASCII, one
#: leading slash and no backslash after it (browsers read ``/\\host`` as ``//host``)
_LOCAL_PATH = re.compile(r"/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@/%?#]*")
#: SQLite integers are signed 64-bit: a larger "id" names nothing
MAX_ID = 2**63 - 1


def safe_next(value: str | None) -> str:
    """Where to go after login: ``value`` only if it is a path on this site *as it will be sent*, else ``/``.

    aiohttp builds ``Location`` with yarl, which drops TAB, CR and LF (``/\\t/evil`` would leave as ``//evil``) and
    percent-encodes the rest, and browsers then drop the same characters and read ``\\`` as ``/``. So a value with
    any whitespace, control character or backslash is refused outright, and what is returned is yarl's own form of
    the value, checked again: one leading slash, no scheme, no host, no userinfo, only URL-safe ASCII.
    """
    if not value or len(value) > 2000 or "\\" in value or any(c.isspace() or not c.isprintable() for c in value):
        return "/"
    try:
        sent = str(URL(value))
        if str(URL(sent)) != sent:  # what aiohttp does to it on the way out must change nothing more
            return "/"
        parts = urlsplit(sent)
    except ValueError:
        return "/"
    if parts.scheme or parts.netloc or not _LOCAL_PATH.fullmatch(sent):
        return "/"
    return sent


def parse_item_id(value: str) -> int | None:
    """An item number from a URL or form: plain ASCII digits in SQLite's range, else None (a 404, never a 500)."""
    if not (0 < len(value) <= 19) or not value.isascii() or not value.isdigit():
        return None
    n = int(value)
    return n if 0 < n <= MAX_ID else None


def of_my_school(user: Any, item_id: int, fn: Callable[[Any], T]) -> Callable[[Any], T]:
    """``fn`` (a store write or read) run only when the item belongs to one of ``user``'s schools; otherwise (or when
    there is no such item) KeyError, which every item route answers with a 404: another school's item is not there
    for them, not even its number."""

    def work(db: Any) -> T:
        row = db.execute("SELECT school FROM items WHERE id = ?", [item_id]).fetchone()
        if row is None or not access.may_see(user, {"school": row[0]}):
            raise KeyError(item_id)
        return fn(db)

    return work


def my_item_ids(db: Any, user: Any, ids: list[int]) -> list[int]:
    """Of ``ids``, those of items of ``user``'s schools (in order; the others are skipped as if missing)."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    found = {int(i): s for i, s in db.execute(f"SELECT id, school FROM items WHERE id IN ({marks})", ids)}
    return [i for i in ids if i in found and access.may_see(user, {"school": found[i]})]


def item_id_from(request: web.Request) -> int:
    """The ``{item_id}`` of an item page's URL; a 404 if it is not an item number."""
    item_id = parse_item_id(request.match_info["item_id"])
    if item_id is None:
        raise web.HTTPNotFound(text="There is no item with that number.")
    return item_id


@web.middleware
async def errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Refusals and missing pages as plain pages with the same status."""
    try:
        try:
            return await handler(request)
        except OverflowError:
            # a number too large for SQLite (an id from a URL or a form) names nothing: not a server error
            raise web.HTTPNotFound() from None
    except web.HTTPException as exc:
        if exc.status < 400 or request.path.startswith("/static/") or request.path == "/healthz":
            raise
        messages = {
            403: "You are not allowed to do that.",
            404: "There is nothing here.",
            405: "That is not something this page does.",
            429: "Too many attempts from here. Wait a few minutes and try again.",
        }
        message = exc.text if exc.text and not exc.text.startswith(f"{exc.status}:") else messages.get(
            exc.status, "Something went wrong."
        )
        return render(request, "error.html", status=exc.status, title=exc.reason, message=message)


@web.middleware
async def authenticate(request: web.Request, handler: Handler) -> web.StreamResponse:
    d = dash(request)
    token = request.cookies.get(d.cookie_name)
    if token and len(token) < 200:
        found = await d.daemon.store.read(lambda db: users.session_user(db, token, now=d.now()))
        if found is not None:
            request[USER], request[CSRF] = found
            request[SESSION_TOKEN] = token
    route_handler = request.match_info.handler
    if request.match_info.http_exception is not None or getattr(route_handler, "wt_public", False):
        return await handler(request)
    if request.path.startswith("/static/"):
        return await handler(request)
    permission = getattr(route_handler, "wt_permission", None)
    user = request.get(USER)
    if user is None:
        if request.method in _UNSAFE_METHODS:
            raise web.HTTPForbidden(text="Your session has ended: log in again and repeat what you were doing.")
        raise web.HTTPFound("/login?next=" + quote(request.path_qs, safe=""))
    if permission is None or user.role not in PERMISSIONS[permission]:
        raise web.HTTPForbidden(text="Your role does not allow this page or action.")
    if request.method in _UNSAFE_METHODS:
        form = await request.post()
        sent = str(form.get("csrf", ""))
        if not sent or not hmac.compare_digest(sent, request[CSRF]):
            raise web.HTTPForbidden(text="This form has expired or did not come from Watchtower: reload the page "
                                         "and try again.")
    return await handler(request)


def client_ip(request: web.Request) -> str:
    remote = request.remote or "?"
    # Behind the school's reverse proxy every request comes from the proxy: believe the address it forwards
    # (the right-most X-Forwarded-For entry, the one the proxy itself added) only from a configured proxy.
    if remote in request.app[DASHBOARD].daemon.config.dashboard.trusted_proxies:
        forwarded = request.headers.get("X-Forwarded-For", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return remote


def set_session_cookie(response: web.StreamResponse, request: web.Request, token: str, max_age: int) -> None:
    d = dash(request)
    response.set_cookie(
        d.cookie_name, token, max_age=max_age, path="/", secure=d.secure_cookies, httponly=True, samesite="Strict"
    )


def clear_session_cookie(response: web.StreamResponse, request: web.Request) -> None:
    d = dash(request)
    response.del_cookie(d.cookie_name, path="/", secure=d.secure_cookies, httponly=True, samesite="Strict")


def form_str(form: Any, name: str, limit: int = 2000) -> str:
    return str(form.get(name, "") or "").strip()[:limit]
