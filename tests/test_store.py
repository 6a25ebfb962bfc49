"""The store keeps one copy of each post, an audit log nobody can rewrite, and a file only the service reads.

Every test but the SQLite file's own runs on both stores (SQLite and a real PostgreSQL)."""

from __future__ import annotations

import asyncio
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import both_stores
from watchtower.models import Item
from watchtower.store import Store, connect, immediate, repo
from watchtower.store.db import Db, IntegrityError, Location
from watchtower.store.migrations import migrations

NOW = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


def item(pid: str, text: str = "hello", platform: str = "facebook") -> Item:
    return Item(
        platform=platform, source="own", platform_id=pid, url=f"https://example.test/{pid}", author_handle="parent1",
        author_name="A Parent", text=text, created_at=NOW - timedelta(minutes=5),
    )


@both_stores
class TestIngestion:
    def test_the_same_post_seen_twice_is_one_item(self, db: Db) -> None:
        with immediate(db):
            first = repo.ingest(db, [item("1"), item("2"), item("1")], source_name="fb", now=NOW)
        with immediate(db):
            again = repo.ingest(db, [item("2"), item("3")], source_name="other-feed", now=NOW)
        assert len(first) == 2 and len(again) == 1
        assert db.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 3

    def test_the_same_id_on_two_platforms_is_two_items(self, db: Db) -> None:
        with immediate(db):
            ids = repo.ingest(db, [item("1"), item("1", platform="instagram")], source_name="x", now=NOW)
        assert len(ids) == 2

    def test_a_post_seen_again_keeps_the_text_first_stored_as_evidence(self, db: Db) -> None:
        with immediate(db):
            repo.ingest(db, [item("1", "original words")], source_name="fb", now=NOW)
            repo.ingest(db, [item("1", "edited later")], source_name="fb", now=NOW)
        assert db.execute("SELECT text FROM items").fetchone()[0] == "original words"

    def test_a_failed_transaction_stores_neither_items_nor_cursor(self, db: Db) -> None:
        with pytest.raises(RuntimeError), immediate(db):
            repo.ingest(db, [item("1")], source_name="fb", now=NOW)
            repo.save_cursor(db, "fb", {"since": "1"}, NOW)
            raise RuntimeError("crash between store and cursor")
        assert db.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 0
        assert repo.load_cursor(db, "fb") == {}


@both_stores
class TestAuditLog:
    def test_the_audit_log_cannot_be_changed_or_deleted(self, db: Db) -> None:
        with immediate(db):
            repo.audit(db, actor="amy", action="acknowledge", channel="cli", now=NOW, item_id=1)
        with pytest.raises(IntegrityError, match="append-only"), immediate(db):
            db.execute("UPDATE audit SET actor = 'someone else'")
        with pytest.raises(IntegrityError, match="append-only"), immediate(db):
            db.execute("DELETE FROM audit")
        with pytest.raises(IntegrityError, match="append-only"), immediate(db):
            db.execute("DELETE FROM audit WHERE actor = 'amy'")
        assert db.execute("SELECT actor FROM audit").fetchall() == [("amy",)]

    def test_postgresql_refuses_to_truncate_the_audit_log_too(self, db: Db, backend: str) -> None:
        if backend != "postgresql":
            return  # SQLite has no TRUNCATE
        with immediate(db):
            repo.audit(db, actor="amy", action="acknowledge", channel="cli", now=NOW, item_id=1)
        with pytest.raises(IntegrityError, match="append-only"), immediate(db):
            db.execute("TRUNCATE audit")
        assert db.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == 1

    def test_acknowledging_is_audited_with_who_and_how(self, db: Db) -> None:
        with immediate(db):
            (iid,) = repo.ingest(db, [item("1")], source_name="fb", now=NOW)
            assert repo.acknowledge(db, iid, by="Amy Clarke", channel="cli", now=NOW, note="replied by phone")
            assert not repo.acknowledge(db, iid, by="Ben", channel="dashboard", now=NOW)
        rows = db.execute("SELECT actor, action, channel FROM audit ORDER BY id").fetchall()
        assert rows == [("Amy Clarke", "acknowledge", "cli"), ("Ben", "acknowledge", "dashboard")]
        assert db.execute("SELECT acknowledged_by FROM items").fetchone()[0] == "Amy Clarke"


@both_stores
class TestTheOutbox:
    def test_an_alert_for_the_same_item_step_and_person_is_queued_once(self, db: Db) -> None:
        with immediate(db):
            kw = dict(kind="item", step="seen", recipient="amy@school.example", now=NOW, item_id=None)
            assert repo.enqueue_alert(db, dedup_key="item:1:seen:amy@school.example", **kw)  # type: ignore[arg-type]
            assert not repo.enqueue_alert(db, dedup_key="item:1:seen:amy@school.example", **kw)  # type: ignore[arg-type]
        assert db.execute("SELECT COUNT(*) FROM alerts").fetchone()[0] == 1


class TestTheDatabaseFile:
    def test_only_the_service_user_can_read_it(self, tmp_path: Path) -> None:
        path = tmp_path / "w.db"
        connect(path)
        mode = stat.S_IMODE(os.stat(path).st_mode)
        assert mode == 0o600

    def test_it_uses_write_ahead_logging(self, tmp_path: Path) -> None:
        db = connect(tmp_path / "w.db")
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

    def test_an_unwritable_folder_gives_a_clear_error(self, tmp_path: Path) -> None:
        from watchtower.exceptions import StoreError

        blocker = tmp_path / "file"
        blocker.write_text("")
        with pytest.raises(StoreError, match="cannot open the database"):
            connect(blocker / "sub" / "w.db")


@both_stores
def test_migrations_run_once(store_location: Location) -> None:
    connect(store_location).close()
    db = connect(store_location)
    applied = migrations.applied(db)
    assert applied == migrations.names
    assert migrations.pending(db) == []
    assert migrations.apply(db) == []


@both_stores
class TestOneWriter:
    async def test_concurrent_writes_from_many_tasks_are_serialised(self, store_location: Location) -> None:
        store = Store(store_location)
        await store.open()
        try:
            await asyncio.gather(
                *[store.write(lambda db, i=i: repo.ingest(db, [item(str(i % 50))], source_name="s", now=NOW))
                  for i in range(200)]
            )
            count = await store.read(lambda db: db.execute("SELECT COUNT(*) FROM items").fetchone()[0])
        finally:
            await store.close()
        assert count == 50


@both_stores
async def test_a_store_says_whether_it_is_open(store_location: Location) -> None:
    store = Store(store_location)
    assert not store.is_open
    await store.open()
    assert store.is_open
    await store.close()
    assert not store.is_open


def test_triage_columns_decodes_the_json_and_enum_columns_once():
    from watchtower.models import Severity
    from watchtower.store.rows import triage_columns, with_categories_list

    row = {"severity": 3, "categories": '["self_harm", "threat"]', "possible": None}
    decoded = triage_columns(row)
    assert decoded.severity is Severity(3)
    assert decoded.categories == ("self_harm", "threat")
    assert decoded.possible == ()
    assert triage_columns({}).severity is Severity.NONE
    assert with_categories_list(row)["categories_list"] == ["self_harm", "threat"]


@both_stores
class TestTypedItemRows:
    def test_an_item_is_read_back_typed_and_as_the_database_holds_it(self, db: Db) -> None:
        from watchtower.models import Classification, Severity
        from watchtower.store.rows import ItemRow

        with immediate(db):
            (fresh, classified) = repo.ingest(db, [item("1"), item("2", "you will regret this")], source_name="fb",
                                              now=NOW)
            cls = Classification(categories=["threat"], scores={"threat": 0.9}, reasons=["model:threat=0.90"],
                                 possible=["safeguarding"])
            repo.record_classification(db, classified, cls, now=NOW, deadline_at=NOW + timedelta(hours=4),
                                       deadline_reason="high: 4 h")
        unread, read = repo.get_items(db, [fresh, classified])
        assert isinstance(read, ItemRow)
        assert (read.id, read.platform, read.source, read.text) == (classified, "facebook", "own",
                                                                   "you will regret this")
        assert read.severity is cls.severity is Severity.CRITICAL and read.categories == ("threat",)
        assert read.possible == ("safeguarding",)
        assert read.own_post is False and read.not_concern is False and read.school == "default"
        assert unread.severity is Severity.NONE and unread.categories == () and unread.classified_at is None
        for row in (unread, read):
            raw = db.rows("SELECT * FROM items WHERE id = ?", [row.id])[0]
            assert row.as_dict() == raw

    def test_a_classification_is_read_back_with_the_records_its_reasons_render(self, db: Db) -> None:
        from watchtower.models import Classification, Decision, unread_note

        note = Decision("", "rule", "not_english", tier="noted", detail="(written mostly in Polish, ...)",
                        about="Polish")
        hit = Decision("threat", "list", "pl_i_will_kill_or_hurt", detail="'zabije cie'")
        with immediate(db):
            (iid,) = repo.ingest(db, [item("1", "zabiję cię")], source_name="fb", now=NOW)
            repo.record_classification(db, iid, Classification(categories=["threat"], scores={},
                                                                reasons=[hit.reason, note.reason],
                                                                decisions=[hit, note]),
                                       now=NOW, deadline_at=None, deadline_reason=None)
        stored = repo.latest_classification(db, iid)
        assert stored is not None and stored["decisions"] == [hit, note]
        assert unread_note(stored["reasons"], stored["decisions"]) == ("Polish", True)

    def test_the_escalator_reads_open_items_with_the_steps_taken(self, db: Db) -> None:
        from watchtower.models import Classification, Severity

        with immediate(db):
            (iid,) = repo.ingest(db, [item("1")], source_name="fb", now=NOW)
            repo.record_classification(db, iid, Classification(categories=["threat"], scores={}, reasons=[]),
                                       now=NOW, deadline_at=NOW + timedelta(hours=1), deadline_reason="critical")
            repo.record_step(db, iid, "seen", "critical item seen", NOW)
        (open_item,) = repo.open_items(db)
        assert (open_item.id, open_item.severity, open_item.categories) == (iid, Severity.CRITICAL, ("threat",))
        assert open_item.done_steps == frozenset({"seen"})
        with immediate(db):
            repo.acknowledge(db, iid, by="amy", channel="cli", now=NOW)
        assert repo.open_items(db) == []


def test_a_cross_school_list_view_is_audited_at_most_once_per_interval_per_person_and_view() -> None:
    from watchtower.store.audit import VIEW_AUDIT_SECONDS, ViewAudits

    clock = [1000.0]
    audits = ViewAudits(clock=lambda: clock[0])
    assert audits.due(7, "queue", schools=["oakfield", "hillside"])
    assert not audits.due(7, "queue", schools=["oakfield", "hillside"])
    assert audits.due(7, "queue", schools=["hillside"]), "another set of schools is another view"
    assert audits.due(8, "queue", schools=["oakfield", "hillside"]), "another person"
    assert audits.due(7, "item", item_id=5) and audits.due(7, "item", item_id=5), "an item page every time"
    clock[0] += VIEW_AUDIT_SECONDS - 1
    assert not audits.due(7, "queue", schools=["oakfield", "hillside"])
    clock[0] += 1
    assert audits.due(7, "queue", schools=["oakfield", "hillside"])
