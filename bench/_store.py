"""Where a benchmark keeps the daemon's database: a SQLite file (the default) or a PostgreSQL database.

``bench/run.py --store postgresql://USER@HOST:PORT/DB`` names a PostgreSQL server (the database in the URL is
only where the benchmark connects to create its own): each run makes a fresh database ``wtbench_<name>_<random>``
on that server, gives the daemon ``[store] url`` pointing at it, and drops it at the end. Without ``--store``
each run gets a fresh SQLite file in a temporary folder. Needs a checkout whose ``[store]`` has ``url``
(the PostgreSQL store, issue 16) for the PostgreSQL variant; this module refuses it clearly otherwise.

Everything here goes through ``watchtower.store.connect`` (the real migrations) and works with both of its
database types: ``sqlite_utils.Database`` (SQLite only) and the store's own ``Db`` (SQLite and PostgreSQL).
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from watchtower.config import StoreConfig
from watchtower.store import connect


def is_postgresql(url: str | None) -> bool:
    return bool(url) and str(url).startswith(("postgresql://", "postgres://"))


@dataclass(frozen=True)
class StoreTarget:
    """One benchmark run's database: ``path`` (SQLite) or ``url`` (PostgreSQL), exactly one."""

    path: Path | None = None
    url: str | None = None

    @property
    def kind(self) -> str:
        return "postgresql" if self.url else "sqlite"

    @property
    def where(self) -> str:
        return self.url if self.url else str(self.path)

    def config(self) -> dict[str, Any]:
        """The config's ``[store]`` section for the daemon."""
        return {"url": self.url} if self.url else {"path": str(self.path)}

    def open(self, *, migrate: bool = True) -> Any:
        """A connection through ``watchtower.store.connect`` (migrations applied unless ``migrate=False``)."""
        return connect(self.where, migrate=migrate)

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """One value, on a connection of its own (SQLite WAL and PostgreSQL MVCC: never blocks the daemon)."""
        db = self.open(migrate=False)
        try:
            row = db.execute(sql, list(params)).fetchone()
            return row[0] if row else None
        finally:
            close(db)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        db = self.open(migrate=False)
        try:
            return [tuple(r) for r in db.execute(sql, list(params)).fetchall()]
        finally:
            close(db)

    def size_bytes(self) -> int | None:
        """The database's size on disk: SQLite's file once its WAL is checkpointed (call after the daemon
        stopped); PostgreSQL's ``pg_database_size``."""
        if self.url:
            return int(self.scalar("SELECT pg_database_size(current_database())"))
        assert self.path is not None
        db = self.open(migrate=False)
        try:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            close(db)
        return sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists())


def close(db: Any) -> None:
    """Close either kind of connection (``sqlite_utils.Database`` has no ``close()`` of its own)."""
    if hasattr(db, "close"):
        db.close()
    else:
        db.conn.close()


def _store_db(db: Any) -> bool:
    """Whether ``db`` is the store's own ``Db`` (SQLite or PostgreSQL), not a ``sqlite_utils.Database``."""
    return hasattr(db, "executemany") and hasattr(db, "transaction")


@contextlib.contextmanager
def transaction(db: Any) -> Iterator[Any]:
    """One transaction on either database type: committed at the end, rolled back if the block raises."""
    if _store_db(db):
        with db.transaction():
            yield db
    else:
        with db.conn:
            yield db


def insert_many(db: Any, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """``executemany`` of ``sql`` (``?`` placeholders) over ``rows`` in one transaction, on either database type."""
    with transaction(db):
        (db if _store_db(db) else db.conn).executemany(sql, rows)


def explain(db: Any, target: StoreTarget, sql: str, params: Sequence[Any]) -> list[str]:
    """The query plan of ``sql``: SQLite's ``EXPLAIN QUERY PLAN`` lines, or PostgreSQL's ``EXPLAIN``."""
    if target.url:
        return [str(r[0]) for r in db.execute("EXPLAIN " + sql, list(params)).fetchall()]
    return [str(r[-1]) for r in db.execute("EXPLAIN QUERY PLAN " + sql, list(params)).fetchall()]


def _admin(server_url: str) -> Any:
    import psycopg  # only for the PostgreSQL variant

    return psycopg.connect(server_url, autocommit=True)


def _with_database(server_url: str, name: str) -> str:
    parts = urlsplit(server_url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


@contextlib.contextmanager
def fresh_store(server: str | None, workdir: Path, name: str) -> Iterator[StoreTarget]:
    """A fresh, empty store for one run: ``workdir/watchtower.db``, or with ``server`` (a PostgreSQL URL) a new
    database on that server, dropped afterwards."""
    if not server:
        yield StoreTarget(path=workdir / "watchtower.db")
        return
    if not is_postgresql(server):
        raise SystemExit(f"--store: {server!r} is not a postgresql:// URL (without --store, SQLite is used)")
    if "url" not in StoreConfig.model_fields:
        raise SystemExit("--store postgresql://...: this checkout's [store] has no url yet (the PostgreSQL store "
                         "of issue 16, branch pg-store); run without --store for SQLite")
    db_name = f"wtbench_{name}_{secrets.token_hex(4)}"
    with _admin(server) as admin:
        admin.execute(f'CREATE DATABASE "{db_name}"')
    try:
        yield StoreTarget(url=_with_database(server, db_name))
    finally:
        with _admin(server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')


class Recording:
    """A database that remembers each statement run on it, to explain the queue page's queries (the queue
    benchmark and tests/test_queue_indexes.py read the plans of the statements it saw)."""

    def __init__(self, db: Any) -> None:
        self.db = db
        self.statements: list[tuple[str, list[Any]]] = []

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        self.statements.append((sql, list(params)))
        return self.db.execute(sql, list(params))

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
