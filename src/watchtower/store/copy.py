"""Copying a whole store into an empty one (``watchtower migrate-store``: an existing SQLite install moved to
PostgreSQL).

The source is read in one snapshot; the target is migrated to the same schema first, then filled in one
transaction: every table (parents before the tables that refer to them), in id order (SQLite's rowid), in batches,
with its ids kept; each identity then continues above the highest id copied. Before the commit the rows of every
table are counted on both sides: a difference rolls the whole copy back. An empty target is required, so nothing
is ever merged into data that is already there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from watchtower.exceptions import StoreError
from watchtower.store.db import DatabaseError, Db
from watchtower.store.migrations import LEGACY_TABLE, MIGRATIONS_TABLE, migrations

BATCH_ROWS = 5_000


@dataclass(frozen=True)
class TableCount:
    table: str
    source: int
    target: int


#: the running daemons and their leases (m011): who is doing the work now, not data; a copy starts without them
RUNTIME_TABLES = ("daemons", "leases")


def data_tables(db: Db) -> list[str]:
    """Watchtower's tables that hold data (not the record of migrations, nor the daemons' leases)."""
    return [t for t in db.table_names() if t not in (MIGRATIONS_TABLE, LEGACY_TABLE, *RUNTIME_TABLES)]


def rows_in(db: Db, tables: list[str]) -> dict[str, int]:
    return {t: int(db.scalar(f"SELECT COUNT(*) FROM {t}")) for t in tables}


def refuse_unless_empty(target: Db) -> None:
    """StoreError unless ``target`` holds no rows in any table (an empty schema, e.g. from a failed copy, is
    empty)."""
    held = {t: n for t, n in rows_in(target, data_tables(target)).items() if n}
    if held:
        listed = ", ".join(f"{t} ({n} rows)" for t, n in sorted(held.items()))
        raise StoreError(f"the target database {target.location} is not empty: {listed}. migrate-store copies into "
                         "an empty database only: create a new one (CREATE DATABASE ...) or empty this one first")


def parents_first(source: Db, tables: list[str]) -> list[str]:
    """``tables`` ordered so that a table comes after every table its foreign keys refer to (SQLite's catalogue)."""
    refers: dict[str, set[str]] = {
        t: {r[2] for r in source.execute(f"PRAGMA foreign_key_list({t})")} & set(tables) - {t} for t in tables
    }
    out: list[str] = []
    while len(out) < len(tables):
        ready = sorted(t for t in tables if t not in out and refers[t] <= set(out))
        if not ready:
            raise StoreError(f"the tables' foreign keys go round in a circle: {sorted(set(tables) - set(out))}")
        out.extend(ready)
    return out


def copy_store(source: Db, target: Db, *, batch: int = BATCH_ROWS,
               progress: Callable[[str, int], None] | None = None) -> list[TableCount]:
    """Copy every row of the SQLite store ``source`` into the empty store ``target`` (see the module's doc).
    Returns the rows per table on each side. Raises StoreError, with nothing committed to the target."""
    if source.dialect != "sqlite":
        raise StoreError("migrate-store copies from a SQLite store")
    refuse_unless_empty(target)
    migrations.apply(target)
    pending = migrations.pending(source)
    if pending:
        raise StoreError(f"the source is not at this version's schema ({pending[0].name} not applied): start this "
                         "version of Watchtower on it once, or run `watchtower status`, then copy")
    tables = data_tables(source)
    missing = sorted(set(tables) - set(data_tables(target)))
    if missing:
        raise StoreError(f"the target has no table {', '.join(missing)}: is it at the same Watchtower version?")
    counts: list[TableCount] = []
    with source.transaction(readonly=True), target.transaction():
        for table in parents_first(source, tables):
            columns = source.columns(table)
            absent = sorted(set(columns) - set(target.columns(table)))
            if absent:
                raise StoreError(f"the target's table {table} has no column {', '.join(absent)}")
            select = f"SELECT rowid, {', '.join(columns)} FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT ?"
            last, copied = -(2**63), 0
            while True:
                rows = source.execute(select, [last, batch]).fetchall()
                if not rows:
                    break
                try:
                    target.insert_rows(table, columns, [r[1:] for r in rows])
                except DatabaseError as exc:
                    raise StoreError(f"copying {table} (rows after rowid {last}) failed: {exc}") from exc
                last = rows[-1][0]
                copied += len(rows)
                if progress is not None:
                    progress(table, copied)
            target.reset_identity(table)
        src_counts, dst_counts = rows_in(source, tables), rows_in(target, tables)
        counts = [TableCount(t, src_counts[t], dst_counts[t]) for t in tables]
        wrong = [c for c in counts if c.source != c.target]
        if wrong:
            raise StoreError("row counts differ after the copy, so nothing was committed: " + ", ".join(
                f"{c.table} {c.source} -> {c.target}" for c in wrong))
    return counts
