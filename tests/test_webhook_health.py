"""Webhook deliveries keep source health as a poll does (issue 15): a delivery stored is a success with its new
items counted, one that cannot be stored is a failure with its last error, and the error still reaches the
receiver (500, so Meta delivers again). The row is the source's own webhook row (``webhook:<source>``, issue 16),
beside its poller's, so deliveries arriving never hide a poller that fails."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from tests.connectors.conftest import fixture_bytes

from conftest import FakeClock
from watchtower.cli.status import collect
from watchtower.config import Config
from watchtower.connectors.webhooks import MetaAccount, route_payload
from watchtower.daemon import Daemon, Overrides
from watchtower.models import Item
from watchtower.store import connect, immediate, repo
from watchtower.store.db import open_db
from watchtower.store.migrations import migrations


@pytest.fixture
async def daemon(config: Config, clock: FakeClock) -> AsyncIterator[Daemon]:
    d = Daemon(config, Overrides(environ={}, clock=clock))
    await d.store.open()
    try:
        yield d
    finally:
        await d.store.close()


SOURCE = "facebook-page"


def delivery() -> list[tuple[str, list[Item]]]:
    payload = json.loads(fixture_bytes("webhook_page_feed.json"))
    return [(account.key, items) for account, items in route_payload(payload, [MetaAccount("facebook", "111", SOURCE)])]


async def health(daemon: Daemon, name: str = f"webhook:{SOURCE}") -> dict[str, Any]:
    rows = await daemon.store.read(repo.source_health)
    (row,) = [r for r in rows if r["source_name"] == name]
    return row


async def test_a_stored_delivery_is_a_success_with_its_new_items_counted(daemon: Daemon, clock: FakeClock) -> None:
    ((_, items),) = delivery()
    await daemon.receive_items(delivery())
    h = await health(daemon)
    assert h["status"] == "ok" and h["platform"] == "facebook"
    assert h["items_seen"] == len(items) and h["consecutive_failures"] == 0 and h["last_success_at"]
    await daemon.receive_items(delivery())  # the same comments again: nothing new
    assert (await health(daemon))["items_seen"] == len(items)
    stored = await daemon.store.read(lambda db: db.execute("SELECT DISTINCT source_name FROM items").fetchall())
    assert stored == [(SOURCE,)]  # the items are the source's, as if polled


async def test_a_failing_poller_stays_failing_when_deliveries_arrive(daemon: Daemon, clock: FakeClock) -> None:
    await daemon.store.write(lambda db: repo.record_source_failure(
        db, SOURCE, "facebook", status="auth_failed", error="token expired", now=clock()))
    await daemon.receive_items(delivery())
    assert (await health(daemon, SOURCE))["status"] == "auth_failed"
    assert (await health(daemon))["status"] == "ok"


def test_migration_m014_removes_the_old_shared_webhook_row_and_nothing_else(tmp_path: Path, clock: FakeClock) -> None:
    """Before issue 16 every delivery was kept under one row, ``webhook:meta``: left alone it would read as a
    source silent for ever (``watchtower status``)."""
    db = open_db(tmp_path / "old.db")
    migrations.apply(db, stop_before="m014_retire_shared_webhook_health")
    with immediate(db):
        repo.record_source_success(db, "webhook:meta", "meta", new_items=3, now=clock())
        repo.record_source_success(db, f"webhook:{SOURCE}", "facebook", new_items=1, now=clock())
        repo.record_source_success(db, SOURCE, "facebook", new_items=0, now=clock())
    migrations.apply(db)
    assert [r["source_name"] for r in repo.source_health(db)] == [SOURCE, f"webhook:{SOURCE}"]
    db.close()


async def test_a_delivery_that_cannot_be_stored_is_a_failure_with_its_error_and_still_raises(
    daemon: Daemon, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    await daemon.receive_items(delivery())
    clock.advance(minutes=5)

    def broken(*args: Any, **kwargs: Any) -> list[int]:
        raise OSError("disk full")

    monkeypatch.setattr(repo, "ingest", broken)
    with pytest.raises(OSError):
        await daemon.receive_items(delivery())
    h = await health(daemon)
    assert h["status"] == "failing" and h["consecutive_failures"] == 1
    assert "disk full" in h["last_error"] and h["last_error_at"] > h["last_success_at"]

    monkeypatch.undo()
    clock.advance(minutes=5)
    await daemon.receive_items(delivery())
    h = await health(daemon)
    assert h["status"] == "ok" and h["consecutive_failures"] == 0 and "disk full" in h["last_error"]


async def test_status_reports_a_failing_delivery_but_not_a_quiet_page(
    daemon: Daemon, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A webhook row has news only when someone comments: days without a delivery are not a fault (the source's
    poller row, and its silent-source alert, say whether the Page is read); a delivery not stored is."""
    await daemon.receive_items(delivery())
    db = connect(daemon.config.store.location())
    try:
        assert collect(db, clock() + timedelta(days=3), 24)["problems"] == []
    finally:
        db.close()

    def broken(*args: Any, **kwargs: Any) -> list[int]:
        raise OSError("disk full")

    monkeypatch.setattr(repo, "ingest", broken)
    with pytest.raises(OSError):
        await daemon.receive_items(delivery())
    db = connect(daemon.config.store.location())
    try:
        problems = collect(db, clock(), 24)["problems"]
    finally:
        db.close()
    assert [p for p in problems if p.startswith(f"source webhook:{SOURCE} is failing")]
