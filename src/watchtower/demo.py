"""``watchtower demo``: the real daemon, with nothing faked inside Watchtower, against sample sources on loopback.

Two sample feeds are served on 127.0.0.1 (visitor comments on the school website, an *own* source; and a Google
Alerts feed of public mentions) and a local SMTP server (aiosmtpd) captures the mail. The daemon polls, stores,
classifies, sets deadlines, queues and sends alerts exactly as it would for a school. No accounts, no network.

This module is the sample world and the report; the daemon is handed in by the command that starts it
(``cli/demo.py``), so that only the commands import the daemon. Tests and benchmarks use the world too.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import socket
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email import message_from_bytes, policy
from email.utils import format_datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from aiohttp import web
from aiosmtpd.controller import Controller

from watchtower.config import Config, parse_config
from watchtower.models import utcnow

if TYPE_CHECKING:
    from watchtower.store import Store

DEMO_TIMEOUT_SECONDS = 100.0
#: how often the demo's daemon runs the escalator, so that the run is over in seconds
DEMO_ESCALATION_INTERVAL = 2.0
_PLACEHOLDER = re.compile(r"\{T-(\d+)\}")


class RunningDaemon(Protocol):
    """What the demo needs of a daemon (``watchtower.daemon.Daemon`` is one): run it, see it ready, read its
    store at its clock's time, stop it."""

    store: Store
    clock: Callable[[], datetime]
    ready: asyncio.Event

    async def run(self) -> None: ...
    def request_stop(self) -> None: ...


@dataclass
class CapturedMail:
    mail_from: str
    recipients: list[str]
    subject: str
    body: bytes


@dataclass
class MailCatcher:
    """An aiosmtpd handler that keeps every message the daemon sends."""

    messages: list[CapturedMail] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = message_from_bytes(envelope.content, policy=policy.default)  # decodes =?utf-8?...?= subjects
        self.messages.append(
            CapturedMail(envelope.mail_from, list(envelope.rcpt_tos), str(msg.get("Subject", "")), envelope.content)
        )
        return "250 Message accepted for delivery"


def free_port() -> int:
    """A free TCP port on loopback (aiosmtpd's Controller needs a number before it starts)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def serve_loopback(app: web.Application) -> tuple[web.AppRunner, int]:
    """Serve ``app`` on 127.0.0.1 at a port the system picks; the runner (to clean up) and the port."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, int(site._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]


def render_feed(name: str, now: datetime) -> str:
    """A sample feed with its times set relative to ``now`` (``{T-30}`` = 30 minutes ago)."""
    text = resources.files("watchtower.demo_data").joinpath(name).read_text(encoding="utf-8")
    atom = "<feed" in text

    def repl(m: re.Match[str]) -> str:
        t = now - timedelta(minutes=int(m.group(1)))
        return t.strftime("%Y-%m-%dT%H:%M:%SZ") if atom else format_datetime(t)

    return _PLACEHOLDER.sub(repl, text)


async def serve_feeds(now: datetime) -> tuple[web.AppRunner, int]:
    feeds = {
        "/website/comments.rss": ("website_comments.xml", "application/rss+xml"),
        "/alerts/oakfield.atom": ("google_alerts.xml", "application/atom+xml"),
    }

    async def handler(request: web.Request) -> web.Response:
        name, ctype = feeds[request.path]
        return web.Response(text=render_feed(name, now), content_type=ctype)

    app = web.Application()
    for path in feeds:
        app.router.add_get(path, handler)
    return await serve_loopback(app)


def demo_school(sources: list[dict[str, Any]], *, smtp_port: int, db_path: Path) -> dict[str, Any]:
    """The demo school's config data (people, mail catcher, database) with the given sources, before validation.

    The benchmarks use it too, with their own sources."""
    return {
        "school": {"name": "Oakfield Academy", "aliases": ["Oakfield School", "@OakfieldAcad"]},
        "people": [
            {"name": "Amy Clarke", "email": "a.clarke@oakfield-academy.example", "roles": ["moderator"]},
            {"name": "Ben Okafor", "email": "b.okafor@oakfield-academy.example", "roles": ["moderator", "admin"]},
            {"name": "Rachel Hughes", "email": "r.hughes@oakfield-academy.example", "roles": ["aht"]},
            {"name": "David Price", "email": "head@oakfield-academy.example", "roles": ["headteacher"]},
            {"name": "Fatima Shah", "email": "dsl@oakfield-academy.example", "roles": ["dsl"]},
            {"name": "Tom Reid", "email": "t.reid@oakfield-academy.example", "roles": ["deputy_dsl"]},
        ],
        "sources": sources,
        "smtp": {
            "host": "127.0.0.1",
            "port": smtp_port,
            "security": "none",
            "from_address": "watchtower@oakfield-academy.example",
            "timeout_seconds": 10,
        },
        "dashboard": {"enabled": False, "public_url": "https://watchtower.oakfield-academy.example"},
        "store": {"path": str(db_path)},
    }


def demo_config(*, feed_port: int, smtp_port: int, db_path: Path) -> Config:
    """A realistic school's config, pointed at the loopback feeds and mail catcher; validated like any other."""
    base = f"http://127.0.0.1:{feed_port}"
    sources = [
        {"type": "rss", "name": "website-comments", "url": f"{base}/website/comments.rss", "source": "own",
         "interval_seconds": 60, "timeout_seconds": 10},
        {"type": "rss", "name": "google-alerts", "url": f"{base}/alerts/oakfield.atom", "source": "mention",
         "interval_seconds": 60, "timeout_seconds": 10},
    ]
    return parse_config(demo_school(sources, smtp_port=smtp_port, db_path=db_path), path="<demo config>")


async def settled(daemon: RunningDaemon, polled: int) -> bool:
    """Every source polled once, every item classified, nothing left to send now."""
    from watchtower.store import repo

    def check(db: Any) -> bool:
        health = repo.source_health(db)
        if sum(1 for h in health if h["last_success_at"] or h["last_error_at"]) < polled:
            return False
        if repo.unclassified_ids(db, limit=1):
            return False
        return not repo.pending_alerts(db, daemon.clock(), limit=1)

    return bool(await daemon.store.read(check))


async def run_until_settled(daemon: RunningDaemon, n_sources: int, *, within: float = DEMO_TIMEOUT_SECONDS,
                            interval: float = 0.25) -> None:
    """Run ``daemon`` until it has :func:`settled` (or ``within`` seconds have passed), then stop it."""
    task = asyncio.create_task(daemon.run())
    await asyncio.wait({task, asyncio.ensure_future(daemon.ready.wait())}, return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        task.result()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while loop.time() < deadline and not await settled(daemon, n_sources):
        await asyncio.sleep(interval)
    daemon.request_stop()
    await task


async def run_demo(
    start: Callable[[Config, dict[str, str]], RunningDaemon], out: TextIO = sys.stdout, *,
    keep_db: Path | None = None,
) -> int:
    """The demo. ``start(config, environ)`` makes the daemon (``watchtower demo`` makes the real one, its escalator
    every :data:`DEMO_ESCALATION_INTERVAL` seconds)."""
    now = utcnow()
    catcher = MailCatcher()
    smtp_port = free_port()
    controller = Controller(catcher, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    runner, feed_port = await serve_feeds(now)
    tmp = tempfile.TemporaryDirectory(prefix="watchtower-demo-")
    db_path = keep_db or Path(tmp.name) / "watchtower.db"
    try:
        config = demo_config(feed_port=feed_port, smtp_port=smtp_port, db_path=db_path)
        daemon = start(config, {"WATCHTOWER_LINK_KEY": secrets.token_urlsafe(32)})
        print(f"demo: watching {len(config.all_sources)} sample sources on 127.0.0.1:{feed_port}, "
              f"mail to 127.0.0.1:{smtp_port}", file=out)
        await run_until_settled(daemon, len(config.all_sources))

        from watchtower.store import connect

        db = connect(db_path)
        n_items = db.execute("SELECT COUNT(*) FROM items").fetchone()[0]
        n_flagged = db.execute("SELECT COUNT(*) FROM items WHERE severity > 0").fetchone()[0]
        rows = db.execute(
            "SELECT platform, source, severity, categories, author_handle FROM items ORDER BY id"
        ).fetchall()
        db.close()
        print("", file=out)
        print("items triaged:", file=out)
        sev = {0: "none", 1: "normal", 2: "high", 3: "critical"}
        for platform, source, s, cats, author in rows:
            print(f"  {sev.get(s or 0, '?'):>8}  {source:<7} {platform:<4} {cats or '[]':<40} {author or ''}", file=out)
        print("", file=out)
        print("emails delivered to the local SMTP server:", file=out)
        for m in catcher.messages:
            print(f"  to {', '.join(m.recipients)}", file=out)
            print(f"     {' '.join(m.subject.split())}", file=out)
        print(f"demo: {n_items} items, {n_flagged} flagged, {len(catcher.messages)} alerts delivered", file=out)
        return 0 if n_items and n_flagged and catcher.messages else 1
    finally:
        await runner.cleanup()
        controller.stop()
        tmp.cleanup()
