"""Retention (design.md, Data protection): unflagged items go after 30 days, flagged after a year, the audit log
stays, and nothing about a purge is written as post text."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import both_stores
from school_toml import school_toml
from watchtower.config import RetentionConfig
from watchtower.jobs import JobContext
from watchtower.models import Classification, Item
from watchtower.retention import next_run, purge, run_retention
from watchtower.store import Store, connect, immediate, repo
from watchtower.store.db import Db, Location

pytestmark = both_stores

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
POLICY = RetentionConfig(unflagged_days=30, flagged_days=365)


def add_item(
    db: Db, n: int, *, age_days: float, categories: list[str] | None, text: str | None = None,
    author: str = "someone",
) -> int:
    seen = NOW - timedelta(days=age_days)
    item = Item(
        platform="rss", source="mention", platform_id=f"p{n}", url=f"https://example.test/{n}",
        author_handle=author, author_name=author.title(), text=text or f"post number {n}", created_at=seen,
    )
    with immediate(db):
        [item_id] = repo.ingest(db, [item], source_name="feed", now=seen)
        if categories is not None:
            cls = Classification(categories=categories, scores={"x": 0.5}, reasons=["test"], model_version="t")
            repo.record_classification(db, item_id, cls, now=seen, deadline_at=seen if categories else None,
                                       deadline_reason=None)
            if categories:
                repo.record_step(db, item_id, "moderators", "flagged", seen)
                repo.enqueue_alert(db, dedup_key=f"{item_id}:moderators:a", kind="item", step="moderators",
                                   recipient="a@school.example", now=seen, item_id=item_id)
                repo.acknowledge(db, item_id, by="Amy", channel="cli", now=seen, note="seen it")
                repo.record_action(db, item_id, "hidden", by="Amy", channel="cli", now=seen)
    return item_id


def ids(db: Db) -> set[int]:
    return {r[0] for r in db.execute("SELECT id FROM items")}


class TestPurge:
    def test_unflagged_items_go_after_30_days_flagged_after_a_year(self, db: Db) -> None:
        young_plain = add_item(db, 1, age_days=29, categories=[])
        old_plain = add_item(db, 2, age_days=31, categories=[])
        old_flagged = add_item(db, 3, age_days=200, categories=["harassment"])
        ancient_flagged = add_item(db, 4, age_days=366, categories=["threat"])
        unclassified = add_item(db, 5, age_days=400, categories=None)
        with immediate(db):
            counts = purge(db, POLICY, now=NOW)
        assert ids(db) == {young_plain, old_flagged, unclassified}
        assert old_plain not in ids(db) and ancient_flagged not in ids(db)
        assert (counts.unflagged_items, counts.flagged_items) == (1, 1)

    def test_children_cascade_and_alerts_lose_the_link(self, db: Db) -> None:
        gone = add_item(db, 1, age_days=400, categories=["threat"])
        kept = add_item(db, 2, age_days=10, categories=["threat"])
        with immediate(db):
            counts = purge(db, POLICY, now=NOW)
        for table in ("classifications", "escalation_steps", "acknowledgements", "actions"):
            assert db.execute(f"SELECT COUNT(*) FROM {table} WHERE item_id = ?", [gone]).fetchone()[0] == 0
            assert db.execute(f"SELECT COUNT(*) FROM {table} WHERE item_id = ?", [kept]).fetchone()[0] == 1
        assert (counts.classifications, counts.escalation_steps) == (1, 1)
        assert (counts.acknowledgements, counts.actions) == (1, 1)
        assert counts.alerts_detached == 1
        assert db.execute("SELECT COUNT(*) FROM alerts WHERE item_id IS NULL").fetchone()[0] == 1
        # an item alert stores no post text: it is rendered from the item at send time
        assert db.execute("SELECT COUNT(*) FROM alerts WHERE body IS NOT NULL AND kind = 'item'").fetchone()[0] == 0

    def test_audit_log_is_kept_and_the_purge_is_audited_with_counts_only(self, db: Db) -> None:
        add_item(db, 1, age_days=400, categories=["threat"], text="I know where the head lives")
        before = db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
        with immediate(db):
            purge(db, POLICY, now=NOW)
        rows = db.execute("SELECT action, detail FROM audit ORDER BY id").fetchall()
        assert len(rows) == before + 1
        action, detail = rows[-1]
        assert action == "retention_purge"
        assert json.loads(detail)["flagged_items"] == 1
        assert "head lives" not in detail

    def test_old_digest_bodies_are_cleared(self, db: Db) -> None:
        with immediate(db):
            repo.enqueue_alert(db, dedup_key="d1", kind="digest", step="digest", recipient="dsl@s.example",
                               now=NOW - timedelta(days=40), body='{"text": "quoted post"}')
            repo.mark_sent(db, [1], now=NOW - timedelta(days=40), message_id="<m>")
            counts = purge(db, POLICY, now=NOW)
        assert counts.digest_bodies_cleared == 1
        assert db.execute("SELECT body FROM alerts").fetchone()[0] is None

    def test_dry_run_changes_nothing(self, db: Db) -> None:
        add_item(db, 1, age_days=400, categories=["threat"])
        add_item(db, 2, age_days=40, categories=[])
        audit_before = db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
        with immediate(db):
            counts = purge(db, POLICY, now=NOW, dry_run=True)
        assert counts.items == 2
        assert len(ids(db)) == 2
        assert db.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == audit_before


class TestSchedule:
    @pytest.mark.parametrize(
        ("now", "expected"),
        [
            (datetime(2026, 11, 20, 2, 0, tzinfo=UTC), datetime(2026, 11, 20, 3, 15, tzinfo=UTC)),  # GMT
            (datetime(2026, 11, 20, 4, 0, tzinfo=UTC), datetime(2026, 11, 21, 3, 15, tzinfo=UTC)),
            (datetime(2026, 7, 1, 1, 0, tzinfo=UTC), datetime(2026, 7, 1, 2, 15, tzinfo=UTC)),  # BST: 03:15 = 02:15Z
        ],
    )
    def test_next_run_is_purge_time_local(self, now: datetime, expected: datetime) -> None:
        assert next_run(now, "03:15", "Europe/London") == expected


def _context(store: Store) -> JobContext:
    """Just what run_retention reads: a store, a clock and the config (a real Store; the config's own [store] is
    not read)."""
    from watchtower.demo import demo_config

    config = demo_config(feed_port=1, smtp_port=2, db_path=Path("unused.db"))
    return JobContext(store=store, clock=lambda: NOW, config=lambda: config, wake_notifier=lambda: None,
                      started_at=NOW)


async def test_the_background_job_purges_at_start_and_stops_promptly(store_location: Location) -> None:
    db = connect(store_location)
    add_item(db, 1, age_days=400, categories=["threat"])
    add_item(db, 2, age_days=1, categories=[])
    db.close()
    store = Store(store_location)
    await store.open()
    stop = asyncio.Event()
    task = asyncio.create_task(run_retention(_context(store), stop))
    for _ in range(100):
        n = await store.read(lambda d: d.execute("SELECT COUNT(*) FROM items").fetchone()[0])
        if n == 1:
            break
        await asyncio.sleep(0.05)
    assert n == 1
    stop.set()
    await asyncio.wait_for(task, timeout=2)
    await store.close()


def test_purge_cli_dry_run_then_purge(tmp_path: Path, store_location: Location) -> None:
    db = connect(store_location)
    old = datetime.now(UTC) - timedelta(days=45)
    item = Item(platform="rss", source="mention", platform_id="x", url=None, author_handle=None, author_name=None,
                text="hello", created_at=old)
    with immediate(db):
        [i] = repo.ingest(db, [item], source_name="feed", now=old)
        repo.record_classification(db, i, Classification([], {}, []), now=old, deadline_at=None, deadline_reason=None)
    db.close()
    cfg = tmp_path / "w.toml"
    cfg.write_text(school_toml(store_location))
    cmd = [sys.executable, "-m", "watchtower", "purge", "--config", str(cfg)]
    dry = subprocess.run([*cmd, "--dry-run"], capture_output=True, text=True, timeout=60)
    assert dry.returncode == 0, dry.stderr
    assert "would delete 1 unflagged" in dry.stdout
    assert connect(store_location).scalar("SELECT COUNT(*) FROM items") == 1
    real = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert real.returncode == 0, real.stderr
    assert "deleted 1 unflagged" in real.stdout
    assert connect(store_location).scalar("SELECT COUNT(*) FROM items") == 0
