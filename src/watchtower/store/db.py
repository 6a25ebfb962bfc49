"""The database connection Watchtower's code is written against: :class:`Db`, on SQLite or on PostgreSQL.

Everything that reads or writes the store is a function of a ``Db``: ``db.execute(sql, params)`` returns a cursor
(``fetchone``, ``fetchall``, iteration, ``description``, ``rowcount``), ``db.rows(sql, params)`` returns one dict per
row, ``with db.transaction():`` is one write transaction (a savepoint when nested). SQL is written once, in SQLite's
spelling with ``?`` placeholders; :mod:`watchtower.store.dialect` translates it for PostgreSQL. ``db.dialect`` says
which store this is, for the few places (migrations, backups, ``PRAGMA``) that must differ.

- :class:`SqliteDb`: one file, WAL (readers never block the writer), a busy timeout, foreign keys on, created mode
  0600. ``transaction()`` is ``BEGIN IMMEDIATE``: it takes the write lock at its start, so it never fails half-way
  on a busy database.
- :class:`PostgresDb`: psycopg 3, autocommit outside ``transaction()`` (like SQLite's), ``BEGIN`` (READ COMMITTED)
  inside it. A connection the server dropped (a restart, a fail-over) is opened again before the next statement
  that is not inside a transaction. ``numeric`` results (``SUM`` of integers) come back as ``int`` (or ``float``
  when they have a fraction), ``bool`` parameters go as 0/1, as SQLite has them, and a NUL character in text
  (which PostgreSQL cannot store) is written as U+FFFD.

Driver errors are raised as this module's :class:`DatabaseError` family, whichever the store: ``IntegrityError``
(a constraint, the audit log's append-only triggers), ``BusyError`` (a lock not had in time), ``ConflictError``
(PostgreSQL gave up a transaction to a deadlock or serialization conflict: it can be run again),
``OperationalError`` (the rest of what the server or file system did), each with the driver's error as its cause.
"""

from __future__ import annotations

import abc
import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol
from urllib.parse import urlsplit, urlunsplit

from watchtower.store.dialect import Dialect, to_postgresql

if TYPE_CHECKING:
    import psycopg

__all__ = [
    "BusyError",
    "ConflictError",
    "Cursor",
    "DatabaseError",
    "Db",
    "Dialect",
    "IntegrityError",
    "Location",
    "OperationalError",
    "PostgresDb",
    "SqliteDb",
    "as_location",
    "open_db",
]

BUSY_TIMEOUT_MS = 10_000
#: how long opening a PostgreSQL connection may take before it is an error
CONNECT_TIMEOUT_S = 10
PG_SCHEMES = ("postgresql://", "postgres://")


# --- errors ----------------------------------------------------------------------------------------------------


class DatabaseError(Exception):
    """The database refused a statement or could not run it (the driver's error is the ``__cause__``)."""


class IntegrityError(DatabaseError):
    """A constraint said no: a unique key, a foreign key, a CHECK, the audit log's append-only triggers."""


class OperationalError(DatabaseError):
    """The file or the server could not do it: read-only, disk full, the connection lost."""


class BusyError(OperationalError):
    """A lock was not had in time (SQLite: "database is locked"; PostgreSQL: ``lock_timeout``)."""


class ConflictError(OperationalError):
    """PostgreSQL rolled the transaction back to break a deadlock or a serialization conflict: run it again."""


def _sqlite_error(exc: sqlite3.Error) -> DatabaseError:
    text = str(exc)
    if isinstance(exc, sqlite3.IntegrityError):
        return IntegrityError(text)
    if isinstance(exc, sqlite3.OperationalError):
        if "locked" in text or "busy" in text:
            return BusyError(text)
        return OperationalError(text)
    return DatabaseError(text)


class _Translated:
    """A ``with`` block in which a driver's exceptions are raised as the store's: ``_SQLITE_ERRORS`` (sqlite3's,
    by :func:`_sqlite_error`) and ``_PG_ERRORS`` (psycopg's, by :func:`_pg_error`). A class, not a generator:
    it wraps every statement, and costs a fraction of a microsecond."""

    def __init__(self, translate: Callable[[Any], DatabaseError], errors: Callable[[], type[Exception]]) -> None:
        self._translate = translate
        self._errors = errors

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if exc is not None and isinstance(exc, self._errors()):
            raise self._translate(exc) from exc


def _psycopg_error() -> type[Exception]:
    import psycopg

    return psycopg.Error


def _pg_error(exc: Exception) -> DatabaseError:
    import psycopg
    from psycopg import errors

    text = str(exc).strip()
    if isinstance(exc, psycopg.IntegrityError):
        return IntegrityError(text)
    if isinstance(exc, errors.LockNotAvailable):
        return BusyError(text)
    if isinstance(exc, errors.TransactionRollback):
        return ConflictError(text)
    if isinstance(exc, psycopg.OperationalError):
        return OperationalError(text)
    return DatabaseError(text)


_SQLITE_ERRORS = _Translated(_sqlite_error, lambda: sqlite3.Error)
_PG_ERRORS = _Translated(_pg_error, _psycopg_error)


# --- where the store is ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Location:
    """Where the store is: a SQLite file (``path``) or a PostgreSQL database (``url``, its password given apart,
    from a secret: never in the URL)."""

    path: Path | None = None
    url: str | None = None
    password: str | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if (self.path is None) == (self.url is None):
            raise ValueError("a store Location is a path or a url, exactly one of them")

    @property
    def dialect(self) -> Dialect:
        return "sqlite" if self.path is not None else "postgresql"

    def __str__(self) -> str:
        """The path, or the URL without any password (for messages and logs)."""
        if self.path is not None:
            return str(self.path)
        assert self.url is not None
        return redact_url(self.url)


def redact_url(url: str) -> str:
    """``url`` with any password in it replaced by ``***``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def as_location(where: Location | Path | str) -> Location:
    """A Location from a Location, a file path, or a ``postgresql://`` URL."""
    if isinstance(where, Location):
        return where
    text = str(where)
    if text.startswith(PG_SCHEMES):
        return Location(url=text)
    return Location(path=Path(where))


# --- the connection -----------------------------------------------------------------------------------------


class Cursor(Protocol):
    """What ``Db.execute`` returns: a DB-API cursor (sqlite3's or psycopg's)."""

    @property
    def description(self) -> Any: ...

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Db(abc.ABC):
    """One connection to the store, used by one thread at a time."""

    dialect: ClassVar[Dialect]

    def __init__(self, location: Location) -> None:
        self.location = location
        self._depth = 0  # transaction() nesting

    # statements

    @abc.abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        """Run one statement (``?`` placeholders) and return its cursor."""

    @abc.abstractmethod
    def executemany(self, sql: str, params: Iterable[Sequence[Any]]) -> Cursor:
        """Run one statement once per parameter row."""

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """The result of a query as one dict per row, keyed by column name."""
        cur = self.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row (None when there is no row)."""
        row = self.execute(sql, params).fetchone()
        return None if row is None else row[0]

    # transactions

    @property
    @abc.abstractmethod
    def in_transaction(self) -> bool: ...

    @abc.abstractmethod
    def _begin(self, readonly: bool) -> None: ...

    @contextlib.contextmanager
    def transaction(self, *, readonly: bool = False) -> Iterator[Db]:
        """One transaction: committed at the end, rolled back if the block raises. Nested: a savepoint.

        SQLite takes the write lock at its start (``BEGIN IMMEDIATE``); ``readonly`` is one consistent snapshot
        (SQLite's deferred ``BEGIN``; PostgreSQL's REPEATABLE READ, READ ONLY)."""
        self._ensure()
        if self._depth or self.in_transaction:
            name = f"wt_{self._depth}"
            self._raw(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield self
            except BaseException:
                self._depth -= 1
                with contextlib.suppress(DatabaseError):
                    self._raw(f"ROLLBACK TO SAVEPOINT {name}")
                    self._raw(f"RELEASE SAVEPOINT {name}")
                raise
            self._depth -= 1
            self._raw(f"RELEASE SAVEPOINT {name}")
            return
        self._begin(readonly)
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            if self.in_transaction:
                with contextlib.suppress(DatabaseError):
                    self._raw("ROLLBACK")
            raise
        self._depth = 0
        self._raw("COMMIT")

    def _raw(self, sql: str) -> None:
        self.execute(sql)

    def _ensure(self) -> None:  # noqa: B027 - nothing to do on SQLite
        """Make sure the connection is usable (PostgreSQL: open it again if the server dropped it)."""

    # the schema

    @abc.abstractmethod
    def table_names(self) -> list[str]:
        """Every table of ours (not the store's own catalogue), in name order."""

    @abc.abstractmethod
    def columns(self, table: str) -> list[str]:
        """``table``'s columns, in their order."""

    def has_table(self, table: str) -> bool:
        return table in self.table_names()

    # copying (``watchtower migrate-store``)

    def insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Insert ``rows`` (values in ``columns``' order) as they are, ids included."""
        cols = ", ".join(columns)
        marks = ", ".join("?" * len(columns))
        self.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)

    def reset_identity(self, table: str) -> None:  # noqa: B027 - SQLite's next id is always MAX(id) + 1
        """After rows were copied in with their ids: the next id ``table`` gives is above all of them."""

    # the connection

    @abc.abstractmethod
    def set_busy_timeout(self, seconds: float) -> None:
        """How long a statement waits for a lock before it is a BusyError."""

    @abc.abstractmethod
    def close(self) -> None: ...

    @property
    @abc.abstractmethod
    def closed(self) -> bool: ...

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.location}>"


class SqliteDb(Db):
    dialect: ClassVar[Dialect] = "sqlite"

    def __init__(self, location: Location, conn: sqlite3.Connection) -> None:
        super().__init__(location)
        self.conn = conn
        self._closed = False

    @classmethod
    def open(cls, location: Location) -> SqliteDb:
        """Open (and if needed create, mode 0600) the file: WAL, a busy timeout, foreign keys.

        Raises OSError when the folder cannot be made or the file created, DatabaseError when SQLite cannot open it."""
        assert location.path is not None
        p = location.path
        p.parent.mkdir(parents=True, exist_ok=True)
        if not p.exists():
            # create it with restrictive permissions before SQLite does
            fd = os.open(p, os.O_CREAT | os.O_RDWR, 0o600)
            os.close(fd)
        old_umask = os.umask(0o077)
        try:
            with _SQLITE_ERRORS:
                conn = sqlite3.connect(str(p), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000,
                                       isolation_level=None)
        finally:
            os.umask(old_umask)
        db = cls(location, conn)
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
        except DatabaseError:
            conn.close()
            raise
        return db

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        with _SQLITE_ERRORS:
            return self.conn.execute(sql, params)

    def executemany(self, sql: str, params: Iterable[Sequence[Any]]) -> Cursor:
        with _SQLITE_ERRORS:
            return self.conn.executemany(sql, params)

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def _begin(self, readonly: bool) -> None:
        self._raw("BEGIN" if readonly else "BEGIN IMMEDIATE")

    def table_names(self) -> list[str]:
        return [r[0] for r in self.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            "ORDER BY name")]

    def columns(self, table: str) -> list[str]:
        return [r[1] for r in self.execute(f"PRAGMA table_info({_ident(table)})")]

    def set_busy_timeout(self, seconds: float) -> None:
        self.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def checkpoint(self) -> None:
        """Fold the WAL back into the file (a passive checkpoint: never waits for readers)."""
        self.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def close(self) -> None:
        self._closed = True
        self.conn.close()

    @property
    def closed(self) -> bool:
        return self._closed


class PostgresDb(Db):
    dialect: ClassVar[Dialect] = "postgresql"

    def __init__(self, location: Location, conn: psycopg.Connection[Any]) -> None:
        super().__init__(location)
        self.conn = conn
        self._closed = False

    @classmethod
    def open(cls, location: Location) -> PostgresDb:
        """Connect (autocommit; transactions are ``transaction()``'s). Raises OperationalError."""
        return cls(location, _pg_connect(location))

    def _ensure(self) -> None:
        """Open the connection again if the server dropped it (never inside a transaction: that one is lost)."""
        if self._depth == 0 and not self._closed and self.conn.closed:
            self.conn = _pg_connect(self.location)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        self._ensure()
        with _PG_ERRORS:
            return self.conn.execute(to_postgresql(sql), list(params))

    def executemany(self, sql: str, params: Iterable[Sequence[Any]]) -> Cursor:
        self._ensure()
        with _PG_ERRORS:
            cur = self.conn.cursor()
            cur.executemany(to_postgresql(sql), [list(p) for p in params])
            return cur

    def _raw(self, sql: str) -> None:
        with _PG_ERRORS:
            self.conn.execute(sql)

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.conn.info.transaction_status != TransactionStatus.IDLE

    def _begin(self, readonly: bool) -> None:
        self._raw("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY" if readonly else "BEGIN")

    def table_names(self) -> list[str]:
        return [r[0] for r in self.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_type = 'BASE TABLE' ORDER BY table_name")]

    def columns(self, table: str) -> list[str]:
        return [r[0] for r in self.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? ORDER BY ordinal_position", [table])]

    def insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """COPY: at a million items, ten times faster than one INSERT per row."""
        self._ensure()
        with _PG_ERRORS, self.conn.cursor() as cur, cur.copy(
            f"COPY {_ident(table)} ({', '.join(_ident(c) for c in columns)}) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row(row)

    def reset_identity(self, table: str) -> None:
        if "id" not in self.columns(table) or self.scalar("SELECT pg_get_serial_sequence(?, 'id')", [table]) is None:
            return
        self.execute(f"SELECT setval(pg_get_serial_sequence(?, 'id'), COALESCE(MAX(id), 0) + 1, false) "
                     f"FROM {_ident(table)}", [table])

    def set_busy_timeout(self, seconds: float) -> None:
        self.execute(f"SET lock_timeout = {int(seconds * 1000)}")

    def close(self) -> None:
        self._closed = True
        self.conn.close()

    @property
    def closed(self) -> bool:
        return self._closed


def _ident(name: str) -> str:
    """A table or column name of ours, checked (they are never user input; this keeps it so)."""
    if not name.replace("_", "").isalnum() or not name.isascii():
        raise ValueError(f"not a plain SQL name: {name!r}")
    return name


def _pg_connect(location: Location) -> psycopg.Connection[Any]:
    import psycopg
    from psycopg.adapt import Dumper, Loader
    from psycopg.pq import Format

    class NumberLoader(Loader):
        """``numeric`` (what SUM and AVG of integers give) as int, or float when it has a fraction."""

        format = Format.TEXT

        def load(self, data: Any) -> int | float:
            text = bytes(data).decode("ascii")
            return int(text) if text.lstrip("-").isdigit() else float(text)

    class BoolDumper(Dumper):
        """True/False as 1/0: flags are integer columns, as in SQLite."""

        oid = 20  # int8
        format = Format.TEXT

        def dump(self, obj: Any) -> bytes:
            return b"1" if obj else b"0"

    class TextDumper(Dumper):
        """str as psycopg sends it (type unknown: the server infers it), with NUL, which PostgreSQL's text cannot
        hold and SQLite's can, as U+FFFD: a hostile post with a NUL in it is stored, not refused."""

        oid = 0
        format = Format.TEXT

        def dump(self, obj: Any) -> bytes:
            text = str(obj)
            return (text.replace("\x00", "\ufffd") if "\x00" in text else text).encode("utf-8")

    assert location.url is not None
    kwargs: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "watchtower",
                              "client_encoding": "utf8"}
    if location.password is not None:
        kwargs["password"] = location.password
    with _PG_ERRORS:
        conn = psycopg.connect(location.url, autocommit=True, **kwargs)
    conn.adapters.register_loader("numeric", NumberLoader)
    conn.adapters.register_dumper(bool, BoolDumper)
    conn.adapters.register_dumper(str, TextDumper)
    return conn


def open_db(where: Location | Path | str) -> Db:
    """A connection to the store at ``where`` (nothing migrated: see ``watchtower.store.connect``)."""
    location = as_location(where)
    if location.dialect == "sqlite":
        return SqliteDb.open(location)
    return PostgresDb.open(location)
