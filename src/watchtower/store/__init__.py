"""The store: one SQLite file, one writer thread, readers on their own connections.

Other code hands the store *functions* of a ``sqlite_utils.Database`` (Datasette's pattern): ``await store.write(fn)``
runs ``fn`` on the single writer thread inside ``BEGIN IMMEDIATE`` ... ``COMMIT``; ``await store.read(fn)`` runs
it on a reader thread. Nothing touches SQLite on the event loop.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from sqlite_utils import Database

from watchtower.store._db import connect, immediate

__all__ = ["Store", "connect", "immediate"]

T = TypeVar("T")


class Store:
    def __init__(self, path: Path | str, *, readers: int = 2) -> None:
        self.path = Path(path)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
        self._readers = ThreadPoolExecutor(max_workers=readers, thread_name_prefix="store-reader")
        self._local = threading.local()
        self._write_db: Database | None = None
        self._reader_dbs: list[Database] = []
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        """Whether ``open()`` has run and ``close()`` has not (writes are possible)."""
        return self._write_db is not None

    async def open(self) -> None:
        loop = asyncio.get_running_loop()
        self._write_db = await loop.run_in_executor(self._writer, connect, self.path)

    def _reader(self) -> Database:
        db: Database | None = getattr(self._local, "db", None)
        if db is None:
            db = connect(self.path, migrate=False)
            self._local.db = db
            with self._lock:
                self._reader_dbs.append(db)
        return db

    async def write(self, fn: Callable[[Database], T]) -> T:
        """Run ``fn(db)`` on the writer thread in one transaction; its exception (after rollback) propagates."""
        if self._write_db is None:
            raise RuntimeError("store is not open")
        db = self._write_db

        def job() -> T:
            with immediate(db):
                return fn(db)

        return await asyncio.get_running_loop().run_in_executor(self._writer, job)

    async def read(self, fn: Callable[[Database], T]) -> T:
        """Run ``fn(db)`` on a reader thread (WAL: readers never block the writer)."""

        def job() -> T:
            return fn(self._reader())

        return await asyncio.get_running_loop().run_in_executor(self._readers, job)

    async def close(self) -> None:
        loop = asyncio.get_running_loop()

        def close_writer() -> None:
            if self._write_db is not None:
                self._write_db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                self._write_db.conn.close()
                self._write_db = None

        await loop.run_in_executor(self._writer, close_writer)
        self._writer.shutdown(wait=True)
        self._readers.shutdown(wait=True)
        with self._lock:
            for db in self._reader_dbs:
                db.conn.close()
            self._reader_dbs.clear()
