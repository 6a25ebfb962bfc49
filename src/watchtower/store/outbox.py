"""The outbox (the ``alerts`` table): an alert is a row before it is an email; the notifier marks what happened."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from watchtower.models import DEFAULT_SCHOOL
from watchtower.store._db import rows as _rows
from watchtower.store.db import Db
from watchtower.store.dialect import skip_locked
from watchtower.store.leases import db_clock
from watchtower.timeutil import ts


def enqueue_alert(
    db: Db,
    *,
    dedup_key: str,
    kind: str,
    step: str,
    recipient: str,
    now: datetime,
    item_id: int | None = None,
    recipient_name: str | None = None,
    role: str | None = None,
    urgent: bool = False,
    reason: str | None = None,
    subject: str | None = None,
    body: str | None = None,
    not_before: datetime | None = None,
    school: str = DEFAULT_SCHOOL,
) -> bool:
    """Persist an alert (about ``school``) before it is an email. False if this (item, step, person) was already
    queued."""
    cur = db.execute(
        """
        INSERT INTO alerts (dedup_key, kind, item_id, step, recipient, recipient_name, role, urgent, reason,
                            subject, body, created_at, not_before, next_attempt_at, school)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dedup_key) DO NOTHING
        """,
        [
            dedup_key,
            kind,
            item_id,
            step,
            recipient,
            recipient_name,
            role,
            int(urgent),
            reason,
            subject,
            body,
            ts(now),
            ts(not_before or now),
            ts(now),
            school,
        ],
    )
    return cur.rowcount == 1


def pending_alerts(db: Db, now: datetime, limit: int = 500) -> list[dict[str, Any]]:
    """Alerts due for a (re)try now. Batched ones wait for their ``not_before`` unless another alert to the same
    person is going anyway."""
    rows = db.execute(
        "SELECT * FROM alerts WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY urgent DESC, id LIMIT ?",
        [ts(now), limit],
    )
    cols = [c[0] for c in rows.description]
    return [dict(zip(cols, r, strict=True)) for r in rows.fetchall()]


def claim_alerts(db: Db, now: datetime, *, claimer: str, claim_seconds: float, limit: int = 200,
                 ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """Alerts due now, claimed for ``claimer`` (call inside a write transaction): rows another notifier holds an
    unexpired claim on are passed by (PostgreSQL: rows another transaction is claiming too, ``SKIP LOCKED``), so
    two daemons never take one row. The claim lasts ``claim_seconds`` by the database's clock; a notifier that
    dies holding it leaves the row to the others once it expires."""
    clock = db_clock(db)
    params: list[Any]
    if ids is None:
        which, params = "next_attempt_at <= ?", [ts(now)]
    elif not ids:
        return []
    else:  # these rows, due or not (``watchtower digest --send``)
        which, params = f"id IN ({','.join('?' * len(ids))})", list(ids)
    rows = db.execute(
        f"SELECT id FROM alerts WHERE status = 'pending' AND {which} "
        "AND (claimed_until IS NULL OR claimed_until <= ? OR claimed_by = ?) "
        f"ORDER BY urgent DESC, id LIMIT ?{skip_locked(db.dialect)}",
        [*params, ts(clock), claimer, limit],
    ).fetchall()
    ids = [r[0] for r in rows]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    db.execute(f"UPDATE alerts SET claimed_by = ?, claimed_until = ? WHERE id IN ({marks})",
               [claimer, ts(clock + timedelta(seconds=claim_seconds)), *ids])
    return _rows(db, f"SELECT * FROM alerts WHERE id IN ({marks}) ORDER BY urgent DESC, id", ids)


def release_claims(db: Db, claimer: str) -> None:
    """The rows ``claimer`` claimed and did not send (deferred, retried later, skipped) are anyone's again."""
    db.execute("UPDATE alerts SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ? AND status = 'pending'",
               [claimer])


def mute_alerts(db: Db, ids: Sequence[int], *, reason: str, now: datetime) -> None:
    """These notices will never be sent: their item was acknowledged, resolved or purged before they went out."""
    marks = ",".join("?" * len(ids))
    db.execute(
        f"UPDATE alerts SET status = 'muted', last_error = ?, sent_at = NULL, sending_at = NULL "
        f"WHERE id IN ({marks}) AND status = 'pending'",
        [f"muted at {ts(now)}: {reason}", *ids],
    )


def next_alert_due(db: Db) -> str | None:
    row = db.execute(
        "SELECT MIN(MAX(next_attempt_at, not_before)) FROM alerts WHERE status = 'pending'"
    ).fetchone()
    return None if row is None else row[0]


def mark_sending(db: Db, ids: Sequence[int], *, now: datetime, message_id: str, claimer: str | None = None,
                 claim_seconds: float = 0) -> bool:
    """About to hand these alerts to the SMTP server as the email ``message_id`` (see m006_alert_sending).

    With ``claimer``: only if every row is still pending and still claimed by it (its claim renewed for
    ``claim_seconds``); False, and nothing marked, when another notifier has them now (this one's claim expired)."""
    marks = ",".join("?" * len(ids))
    if claimer is None:
        db.execute(
            f"UPDATE alerts SET sending_at = ?, message_id = ? WHERE id IN ({marks}) AND status = 'pending'",
            [ts(now), message_id, *ids],
        )
        return True
    clock = db_clock(db)
    held = db.execute(
        f"SELECT id FROM alerts WHERE id IN ({marks}) AND status = 'pending' AND claimed_by = ? "
        f"AND claimed_until > ?{skip_locked(db.dialect)}",
        [*ids, claimer, ts(clock)],
    ).fetchall()
    if len(held) != len(ids):
        return False
    db.execute(
        f"UPDATE alerts SET sending_at = ?, message_id = ?, claimed_until = ? WHERE id IN ({marks})",
        [ts(now), message_id, ts(clock + timedelta(seconds=claim_seconds)), *ids],
    )
    return True


def mark_sent(db: Db, ids: Sequence[int], *, now: datetime, message_id: str) -> None:
    marks = ",".join("?" * len(ids))
    db.execute(
        f"UPDATE alerts SET status = 'sent', sent_at = ?, message_id = ?, attempts = attempts + 1, last_error = NULL, "
        f"sending_at = NULL WHERE id IN ({marks}) AND status = 'pending'",
        [ts(now), message_id, *ids],
    )


def mark_retry(db: Db, ids: Sequence[int], *, error: str, next_attempt_at: datetime) -> None:
    marks = ",".join("?" * len(ids))
    db.execute(
        f"UPDATE alerts SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, sending_at = NULL "
        f"WHERE id IN ({marks}) AND status = 'pending'",
        [error[:500], ts(next_attempt_at), *ids],
    )


def mark_failed(db: Db, ids: Sequence[int], *, error: str, now: datetime) -> None:
    marks = ",".join("?" * len(ids))
    db.execute(
        f"UPDATE alerts SET status = 'failed', attempts = attempts + 1, last_error = ?, sent_at = NULL, "
        f"sending_at = NULL WHERE id IN ({marks}) AND status = 'pending'",
        [error[:500], *ids],
    )


def defer_alerts(db: Db, ids: Sequence[int], *, until: datetime) -> None:
    """Hold batched alerts until the person's batching window ends (not a failed try)."""
    marks = ",".join("?" * len(ids))
    db.execute(
        f"UPDATE alerts SET next_attempt_at = ? WHERE id IN ({marks}) AND status = 'pending'", [ts(until), *ids]
    )


def last_batched_send(db: Db, recipient: str) -> str | None:
    """When this person last got a batched (non-urgent) item email."""
    row = db.execute(
        "SELECT MAX(sent_at) FROM alerts WHERE recipient = ? AND kind = 'item' AND urgent = 0 AND status = 'sent'",
        [recipient],
    ).fetchone()
    return None if row is None else row[0]


def told_about(db: Db, item_id: int) -> list[tuple[str, str | None]]:
    """(name, role) of everyone an alert about this item was queued for, in order."""
    rows = db.execute(
        "SELECT MIN(recipient_name), recipient, MIN(role) FROM alerts WHERE item_id = ? "
        "GROUP BY recipient ORDER BY MIN(id)",
        [item_id],
    )
    return [(name or email, role) for name, email, role in rows]


def get_alerts(db: Db, ids: Sequence[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return _rows(db, f"SELECT * FROM alerts WHERE id IN ({marks}) ORDER BY id", list(ids))


def alert_ids_by_keys(db: Db, keys: Sequence[str]) -> list[int]:
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    return [r[0] for r in db.execute(f"SELECT id FROM alerts WHERE dedup_key IN ({marks}) ORDER BY id", list(keys))]
