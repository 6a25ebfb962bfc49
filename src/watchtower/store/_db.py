"""Opening the store (a SQLite file or a PostgreSQL database) with its migrations applied."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from watchtower.exceptions import StoreError
from watchtower.store.db import BUSY_TIMEOUT_MS, DatabaseError, Db, Location, as_location, open_db
from watchtower.store.migrations import migrations

__all__ = ["BUSY_TIMEOUT_MS", "connect", "immediate", "rows"]


def connect(where: Location | Path | str, *, migrate: bool = True) -> Db:
    """Open (and if needed create) the store at ``where``; apply pending migrations.

    A SQLite file and its WAL are created with mode 0600: monitoring data is for the service user only.
    Raises StoreError, in one sentence, when the store cannot be opened or prepared."""
    location = as_location(where)
    try:
        db = open_db(location)
    except OSError as exc:
        raise StoreError(
            f"cannot open the database {location}: {exc.strerror} (check the folder exists and is writable)"
        ) from exc
    except DatabaseError as exc:
        if location.dialect == "sqlite":
            raise StoreError(f"cannot open the database {location}: {exc}") from exc
        raise StoreError(f"cannot connect to the PostgreSQL database {location}: {_pg_hint(str(exc))}") from exc
    if migrate:
        try:
            migrations.apply(db)
        except DatabaseError as exc:
            db.close()
            raise StoreError(f"cannot prepare the database {location}: {exc}") from exc
    if location.path is not None:
        with contextlib.suppress(OSError):
            os.chmod(location.path, 0o600)
    return db


def _pg_hint(error: str) -> str:
    """psycopg's connection error, with what to do about the common ones."""
    first = " ".join(error.split())
    if "no password supplied" in error or "password authentication failed" in error:
        return (f"{first} (give the password in the secret named by store.password_secret: docs/operations.md, "
                "\"PostgreSQL\")")
    if "Connection refused" in error or "could not translate host name" in error or "timeout" in error:
        return f"{first} (is the server running, and the host and port in store.url right?)"
    return first


@contextlib.contextmanager
def immediate(db: Db) -> Iterator[Db]:
    """A write transaction (``db.transaction()``): on SQLite it takes the write lock at BEGIN, so it never fails
    half-way on a busy database. Nested: a savepoint."""
    with db.transaction():
        yield db


def rows(db: Db, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """The result of a query as one dict per row, keyed by column name."""
    return db.rows(sql, params)
