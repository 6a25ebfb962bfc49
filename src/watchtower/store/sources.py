"""Sources: each one's cursor (saved with its items) and its health (successes, failures, status)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from watchtower.models import DEFAULT_SCHOOL
from watchtower.store.db import Db
from watchtower.timeutil import ts


def save_cursor(db: Db, source_name: str, cursor: dict[str, Any], now: datetime) -> None:
    db.execute(
        "INSERT INTO cursors (source_name, cursor, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (source_name) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at",
        [source_name, json.dumps(cursor, default=str, sort_keys=True), ts(now)],
    )


def load_cursor(db: Db, source_name: str) -> dict[str, Any]:
    row = db.execute("SELECT cursor FROM cursors WHERE source_name = ?", [source_name]).fetchone()
    return {} if row is None else dict(json.loads(row[0]))


def source_health(db: Db) -> list[dict[str, Any]]:
    rows = db.execute("SELECT * FROM source_health ORDER BY source_name")
    cols = [c[0] for c in rows.description]
    return [dict(zip(cols, r, strict=True)) for r in rows.fetchall()]


def record_source_success(
    db: Db, name: str, platform: str, *, new_items: int, now: datetime, warning: str | None = None,
    school: str = DEFAULT_SCHOOL,
) -> str | None:
    """Record a successful poll: ``ok``, or ``degraded`` with ``warning`` as its error when part of the fetch failed
    (one X stream of four). Returns the previous status if it was neither ok nor this one (a recovery), else None."""
    status = "degraded" if warning else "ok"
    row = db.execute("SELECT status FROM source_health WHERE source_name = ?", [name]).fetchone()
    prev = None if row is None else row[0]
    db.execute(
        """
        INSERT INTO source_health (source_name, platform, status, last_success_at, items_seen, status_since,
                                   consecutive_failures, last_error, last_error_at, school)
        VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
        ON CONFLICT (source_name) DO UPDATE SET
            status = excluded.status, school = excluded.school,
            last_success_at = excluded.last_success_at,
            items_seen = source_health.items_seen + excluded.items_seen, consecutive_failures = 0,
            last_error = COALESCE(excluded.last_error, source_health.last_error),
            last_error_at = COALESCE(excluded.last_error_at, source_health.last_error_at),
            status_since = CASE WHEN source_health.status = excluded.status THEN source_health.status_since
                                ELSE excluded.status_since END
        """,
        [name, platform, status, ts(now), new_items, ts(now), warning[:500] if warning else None,
         ts(now) if warning else None, school],
    )
    return prev if prev not in (None, "ok", status) else None


def record_source_failure(
    db: Db, name: str, platform: str, *, status: str, error: str, now: datetime, school: str = DEFAULT_SCHOOL
) -> str | None:
    """Record a failed poll; returns the previous status (None for a new source)."""
    row = db.execute("SELECT status FROM source_health WHERE source_name = ?", [name]).fetchone()
    prev = None if row is None else row[0]
    db.execute(
        """
        INSERT INTO source_health (source_name, platform, status, last_error_at, last_error, consecutive_failures,
                                   status_since, school)
        VALUES (?, ?, ?, ?, ?, 1, ?, ?)
        ON CONFLICT (source_name) DO UPDATE SET
            status = excluded.status, school = excluded.school, last_error_at = excluded.last_error_at,
            last_error = excluded.last_error,
            consecutive_failures = source_health.consecutive_failures + 1,
            status_since = CASE WHEN source_health.status = excluded.status THEN source_health.status_since
                                ELSE excluded.status_since END
        """,
        [name, platform, status, ts(now), error[:500], ts(now), school],
    )
    return prev
