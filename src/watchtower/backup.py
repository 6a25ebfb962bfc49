"""Backups of a SQLite store with SQLite's online backup API: consistent while the daemon runs and writes.

A PostgreSQL store is backed up by PostgreSQL's own tools (``pg_dump``, base backups, replication:
docs/operations.md, "PostgreSQL"); ``watchtower backup`` and ``restore`` refuse one and say so
(:func:`refuse_postgresql`).

``backup`` copies the live database page by page (``sqlite3.Connection.backup``; a write by the daemon during the
copy makes SQLite restart the copy, so the result is always one committed state), into a temporary file created
0600, checks it (``PRAGMA integrity_check``) and renames it into place.

``restore`` checks the backup first (integrity, and that it was made by this Watchtower or an older one: no
migration we do not know), refuses while a process holds the database open (the daemon: stop it first) unless
forced, keeps the current database beside it as ``NAME.before-restore-TIMESTAMP`` and copies the backup in with the
same API, so the WAL is handled by SQLite rather than by copying files.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from watchtower.exceptions import StoreError
from watchtower.store.db import DatabaseError, Location, SqliteDb
from watchtower.store.migrations import LEGACY_TABLE, MIGRATIONS_TABLE, migrations

if TYPE_CHECKING:
    from watchtower.config import StoreConfig

PAGES_PER_STEP = 256  # small steps: the daemon's writer waits at most one step for the lock


@dataclass(frozen=True)
class BackupResult:
    path: Path
    bytes: int
    seconds: float
    migrations: list[str]


def _open_ro(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise StoreError(f"{path}: no such database file")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)


def check_database(path: Path) -> list[str]:
    """Integrity and schema checks of a database file; returns its applied migrations. Raises StoreError."""
    try:
        conn = _open_ro(path)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                raise StoreError(f"{path}: integrity check failed: {'; '.join(result[:5])}")
            db = SqliteDb(Location(path=path), conn)
            if not (db.has_table(MIGRATIONS_TABLE) or db.has_table(LEGACY_TABLE)):
                raise StoreError(f"{path}: not a Watchtower database (no migrations table)")
            applied = migrations.applied(db)
        finally:
            conn.close()
    except (sqlite3.DatabaseError, DatabaseError) as exc:
        raise StoreError(f"{path}: not a readable SQLite database: {exc}") from exc
    known = set(migrations.names)
    unknown = [m for m in applied if m not in known]
    if unknown:
        raise StoreError(
            f"{path}: made by a newer Watchtower (unknown migrations: {', '.join(unknown)}): upgrade Watchtower first"
        )
    if not applied:
        raise StoreError(f"{path}: not a Watchtower database (no Watchtower migrations applied)")
    return applied


def refuse_postgresql(store: StoreConfig, command: str) -> None:
    """StoreError if ``store`` is a PostgreSQL database: ``watchtower backup``/``restore`` copy SQLite files."""
    if store.url is not None:
        raise StoreError(
            f"`watchtower {command}` copies a SQLite store, and this one is PostgreSQL ({store.describe()}): use "
            "PostgreSQL's own tools, e.g. pg_dump --format=custom for a copy and pg_restore to put it back, or the "
            "server's base backups and replication (docs/operations.md, \"PostgreSQL\")"
        )


def _copy(src: sqlite3.Connection, dest_path: Path) -> None:
    dest = sqlite3.connect(str(dest_path))
    try:
        src.backup(dest, pages=PAGES_PER_STEP, sleep=0.005)
        dest.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
    finally:
        dest.close()


def _create_private(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def backup(db_path: Path, dest: Path) -> BackupResult:
    """Copy the (possibly live) database at ``db_path`` to ``dest`` (a file, or a folder to put a dated file in)."""
    t0 = time.perf_counter()
    if dest.is_dir():
        dest = dest / f"watchtower-{time.strftime('%Y%m%d-%H%M%S')}.db"
    tmp = dest.with_name(f".{dest.name}.partial-{os.getpid()}")
    old_umask = os.umask(0o077)
    try:
        _create_private(tmp)
        src = _open_ro(db_path)
        try:
            _copy(src, tmp)
        finally:
            src.close()
        applied = check_database(tmp)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    finally:
        os.umask(old_umask)
    return BackupResult(dest, dest.stat().st_size, time.perf_counter() - t0, applied)


def holders(db_path: Path) -> list[int]:
    """PIDs of other processes that have the database (or its WAL) open. Linux /proc; [] elsewhere."""
    targets = {str(db_path.resolve()), str(db_path.resolve()) + "-wal"}
    pids: list[int] = []
    proc = Path("/proc")
    if not proc.is_dir():
        return pids
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            for fd in (entry / "fd").iterdir():
                with contextlib.suppress(OSError):
                    if os.readlink(fd) in targets:
                        pids.append(int(entry.name))
                        break
        except OSError:  # gone, or not ours to look at
            continue
    return pids


def restore(backup_path: Path, db_path: Path, *, force: bool = False) -> Path | None:
    """Replace the database at ``db_path`` with ``backup_path``. Returns where the old database was kept.

    Raises StoreError if the backup fails its checks, or if a process holds the database and ``force`` is False.
    """
    check_database(backup_path)
    busy = holders(db_path)
    if busy and not force:
        raise StoreError(
            f"{db_path} is open in process {', '.join(map(str, busy))} (the daemon?): "
            "stop it first (systemctl stop watchtower), or pass --force"
        )
    kept: Path | None = None
    old_umask = os.umask(0o077)
    try:
        owner = None
        if db_path.exists():
            st = db_path.stat()
            owner = (st.st_uid, st.st_gid)
            kept = db_path.with_name(f"{db_path.name}.before-restore-{time.strftime('%Y%m%d-%H%M%S')}")
            _create_private(kept)
            cur = _open_ro(db_path)
            try:
                _copy(cur, kept)
            finally:
                cur.close()
        else:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            _create_private(db_path)
        src = _open_ro(backup_path)
        try:
            dest = sqlite3.connect(str(db_path), timeout=10)
            try:
                src.backup(dest, pages=PAGES_PER_STEP)
                dest.execute("PRAGMA journal_mode = WAL")
                dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                dest.close()
        finally:
            src.close()
        for p in (db_path, kept):
            if p is not None:
                os.chmod(p, 0o600)
                if owner is not None and os.geteuid() == 0:
                    os.chown(p, *owner)
    finally:
        os.umask(old_umask)
    check_database(db_path)
    return kept
