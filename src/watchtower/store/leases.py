"""Leases: which daemon does which share of the work, when several run on one database (m011_daemon_leases).

A lease is a named unit of work (``source:NAME``, ``job:NAME``) held by one daemon until a time. Every time here
is the database's own clock (:func:`db_clock`), so daemons on servers whose clocks disagree still agree on what
has expired. One :func:`balance` call is one daemon's whole turn, in one transaction that holds the lease table
alone (PostgreSQL: a transaction advisory lock; SQLite: ``BEGIN IMMEDIATE``): renew what it holds, give back what
is above its fair share, take free or expired leases up to it. The fair share is ``ceil(units / live daemons)``,
live being a heartbeat younger than the lease time, so two daemons split the sources and one alone takes all.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from watchtower.store.db import Db
from watchtower.store.dialect import clock_sql
from watchtower.timeutil import ts

#: the key of the advisory lock that makes lease turns one at a time on PostgreSQL
_PG_LEASE_LOCK = 0x5754_4C45  # "WTLE"
#: a daemon row whose heartbeat is older than this many lease times is deleted (a daemon long dead)
FORGET_AFTER_LEASES = 20


def db_clock(db: Db) -> datetime:
    """The database's clock now (UTC)."""
    value = db.scalar(clock_sql(db.dialect))
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


def _serialise(db: Db) -> None:
    if db.dialect == "postgresql":
        db.execute("SELECT pg_advisory_xact_lock(?)", [_PG_LEASE_LOCK])


@dataclass
class Turn:
    """What one :func:`balance` did."""

    now: datetime
    held: list[str] = field(default_factory=list)
    #: name -> the daemon that held it before (None: it was free)
    taken: dict[str, str | None] = field(default_factory=dict)
    released: list[str] = field(default_factory=list)
    live: int = 1
    share: int = 0


def heartbeat(db: Db, daemon_id: str, *, host: str, pid: int, now: datetime) -> None:
    db.execute(
        "INSERT INTO daemons (id, host, pid, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at",
        [daemon_id, host, pid, ts(now), ts(now)],
    )


def live_daemons(db: Db, *, now: datetime, lease_seconds: float) -> list[str]:
    """Daemons whose heartbeat is younger than ``lease_seconds`` (by the database's clock ``now``)."""
    since = ts(now - timedelta(seconds=lease_seconds))
    return [r[0] for r in db.execute("SELECT id FROM daemons WHERE heartbeat_at > ? ORDER BY id", [since])]


def balance(db: Db, daemon_id: str, names: Sequence[str], *, lease_seconds: float, host: str, pid: int) -> Turn:
    """One daemon's turn over the units ``names`` (call inside a write transaction): heartbeat, renew, give back
    what is above the fair share, take free or expired leases up to it. Returns what it holds now."""
    _serialise(db)
    now = db_clock(db)
    heartbeat(db, daemon_id, host=host, pid=pid, now=now)
    db.execute("DELETE FROM daemons WHERE heartbeat_at < ?",
               [ts(now - timedelta(seconds=lease_seconds * FORGET_AFTER_LEASES))])
    turn = Turn(now=now)
    if not names:
        return turn
    db.executemany("INSERT INTO leases (name) VALUES (?) ON CONFLICT (name) DO NOTHING", [[n] for n in names])
    marks = ",".join("?" * len(names))
    rows = {r[0]: (r[1], r[2]) for r in db.execute(
        f"SELECT name, holder, expires_at FROM leases WHERE name IN ({marks})", list(names))}
    turn.live = max(1, len(live_daemons(db, now=now, lease_seconds=lease_seconds)))
    turn.share = math.ceil(len(names) / turn.live)
    mine = sorted(n for n in names if rows[n][0] == daemon_id)
    if len(mine) > turn.share:
        turn.released = mine[turn.share:]
        mine = mine[: turn.share]
    stamp = ts(now)
    free = sorted(n for n in names if rows[n][0] is None or rows[n][1] is None or rows[n][1] <= stamp)
    free = [n for n in free if n not in mine and n not in turn.released]
    for name in free[: max(0, turn.share - len(mine))]:
        turn.taken[name] = rows[name][0]
    until = ts(now + timedelta(seconds=lease_seconds))
    if turn.released:
        rel = ",".join("?" * len(turn.released))
        db.execute(f"UPDATE leases SET holder = NULL, expires_at = NULL WHERE holder = ? AND name IN ({rel})",
                   [daemon_id, *turn.released])
    if mine:
        m = ",".join("?" * len(mine))
        db.execute(f"UPDATE leases SET expires_at = ? WHERE holder = ? AND name IN ({m})", [until, daemon_id, *mine])
    if turn.taken:
        t = ",".join("?" * len(turn.taken))
        db.execute(f"UPDATE leases SET holder = ?, expires_at = ?, acquired_at = ? WHERE name IN ({t})",
                   [daemon_id, until, stamp, *turn.taken])
    turn.held = sorted([*mine, *turn.taken])
    return turn


def holds(db: Db, daemon_id: str, name: str) -> bool:
    """Whether ``daemon_id`` holds ``name`` now, unexpired (by the database's clock)."""
    row = db.execute("SELECT holder, expires_at FROM leases WHERE name = ?", [name]).fetchone()
    return row is not None and row[0] == daemon_id and row[1] is not None and row[1] > ts(db_clock(db))


def release_all(db: Db, daemon_id: str) -> None:
    """A daemon stopping (or found dead): its leases and its outbox claims are anyone's now, its row gone."""
    db.execute("UPDATE leases SET holder = NULL, expires_at = NULL WHERE holder = ?", [daemon_id])
    db.execute("UPDATE alerts SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ? AND status = 'pending'",
               [daemon_id])
    db.execute("DELETE FROM daemons WHERE id = ?", [daemon_id])


def daemons_on_host(db: Db, host: str) -> list[tuple[str, int]]:
    """(id, pid) of the daemons recorded on ``host``."""
    return [(r[0], int(r[1])) for r in db.execute("SELECT id, pid FROM daemons WHERE host = ?", [host])]


def lease_table(db: Db) -> list[dict[str, object]]:
    """Every lease with its holder and expiry, and whether it has expired (for status pages and tests)."""
    now = ts(db_clock(db))
    out = db.rows("SELECT name, holder, expires_at, acquired_at FROM leases ORDER BY name")
    for r in out:
        r["expired"] = r["expires_at"] is None or str(r["expires_at"]) <= now
    return out
