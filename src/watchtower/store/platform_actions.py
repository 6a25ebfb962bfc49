"""Platform actions (issue 17): a row before an API call, claimed, finished or retried."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from watchtower.store._db import rows as _rows
from watchtower.store.db import Db
from watchtower.timeutil import ts


def enqueue_platform_action(
    db: Db,
    *,
    dedup_key: str,
    item_id: int,
    platform: str,
    source_name: str,
    kind: str,
    target_id: str,
    params: dict[str, Any],
    plan: str,
    requested_by: str,
    channel: str,
    now: datetime,
    evidence: dict[str, Any] | None = None,
) -> int | None:
    """Persist a platform action before any API call. None if this key was already queued (never done twice)."""
    row = db.execute(
        """
        INSERT INTO platform_actions (dedup_key, item_id, platform, source_name, kind, target_id, params, plan,
                                      requested_by, requested_at, channel, next_attempt_at, evidence_sha256, evidence)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dedup_key) DO NOTHING
        RETURNING id
        """,
        [
            dedup_key, item_id, platform, source_name, kind, target_id, json.dumps(params, sort_keys=True), plan,
            requested_by, ts(now), channel, ts(now),
            None if evidence is None else evidence.get("content_sha256"),
            None if evidence is None else json.dumps(evidence, default=str, ensure_ascii=False),
        ],
    ).fetchone()
    return None if row is None else int(row[0])


def platform_actions_for_item(db: Db, item_id: int) -> list[dict[str, Any]]:
    return _rows(db, "SELECT * FROM platform_actions WHERE item_id = ? ORDER BY id", [item_id])


def get_platform_action(db: Db, action_id: int) -> dict[str, Any] | None:
    rows = _rows(db, "SELECT * FROM platform_actions WHERE id = ?", [action_id])
    return rows[0] if rows else None


def count_platform_actions(db: Db, item_id: int, kinds: Sequence[str], statuses: Sequence[str]) -> int:
    k, s = ",".join("?" * len(kinds)), ",".join("?" * len(statuses))
    return int(db.execute(
        f"SELECT COUNT(*) FROM platform_actions WHERE item_id = ? AND kind IN ({k}) AND status IN ({s})",
        [item_id, *kinds, *statuses],
    ).fetchone()[0])


def due_platform_actions(db: Db, now: datetime, limit: int = 50) -> list[dict[str, Any]]:
    return _rows(
        db,
        "SELECT * FROM platform_actions WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
        [ts(now), limit],
    )


def next_platform_action_due(db: Db) -> str | None:
    row = db.execute("SELECT MIN(next_attempt_at) FROM platform_actions WHERE status = 'pending'").fetchone()
    return None if row is None else row[0]


def claim_platform_action(db: Db, action_id: int, *, now: datetime) -> bool:
    """pending -> sending, written (and committed) before the API call. False if someone else has it."""
    cur = db.execute(
        "UPDATE platform_actions SET status = 'sending', started_at = ?, attempts = attempts + 1 "
        "WHERE id = ? AND status = 'pending'",
        [ts(now), action_id],
    )
    return cur.rowcount == 1


def finish_platform_action(
    db: Db, action_id: int, *, status: str, now: datetime, result: Any = None, error: str | None = None
) -> None:
    db.execute(
        "UPDATE platform_actions SET status = ?, finished_at = ?, result = ?, last_error = ? "
        "WHERE id = ? AND status = 'sending'",
        [status, ts(now), None if result is None else json.dumps(result, default=str, sort_keys=True),
         None if error is None else error[:500], action_id],
    )


def retry_platform_action(db: Db, action_id: int, *, error: str, next_attempt_at: datetime) -> None:
    db.execute(
        "UPDATE platform_actions SET status = 'pending', last_error = ?, next_attempt_at = ? "
        "WHERE id = ? AND status = 'sending'",
        [error[:500], ts(next_attempt_at), action_id],
    )


def interrupted_platform_actions(db: Db) -> list[dict[str, Any]]:
    """Rows left 'sending' by a stop between the claim and the answer."""
    return _rows(db, "SELECT * FROM platform_actions WHERE status = 'sending' ORDER BY id")


def requeue_platform_action(db: Db, action_id: int, *, now: datetime) -> None:
    db.execute(
        "UPDATE platform_actions SET status = 'pending', next_attempt_at = ? WHERE id = ? AND status = 'sending'",
        [ts(now), action_id],
    )
