"""The moderators' and DSL's dashboard: server-rendered pages (aiohttp + jinja2), no JavaScript build.

``create_app(daemon)`` builds the application with its state on the app under typed keys;
``start_dashboard(daemon)`` starts it on ``config.dashboard.host``/``port`` and returns the running
``web.AppRunner`` (the daemon cleans it up at shutdown). Routes, roles and security: see ``_security.py``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from zoneinfo import ZoneInfo

from aiohttp import web

from watchtower.secrets import get_secret
from watchtower.web import _auth, _inbox, _items, _links, _pages, _platform
from watchtower.web._context import DASHBOARD, Dashboard, DashboardHost, make_env
from watchtower.web._security import add_headers, authenticate, errors, public
from watchtower.web.health import health_snapshot

__all__ = ["DASHBOARD", "DashboardHost", "create_app", "health_snapshot", "start_dashboard"]

STATIC_DIR = Path(__file__).parent / "static"
#: form bodies are small; a larger one is refused before it is read
MAX_BODY_BYTES = 256 * 1024


def create_app(daemon: DashboardHost) -> web.Application:
    """The dashboard for a started ``Daemon`` (needs ``.store``, ``.config``, ``.signer``, ``.clock``)."""
    cfg = daemon.config
    tz = ZoneInfo(cfg.timezone)
    link_key = get_secret(cfg.dashboard.link_secret, environ=daemon.environ)
    app = web.Application(middlewares=[errors, authenticate], client_max_size=MAX_BODY_BYTES)
    app[DASHBOARD] = Dashboard(
        daemon=daemon,
        env=make_env(tz, who=lambda actor: _person_name(daemon, actor)),
        csrf_key=hashlib.sha256(b"watchtower-dashboard-csrf\0" + link_key.encode("utf-8")).digest(),
        secure_cookies=cfg.dashboard.public_url.lower().startswith("https://"),
        tz=tz,
    )
    # the item page's "what to do now" and the people an item can be assigned to, from the config
    app[DASHBOARD].env.globals.update(guidance=cfg.guidance.model_dump(), people=list(cfg.all_people))
    app.on_response_prepare.append(add_headers)
    r = app.router
    r.add_get("/login", _auth.login_form)
    r.add_post("/login", _auth.login)
    r.add_post("/logout", _auth.logout)
    r.add_get("/", _items.queue)
    r.add_get("/items/{item_id}", _items.item_page)
    r.add_post("/items/{item_id}", _items.item_post)
    r.add_post("/items/{item_id}/claim", _inbox.claim_post)
    r.add_post("/bulk", _inbox.bulk_post)
    r.add_get("/queue/fragment", _inbox.queue_fragment)
    r.add_post("/items/{item_id}/platform", _platform.platform_post)
    r.add_get("/ack/{token}", _links.ack_confirm)
    r.add_post("/ack/{token}", _links.ack_act)
    r.add_get("/review", _pages.review_page)
    r.add_post("/review", _pages.review_post)
    r.add_get("/sources", _pages.sources_page)
    r.add_get("/reports", _pages.reports_page)
    r.add_get("/healthz", _pages.healthz)
    r.add_get("/admin/users", _pages.admin_users)
    r.add_post("/admin/users", _pages.admin_users_post)
    r.add_static("/static", STATIC_DIR, show_index=False, follow_symlinks=False)
    for route in daemon.extra_routes():  # webhook receivers: they authenticate by signature, not login
        r.add_route(route.method, route.path, public(route.handler))
    return app


def _person_name(daemon: DashboardHost, actor: str) -> str:
    """People are recorded by address (as email links name them); show their name from the config."""
    person = daemon.person(actor) if actor and "@" in actor else None
    return f"{person.name}" if person else actor


async def start_dashboard(daemon: DashboardHost) -> web.AppRunner:
    """Start the dashboard on the configured address; returns the runner (``await runner.cleanup()`` stops it)."""
    app = create_app(daemon)
    runner = web.AppRunner(app, access_log=None)  # no access log: URLs and addresses are not for INFO logs
    await runner.setup()
    site = web.TCPSite(runner, daemon.config.dashboard.host, daemon.config.dashboard.port)
    try:
        await site.start()
    except BaseException:
        await runner.cleanup()
        raise
    daemon.log.info("dashboard_started", host=daemon.config.dashboard.host, port=daemon.config.dashboard.port)
    return runner
