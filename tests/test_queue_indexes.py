"""The dashboard queue's default view, and the digest's review list, at a trust's scale (issue 16, migration m010).

At a million items across 30 schools the queue page read every item of the school (or of the trust) to count and
sort a few thousand; m010's ``items_inbox`` holds just the rows the default view shows. An index must never change
an answer: the view answers the same with it as without it, and what it answers is what the view promises (flagged
or owed a reply, not resolved, of the person's schools, open first, worst first). And the view must keep using it:
the plans are checked, so a change to the query's wording that the index no longer matches fails here, not at a
trust with a slow dashboard.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from watchtower.store import connect, immediate
from watchtower.store.db import Db, Location, open_db
from watchtower.store.migrations import migrations
from watchtower.timeutil import ts
from watchtower.web import _queries as q

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


def items(n: int, seed: int = 16) -> list[tuple[Any, ...]]:
    rng = random.Random(seed)
    kinds = list(KINDS)
    # mostly what a year leaves behind: cleared comments and mentions; a few of each open kind
    weights = [1, 1, 2, 3, 2, 1, 20, 60, 1]
    return [row(i, rng.choices(kinds, weights)[0], rng.choice(SCHOOLS), rng) for i in range(n)]


def database(path: Path, rows: Sequence[tuple[Any, ...]], *, before_m010: bool = False) -> Db:
    if before_m010:
        db = open_db(Location(path=path))
        migrations.apply(db, stop_before="m010_school_queue_and_digest_indexes")
    else:
        db = connect(path)
    with immediate(db):
        db.executemany(f"INSERT INTO items ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                            rows)
    db.execute("ANALYZE")
    return db


@pytest.fixture
def rows() -> list[tuple[Any, ...]]:
    return items(3000)


@pytest.fixture
def db(tmp_path: Path, rows: list[tuple[Any, ...]]) -> Iterator[Db]:
    d = database(tmp_path / "now.db", rows)
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
    def test_answers_exactly_as_it_did_before_m010(self, tmp_path: Path, db: Db, rows: list[tuple[Any, ...]],
                                                   scope: str, status: str) -> None:
        before = database(tmp_path / "before.db", rows, before_m010=True)
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


class Recording:
    """A database that remembers each statement run on it."""

    def __init__(self, db: Db) -> None:
        self.db = db
        self.statements: list[tuple[str, list[Any]]] = []

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        self.statements.append((sql, list(params)))
        return self.db.execute(sql, list(params))

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


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
    # the count from the index alone, the page found through it; neither reads the school's other items
    assert "USING COVERING INDEX items_inbox" in plan["count"], plan
    assert "USING INDEX items_inbox" in plan["page"] or "USING COVERING INDEX items_inbox" in plan["page"], plan
    # the platform list: seeks in an index, never a read of the items themselves
    assert "SEARCH items USING COVERING INDEX" in plan["platforms"], plan
    assert not re.search(r"SCAN items(?! USING)", plan["platforms"]), plan
    if scope != "the trust (*)":
        assert "items_school_platform" in plan["platforms"], plan


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
