"""Shared fixtures: a school's config, a real store (a SQLite file or a real PostgreSQL), a real SMTP server on
loopback, an injected clock.

- ``make_config(**overrides)``: a validated :class:`Config` for a school with every role filled, its database in
  ``tmp_path`` and SMTP pointed at the ``smtp`` fixture; keyword arguments replace top-level tables.
- ``smtp``: an aiosmtpd ``Controller`` on 127.0.0.1 (a free port found first: ``Controller(port=0)`` does not
  work), whose behaviour a test can change (refuse with 421, reject an address with 550) or stop and restart.
- ``mail_catcher``: the demo's ``MailCatcher`` (every message kept, with its recipients) behind aiosmtpd on a free
  loopback port, as ``(catcher, port)``: for the tests that run the whole daemon.
- ``clock``: a :class:`FakeClock` the daemon, notifier and escalator read instead of the wall clock.
- ``backend`` / ``both_stores``: the store a test runs on (SQLite unless the test or its module is marked
  ``both_stores``: then once on each); ``store_location``, ``db``, ``store`` and ``make_config`` follow it. The
  ``postgres`` fixture is one real PostgreSQL server for the session (tests/pg_server.py).
- ``add_item(db, config, ...)``: store an item and record its classification through the daemon's own
  ``triage_record`` (deadline + first escalation steps), without the model.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from pg_server import DatabasePool, PostgresMissing, PostgresServer
from watchtower.config import Config, parse_config
from watchtower.demo import MailCatcher, free_port
from watchtower.models import Classification, Decision, Item, Severity, severity_of
from watchtower.notify.outbox import Notifier
from watchtower.pipeline import triage_record
from watchtower.store import Store, connect, immediate, repo
from watchtower.store.db import Db, Location

LINK_KEY = "test-link-key-0123456789abcdef0123456789"

PEOPLE: list[dict[str, Any]] = [
    {"name": "Amy Clarke", "email": "amy@school.example", "roles": ["moderator"]},
    {"name": "Ben Okafor", "email": "ben@school.example", "roles": ["moderator"]},
    {"name": "Rachel Hughes", "email": "aht@school.example", "roles": ["aht"]},
    {"name": "David Price", "email": "head@school.example", "roles": ["headteacher"]},
    {"name": "Fatima Shah", "email": "dsl@school.example", "roles": ["dsl"]},
    {"name": "Tom Reid", "email": "deputy@school.example", "roles": ["deputy_dsl"]},
]
OPERATOR = "it@school.example"


# --- clock -----------------------------------------------------------------------------------------


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> datetime:
        self.now += timedelta(**kw)
        return self.now

    def set(self, moment: datetime) -> datetime:
        self.now = moment
        return moment


@pytest.fixture
def clock() -> FakeClock:
    # Mon 9 Mar 2026 10:00 UTC (GMT: London agrees), a working day
    return FakeClock(datetime(2026, 3, 9, 10, 0, tzinfo=UTC))


# --- SMTP ------------------------------------------------------------------------------------------


@dataclass
class Mail:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage

    @property
    def to(self) -> str:
        return str(self.message["To"])

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    def part(self, subtype: str) -> str:
        body = self.message.get_body(preferencelist=(subtype,))
        assert body is not None, f"no text/{subtype} part"
        return str(body.get_content())


@dataclass
class SmtpHandler:
    """Accepts mail unless told otherwise. ``refuse_data``: answer DATA with that reply (e.g. 421);
    ``bad_addresses``: RCPT TO for these is refused with 550."""

    messages: list[Mail] = field(default_factory=list)
    refuse_data: str | None = None
    bad_addresses: set[str] = field(default_factory=set)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address.lower() in self.bad_addresses:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse_data:
            return self.refuse_data
        msg = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        self.messages.append(Mail(envelope.mail_from, list(envelope.rcpt_tos), msg))
        return "250 Message accepted for delivery"


class SmtpServer:
    """A real SMTP server on 127.0.0.1 that a test can stop (connection refused) and start again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.handler = SmtpHandler()
        self._controller: Controller | None = None

    @property
    def messages(self) -> list[Mail]:
        return self.handler.messages

    def to(self, address: str) -> list[Mail]:
        return [m for m in self.messages if address in m.rcpt_tos]

    def start(self) -> None:
        for _ in range(50):  # the port may linger briefly after a stop
            try:
                self._controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
                self._controller.start()
                return
            except (OSError, RuntimeError):
                time.sleep(0.05)
        raise RuntimeError(f"could not start the SMTP server on port {self.port}")

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@asynccontextmanager
async def serve_app(app: Any) -> AsyncIterator[int]:
    """An aiohttp ``web.Application`` served on a free loopback port for the test's length; yields the port."""
    from aiohttp import web

    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    finally:
        await runner.cleanup()


@asynccontextmanager
async def serve_school_feeds(render: Callable[[str], str]) -> AsyncIterator[int]:
    """RSS feeds at ``/<school>.rss`` on a free loopback port, each the document ``render(school)`` gives at the
    time of the request; yields the port."""
    from aiohttp import web

    async def handler(request: web.Request) -> web.Response:
        return web.Response(text=render(request.match_info["school"]), content_type="application/rss+xml")

    app = web.Application()
    app.router.add_get("/{school}.rss", handler)
    async with serve_app(app) as port:
        yield port


@pytest.fixture
def mail_catcher() -> Iterator[tuple[MailCatcher, int]]:
    catcher = MailCatcher()
    port = free_port()
    controller = Controller(catcher, hostname="127.0.0.1", port=port)
    controller.start()
    yield catcher, port
    controller.stop()


# --- the store: SQLite, or a real PostgreSQL --------------------------------------------------------

#: ``@both_stores`` (or ``pytestmark = both_stores``): run the test once on each store. ``backend`` is "sqlite" in
#: every other test. The ``store_location``, ``db``, ``store`` and ``make_config`` fixtures follow it.
STORES = ("sqlite", "postgresql")
both_stores = pytest.mark.parametrize("backend", STORES, indirect=True)


@pytest.fixture(autouse=True)
def backend(request: pytest.FixtureRequest) -> str:
    """Which store this test runs on (autouse, so that a module's ``pytestmark = both_stores`` reaches every test
    in it)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for the whole session (tests/pg_server.py), with a migrated template database
    that each test's fresh database is copied from. Missing binaries fail the test with the fix, never skip it."""
    try:
        server = PostgresServer()
    except PostgresMissing as exc:
        pytest.fail(str(exc), pytrace=False)
    server.start()
    try:
        template = server.create_database()
        connect(server.url(template)).close()
        server.template = template
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_pool(postgres: PostgresServer) -> Iterator[DatabasePool]:
    pool = DatabasePool(postgres)
    yield pool
    pool.close()


@pytest.fixture
def pg_database(postgres: PostgresServer, pg_pool: DatabasePool) -> Iterator[str]:
    """The URL of a fresh, migrated PostgreSQL database of this test's own (dropped after it)."""
    name = pg_pool.take()
    yield postgres.url(name)
    pg_pool.give_back(name)


@pytest.fixture
def pg_empty_database(postgres: PostgresServer) -> Iterator[str]:
    """The URL of a fresh PostgreSQL database with nothing in it (no migrations run)."""
    name = postgres.create_database(template="template0")
    yield postgres.url(name)
    postgres.drop_database(name)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "watchtower.db"


@pytest.fixture
def store_location(backend: str, db_path: Path, request: pytest.FixtureRequest) -> Location:
    """Where this test's store is: the SQLite file ``db_path``, or a fresh PostgreSQL database."""
    if backend == "sqlite":
        return Location(path=db_path)
    return Location(url=request.getfixturevalue("pg_database"))


def store_table(where: Location | Path) -> dict[str, str]:
    """The config's ``[store]`` for a store's Location, or for a SQLite file's path."""
    location = where if isinstance(where, Location) else Location(path=where)
    return {"path": str(location.path)} if location.path is not None else {"url": str(location.url)}


@pytest.fixture
def make_config(store_location: Location, smtp: SmtpServer) -> Callable[..., Config]:
    def make(**overrides: Any) -> Config:
        data: dict[str, Any] = {
            "school": {"name": "Oakfield Academy", "operator_email": OPERATOR},
            "people": PEOPLE,
            "smtp": {"host": "127.0.0.1", "port": smtp.port, "security": "none",
                     "from_address": "watchtower@school.example", "timeout_seconds": 5},
            "notify": {"first_backoff_seconds": 5, "max_backoff_seconds": 60},
            "dashboard": {"enabled": False, "public_url": "https://watchtower.school.example"},
            "store": store_table(store_location),
        }
        data.update(overrides)
        return parse_config(data)

    return make


@pytest.fixture
def config(make_config: Callable[..., Config]) -> Config:
    return make_config()


def add_item(
    db: Db,
    config: Config,
    *,
    text: str,
    categories: list[str],
    now: datetime,
    source: str = "own",
    platform: str = "facebook",
    platform_id: str | None = None,
    created_at: datetime | None = None,
    parent_id: str | None = None,
    own_post: bool = False,
    source_name: str = "facebook-page",
    author: str = "someone",
    reasons: list[str] | None = None,
    scores: dict[str, float] | None = None,
    decisions: list[Decision] | None = None,
    possible: list[str] | None = None,
) -> int:
    """Store one item and triage it with the given categories, as the daemon would at ``now``.

    ``decisions``: the classifier's decision records (default: one test rule per category); their reasons are
    recorded unless ``reasons`` is given. ``scores`` default to 0.99 per category. ``possible``: possible
    concerns (critical categories with inconclusive evidence)."""
    if decisions is None:
        decisions = [Decision(c, "rule", "test", detail=c) for c in categories]
    if reasons is None:
        reasons = [d.reason for d in decisions] or ["model: below thresholds"]
    pid = platform_id or f"p{time.perf_counter_ns()}"
    item = Item(
        platform=platform, source=source, platform_id=pid,  # type: ignore[arg-type]
        url=f"https://{platform}.example/{pid}", author_handle=author, author_name=author.title(),
        text=text, created_at=created_at or now, parent_id=parent_id, own_post=own_post,
    )
    cls = Classification(categories=categories, scores=scores if scores is not None else {c: 0.99 for c in categories},
                         reasons=reasons, model_version="test", possible=possible or [], decisions=decisions)
    assert cls.severity == max(severity_of(categories), Severity.HIGH if possible else Severity.NONE)
    with immediate(db):
        return store_and_triage(db, config, item, cls, source_name=source_name, now=now)


def store_and_triage(db: Db, config: Config, item: Item, cls: Classification, *, source_name: str,
                     now: datetime, school: str = "default") -> int:
    """The seeding step every test world shares: store ``item`` (of ``school``) and triage it with ``cls`` with the
    real pipeline code (deadline, escalation steps, alerts), in the caller's transaction. Returns the item's id."""
    [item_id] = repo.ingest(db, [item], source_name=source_name, now=now, school=school)
    triage_record(db, config, repo.get_items(db, [item_id]), [cls], now)
    return item_id


@pytest.fixture
def db(store_location: Location) -> Iterator[Db]:
    """A connection of the test's own to the store (the daemon and CLI open theirs)."""
    conn = connect(store_location)
    yield conn
    conn.close()


def build_notifier(config: Config, store: Store, clock: Callable[[], datetime], sender: Any = None) -> Notifier:
    """The daemon's notifier for ``config``, sending through real SMTP (or ``sender``)."""
    from datetime import timedelta as _td

    from watchtower.links import LinkSigner
    from watchtower.notify.outbox import OutboxSettings
    from watchtower.notify.smtp import SmtpSender
    from watchtower.people import Directory

    return Notifier(
        store=store,
        sender=sender or SmtpSender(host=config.smtp.host, port=config.smtp.port, security="none", timeout=5),
        signer=LinkSigner(LINK_KEY, ttl=_td(hours=72)),
        settings=OutboxSettings.from_config(config),
        people=Directory.from_config(config).recipient,
        clock=clock,
    )


@pytest.fixture
async def store(store_location: Location) -> AsyncIterator[Store]:
    s = Store(store_location)
    await s.open()
    yield s
    await s.close()


async def writes_refused(store: Store, refused: bool) -> None:
    """Make the store's writer connection refuse writes, as a full disk does (a real refusal: SQLite's
    query_only, PostgreSQL's read-only transactions)."""
    import asyncio

    db = store._write_db
    assert db is not None
    on = "ON" if refused else "OFF"
    sql = f"PRAGMA query_only = {on}" if db.dialect == "sqlite" else f"SET default_transaction_read_only = {on}"
    await asyncio.get_running_loop().run_in_executor(store._writer, db.execute, sql)


def delivered(mails: list[Mail]) -> Counter[tuple[str, str]]:
    """How many times each (item ids, recipient) pair arrived."""
    return Counter((str(m.message["X-Watchtower-Items"]), r) for m in mails for r in m.rcpt_tos)


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v)  # a JSON string is a valid TOML basic string
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(type(v))


def to_toml(data: dict[str, Any]) -> str:
    """Enough TOML for a config: tables of scalars, and arrays of tables (``people``, ``sources``)."""
    lines = []
    for table, body in data.items():
        if isinstance(body, list):
            for entry in body:
                lines.append(f"[[{table}]]")
                lines.extend(f"{k} = {_toml_value(v)}" for k, v in entry.items())
        else:
            lines.append(f"[{table}]")
            lines.extend(f"{k} = {_toml_value(v)}" for k, v in body.items())
        lines.append("")
    return "\n".join(lines)


@pytest.fixture
def config_file(tmp_path: Path, make_config: Callable[..., Config]) -> Callable[..., Path]:
    """``config_file(**overrides)``: the same config as ``make_config``, written as watchtower.toml."""

    def write(**overrides: Any) -> Path:
        config = make_config(**overrides)
        data = config.model_dump(mode="json", exclude_defaults=True)
        path = tmp_path / "watchtower.toml"
        path.write_text(to_toml(data), encoding="utf-8")
        return path

    return write


# --- a trust of three schools ------------------------------------------------------------------------

#: (id, name, mail domain) of the three schools of the test trust
TRUST_SCHOOLS: list[tuple[str, str, str]] = [
    ("oakfield", "Oakfield Academy", "oakfield.example"),
    ("hillside", "Hillside Primary", "hillside.example"),
    ("riverside", "Riverside High", "riverside.example"),
]
TRUST_LEAD = "lead@northfield-trust.example"
TRUST_OPERATOR = "ops@northfield-trust.example"


def school_people(domain: str) -> list[dict[str, Any]]:
    """A school's people: two moderators, AHT, headteacher, DSL and deputy, all at ``domain``."""
    return [
        {"name": f"Mod One {domain}", "email": f"mod1@{domain}", "roles": ["moderator"]},
        {"name": f"Mod Two {domain}", "email": f"mod2@{domain}", "roles": ["moderator"]},
        {"name": f"AHT {domain}", "email": f"aht@{domain}", "roles": ["aht"]},
        {"name": f"Head {domain}", "email": f"head@{domain}", "roles": ["headteacher"]},
        {"name": f"DSL {domain}", "email": f"dsl@{domain}", "roles": ["dsl"]},
        {"name": f"Deputy {domain}", "email": f"deputy@{domain}", "roles": ["deputy_dsl"]},
    ]


def trust_data(db_path: Path | Location, smtp_port: int, sources: dict[str, list[dict[str, Any]]] | None = None,
               **overrides: Any) -> dict[str, Any]:
    """A trust config (before validation): the three TRUST_SCHOOLS with their people and ``sources`` (by school
    id), a trust safeguarding lead and a trust operator, mail to ``smtp_port`` on loopback."""
    sources = sources or {}
    data: dict[str, Any] = {
        "trust": {"name": "Northfield Learning Trust", "people": [
            {"name": "Grace Adeyemi", "email": TRUST_LEAD, "roles": ["safeguarding_lead"]},
            {"name": "Trust IT", "email": TRUST_OPERATOR, "roles": ["operator"]},
        ]},
        "schools": [
            {"id": sid, "name": name, "people": school_people(domain), "sources": sources.get(sid, []),
             "operator_email": f"it@{domain}"}
            for sid, name, domain in TRUST_SCHOOLS
        ],
        "deadlines": {"nation": "england"},
        "smtp": {"host": "127.0.0.1", "port": smtp_port, "security": "none",
                 "from_address": "watchtower@northfield-trust.example", "timeout_seconds": 5},
        "notify": {"first_backoff_seconds": 5, "max_backoff_seconds": 60},
        "dashboard": {"enabled": False, "public_url": "https://watchtower.northfield-trust.example"},
        "store": store_table(db_path),
    }
    data.update(overrides)
    return data
