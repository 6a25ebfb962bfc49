"""The dashboard queue's default view, and the digest's review list, at a trust's scale (issue 16, migration m010).

At a million items across 30 schools the queue page read every item of the school (or of the trust) to count and
sort a few thousand; m010's ``items_inbox`` holds just the rows the default view shows. An index must never change
an answer: the view answers the same with it as without it, and what it answers is what the view promises (flagged
or owed a reply, not resolved, of the person's schools, open first, worst first). And the view must keep using it:
the plans are checked, so a change to the query's wording that the index no longer matches fails here, not at a
trust with a slow dashboard.

Migration m012 and the page in two steps (issue 16, the trust-wide page on PostgreSQL): the page first takes its 50
ids by the view's order, then reads those rows. Every view, filter and page answers exactly what the one statement
before it answered, on both stores; items_inbox holds every column the count and the first step read (``id``
included, which PostgreSQL's indexes do not hold by themselves), so both can be answered from the index alone.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from conftest import both_stores
from watchtower.store import connect, immediate
from watchtower.store._db import rows as all_rows
from watchtower.store.db import Db, Location, open_db
from watchtower.store.migrations import migrations
from watchtower.store.rows import with_categories_list
from watchtower.timeutil import ts
from watchtower.web import _queries as q

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from _store import Recording  # the queue benchmark's statement recorder, shared

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
SCHOOLS = ("oakfield", "hillside", "riverside")
COLUMNS = ("platform", "platform_id", "source", "source_name", "text", "created_at", "first_seen_at", "classified_at",
           "categories", "severity", "deadline_at", "acknowledged_at", "resolved_at", "school")
#: each kind of item: (severity, owes a deadline, acknowledged, resolved, classified)
KINDS: dict[str, tuple[int | None, bool, bool, bool, bool]] = {
    "critical, open": (3, True, False, False, True),
    "high, acknowledged": (2, True, True, False, True),
    "normal, open": (1, True, False, False, True),
    "flagged, resolved": (2, True, True, True, True),
    "own comment owed a reply": (0, True, False, False, True),
    "own comment acknowledged, not resolved": (0, True, True, False, True),
    "own comment cleared": (0, True, True, True, True),
    "mention, nothing owed": (0, False, False, False, True),
    "not classified yet": (None, False, False, False, False),
}
IN_THE_DEFAULT_VIEW = {"critical, open", "high, acknowledged", "normal, open", "own comment owed a reply",
                       "own comment acknowledged, not resolved"}


def row(n: int, kind: str, school: str, rng: random.Random) -> tuple[Any, ...]:
    sev, owes, acked, resolved, classified = KINDS[kind]
    seen = NOW - timedelta(minutes=rng.randrange(60 * 24 * 30))
    return (
        rng.choice(("rss", "facebook", "instagram")), f"p{n}", "own" if owes else "mention", f"{school}-feed",
        f"post {n}", ts(seen), ts(seen), ts(seen) if classified else None,
        '["harassment"]' if sev else "[]" if classified else None, sev,
        ts(seen + timedelta(hours=rng.choice((1, 4, 24)))) if owes else None,
        ts(seen + timedelta(minutes=5)) if acked else None, ts(seen + timedelta(hours=1)) if resolved else None,
        school,
    )


def items(n: int, seed: int = 16, *, open_share: int = 1) -> list[tuple[Any, ...]]:
    """``n`` items; ``open_share`` divides the share of the open kinds (the default view's): about 8 % of the items,
    or at 10 the 0.8 % a trust's million leaves (bench/README.md, queue1m: 1.4 %)."""
    rng = random.Random(seed)
    kinds = list(KINDS)
    # mostly what a year leaves behind: cleared comments and mentions; a few of each open kind
    weights = [1, 1, 2, 3, 2, 1, 20 * open_share, 60 * open_share, 1]
    return [row(i, rng.choices(kinds, weights)[0], rng.choice(SCHOOLS), rng) for i in range(n)]


def database(where: Path | Location, rows: Sequence[tuple[Any, ...]], *, before_m010: bool = False) -> Db:
    """A store at ``where`` (a SQLite file, or an empty PostgreSQL database) with ``rows`` in it: made by every
    migration, or (``before_m010``) as a store was before m010."""
    location = where if isinstance(where, Location) else Location(path=where)
    if before_m010:
        db = open_db(location)
        migrations.apply(db, stop_before="m010_school_queue_and_digest_indexes")
    else:
        db = connect(location)
    with immediate(db):
        db.executemany(f"INSERT INTO items ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                            rows)
    db.execute("ANALYZE")
    return db


@pytest.fixture
def new_store(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Callable[[str], Location]]:
    """Where to make an empty store on this test's backend: a SQLite file, or a new PostgreSQL database (dropped
    after the test)."""
    made: list[str] = []
    server: Any = None

    def make(name: str) -> Location:
        nonlocal server
        if backend == "sqlite":
            return Location(path=tmp_path / f"{name}.db")
        server = request.getfixturevalue("postgres")
        made.append(server.create_database(template="template0"))
        return Location(url=server.url(made[-1]))

    yield make
    for name in made:
        server.drop_database(name)


@pytest.fixture
def rows() -> list[tuple[Any, ...]]:
    return items(3000)


@pytest.fixture
def db(new_store: Callable[[str], Location], rows: list[tuple[Any, ...]]) -> Iterator[Db]:
    d = database(new_store("now"), rows)
    yield d
    d.close()


#: the person's schools, as web._context.Scope.sql makes them
SCOPES: dict[str, q.SchoolSql] = {
    "one school": ("school IN (?)", ["hillside"]),
    "two schools": ("school IN (?, ?)", ["hillside", "oakfield"]),
    "the trust (*)": ("1 = 1", []),
}


def kind_of(r: tuple[Any, ...]) -> str:
    rec = dict(zip(COLUMNS, r, strict=True))
    for kind, (sev, owes, acked, resolved, classified) in KINDS.items():
        if (rec["severity"], rec["deadline_at"] is not None, rec["acknowledged_at"] is not None,
                rec["resolved_at"] is not None, rec["classified_at"] is not None) == (
                sev, owes, acked, resolved, classified):
            return kind
    raise AssertionError(rec)


@both_stores
class TestTheDefaultView:
    @pytest.mark.parametrize("scope", SCOPES)
    def test_shows_flagged_and_owed_items_not_resolved_of_the_persons_schools(
            self, db: Db, rows: list[tuple[Any, ...]], scope: str) -> None:
        cond, params = SCOPES[scope]
        expected = {r[1] for r in rows if kind_of(r) in IN_THE_DEFAULT_VIEW and (not params or r[-1] in params)}
        shown: list[dict[str, Any]] = []
        page, total = 1, -1
        while True:
            got, total = q.queue(db, q.QueueFilter(page=page), reads_safeguarding=True, schools=(cond, params))
            shown += got
            if len(got) < q.PAGE_SIZE:
                break
            page += 1
        assert total == len(expected) == len(shown) > q.PAGE_SIZE
        assert {r["platform_id"] for r in shown} == expected
        # open before acknowledged, then the worst first, then the nearest deadline
        keys = [(r["acknowledged_at"] is not None, -r["severity"], r["deadline_at"]) for r in shown]
        assert keys == sorted(keys)

    @pytest.mark.parametrize("status", ["unresolved", "open", "acknowledged"])
    @pytest.mark.parametrize("scope", SCOPES)
    def test_answers_exactly_as_it_did_before_m010(self, new_store: Callable[[str], Location], db: Db,
                                                   rows: list[tuple[Any, ...]], scope: str, status: str) -> None:
        before = database(new_store("before"), rows, before_m010=True)
        try:
            for page in (1, 2, 3):
                f = q.QueueFilter(status=status, page=page)
                now_rows, now_total = q.queue(db, f, reads_safeguarding=True, schools=SCOPES[scope])
                old_rows, old_total = q.queue(before, f, reads_safeguarding=True, schools=SCOPES[scope])
                assert now_total == old_total
                assert [r["id"] for r in now_rows] == [r["id"] for r in old_rows]
            for s in SCOPES.values():
                assert q.platforms(db, schools=s) == q.platforms(before, schools=s)
        finally:
            before.close()


#: the view's order, as the page promised it in one statement before m012
ORDER = ("ORDER BY (resolved_at IS NOT NULL), (acknowledged_at IS NOT NULL), severity DESC, (deadline_at IS NULL), "
         "deadline_at, first_seen_at DESC, id DESC")
#: every kind of view the queue page offers (its filters, as QueueFilter takes them), and whether the person reads
#: safeguarding text
VIEWS: list[tuple[dict[str, Any], bool]] = [
    *(({"page": page}, True) for page in (1, 2, 3, 40)),
    *(({"status": status}, True) for status in q.STATUSES),
    *(({"severity": severity, "status": "all"}, True) for severity in q.SEVERITY_FILTERS),
    ({"severity": "any", "status": "all", "page": 5}, True),
    ({"category": "harassment"}, True),
    ({"platform": "rss", "status": "open"}, True),
    *(({"source": source}, True) for source in ("own", "mention")),
    ({"q": "post 1"}, True),
    ({"q": "post 1"}, False),
]


def one_statement(db: Db, f: q.QueueFilter, *, reads: bool, schools: q.SchoolSql) -> list[dict[str, Any]]:
    """The page as it was read before m012: the view's rows sorted and cut in one statement (with the count's
    condition, which did not change)."""
    rec = Recording(db)
    q.queue(rec, f, reads_safeguarding=reads, schools=schools)  # type: ignore[arg-type]
    count_sql, params = rec.statements[0]
    where = count_sql.removeprefix("SELECT COUNT(*) FROM items WHERE ")
    assert where != count_sql, count_sql
    page = all_rows(db, f"SELECT * FROM items WHERE {where} {ORDER} LIMIT ? OFFSET ?",
                    [*params, q.PAGE_SIZE, (f.page - 1) * q.PAGE_SIZE])
    return [with_categories_list(r) for r in page]


@both_stores
@pytest.mark.parametrize("scope", SCOPES)
def test_every_view_and_page_answers_exactly_what_the_one_statement_before_m012_answered(db: Db, scope: str) -> None:
    shown = {}
    for view, reads in VIEWS:
        f = q.QueueFilter(**view)
        got, _ = q.queue(db, f, reads_safeguarding=reads, schools=SCOPES[scope])
        assert got == one_statement(db, f, reads=reads, schools=SCOPES[scope]), (view, reads)
        shown[str(view), reads] = len(got)
    # not vacuous: the default view and "everything" fill their first pages, a page past the end is empty
    assert shown[str({"page": 1}), True] == shown[str({"severity": "any", "status": "all"}), True] == q.PAGE_SIZE
    assert shown[str({"page": 40}), True] == 0
    assert sum(1 for n in shown.values() if n) >= len(VIEWS) - 3, shown


@both_stores
@pytest.mark.parametrize("scope", [*SCOPES, "a school with no items yet", "no school"])
def test_the_platform_filter_lists_the_platforms_of_the_persons_schools_items_in_name_order(
        db: Db, rows: list[tuple[Any, ...]], scope: str) -> None:
    schools: q.SchoolSql = SCOPES.get(scope) or (
        ("school IN (?)", ["newschool"]) if scope == "a school with no items yet" else ("1 = 0", []))
    cond, params = schools
    expected = sorted({r[0] for r in rows if cond == "1 = 1" or r[-1] in params})
    assert q.platforms(db, schools=schools) == expected
    if scope == "one school":
        # a platform only another school's items are on is not offered
        with immediate(db):
            db.execute("INSERT INTO items (platform, platform_id, source, source_name, text, created_at, "
                            "first_seen_at, school) VALUES ('youtube', 'yt1', 'own', 'oak-yt', 'hello', "
                            "'2026-03-04T09:00:00Z', '2026-03-04T09:00:00Z', 'oakfield')")
        assert "youtube" not in q.platforms(db, schools=schools)
        assert "youtube" in q.platforms(db, schools=SCOPES["the trust (*)"])


def plans(db: Db, scope: q.SchoolSql) -> dict[str, str]:
    """The queue page's statements (its count, its page, its platform list) and SQLite's plan of each."""
    rec = Recording(db)
    q.queue(rec, q.QueueFilter(), reads_safeguarding=True, schools=scope)  # type: ignore[arg-type]
    q.platforms(rec, schools=scope)  # type: ignore[arg-type]
    count, page, platforms = rec.statements
    return {name: " | ".join(r[-1] for r in db.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall())
            for name, (sql, params) in (("count", count), ("page", page), ("platforms", platforms))}


@pytest.mark.parametrize("scope", SCOPES)
def test_the_default_view_is_read_from_m010s_index_and_never_by_reading_every_item(
        tmp_path: Path, scope: str) -> None:
    db = database(tmp_path / "big.db", items(20_000))
    try:
        plan = plans(db, SCOPES[scope])
    finally:
        db.close()
    # the count from the index alone, the page's ids too (m012), then its 50 rows by id; nothing reads the
    # school's other items
    assert "USING COVERING INDEX items_inbox" in plan["count"], plan
    assert "USING COVERING INDEX items_inbox" in plan["page"], plan
    assert "SEARCH items USING INTEGER PRIMARY KEY (rowid=?)" in plan["page"], plan
    assert not re.search(r"SCAN items(?! USING COVERING)", plan["page"]), plan
    # the platform list: seeks in an index, never a read of the items themselves
    assert "SEARCH items USING COVERING INDEX" in plan["platforms"], plan
    assert not re.search(r"SCAN items(?! USING)", plan["platforms"]), plan
    if scope != "the trust (*)":
        assert "items_school_platform" in plan["platforms"], plan


def postgresql_plans(db: Db, scope: q.SchoolSql) -> dict[str, str]:
    """PostgreSQL's plans of the queue page's count and page, with the table's visibility map as autovacuum keeps it
    (m012)."""
    rec = Recording(db)
    q.queue(rec, q.QueueFilter(), reads_safeguarding=True, schools=scope)  # type: ignore[arg-type]
    count, page = rec.statements
    # VACUUM marks a page all-visible only once the commit of its rows is on disk, and the tests' server commits
    # asynchronously (tests/pg_server.py): a checkpoint writes the log out, as every commit does on a production
    # server
    db.execute("CHECKPOINT")
    db.execute("VACUUM ANALYZE items")
    return {name: " | ".join(str(r[0]).strip() for r in db.execute("EXPLAIN " + sql, params).fetchall())
            for name, (sql, params) in (("count", count), ("page", page))}


@pytest.mark.parametrize("scope", SCOPES)
def test_on_postgresql_the_count_and_the_pages_ids_come_from_items_inbox_alone(pg_database: str, scope: str) -> None:
    """At a trust's shape (few items in the view: here 0.8 %, at a million 1.4 %) the count and the page's first
    step read items_inbox alone (it holds all they read, ``id`` included: m012), and the page reads its rows by id.
    Before m012 the page read every row of the view from the table to keep 50 (bench/README.md, queue1m, measures
    it at a million items)."""
    db = database(Location(url=pg_database), items(20_000, open_share=10))
    try:
        plan = postgresql_plans(db, SCOPES[scope])
    finally:
        db.close()
    assert "Index Only Scan using items_inbox on items" in plan["count"], plan
    assert "Index Only Scan using items_inbox on items" in plan["page"], plan
    assert "Index Scan using items_pkey on items" in plan["page"], plan  # then the page's rows, by id
    assert not re.search(r"Seq Scan|Bitmap|Index Scan using items_(?!pkey)", plan["page"]), plan


def test_on_postgresql_the_items_table_is_vacuumed_after_one_percent_of_it_changed(pg_database: str) -> None:
    """An index-only scan reads the index alone only where the visibility map (kept by VACUUM) says a page is
    all-visible; the default autovacuum would leave a trust's newest rows, the ones the queue shows, out of it
    for days (m012)."""
    db = connect(Location(url=pg_database))
    try:
        options = db.scalar("SELECT reloptions FROM pg_class WHERE oid = 'items'::regclass")
    finally:
        db.close()
    assert {"autovacuum_vacuum_scale_factor=0.01", "autovacuum_vacuum_insert_scale_factor=0.01"} <= set(options)


@pytest.mark.parametrize("schools", [["hillside"], ["hillside", "oakfield"], None])
def test_the_digests_review_list_answers_as_before_m010_and_reads_its_index(
        tmp_path: Path, rows: list[tuple[Any, ...]], schools: list[str] | None) -> None:
    from watchtower.store import repo

    now, before = database(tmp_path / "now.db", items(20_000)), database(tmp_path / "before.db", items(20_000),
                                                                        before_m010=True)
    try:
        got, total = repo.awaiting_dsl_review(now, 50, schools=schools)
        old, old_total = repo.awaiting_dsl_review(before, 50, schools=schools)
        assert total == old_total > 50
        assert [r.id for r in got] == [r.id for r in old]
        rec = Recording(now)
        repo.awaiting_dsl_review(rec, 50, schools=schools)  # type: ignore[arg-type]
        for sql, params in rec.statements:
            plan = " | ".join(r[-1] for r in now.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall())
            assert not re.search(r"SCAN items(?! USING)", plan), plan
            if schools is not None:  # one school's digest (m009): its own rows, not the school's every item
                assert "items_school_review" in plan, plan
    finally:
        now.conn.close()
        before.conn.close()
