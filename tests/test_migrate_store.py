"""``watchtower migrate-store --to postgresql://...``: an existing SQLite install moves to a real PostgreSQL with
every row of every table, the same ids, verified counts, and a daemon that carries on where it stopped."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from conftest import FakeClock, add_item
from pg_server import PostgresServer
from watchtower.cli import main
from watchtower.config import Config
from watchtower.store import connect, immediate, repo
from watchtower.store.copy import copy_store
from watchtower.store.db import Db, IntegrityError
from watchtower.store.migrations import MIGRATIONS_TABLE


def fill(db: Db, config: Config, clock: FakeClock) -> None:
    """A store with something in every table: items with their triage, steps, alerts, acknowledgements, actions,
    audit lines, cursors, health, users, sessions, reviews, used links, platform actions and meta."""
    from watchtower import actions, users

    ids = [add_item(db, config, text=f"post {n}: you are all idiots", categories=["harassment"],
                    now=clock() + timedelta(minutes=n), platform_id=f"p{n}") for n in range(12)]
    ids.append(add_item(db, config, text="100% the best school; it's great\x00", categories=[], now=clock()))
    with immediate(db):
        actions.acknowledge(db, ids[0], by="amy@school.example", channel="dashboard", now=clock())
        actions.act(db, ids[1], "hidden", by="amy@school.example", channel="dashboard", now=clock())
        actions.mark_reviewed(db, ids[:3], by="dsl@school.example", comment="fine", channel="dashboard", now=clock())
        actions.ack_by_link(db, ids[4], nonce="n-1", person="ben@school.example", now=clock())
        repo.save_cursor(db, "facebook-page", {"since": "p11"}, clock())
        repo.record_source_success(db, "facebook-page", "facebook", new_items=13, now=clock())
        repo.set_meta(db, "digest_last", "2026-03-09")
        user = users.add_user(db, "amy", name="Amy Clarke", email="amy@school.example", role="moderator",
                              password_hash="$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA", now=clock())
        users.create_session(db, user.id, now=clock(), lifetime=timedelta(hours=8))
        repo.enqueue_platform_action(
            db, dedup_key="pa-1", item_id=ids[2], platform="facebook", source_name="facebook-page", kind="hide",
            target_id="c2", params={}, plan="hide the comment", requested_by="amy@school.example",
            channel="dashboard", now=clock())
    with immediate(db):  # a gap in the ids, as deletions leave: copied ids are kept, not renumbered
        db.execute("DELETE FROM items WHERE id = ?", [ids[5]])


def table_rows(db: Db, table: str) -> list[tuple[Any, ...]]:
    cols = ", ".join(db.columns(table))
    key = "id" if "id" in db.columns(table) else cols
    return [tuple(r) for r in db.execute(f"SELECT {cols} FROM {table} ORDER BY {key}")]


@pytest.fixture
def sqlite_install(db: Db, config: Config, clock: FakeClock, config_file: Callable[..., Path]) -> Path:
    """A SQLite install with data in every table, and its config file."""
    fill(db, config, clock)
    db.close()
    return config_file()


def test_every_table_is_copied_with_its_ids_and_verified(
    sqlite_install: Path, db_path: Path, pg_empty_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate-store", "--config", str(sqlite_install), "--to", pg_empty_database]) == 0
    out = capsys.readouterr().out
    lite, pg = connect(db_path), connect(pg_empty_database)
    # the daemons' leases (m011) say who is working now: not data, not copied
    tables = [t for t in lite.table_names() if t not in (MIGRATIONS_TABLE, "daemons", "leases")]
    assert len(tables) == 15
    for table in tables:
        rows = table_rows(lite, table)
        assert rows, f"{table} should have rows in this test"
        assert table_rows(pg, table) == [tuple(v.replace("\x00", "\ufffd") if isinstance(v, str) else v for v in r)
                                         for r in rows], table
        assert f"\n{table} " in out and f" {len(rows)} " in out.split(f"\n{table} ", 1)[1].splitlines()[0]
    assert "verified: 15 tables" in out and 'url = "postgresql://' in out
    # the ids go on above the copied ones, and the audit log is as append-only as it was
    [new_id] = pg.execute("INSERT INTO items (platform, platform_id, source, source_name, text, created_at, "
                          "first_seen_at) VALUES ('rss', 'new', 'own', 's', 't', 'x', 'x') RETURNING id").fetchone()
    assert new_id == lite.scalar("SELECT MAX(id) FROM items") + 1
    with pytest.raises(IntegrityError, match="append-only"), immediate(pg):
        pg.execute("DELETE FROM audit")
    pg.close()


def test_a_target_with_data_in_it_is_refused_and_left_alone(
    sqlite_install: Path, pg_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pg = connect(pg_database)
    with immediate(pg):
        repo.set_meta(pg, "someone", "else's data")
    assert main(["migrate-store", "--config", str(sqlite_install), "--to", pg_database]) == 2
    err = capsys.readouterr().err
    assert "is not empty: meta (1 rows)" in err
    assert pg.scalar("SELECT COUNT(*) FROM items") == 0
    pg.close()


def test_a_copy_that_fails_half_way_leaves_the_target_empty_and_can_be_run_again(
    db: Db, config: Config, clock: FakeClock, pg_empty_database: str, postgres: PostgresServer
) -> None:
    from watchtower.exceptions import StoreError

    fill(db, config, clock)
    with postgres.admin() as admin:  # what the copy trips over: a table another session holds, and no waiting
        admin.execute(f'ALTER DATABASE "{pg_empty_database.rsplit("/", 1)[1]}" SET lock_timeout = 1')
    target, other = connect(pg_empty_database), connect(pg_empty_database)
    with other.transaction():
        other.execute("LOCK TABLE reviews IN SHARE MODE")  # reads go on, writes wait
        with pytest.raises(StoreError, match="copying reviews"):
            copy_store(db, target)
        assert target.scalar("SELECT COUNT(*) FROM items") == 0  # the items copied before it are rolled back
    counts = copy_store(db, target)
    assert {c.table: (c.source, c.target) for c in counts}["items"] == (12, 12)
    other.close()
    target.close()


def test_the_daemon_running_on_the_sqlite_file_stops_it(
    sqlite_install: Path, db_path: Path, pg_empty_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess
    import sys
    import time

    holder = subprocess.Popen([sys.executable, "-c", f"import sqlite3,time; c=sqlite3.connect({str(db_path)!r}); "
                               "c.execute('SELECT 1 FROM items'); print('open', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        assert main(["migrate-store", "--config", str(sqlite_install), "--to", pg_empty_database]) == 2
        err = capsys.readouterr().err
        assert f"is open in process {holder.pid}" in err and "systemctl stop watchtower" in err
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    assert main(["migrate-store", "--config", str(sqlite_install), "--to", pg_empty_database]) == 0


def test_the_password_comes_from_the_named_secret_never_the_url(
    sqlite_install: Path, postgres: PostgresServer, pg_empty_database: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    postgres.password_role("copy-password-456")
    url = pg_empty_database.replace(f"{postgres.superuser}@", "wt_password@")
    assert main(["migrate-store", "--config", str(sqlite_install), "--to",
                 url.replace("wt_password@", "wt_password:copy-password-456@")]) == 2
    assert "password does not go in the config file" in capsys.readouterr().err
    assert main(["migrate-store", "--config", str(sqlite_install), "--to", url,
                 "--password-secret", "WT_COPY_PASSWORD"]) == 2
    assert "WT_COPY_PASSWORD" in capsys.readouterr().err
    monkeypatch.setenv("WT_COPY_PASSWORD", "copy-password-456")
    assert main(["migrate-store", "--config", str(sqlite_install), "--to", url,
                 "--password-secret", "WT_COPY_PASSWORD"]) == 0
    assert 'password_secret = "WT_COPY_PASSWORD"' in capsys.readouterr().out


def test_a_postgresql_store_is_not_copied_again(
    config_file: Callable[..., Path], pg_database: str, pg_empty_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = config_file(store={"url": pg_database})
    assert main(["migrate-store", "--config", str(path), "--to", pg_empty_database]) == 2
    assert "already PostgreSQL" in capsys.readouterr().err


async def test_the_daemon_carries_on_on_the_copy(
    sqlite_install: Path, pg_empty_database: str, make_config: Callable[..., Config], clock: FakeClock
) -> None:
    """After the move the store holds what the SQLite one did: a post already stored is not stored again, and no
    escalation step already taken is taken again."""
    from watchtower.models import Item
    from watchtower.pipeline import Escalator
    from watchtower.store import Store

    assert main(["migrate-store", "--config", str(sqlite_install), "--to", pg_empty_database]) == 0
    config = make_config(store={"url": pg_empty_database})
    store = Store(config.store.location())
    await store.open()
    try:
        alerts = await store.read(lambda d: d.scalar("SELECT COUNT(*) FROM alerts"))
        again = Item(platform="facebook", source="own", platform_id="p3", url=None, author_handle="x",
                     author_name="X", text="post 3", created_at=clock())
        assert await store.write(lambda d: repo.ingest(d, [again], source_name="facebook-page", now=clock())) == []
        assert await Escalator(store=store, config=config, on_alerts=lambda: None, clock=clock).tick() == 0
        assert await store.read(lambda d: d.scalar("SELECT COUNT(*) FROM alerts")) == alerts
    finally:
        await store.close()


def test_an_empty_sqlite_store_copies_to_empty_tables(
    config_file: Callable[..., Path], db: Db, pg_empty_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate-store", "--config", str(config_file()), "--to", pg_empty_database]) == 0
    assert "verified: 15 tables, 0 rows, the same on both sides." in capsys.readouterr().out
