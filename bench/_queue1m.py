"""The dashboard's queue page at a million items across a trust's schools (issue 16), through HTTP.

A store made by the real migrations is seeded with ``n`` items across ``schools`` schools (``executemany``, one
transaction per batch of 50,000, then ``ANALYZE``), in the shape a year of a trust's running leaves it with the
default retention (unflagged items kept 30 days, flagged ones a year):

- 92 % harmless; of those, 40 % comments on the schools' own accounts, owed an acknowledgement within 24 hours
  (the 24-hour rule: a deadline): older than two days, 99 % were cleared ("seen, nothing to do": acknowledged and
  resolved) and 1 % were left past their deadline, open; younger, 70 % cleared. Mentions owe nothing.
- 8 % flagged (5 % normal, 2 % high, 1 % critical) over the year: older than 30 days acknowledged, resolved and
  DSL-reviewed; 3 to 30 days acknowledged and half of them resolved; younger, 60 % acknowledged, 20 % resolved.
  That leaves a few thousand flagged items open across the trust.

Then the real daemon serves the dashboard in its own process (``_child.py`` ``serve = "dashboard"``: the shipped
aiohttp app on loopback) and the benchmark, as a browser would, logs in and times ``GET /`` (the queue page's
default view: flagged or owed a reply, not resolved, page 1) from request to the last byte of the page: a moderator
of one school, and a trust-wide login (``trust_safeguarding_lead``, school ``*``). Median and p95 of ``repeat``
requests after a few warm-ups. Also timed, fewer times: a few other views, and the page's queries alone
(``web._queries.queue`` and ``platforms``, in this process) with their ``EXPLAIN QUERY PLAN``, beside the count
alone and the page as the one statement it was before migration m012.

On PostgreSQL the load is followed by a VACUUM of ``items`` (``vacuum``): what autovacuum does on a running
server (m012: after 1 % of the table changed), which keeps the visibility map that index-only scans need; the
results say how much of the table autovacuum had marked on its own by then.
"""

from __future__ import annotations

import random
import re
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
from _harness import Child, percentile, trust_config
from _store import Recording, StoreTarget, close, explain, fresh_store, insert_many, transaction
from _texts import PostTexts

from watchtower import users
from watchtower.demo import free_port
from watchtower.timeutil import ts
from watchtower.web import _queries as q

BATCH = 50_000
#: migration m010's indexes: the benchmark drops them on its own store at the end, to show what they are worth
M010_INDEXES = ("items_inbox", "items_school_platform", "items_school_review")
PASSWORD = secrets.token_urlsafe(16)  # the two logins' password, new each run
MODERATOR, TRUST_LEAD = "mod_s07", "lead"
_SEV_CATS = {0: "[]", 1: '["complaint"]', 2: '["harassment"]', 3: '["safeguarding"]'}
_DEADLINE = {3: timedelta(hours=1), 2: timedelta(hours=4), 1: timedelta(hours=24)}
_OWN = (("facebook", 60), ("instagram", 25), ("youtube", 15))
_MENTION = (("rss", 70), ("facebook", 10), ("bluesky", 10), ("reddit", 10))
_COLUMNS = ("platform, platform_id, source, source_name, url, author_handle, author_name, title, text, created_at, "
            "first_seen_at, extra, classified_at, categories, severity, deadline_at, acknowledged_at, "
            "acknowledged_by, resolved_at, resolved_by, dsl_reviewed_at, dsl_reviewed_by, school")


def _pick(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def _item(i: int, rng: random.Random, now: datetime, school: str, text: str) -> tuple[Any, ...]:
    x = rng.random()
    sev = 3 if x < 0.01 else 2 if x < 0.03 else 1 if x < 0.08 else 0
    own = rng.random() < 0.4
    platform = _pick(rng, _OWN if own else _MENTION)
    age = timedelta(days=rng.uniform(0, 365 if sev else 30))
    seen = now - age
    days = age.total_seconds() / 86400
    deadline = ack = resolved = reviewed = None
    if sev:
        deadline = seen + _DEADLINE[sev]
        if days > 30:
            ack, resolved, reviewed = True, True, True
        elif days > 3:
            ack, resolved, reviewed = True, rng.random() < 0.5, days > 7
        else:
            ack = rng.random() < 0.6
            resolved = ack and rng.random() < 1 / 3
    elif own:
        deadline = seen + timedelta(hours=24)
        cleared = rng.random() < (0.99 if days > 2 else 0.7)
        ack = resolved = cleared
    s = ts(seen)
    by = f"mod1@{school}.example"
    return (
        platform, f"p{i}", "own" if own else "mention", f"{school}-{platform}", f"https://bench.example/p/{i}",
        f"@user{i % 20000}", f"User {i % 20000}", None, text, s, s, "{}", s,
        '["threat"]' if sev == 3 and i % 2 else _SEV_CATS[sev], sev,
        ts(deadline) if deadline else None,
        ts(seen + timedelta(minutes=rng.uniform(5, 600))) if ack else None, by if ack else None,
        ts(seen + timedelta(days=1)) if resolved else None, by if resolved else None,
        ts(seen + timedelta(days=2)) if reviewed else None, f"dsl@{school}.example" if reviewed else None,
        school,
    )


def vacuum(db: Any) -> dict[str, Any]:
    """PostgreSQL: the table's visibility map as autovacuum keeps it on a running server (m012 has it visit
    ``items`` after 1 % changed), by a VACUUM here: how much of the table autovacuum had marked all-visible on its
    own by then, and after. The tests' server commits asynchronously and VACUUM marks a page only once its rows'
    commit is on disk, hence the CHECKPOINT first."""
    def visible() -> dict[str, int]:
        pages, allvisible = db.execute(
            "SELECT relpages, relallvisible FROM pg_class WHERE oid = 'items'::regclass").fetchone()
        return {"pages": int(pages), "all_visible": int(allvisible)}

    before = visible()
    t = time.perf_counter()
    db.execute("CHECKPOINT")
    db.execute("VACUUM (ANALYZE) items")
    return {"before": before, "after": visible(), "seconds": time.perf_counter() - t}


#: the page as one statement, as web._queries.queue read it before m012 (a reference, timed beside it)
_ONE_STATEMENT = ("SELECT * FROM items WHERE {where} ORDER BY (resolved_at IS NOT NULL), (acknowledged_at IS NOT "
                  "NULL), severity DESC, (deadline_at IS NULL), deadline_at, first_seen_at DESC, id DESC LIMIT ? "
                  "OFFSET ?")


def seed(db: Any, n: int, schools: list[str], now: datetime) -> None:
    """``n`` items over ``schools`` (of different sizes: weights 1 to 3), ``BATCH`` rows per transaction."""
    rng = random.Random(16)
    texts = PostTexts(seed=16)
    pool = [texts.text() for _ in range(2000)]
    weights = [rng.uniform(1, 3) for _ in schools]
    marks = ", ".join("?" * len(_COLUMNS.split(", ")))
    sql = f"INSERT INTO items ({_COLUMNS}) VALUES ({marks})"
    for start in range(0, n, BATCH):
        picked = rng.choices(schools, weights=weights, k=min(BATCH, n - start))
        insert_many(db, sql, [_item(start + k, rng, now, school, pool[(start + k) % len(pool)])
                              for k, school in enumerate(picked)])
    db.execute("ANALYZE")


def _stats(values: list[float]) -> dict[str, Any]:
    return {"n": len(values), "median_s": statistics.median(values), "p95_s": percentile(values, 95),
            "min_s": min(values), "max_s": max(values)}


def _time(fn: Callable[[], object], repeat: int, warm: int = 2) -> dict[str, Any]:
    for _ in range(warm):
        fn()
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return _stats(out)


def queries(target: StoreTarget, scopes: dict[str, tuple[q.SchoolSql, bool]], repeat: int) -> dict[str, Any]:
    """The queue page's two queries alone, per scope: their time and their plans."""
    db = target.open(migrate=False)
    out: dict[str, Any] = {}
    try:
        for label, (schools, reads) in scopes.items():
            rec = Recording(db)
            _, total = q.queue(rec, q.QueueFilter(), reads_safeguarding=reads, schools=schools)  # type: ignore[arg-type]
            q.platforms(rec, schools=schools)  # type: ignore[arg-type]
            count_sql, count_params = rec.statements[0]
            one = (_ONE_STATEMENT.format(where=count_sql.removeprefix("SELECT COUNT(*) FROM items WHERE ")),
                   [*count_params, q.PAGE_SIZE, 0])
            out[label] = {
                "inbox_total": total,
                "queue": _time(lambda s=schools, r=reads: q.queue(db, q.QueueFilter(), reads_safeguarding=r,
                                                                  schools=s), repeat),
                "platforms": _time(lambda s=schools: q.platforms(db, schools=s), repeat),
                # the reference: the count as it is, and the page as one statement (before m012)
                "count": _time(lambda c=(count_sql, count_params): db.execute(*c).fetchall(), repeat),
                "page_one_statement": _time(lambda o=one: db.execute(*o).fetchall(), repeat),
                "plans": {name: explain(db, target, sql, params) for name, (sql, params) in zip(
                    ("count", "page", "platforms", "page as one statement (before m012)"), [*rec.statements, one],
                    strict=True)},
            }
    finally:
        close(db)
    return out


_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


async def _login(http: aiohttp.ClientSession, base: str, username: str) -> None:
    async with http.get(f"{base}/login") as page:
        m = _CSRF.search(await page.text())
    assert m, "no CSRF field on the login page"
    async with http.post(f"{base}/login", data={"username": username, "password": PASSWORD, "csrf": m.group(1)},
                         allow_redirects=False) as resp:
        if resp.status != 303:
            raise RuntimeError(f"login as {username} failed: {resp.status} {(await resp.text())[:300]}")


async def _get_times(http: aiohttp.ClientSession, url: str, repeat: int, warm: int = 3) -> dict[str, Any]:
    out: list[float] = []
    body = ""
    for k in range(warm + repeat):
        t = time.perf_counter()
        async with http.get(url, allow_redirects=False) as resp:
            body = await resp.text()
            if resp.status != 200:
                raise RuntimeError(f"GET {url}: {resp.status} {body[:300]}")
        if k >= warm:
            out.append(time.perf_counter() - t)
    res = _stats(out)
    res["page_bytes"] = len(body.encode())
    res["items_on_page"] = len(set(re.findall(r'href="/items/(\d+)', body)))
    return res


async def _pages(base: str, repeat: int, *, extras: bool) -> dict[str, Any]:
    """Log in as each of the two people and time the queue page (and, with ``extras``, a few other views)."""
    out: dict[str, Any] = {}
    for user, label in ((MODERATOR, "one school (moderator)"), (TRUST_LEAD, "trust-wide (*)")):
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            await _login(http, base, user)
            out[label] = {"queue": await _get_times(http, f"{base}/", repeat)}
            if not extras:
                continue
            few = max(5, repeat // 5)
            views = {"page 5": "/?page=5", "search 'knife'": "/?q=knife",
                     "everything (severity=any, status=all)": "/?severity=any&status=all"}
            if user == TRUST_LEAD:
                views["one school chosen (?school=s07)"] = "/?school=s07"
            for name, path in views.items():
                out[label][name] = await _get_times(http, base + path, few, warm=1)
    return out


async def run_queue1m(*, n: int, schools: int, repeat: int, store: str | None = None) -> dict[str, Any]:
    ids = [f"s{i:02d}" for i in range(schools)]
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="wt-bench-queue-") as tmp, \
            fresh_store(store, Path(tmp), "queue1m") as target:
        work = Path(tmp)
        t = time.perf_counter()
        db = target.open()  # the real migrations
        try:
            seed(db, n, ids, now)
            seed_seconds = time.perf_counter() - t
            h = users.hash_password(PASSWORD)
            with transaction(db):
                users.add_user(db, MODERATOR, name="Mod Seven", email="mod1@s07.example", role="moderator",
                               password_hash=h, now=now, school="s07")
                users.add_user(db, TRUST_LEAD, name="Grace Adeyemi", email="safeguarding@bench-trust.example",
                               role="trust_safeguarding_lead", password_hash=h, now=now, school="*")
            visibility = vacuum(db) if target.kind == "postgresql" else None
            per_school = dict(db.execute("SELECT school, COUNT(*) FROM items GROUP BY school").fetchall())
            open_flagged = db.execute("SELECT COUNT(*) FROM items WHERE severity > 0 AND resolved_at IS NULL"
                                      ).fetchone()[0]
        finally:
            close(db)
        size = target.size_bytes()
        scopes = {"one school (moderator)": (("school IN (?)", ["s07"]), False),
                  "trust-wide (*)": (("1 = 1", []), True)}
        query_times = queries(target, scopes, max(5, repeat // 4))

        port = free_port()
        config = trust_config([(sid, []) for sid in ids], smtp_port=1, store=target.config(), dashboard={
            "enabled": True, "host": "127.0.0.1", "port": port, "public_url": f"http://127.0.0.1:{port}"})
        child = Child(work, config, serve="dashboard")
        base = f"http://127.0.0.1:{port}"
        try:
            await child.start()
            pages = await _pages(base, repeat, extras=True)
            # the reference: the same page without migration m010's indexes (dropped on this store only)
            db = target.open(migrate=False)
            try:
                with transaction(db):
                    for index in M010_INDEXES:
                        db.execute(f"DROP INDEX IF EXISTS {index}")
                db.execute("ANALYZE")
            finally:
                close(db)
            without = await _pages(base, max(5, repeat // 5), extras=False)
        finally:
            await child.stop()
        without_queries = queries(target, scopes, 3)
        return {
            "store": target.kind,
            "items": n,
            "schools": schools,
            "items_per_school": {"min": min(per_school.values()), "max": max(per_school.values()),
                                 "s07": per_school.get("s07")},
            "seed_seconds": seed_seconds,
            "vacuum": visibility,
            "db_bytes": size,
            "open_flagged": open_flagged,
            "http": pages,
            "queries": query_times,
            "without_m010": {"http": without, "queries": without_queries},
        }
