"""Opening the database: WAL, foreign keys, a busy timeout, migrations, and a file only the service can read."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from watchtower.exceptions import StoreError
from watchtower.store.migrations import migrations

BUSY_TIMEOUT_MS = 10_000


def connect(path: Path | str, *, migrate: bool = True) -> Database:
    """Open (and if needed create) the database at ``path``; apply pending migrations.

    The file and its WAL are created with mode 0600: monitoring data is for the service user only.
    """
    p = Path(path)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        if not p.exists():
            # create it with restrictive permissions before SQLite does
            fd = os.open(p, os.O_CREAT | os.O_RDWR, 0o600)
            os.close(fd)
        old_umask = os.umask(0o077)
        try:
            conn = sqlite3.connect(str(p), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
        finally:
            os.umask(old_umask)
    except OSError as exc:
        raise StoreError(
            f"cannot open the database {p}: {exc.strerror} (check the folder exists and is writable)"
        ) from exc
    db = Database(conn)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    if migrate:
        try:
            migrations.apply(db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot prepare the database {p}: {exc}") from exc
    with contextlib.suppress(OSError):
        os.chmod(p, 0o600)
    return db


@contextlib.contextmanager
def immediate(db: Database) -> Iterator[Database]:
    """A write transaction that takes the write lock at BEGIN, so it never fails half-way on a busy database."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")


def rows(db: Database, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """The result of a query as one dict per row, keyed by column name."""
    cur = db.execute(sql, list(params))
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
