"""The store: a SQLite file (the default) or a PostgreSQL database; one writer thread, readers on their own
connections.

Other code hands the store *functions* of a :class:`~watchtower.store.db.Db` (Datasette's pattern):
``await store.write(fn)`` runs ``fn`` on the single writer thread inside one transaction (SQLite: ``BEGIN
IMMEDIATE`` ... ``COMMIT``); ``await store.read(fn)`` runs it on a reader thread. Nothing touches the database on
the event loop.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from watchtower.store._db import connect, immediate
from watchtower.store.db import Db, Location, SqliteDb, as_location

__all__ = ["Db", "Location", "Store", "connect", "immediate"]

T = TypeVar("T")


class Store:
    def __init__(self, where: Location | Path | str, *, readers: int = 2) -> None:
        self.location = as_location(where)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
        self._readers = ThreadPoolExecutor(max_workers=readers, thread_name_prefix="store-reader")
        self._local = threading.local()
        self._write_db: Db | None = None
        self._reader_dbs: list[Db] = []
        self._lock = threading.Lock()

    @property
    def path(self) -> Path | None:
        """The SQLite file (None for a PostgreSQL store)."""
        return self.location.path

    @property
    def is_open(self) -> bool:
        """Whether ``open()`` has run and ``close()`` has not (writes are possible)."""
        return self._write_db is not None

    async def open(self) -> None:
        loop = asyncio.get_running_loop()
        self._write_db = await loop.run_in_executor(self._writer, connect, self.location)

    def _reader(self) -> Db:
        db: Db | None = getattr(self._local, "db", None)
        if db is None:
            db = connect(self.location, migrate=False)
            self._local.db = db
            with self._lock:
                self._reader_dbs.append(db)
        return db

    async def write(self, fn: Callable[[Db], T]) -> T:
        """Run ``fn(db)`` on the writer thread in one transaction; its exception (after rollback) propagates."""
        if self._write_db is None:
            raise RuntimeError("store is not open")
        db = self._write_db

        def job() -> T:
            with immediate(db):
                return fn(db)

        return await asyncio.get_running_loop().run_in_executor(self._writer, job)

    async def read(self, fn: Callable[[Db], T]) -> T:
        """Run ``fn(db)`` on a reader thread (WAL: readers never block the writer)."""

        def job() -> T:
            return fn(self._reader())

        return await asyncio.get_running_loop().run_in_executor(self._readers, job)

    async def close(self) -> None:
        loop = asyncio.get_running_loop()

        def close_writer() -> None:
            if self._write_db is not None:
                if isinstance(self._write_db, SqliteDb):
                    self._write_db.checkpoint()
                self._write_db.close()
                self._write_db = None

        await loop.run_in_executor(self._writer, close_writer)
        self._writer.shutdown(wait=True)
        self._readers.shutdown(wait=True)
        with self._lock:
            for db in self._reader_dbs:
                db.close()
            self._reader_dbs.clear()
