"""A post seen by two schools of a trust is an item of each (issue 16, migration m013).

Items were unique on (platform, platform_id) and ingest kept the first: a public post that mentioned two schools
(a search, a news feed whose guid is a URL, a post on one school's Page tagging another) was stored for whichever
school's source saw it first, and the other school never had it triaged, owed, alerted or shown, while its poller's
cursor marked it seen. Each school now gets its own item of it: its own triage (its names and lists), deadline,
alerts to its own people, dashboard and digest. Within one school, and so in a one-school install, the same post
seen twice is still one item.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from conftest import TRUST_LEAD, TRUST_SCHOOLS, both_stores, serve_school_feeds, trust_data
from test_trust_end_to_end import KeepNothing, mails, run_until_settled
from watchtower.config import parse_config
from watchtower.daemon import Daemon, Overrides
from watchtower.demo import MailCatcher
from watchtower.models import DEFAULT_SCHOOL, Item, utcnow
from watchtower.store import connect, immediate, repo
from watchtower.store.db import Db, IntegrityError, Location, open_db
from watchtower.store.migrations import migrations
from watchtower.watchers import Reply, find_spikes

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
ENV = {"WATCHTOWER_LINK_KEY": secrets.token_urlsafe(32)}


def post(platform_id: str, text: str = "Oakfield and Hillside were both on the local news", *,
         platform: str = "rss", parent_id: str | None = None) -> Item:
    return Item(platform=platform, source="mention", platform_id=platform_id, url=f"https://news.example/{platform_id}",
                author_handle="reporter", author_name="Local News", text=text, created_at=NOW, parent_id=parent_id)


@pytest.fixture
def empty_store(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Db]:
    """A store of this test's own with no migration applied yet (SQLite file, or an empty PostgreSQL database)."""
    where = (Location(path=tmp_path / "old.db") if backend == "sqlite"
             else Location(url=request.getfixturevalue("pg_empty_database")))
    db = open_db(where)
    yield db
    db.close()


def _items_indexes(db: Db) -> dict[str, str]:
    """Every index on items (and its definition), the UNIQUE's own included."""
    if db.dialect == "sqlite":
        return {r[0]: r[1] or "" for r in db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'items'")}
    return {r[0]: r[1] for r in db.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'items'")}


# --- the migration ------------------------------------------------------------------------------------------


@both_stores
class TestMigrationM013:
    def test_an_existing_store_keeps_every_row_and_every_reference_to_its_items(self, empty_store: Db) -> None:
        db = empty_store
        migrations.apply(db, stop_before="m013_items_unique_per_school")
        with immediate(db):
            # as the code before m013 stored them (its ingest's ON CONFLICT named the old UNIQUE)
            first, second = (db.execute(
                "INSERT INTO items (platform, platform_id, source, source_name, text, created_at, first_seen_at, "
                "school) VALUES ('rss', ?, 'mention', 'oak-news', 'x', '2026-03-04T10:00:00Z', "
                "'2026-03-04T10:00:00Z', 'oakfield') RETURNING id", [pid]).fetchone()[0] for pid in ("a1", "a2"))
            db.execute("INSERT INTO classifications (item_id, classified_at, categories, severity, scores, reasons, "
                       "model_version) VALUES (?, '2026-03-04T10:00:00Z', '[]', 0, '{}', '[]', 'test')", [first])
            repo.record_step(db, first, "first_alert", "test", NOW)
            repo.acknowledge(db, first, by="amy@oakfield.example", channel="cli", now=NOW)
            repo.record_action(db, second, "note", by="amy@oakfield.example", channel="cli", now=NOW, note="seen")
            db.execute("INSERT INTO alerts (dedup_key, kind, item_id, step, recipient, created_at, not_before, "
                       "next_attempt_at) VALUES ('k1', 'item', ?, 'first_alert', 'amy@oakfield.example', "
                       "'2026-03-04T10:00:00Z', '2026-03-04T10:00:00Z', '2026-03-04T10:00:00Z')", [first])
        before_indexes = set(_items_indexes(db))
        tables = ("items", "classifications", "escalation_steps", "acknowledgements", "actions", "alerts")
        before = {t: db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}

        assert migrations.apply(db)[0] == "m013_items_unique_per_school"

        assert {t: db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables} == before
        if db.dialect == "sqlite":
            assert db.execute("PRAGMA foreign_key_check").fetchall() == []
            assert db.scalar("PRAGMA foreign_keys") == 1  # enforcement is back on for this connection
        # every index is still there (items_inbox and the rest); only the UNIQUE's own changed its columns
        assert set(_items_indexes(db)) - before_indexes <= {"items_platform_platform_id_school_key"}
        assert {"items_inbox", "items_school_queue", "items_parent", "items_unclassified"} <= set(_items_indexes(db))
        # the foreign keys to items still work: a purged item takes its history with it, and alerts keep theirs
        with immediate(db):
            db.execute("DELETE FROM items WHERE id = ?", [first])
        assert db.scalar("SELECT COUNT(*) FROM classifications") == 0
        assert db.scalar("SELECT COUNT(*) FROM escalation_steps") == 0
        assert db.scalar("SELECT item_id FROM alerts") is None
        with pytest.raises(IntegrityError), immediate(db):
            db.execute("INSERT INTO actions (item_id, action, by, at, channel) "
                       "VALUES (999, 'note', 'x', '2026-03-04T10:00:00Z', 'cli')")

    def test_items_are_unique_per_school(self, empty_store: Db) -> None:
        db = empty_store
        migrations.apply(db)
        insert = ("INSERT INTO items (platform, platform_id, source, source_name, text, created_at, first_seen_at, "
                  "school) VALUES ('rss', 'a1', 'mention', ?, 'x', '2026-03-04T10:00:00Z', '2026-03-04T10:00:00Z', ?)")
        with immediate(db):
            db.execute(insert, ["oak-news", "oakfield"])
            db.execute(insert, ["hill-news", "hillside"])
        with pytest.raises(IntegrityError), immediate(db):
            db.execute(insert, ["oak-other", "oakfield"])
        assert db.scalar("SELECT COUNT(*) FROM items") == 2

    def test_a_new_store_has_the_indexes_an_upgraded_one_has(self, empty_store: Db, backend: str,
                                                              tmp_path: Path, request: pytest.FixtureRequest) -> None:
        migrations.apply(empty_store)
        fresh = connect(Location(path=tmp_path / "new.db") if backend == "sqlite"
                        else Location(url=request.getfixturevalue("pg_database")))
        try:
            assert _items_indexes(empty_store) == _items_indexes(fresh)
        finally:
            fresh.close()


def test_the_sqlite_rebuild_refuses_to_run_with_foreign_keys_enforced(tmp_path: Path) -> None:
    """Dropping the old items table with enforcement on would delete every classification, step and
    acknowledgement (ON DELETE CASCADE): the migration refuses, and nothing changes."""
    db = open_db(tmp_path / "old.db")
    migrations.apply(db, stop_before="m013_items_unique_per_school")
    with immediate(db):
        item_id = db.execute(
            "INSERT INTO items (platform, platform_id, source, source_name, text, created_at, first_seen_at) "
            "VALUES ('rss', 'a1', 'mention', 'feed', 'x', '2026-03-04T10:00:00Z', '2026-03-04T10:00:00Z') "
            "RETURNING id").fetchone()[0]
        repo.record_step(db, item_id, "first_alert", "test", NOW)
    m013 = next(m for m in migrations._migrations if m.name == "m013_items_unique_per_school")
    with pytest.raises(RuntimeError, match="foreign keys are enforced"), immediate(db):
        m013.fn(db)
    assert db.scalar("SELECT COUNT(*) FROM escalation_steps") == 1
    assert "UNIQUE (platform, platform_id)" in db.scalar("SELECT sql FROM sqlite_master WHERE name = 'items'")
    db.close()


# --- the store ----------------------------------------------------------------------------------------------


@both_stores
class TestIngest:
    def test_the_same_post_twice_for_one_school_is_one_item(self, db: Db) -> None:
        with immediate(db):
            first = repo.ingest(db, [post("a1")], source_name="oak-news", now=NOW, school="oakfield")
            again = repo.ingest(db, [post("a1"), post("a1")], source_name="oak-search", now=NOW, school="oakfield")
        assert len(first) == 1 and again == []
        assert db.execute("SELECT source_name, school FROM items").fetchall() == [("oak-news", "oakfield")]

    def test_the_same_post_for_two_schools_is_an_item_of_each(self, db: Db) -> None:
        with immediate(db):
            [oak] = repo.ingest(db, [post("a1")], source_name="oak-news", now=NOW, school="oakfield")
            [hill] = repo.ingest(db, [post("a1")], source_name="hill-news", now=NOW, school="hillside")
            assert repo.ingest(db, [post("a1")], source_name="hill-news", now=NOW, school="hillside") == []
        assert oak != hill
        found = {s: repo.item_by_platform_id(db, "rss", "a1", school=s) for s in ("oakfield", "hillside", "riverside")}
        assert (found["oakfield"].id, found["hillside"].id) == (oak, hill)  # type: ignore[union-attr]
        assert found["riverside"] is None

    def test_a_one_school_install_is_as_before(self, db: Db) -> None:
        with immediate(db):
            assert len(repo.ingest(db, [post("a1"), post("a1", platform="mastodon")], source_name="x", now=NOW)) == 2
            assert repo.ingest(db, [post("a1")], source_name="other", now=NOW) == []
        row = repo.item_by_platform_id(db, "rss", "a1", school=DEFAULT_SCHOOL)
        assert row is not None and row.source_name == "x" and row.school == DEFAULT_SCHOOL


def test_a_pile_on_is_counted_per_school_from_its_own_items() -> None:
    """The same five flagged replies stored by two schools are two items each: each school's spike counts its own
    five (not ten), and names the school it is for."""
    at = [NOW + timedelta(minutes=m) for m in (0, 2, 4, 6, 8)]
    replies = [Reply("x", "thread-1", t, n, ("harassment",), school)
               for school, base in (("oakfield", 0), ("hillside", 100)) for n, t in enumerate(at, start=base)]
    spikes = find_spikes(replies, NOW + timedelta(minutes=10), replies_needed=5, minutes=60)
    assert sorted((s.school, s.count, s.item_ids) for s in spikes) == [
        ("hillside", 5, (100, 101, 102, 103, 104)), ("oakfield", 5, (0, 1, 2, 3, 4))]
    assert find_spikes(replies[:4] + replies[5:6], NOW + timedelta(minutes=10), replies_needed=5, minutes=60) == []


# --- end to end: two schools' mention feeds return one news story --------------------------------------------

#: one news feed's stories, as the two schools' searches return them (guid: the story's URL, the same in both)
STORY_SAFEGUARDING = ("https://news.example/2026/03/stepdad",
                      "a year 8 girl at Oakfield and Hillside says her stepdad hits her and she is scared to go home")
STORY_INSULT = ("https://news.example/2026/03/row",
                "Hillside Primary is a f***ing joke, useless idiots the lot of them")
MENTIONS = {"oakfield": [STORY_SAFEGUARDING, STORY_INSULT], "hillside": [STORY_SAFEGUARDING, STORY_INSULT]}


def mentions_rss(school: str) -> str:
    now = utcnow()
    entries = "".join(
        f"<item><guid isPermaLink=\"true\">{url}</guid><link>{url}</link><title>Local news</title>"
        f"<pubDate>{format_datetime(now)}</pubDate><description>{text}</description></item>"
        for url, text in MENTIONS.get(school, []))
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Search</title>"
            f"<link>https://search.example/</link><description>mentions</description>{entries}</channel></rss>")


@pytest.fixture
async def mention_feeds() -> AsyncIterator[int]:
    async with serve_school_feeds(mentions_rss) as port:
        yield port


def _items(store: Location) -> dict[tuple[str, str], dict[str, Any]]:
    db = connect(store)
    try:
        return {(r["platform_id"], r["school"]): r for r in db.rows(
            "SELECT id, platform_id, school, source_name, categories, severity, deadline_at, acknowledged_at "
            "FROM items")}
    finally:
        db.close()


@both_stores
async def test_a_story_two_schools_searches_return_is_triaged_alerted_and_shown_for_each_school_on_its_own(
    store_location: Location, mail_catcher: tuple[MailCatcher, int], mention_feeds: int
) -> None:
    catcher, smtp_port = mail_catcher
    sources = {sid: [{"type": "rss", "name": f"{sid}-news-search", "source": "mention",
                      "url": f"http://127.0.0.1:{mention_feeds}/{sid}.rss", "interval_seconds": 60,
                      "timeout_seconds": 10}]
               for sid, _, _ in TRUST_SCHOOLS}
    config = parse_config(trust_data(store_location, smtp_port, sources))
    await run_until_settled(Daemon(config, Overrides(environ=ENV, escalation_interval=1)), 3)

    items = _items(store_location)
    safeguarding, insult = STORY_SAFEGUARDING[0], STORY_INSULT[0]
    # stored twice, once per school, each under its own school's source; Riverside's search returned neither
    assert sorted(items) == sorted((pid, s) for pid in (safeguarding, insult) for s in ("oakfield", "hillside"))
    for (_, school), row in items.items():
        assert row["source_name"] == f"{school}-news-search"
    # each triaged on its own, with its own school's names: the insult naming Hillside is harassment of the school
    # at Hillside only; the disclosure is safeguarding, owed a reply, at both
    assert "harassment" in json.loads(items[insult, "hillside"]["categories"])
    assert "harassment" not in json.loads(items[insult, "oakfield"]["categories"])
    for school in ("oakfield", "hillside"):
        row = items[safeguarding, school]
        assert "safeguarding" in json.loads(row["categories"]) and row["severity"] == 3 and row["deadline_at"]

    # each school's people were told about their own item, once, and about no other school's
    sent = mails(catcher)
    domain = {sid: d for sid, _, d in TRUST_SCHOOLS}
    school_of = {row["id"]: school for (_, school), row in items.items()}
    for school in ("oakfield", "hillside"):
        mine = items[safeguarding, school]["id"]
        dsl = f"dsl@{domain[school]}"
        told = [m for m in sent if dsl in m["to"] and m["items"]]
        assert [m["items"] for m in told if mine in m["items"]] == [{mine}], (school, told)
        assert all(school_of[i] == school for m in told for i in m["items"]), (school, told)
    for m in sent:
        if m["items"]:
            (school,) = {school_of[i] for i in m["items"]}
            assert all(to.endswith("@" + domain[school]) or to == TRUST_LEAD for to in m["to"]), m
    assert not [m for m in sent if any(to.endswith("@riverside.example") for to in m["to"]) and m["items"]]
    # the trust safeguarding lead was told of each school's item of the disclosure, once each
    to_lead = sorted(i for m in sent if TRUST_LEAD in m["to"] for i in m["items"])
    assert to_lead == sorted([items[safeguarding, "oakfield"]["id"], items[safeguarding, "hillside"]["id"]])

    # --- the dashboard: neither school sees the other's item; acknowledging one leaves the other owed -------------
    from watchtower.web import create_app
    from web.conftest import add_user, csrf_of, login

    plain_http = config.model_copy(update={"dashboard": config.dashboard.model_copy(
        update={"public_url": "http://127.0.0.1:8080"})})
    daemon = Daemon(plain_http, Overrides(environ=ENV, classifier=KeepNothing(), start_dashboard=False))
    await daemon.start()
    client = TestClient(TestServer(create_app(daemon)))
    await client.start_server()
    oak, hill = items[safeguarding, "oakfield"]["id"], items[safeguarding, "hillside"]["id"]
    try:
        await add_user(daemon, "dsl_oak", "dsl", email="dsl@oakfield.example", school="oakfield")
        assert (await login(client, "dsl_oak")).status == 303
        queue = await (await client.get("/?severity=any&status=all")).text()
        assert f"/items/{oak}\"" in queue and f"/items/{hill}\"" not in queue
        assert (await client.get(f"/items/{hill}")).status == 404
        page = await client.get(f"/items/{oak}")
        assert page.status == 200
        r = await client.post(f"/items/{oak}", data={"do": "ack", "csrf": csrf_of(await page.text())},
                              allow_redirects=False)
        assert r.status == 303, await r.text()
        # Hillside's may not be acknowledged from Oakfield
        r = await client.post(f"/items/{hill}", data={"do": "ack", "csrf": csrf_of(await page.text())},
                              allow_redirects=False)
        assert r.status == 404
    finally:
        await client.close()
        await daemon._close()

    after = _items(store_location)
    assert after[safeguarding, "oakfield"]["acknowledged_at"] is not None
    assert after[safeguarding, "hillside"]["acknowledged_at"] is None  # still owed, still escalating at Hillside
    db = connect(store_location)
    try:
        assert hill in {o.id for o in repo.open_items(db)} and oak not in {o.id for o in repo.open_items(db)}
    finally:
        db.close()
