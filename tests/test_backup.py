"""Backups are consistent while the daemon writes, private (0600), and restore refuses a bad file and gives back
exactly the data that was backed up."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from school_toml import school_toml  # tests/ is on sys.path
from watchtower.backup import backup, check_database, holders, restore
from watchtower.exceptions import StoreError
from watchtower.models import Item
from watchtower.store import connect, immediate, repo

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _item(n: int) -> Item:
    return Item(platform="rss", source="mention", platform_id=f"p{n}", url=None, author_handle="a",
                author_name=None, text=f"post {n} " + "x" * 500, created_at=T0 + timedelta(seconds=n))


def dump(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, platform_id, text FROM items ORDER BY id").fetchall()
    finally:
        conn.close()


def test_database_file_is_0600(tmp_path: Path) -> None:
    db = connect(tmp_path / "w.db")
    with immediate(db):
        repo.ingest(db, [_item(1)], source_name="f", now=T0)
    for p in tmp_path.iterdir():
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p


def test_backup_while_writes_happen_is_consistent_and_restores_equal(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    db = connect(live)
    stop = threading.Event()
    written = [0]

    def writer() -> None:
        w = connect(live)
        n = 0
        while not stop.is_set():
            with immediate(w):  # one transaction of 20 items and its cursor: a backup sees all or none
                repo.ingest(w, [_item(n + k) for k in range(20)], source_name="f", now=T0)
                repo.save_cursor(w, "f", {"n": n + 20}, T0)
            n += 20
            written[0] = n
        w.close()

    t = threading.Thread(target=writer)
    t.start()
    try:
        while written[0] < 2000:
            time.sleep(0.01)
        res = backup(live, tmp_path / "b1.db")
    finally:
        stop.set()
        t.join()
    assert stat.S_IMODE(res.path.stat().st_mode) == 0o600
    check_database(res.path)
    conn = sqlite3.connect(res.path)
    n_items = conn.execute("SELECT COUNT(*) FROM items").fetchone()[0]
    cursor = conn.execute("SELECT cursor FROM cursors").fetchone()[0]
    conn.close()
    assert n_items >= 2000 and n_items % 20 == 0
    assert cursor == f'{{"n": {n_items}}}'  # items and cursor from the same committed state
    snapshot = dump(res.path)
    assert written[0] >= n_items
    # restore over the (larger) live database: exactly the backed-up data comes back
    db.close()
    kept = restore(res.path, live)
    assert dump(live) == snapshot
    assert kept is not None and len(dump(kept)) == written[0]
    assert stat.S_IMODE(live.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    connect(live).execute("SELECT COUNT(*) FROM items")  # opens and migrates cleanly afterwards


def test_restore_refuses_a_corrupt_or_foreign_file(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    connect(live).close()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    with pytest.raises(StoreError):
        restore(junk, live)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StoreError, match="not a Watchtower database"):
        restore(other, live)


def test_restore_refuses_a_backup_from_a_newer_schema(tmp_path: Path) -> None:
    b = tmp_path / "b.db"
    connect(b).close()
    conn = sqlite3.connect(b)
    conn.execute("INSERT INTO schema_migrations (name, applied_at) VALUES ('m999_future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer Watchtower"):
        restore(b, tmp_path / "live.db")


def test_restore_refuses_while_another_process_holds_the_database(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    connect(live).close()
    b = backup(live, tmp_path / "b.db").path
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import sqlite3,sys,time; c=sqlite3.connect({str(live)!r}); "
         "c.execute('select 1'); print('open', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        assert holder.pid in holders(live)
        with pytest.raises(StoreError, match="stop it first"):
            restore(b, live)
        assert restore(b, live, force=True) is not None
    finally:
        holder.kill()
        holder.wait()


def test_cli_backup_and_restore(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    db = connect(live)
    with immediate(db):
        repo.ingest(db, [_item(1), _item(2)], source_name="f", now=T0)
    db.close()
    cfg = tmp_path / "w.toml"
    cfg.write_text(school_toml(live))
    run = [sys.executable, "-m", "watchtower"]
    res = subprocess.run([*run, "backup", "--config", str(cfg), str(tmp_path)], capture_output=True, text=True,
                         timeout=60)
    assert res.returncode == 0, res.stderr
    [made] = tmp_path.glob("watchtower-*.db")
    before = dump(live)
    db = connect(live)
    with immediate(db):
        repo.ingest(db, [_item(3)], source_name="f", now=T0)
    db.close()
    res = subprocess.run([*run, "restore", "--config", str(cfg), str(made)], capture_output=True, text=True,
                         timeout=60)
    assert res.returncode == 0, res.stderr
    assert dump(live) == before
