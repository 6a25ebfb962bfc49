"""The dashboard's state on the app (typed ``web.AppKey``s, no module singletons), templates and small helpers."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo

import jinja2
from aiohttp import web

from watchtower import access
from watchtower.deadlines import clock_start
from watchtower.display import finalize
from watchtower.models import CATEGORIES, Severity
from watchtower.store.audit import ViewAudits, audit_cross_school_view
from watchtower.timeutil import local_text, maybe_ts
from watchtower.users import User

if TYPE_CHECKING:
    from watchtower.config import Config, Person, TrustPerson
    from watchtower.links import LinkSigner
    from watchtower.people import Recipient
    from watchtower.store import Store

#: who may do what (every route names one of these; a route without one is refused). What they see is further
#: kept to their own schools (``Scope``, ``watchtower.access``).
PERMISSIONS: dict[str, frozenset[str]] = {
    "view": frozenset({"moderator", "dsl", "deputy_dsl", "aht", "headteacher", "admin", "trust_safeguarding_lead",
                       "trust_operator"}),
    "act": frozenset({"moderator", "dsl", "deputy_dsl", "aht", "headteacher", "trust_safeguarding_lead"}),
    "review": frozenset({"dsl", "deputy_dsl", "trust_safeguarding_lead"}),
    "admin": frozenset({"admin", "trust_operator"}),
}


class IpLimiter:
    """Failed logins per client address in a sliding window: slows password guessing across many usernames."""

    def __init__(self, max_failures: int = 20, window_seconds: float = 900) -> None:
        self.max_failures = max_failures
        self.window = window_seconds
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, ip: str, now: float) -> deque[float]:
        q = self._failures.setdefault(ip, deque())
        while q and q[0] <= now - self.window:
            q.popleft()
        return q

    def blocked(self, ip: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        return len(self._recent(ip, now)) >= self.max_failures

    def failed(self, ip: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        self._recent(ip, now).append(now)
        if len(self._failures) > 10_000:  # bound memory under a spray of addresses
            for k in [k for k, v in self._failures.items() if not v][:5_000]:
                del self._failures[k]


class DashboardHost(Protocol):
    """What the web layer uses of the daemon that serves it (``watchtower.daemon.Daemon`` is one, once started):
    its store, running config, clock and link signer, its people, and its unauthenticated extra routes."""

    @property
    def config(self) -> Config: ...
    @property
    def store(self) -> Store: ...
    @property
    def clock(self) -> Callable[[], datetime]: ...
    @property
    def signer(self) -> LinkSigner: ...
    @property
    def environ(self) -> Mapping[str, str]: ...
    @property
    def log(self) -> Any: ...
    @property
    def started_at(self) -> datetime: ...

    def person(self, email: str) -> Person | TrustPerson | None: ...
    def recipient(self, email: str, school: str | None = None) -> Recipient: ...
    def extra_routes(self) -> list[web.RouteDef]: ...
    async def check_store(self, max_age: float = 5.0) -> str | None: ...


@dataclass
class Dashboard:
    daemon: DashboardHost
    env: jinja2.Environment
    csrf_key: bytes
    secure_cookies: bool
    tz: ZoneInfo
    ip_limiter: IpLimiter = field(default_factory=IpLimiter)
    #: which cross-school views are audited (a list view at most every few minutes per person)
    view_audits: ViewAudits = field(default_factory=ViewAudits)

    @property
    def cookie_name(self) -> str:
        # the __Host- prefix makes browsers refuse the cookie unless it is Secure, host-only and Path=/
        return "__Host-wt_session" if self.secure_cookies else "wt_session"

    def now(self) -> datetime:
        return self.daemon.clock()

    def link_csrf(self, token: str) -> str:
        """The CSRF token for an email link's confirmation form: bound to that link, no session needed."""
        return hmac.new(self.csrf_key, b"ack-link\0" + token.encode("utf-8"), hashlib.sha256).hexdigest()

    def login_csrf_ok(self, cookie: str | None, field_value: str | None) -> bool:
        return bool(cookie) and bool(field_value) and hmac.compare_digest(str(cookie), str(field_value))


DASHBOARD: web.AppKey[Dashboard] = web.AppKey("dashboard", Dashboard)
#: per request: the logged-in user and their session's CSRF token
USER: web.RequestKey[User] = web.RequestKey("wt_user", User)
CSRF: web.RequestKey[str] = web.RequestKey("wt_csrf", str)
SESSION_TOKEN: web.RequestKey[str] = web.RequestKey("wt_session_token", str)


def dash(request: web.Request) -> Dashboard:
    return request.app[DASHBOARD]


def current_user(request: web.Request) -> User:
    user: User | None = request.get(USER)
    if user is None:
        raise web.HTTPFound("/login")
    return user


@dataclass(frozen=True)
class Scope:
    """Which schools a dashboard view shows: the user's own (``watchtower.access`` decides), narrowed to one of them
    when they chose it (the school switcher, ``?school=ID``)."""

    user: User
    #: the school chosen with the switcher (one the user may see), or None: all of theirs
    chosen: str | None = None

    def sql(self, column: str = "school") -> tuple[str, list[Any]]:
        """The condition keeping a query to this scope, and its parameters."""
        if self.chosen is not None:
            return f"{column} = ?", [self.chosen]
        return access.school_sql(self.user, column)

    def schools(self, config: Config) -> list[str]:
        """The ids of the configured schools in this scope, in config order."""
        if self.chosen is not None:
            return [self.chosen]
        return [s.id for s in config.all_schools if access.may_see(self.user, {"school": s.id})]

    def spans(self, config: Config) -> bool:
        """Whether the view shows more than one school's items (it then names each item's school)."""
        return len(self.schools(config)) > 1


def scope(request: web.Request) -> Scope:
    """The scope of this request: the user's schools, or the one they chose with ``?school=`` (a school they may
    not see is refused: 404, as for an item of another school)."""
    user = current_user(request)
    wanted = str(request.query.get("school", "") or "")[:40]
    if not wanted:
        return Scope(user)
    known = any(s.id == wanted for s in dash(request).daemon.config.all_schools)
    if not known or not access.may_see(user, {"school": wanted}):
        raise web.HTTPNotFound(text="There is nothing here.")
    return Scope(user, wanted)


async def audit_cross_school(request: web.Request, view: str, *, item_id: int | None = None,
                             school: str | None = None, schools: list[str] | None = None) -> None:
    """Audit a view that reaches a school through the trust (``access.cross_school``), as often as the audit store
    says (``store.audit.ViewAudits``). Nothing for a school's own people."""
    user = current_user(request)
    d = dash(request)
    if not access.cross_school(user) or not d.daemon.config.multi_school:
        return
    if not d.view_audits.due(user.id, view, item_id=item_id, schools=schools):
        return
    now = d.now()
    await d.daemon.store.write(lambda db: audit_cross_school_view(
        db, actor=user.actor, role=user.role, view=view, now=now, item_id=item_id, school=school, schools=schools))


def reads_safeguarding(user: User, config: Any) -> bool:
    """Whether this user reads safeguarding text: ``watchtower.access`` decides, as for emails and the CLI."""
    return access.reads_safeguarding(user, config.dashboard)


def can_read(item: dict[str, Any], user: User, config: Any) -> bool:
    return access.may_read_text(user, item, config.dashboard)


def can(user: User | None, permission: str) -> bool:
    return user is not None and user.role in PERMISSIONS[permission]


# --- time and deadlines --------------------------------------------------------------------------


def deadline_state(item: dict[str, Any], now: datetime, warn_fraction: float = 0.75) -> dict[str, Any] | None:
    """Countdown state computed on the server: ok, warn (``warn_fraction`` of the time to the deadline gone: the
    moderators' reminder, ``EscalationConfig.reminder_fraction``) or breached.
    The vendored countdown.js only refreshes the words and colour between page loads."""
    deadline = maybe_ts(item.get("deadline_at"))
    if deadline is None:
        return None
    if item.get("acknowledged_at") or item.get("resolved_at"):
        return {"state": "done", "deadline": deadline, "start": None, "text": "", "warn": warn_fraction}
    start = clock_start(item.get("created_at"), item.get("first_seen_at"), now)
    window = (deadline - start).total_seconds()
    gone = (now - start).total_seconds()
    if now >= deadline:
        state = "breached"
    elif window > 0 and gone >= warn_fraction * window:
        state = "warn"
    else:
        state = "ok"
    return {"state": state, "deadline": deadline, "start": start, "text": countdown_text(deadline, now),
            "warn": warn_fraction}


def countdown_text(deadline: datetime, now: datetime) -> str:
    secs = int((deadline - now).total_seconds())
    late = secs < 0
    secs = abs(secs)
    d, rem = divmod(secs, 86400)
    h, rem = divmod(rem, 3600)
    m = rem // 60
    parts = f"{d}d {h}h" if d else (f"{h}h {m}m" if h else f"{m}m")
    return f"overdue by {parts}" if late else f"due in {parts}"


def make_env(tz: ZoneInfo, who: Callable[[str], str] = str) -> jinja2.Environment:
    """Templates with filters: ``local`` (time in the school's zone), ``who`` (an address as the person's name),
    ``sev_label`` (CSS classes), ``sev_text`` (the words shown), ``detail`` (an audit line's JSON), ``minutes``."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("watchtower.web", "templates"),
        autoescape=True,  # post text and author names are hostile: everything is escaped unless marked safe here
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize,  # and bidi overrides, ANSI escapes and control characters are shown inert
    )

    def local(value: str | datetime | None, fmt: str | None = None) -> str:
        dt = maybe_ts(value) if isinstance(value, str) else value
        return local_text(dt, tz, "page", fmt=fmt)

    def sev_label(value: int | None) -> str:
        return Severity(value or 0).label

    def sev_text(value: int | str | None) -> str:
        return (Severity.parse(value) if isinstance(value, str) else Severity(value or 0)).shown

    def detail(value: str) -> str:
        try:
            d = json.loads(value)
        except ValueError:
            return value
        return "; ".join(f"{k}: {v}" for k, v in sorted(d.items()) if v not in (None, "", []))

    def minutes(value: float | None) -> str:
        if value is None:
            return "-"
        v = round(value)
        return f"{v // 60}h {v % 60}m" if v >= 60 else f"{v}m"

    env.filters.update(local=local, sev_label=sev_label, sev_text=sev_text, detail=detail, minutes=minutes, who=who)
    env.globals.update(CATEGORIES=CATEGORIES, can=can)
    return env


def render(request: web.Request, template: str, status: int = 200, **ctx: Any) -> web.Response:
    """The page ``template`` with ``ctx``, the user, the CSRF token, the school (or trust) name and the school
    switcher's choices."""
    d = dash(request)
    ctx.setdefault("user", request.get(USER))
    ctx.setdefault("csrf", request.get(CSRF, ""))
    config = d.daemon.config
    user = request.get(USER)
    chosen = str(request.query.get("school", "") or "") if user is not None else ""
    mine = [s for s in config.all_schools if user is not None and access.may_see(user, {"school": s.id})]
    if chosen and any(s.id == chosen for s in mine):
        label = config.school_named(chosen)
    elif len(mine) == 1:
        label = mine[0].name
    else:
        label = config.display_name
    ctx.setdefault("school", label)
    # the school switcher: shown to a person who sees more than one school
    ctx.setdefault("switch_schools", [(s.id, s.name) for s in mine] if len(mine) > 1 else [])
    ctx.setdefault("chosen_school", chosen if any(s.id == chosen for s in mine) else "")
    ctx.setdefault("path", request.path)
    body = d.env.get_template(template).render(**ctx)
    return web.Response(text=body, status=status, content_type="text/html", charset="utf-8")
