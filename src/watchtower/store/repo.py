"""What the rest of Watchtower asks of the database, as plain functions of a ``sqlite_utils.Database``.

The daemon runs them through ``Store.write``/``Store.read``; CLI commands call them on their own connection
inside ``immediate(db)``. Each function does one thing the domain names.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from watchtower.models import ACTIONS as ACTIONS
from watchtower.models import Classification, Item
from watchtower.timeutil import ts

# --- audit ---------------------------------------------------------------------------------


def audit(
    db: Database,
    *,
    actor: str,
    action: str,
    channel: str,
    now: datetime,
    item_id: int | None = None,
    **detail: Any,
) -> None:
    """Append one line to the audit log (who, what, when, through which channel)."""
    db.execute(
        "INSERT INTO audit (at, actor, action, item_id, channel, detail) VALUES (?, ?, ?, ?, ?, ?)",
        [ts(now), actor, action, item_id, channel, json.dumps(detail, default=str, sort_keys=True)],
    )


# --- ingestion -----------------------------------------------------------------------------


def ingest(db: Database, items: Iterable[Item], *, source_name: str, now: datetime) -> list[int]:
    """Store items; return the ids of those not seen before. The same post seen twice is one item."""
    new_ids: list[int] = []
    seen_ts = ts(now)
    for it in items:
        row = db.execute(
            """
            INSERT INTO items (platform, platform_id, source, source_name, own_post, url, author_handle,
                               author_name, title, text, created_at, first_seen_at, has_media, parent_id, extra)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (platform, platform_id) DO NOTHING
            RETURNING id
            """,
            [
                it.platform,
                it.platform_id,
                it.source,
                source_name,
                int(it.own_post),
                it.url,
                it.author_handle,
                it.author_name,
                it.title,
                it.text,
                ts(it.created_at),
                seen_ts,
                int(it.has_media),
                it.parent_id,
                json.dumps(it.extra, default=str),
            ],
        ).fetchone()
        if row is not None:
            new_ids.append(int(row[0]))
    return new_ids


def save_cursor(db: Database, source_name: str, cursor: dict[str, Any], now: datetime) -> None:
    db.execute(
        "INSERT INTO cursors (source_name, cursor, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (source_name) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at",
        [source_name, json.dumps(cursor, default=str, sort_keys=True), ts(now)],
    )


def load_cursor(db: Database, source_name: str) -> dict[str, Any]:
    row = db.execute("SELECT cursor FROM cursors WHERE source_name = ?", [source_name]).fetchone()
    return {} if row is None else dict(json.loads(row[0]))


def unclassified_ids(db: Database, limit: int = 10_000) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM items WHERE classified_at IS NULL ORDER BY id LIMIT ?", [limit])]


def sources_of(db: Database, ids: Sequence[int]) -> dict[str, list[int]]:
    """``ids`` grouped by the source that first saw each item, ids in order within each source."""
    out: dict[str, list[int]] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for item_id, source_name in db.execute(
            f"SELECT id, source_name FROM items WHERE id IN ({marks}) ORDER BY id", chunk
        ):
            out.setdefault(source_name, []).append(item_id)
    return out


def get_items(db: Database, ids: Sequence[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = db.execute(f"SELECT * FROM items WHERE id IN ({marks}) ORDER BY id", list(ids))
    cols = [c[0] for c in rows.description]
    return [dict(zip(cols, r, strict=True)) for r in rows.fetchall()]


def get_item(db: Database, item_id: int) -> dict[str, Any] | None:
    rows = get_items(db, [item_id])
    return rows[0] if rows else None


# --- classification and deadlines ------------------------------------------------------------


def record_classification(
    db: Database,
    item_id: int,
    cls: Classification,
    *,
    now: datetime,
    deadline_at: datetime | None,
    deadline_reason: str | None,
) -> None:
    """Store the decision with its reasons, and the item's deadline (computed once, on purpose)."""
    cats = json.dumps(list(cls.categories))
    possible = json.dumps(list(cls.possible)) if cls.possible else None
    db.execute(
        "INSERT INTO classifications (item_id, classified_at, categories, severity, scores, reasons, model_version, "
        "possible, decisions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            item_id,
            ts(now),
            cats,
            int(cls.severity),
            json.dumps({k: round(float(v), 4) for k, v in cls.scores.items()}),
            json.dumps(list(cls.reasons)),
            cls.model_version,
            possible,
            json.dumps([d.as_dict() for d in cls.decisions]),
        ],
    )
    db.execute(
        "UPDATE items SET classified_at = ?, categories = ?, severity = ?, deadline_at = ?, deadline_reason = ?, "
        "possible = ? WHERE id = ?",
        [ts(now), cats, int(cls.severity), ts(deadline_at) if deadline_at else None, deadline_reason, possible,
         item_id],
    )


def latest_classification(db: Database, item_id: int) -> dict[str, Any] | None:
    row = db.execute(
        "SELECT categories, severity, scores, reasons, model_version, classified_at FROM classifications "
        "WHERE item_id = ? ORDER BY id DESC LIMIT 1",
        [item_id],
    ).fetchone()
    if row is None:
        return None
    return {
        "categories": json.loads(row[0]),
        "severity": row[1],
        "scores": json.loads(row[2]),
        "reasons": json.loads(row[3]),
        "model_version": row[4],
        "classified_at": row[5],
    }


# --- escalation ----------------------------------------------------------------------------


def record_step(db: Database, item_id: int, step: str, reason: str, now: datetime) -> bool:
    """Record that an escalation step was taken; False if it already was (restart-safe)."""
    cur = db.execute(
        "INSERT INTO escalation_steps (item_id, step, at, reason) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (item_id, step) DO NOTHING",
        [item_id, step, ts(now), reason],
    )
    return cur.rowcount == 1


def done_steps(db: Database, item_id: int) -> set[str]:
    return {r[0] for r in db.execute("SELECT step FROM escalation_steps WHERE item_id = ?", [item_id])}


def open_items(db: Database) -> list[dict[str, Any]]:
    """Items that still owe an acknowledgement, with the steps already taken."""
    rows = db.execute(
        "SELECT id, platform, source, severity, categories, possible, first_seen_at, deadline_at, acknowledged_at, "
        "resolved_at FROM items WHERE acknowledged_at IS NULL AND resolved_at IS NULL AND deadline_at IS NOT NULL"
    )
    cols = [c[0] for c in rows.description]
    out = [dict(zip(cols, r, strict=True)) for r in rows.fetchall()]
    if out:
        steps: dict[int, set[str]] = {}
        for item_id, step in db.execute(
            "SELECT s.item_id, s.step FROM escalation_steps s JOIN items i ON i.id = s.item_id "
            "WHERE i.acknowledged_at IS NULL AND i.resolved_at IS NULL AND i.deadline_at IS NOT NULL"
        ):
            steps.setdefault(item_id, set()).add(step)
        for row in out:
            row["done_steps"] = steps.get(row["id"], set())
    return out


# --- the outbox --------------------------------------------------------------------------------


def enqueue_alert(
    db: Database,
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
) -> bool:
    """Persist an alert before it is an email. False if this (item, step, person) was already queued."""
    cur = db.execute(
        """
        INSERT INTO alerts (dedup_key, kind, item_id, step, recipient, recipient_name, role, urgent, reason,
                            subject, body, created_at, not_before, next_attempt_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
        ],
    )
    return cur.rowcount == 1


def pending_alerts(db: Database, now: datetime, limit: int = 500) -> list[dict[str, Any]]:
    """Alerts due for a (re)try now. Batched ones wait for their ``not_before`` unless another alert to the same
    person is going anyway."""
    rows = db.execute(
        "SELECT * FROM alerts WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY urgent DESC, id LIMIT ?",
        [ts(now), limit],
    )
    cols = [c[0] for c in rows.description]
    return [dict(zip(cols, r, strict=True)) for r in rows.fetchall()]


def mute_alerts(db: Database, ids: Sequence[int], *, reason: str, now: datetime) -> None:
    """These notices will never be sent: their item was acknowledged, resolved or purged before they went out."""
    marks = ",".join("?" * len(ids))
    db.execute(
        f"UPDATE alerts SET status = 'muted', last_error = ?, sent_at = NULL, sending_at = NULL "
        f"WHERE id IN ({marks}) AND status = 'pending'",
        [f"muted at {ts(now)}: {reason}", *ids],
    )


def items_state(db: Database, item_ids: Sequence[int]) -> dict[int, tuple[str | None, str | None]]:
    """(acknowledged_at, resolved_at) of each of these items that still exists."""
    if not item_ids:
        return {}
    marks = ",".join("?" * len(item_ids))
    return {r[0]: (r[1], r[2]) for r in db.execute(
        f"SELECT id, acknowledged_at, resolved_at FROM items WHERE id IN ({marks})", list(item_ids))}


def next_alert_due(db: Database) -> str | None:
    row = db.execute(
        "SELECT MIN(MAX(next_attempt_at, not_before)) FROM alerts WHERE status = 'pending'"
    ).fetchone()
    return None if row is None else row[0]


def mark_sending(db: Database, ids: Sequence[int], *, now: datetime, message_id: str) -> None:
    """About to hand these alerts to the SMTP server as the email ``message_id`` (see m006_alert_sending)."""
    marks = ",".join("?" * len(ids))
    db.execute(
        f"UPDATE alerts SET sending_at = ?, message_id = ? WHERE id IN ({marks}) AND status = 'pending'",
        [ts(now), message_id, *ids],
    )


def mark_sent(db: Database, ids: Sequence[int], *, now: datetime, message_id: str) -> None:
    marks = ",".join("?" * len(ids))
    db.execute(
        f"UPDATE alerts SET status = 'sent', sent_at = ?, message_id = ?, attempts = attempts + 1, last_error = NULL, "
        f"sending_at = NULL WHERE id IN ({marks}) AND status = 'pending'",
        [ts(now), message_id, *ids],
    )


def mark_retry(db: Database, ids: Sequence[int], *, error: str, next_attempt_at: datetime) -> None:
    marks = ",".join("?" * len(ids))
    db.execute(
        f"UPDATE alerts SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, sending_at = NULL "
        f"WHERE id IN ({marks}) AND status = 'pending'",
        [error[:500], ts(next_attempt_at), *ids],
    )


def mark_failed(db: Database, ids: Sequence[int], *, error: str, now: datetime) -> None:
    marks = ",".join("?" * len(ids))
    db.execute(
        f"UPDATE alerts SET status = 'failed', attempts = attempts + 1, last_error = ?, sent_at = NULL, "
        f"sending_at = NULL WHERE id IN ({marks}) AND status = 'pending'",
        [error[:500], *ids],
    )


# --- people acting on items ------------------------------------------------------------------


def acknowledge(db: Database, item_id: int, *, by: str, channel: str, now: datetime, note: str | None = None) -> bool:
    """Acknowledge an item: stops its escalation chain. False if it was already acknowledged."""
    if db.execute("SELECT 1 FROM items WHERE id = ?", [item_id]).fetchone() is None:
        raise KeyError(item_id)
    db.execute(
        "INSERT INTO acknowledgements (item_id, by, at, channel, note) VALUES (?, ?, ?, ?, ?)",
        [item_id, by, ts(now), channel, note],
    )
    cur = db.execute(
        "UPDATE items SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL",
        [ts(now), by, item_id],
    )
    first = cur.rowcount == 1
    audit(db, actor=by, action="acknowledge", channel=channel, now=now, item_id=item_id, note=note, first=first)
    return first




def record_action(
    db: Database, item_id: int, action: str, *, by: str, channel: str, now: datetime, note: str | None = None
) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}: use one of {', '.join(ACTIONS)}")
    if db.execute("SELECT 1 FROM items WHERE id = ?", [item_id]).fetchone() is None:
        raise KeyError(item_id)
    db.execute(
        "INSERT INTO actions (item_id, action, by, at, channel, note) VALUES (?, ?, ?, ?, ?, ?)",
        [item_id, action, by, ts(now), channel, note],
    )
    audit(db, actor=by, action=f"action:{action}", channel=channel, now=now, item_id=item_id, note=note)


def resolve(db: Database, item_id: int, *, by: str, channel: str, now: datetime) -> None:
    db.execute(
        "UPDATE items SET resolved_at = COALESCE(resolved_at, ?), resolved_by = COALESCE(resolved_by, ?) WHERE id = ?",
        [ts(now), by, item_id],
    )
    audit(db, actor=by, action="resolve", channel=channel, now=now, item_id=item_id)


# --- sources ---------------------------------------------------------------------------------


def source_health(db: Database) -> list[dict[str, Any]]:
    rows = db.execute("SELECT * FROM source_health ORDER BY source_name")
    cols = [c[0] for c in rows.description]
    return [dict(zip(cols, r, strict=True)) for r in rows.fetchall()]


def record_source_success(
    db: Database, name: str, platform: str, *, new_items: int, now: datetime, warning: str | None = None
) -> str | None:
    """Record a successful poll: ``ok``, or ``degraded`` with ``warning`` as its error when part of the fetch failed
    (one X stream of four). Returns the previous status if it was neither ok nor this one (a recovery), else None."""
    status = "degraded" if warning else "ok"
    row = db.execute("SELECT status FROM source_health WHERE source_name = ?", [name]).fetchone()
    prev = None if row is None else row[0]
    db.execute(
        """
        INSERT INTO source_health (source_name, platform, status, last_success_at, items_seen, status_since,
                                   consecutive_failures, last_error, last_error_at)
        VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)
        ON CONFLICT (source_name) DO UPDATE SET
            status = excluded.status, last_success_at = excluded.last_success_at,
            items_seen = items_seen + excluded.items_seen, consecutive_failures = 0,
            last_error = COALESCE(excluded.last_error, source_health.last_error),
            last_error_at = COALESCE(excluded.last_error_at, source_health.last_error_at),
            status_since = CASE WHEN source_health.status = excluded.status THEN source_health.status_since
                                ELSE excluded.status_since END
        """,
        [name, platform, status, ts(now), new_items, ts(now), warning[:500] if warning else None,
         ts(now) if warning else None],
    )
    return prev if prev not in (None, "ok", status) else None


def record_source_failure(
    db: Database, name: str, platform: str, *, status: str, error: str, now: datetime
) -> str | None:
    """Record a failed poll; returns the previous status (None for a new source)."""
    row = db.execute("SELECT status FROM source_health WHERE source_name = ?", [name]).fetchone()
    prev = None if row is None else row[0]
    db.execute(
        """
        INSERT INTO source_health (source_name, platform, status, last_error_at, last_error, consecutive_failures,
                                   status_since)
        VALUES (?, ?, ?, ?, ?, 1, ?)
        ON CONFLICT (source_name) DO UPDATE SET
            status = excluded.status, last_error_at = excluded.last_error_at, last_error = excluded.last_error,
            consecutive_failures = consecutive_failures + 1,
            status_since = CASE WHEN source_health.status = excluded.status THEN source_health.status_since
                                ELSE excluded.status_since END
        """,
        [name, platform, status, ts(now), error[:500], ts(now)],
    )
    return prev


# --- meta ------------------------------------------------------------------------------------


def get_meta(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def set_meta(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def item_as_dict(item: Item) -> dict[str, Any]:
    return asdict(item)


def defer_alerts(db: Database, ids: Sequence[int], *, until: datetime) -> None:
    """Hold batched alerts until the person's batching window ends (not a failed try)."""
    marks = ",".join("?" * len(ids))
    db.execute(
        f"UPDATE alerts SET next_attempt_at = ? WHERE id IN ({marks}) AND status = 'pending'", [ts(until), *ids]
    )


def last_batched_send(db: Database, recipient: str) -> str | None:
    """When this person last got a batched (non-urgent) item email."""
    row = db.execute(
        "SELECT MAX(sent_at) FROM alerts WHERE recipient = ? AND kind = 'item' AND urgent = 0 AND status = 'sent'",
        [recipient],
    ).fetchone()
    return None if row is None else row[0]


def told_about(db: Database, item_id: int) -> list[tuple[str, str | None]]:
    """(name, role) of everyone an alert about this item was queued for, in order."""
    rows = db.execute(
        "SELECT recipient_name, recipient, MIN(role) FROM alerts WHERE item_id = ? "
        "GROUP BY recipient ORDER BY MIN(id)",
        [item_id],
    )
    return [(name or email, role) for name, email, role in rows]


# --- reports and watchers (digest, queue, watchers) ------------------------------------------------


def _rows(db: Database, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cur = db.execute(sql, list(params))
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def flagged_between(db: Database, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Items classified with at least one category in [start, end), worst first."""
    return _rows(
        db,
        "SELECT * FROM items WHERE severity > 0 AND classified_at >= ? AND classified_at < ? "
        "ORDER BY severity DESC, classified_at",
        [ts(start), ts(end)],
    )


def open_items_detail(db: Database) -> list[dict[str, Any]]:
    """Full rows of items still owing an acknowledgement, soonest deadline first."""
    return _rows(
        db,
        "SELECT * FROM items WHERE acknowledged_at IS NULL AND resolved_at IS NULL AND deadline_at IS NOT NULL "
        "ORDER BY deadline_at, id",
    )


def acknowledged_late_between(db: Database, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Items acknowledged in [start, end) after their deadline had passed."""
    return _rows(
        db,
        "SELECT * FROM items WHERE acknowledged_at >= ? AND acknowledged_at < ? AND deadline_at IS NOT NULL "
        "AND acknowledged_at > deadline_at ORDER BY acknowledged_at",
        [ts(start), ts(end)],
    )


def awaiting_dsl_review(db: Database, limit: int = 50) -> tuple[list[dict[str, Any]], int]:
    """Flagged items the DSL has not reviewed yet (oldest first, at most ``limit``), and how many in all."""
    total = db.execute("SELECT COUNT(*) FROM items WHERE severity > 0 AND dsl_reviewed_at IS NULL").fetchone()[0]
    rows = _rows(
        db,
        "SELECT * FROM items WHERE severity > 0 AND dsl_reviewed_at IS NULL ORDER BY first_seen_at, id LIMIT ?",
        [limit],
    )
    return rows, int(total)


def newest_own_posts(db: Database) -> dict[str, str]:
    """For each source that has seen the school's own posts: the newest own post's created_at (UTC text)."""
    return {
        name: newest
        for name, newest in db.execute(
            "SELECT source_name, MAX(created_at) FROM items WHERE own_post = 1 GROUP BY source_name"
        )
    }


def flagged_replies_since(db: Database, since: datetime) -> list[dict[str, Any]]:
    """Flagged replies (items with a parent) posted at or after ``since``: id, platform, parent_id, created_at,
    categories."""
    return _rows(
        db,
        "SELECT id, platform, parent_id, created_at, categories FROM items "
        "WHERE parent_id IS NOT NULL AND severity > 0 AND created_at >= ? ORDER BY platform, parent_id, created_at",
        [ts(since)],
    )


def item_by_platform_id(db: Database, platform: str, platform_id: str) -> dict[str, Any] | None:
    rows = _rows(db, "SELECT * FROM items WHERE platform = ? AND platform_id = ?", [platform, platform_id])
    return rows[0] if rows else None


def get_alerts(db: Database, ids: Sequence[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return _rows(db, f"SELECT * FROM alerts WHERE id IN ({marks}) ORDER BY id", list(ids))


def alert_ids_by_keys(db: Database, keys: Sequence[str]) -> list[int]:
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    return [r[0] for r in db.execute(f"SELECT id FROM alerts WHERE dedup_key IN ({marks}) ORDER BY id", list(keys))]


# --- platform actions (issue 17): a row before an API call ----------------------------------------


def enqueue_platform_action(
    db: Database,
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


def platform_actions_for_item(db: Database, item_id: int) -> list[dict[str, Any]]:
    return _rows(db, "SELECT * FROM platform_actions WHERE item_id = ? ORDER BY id", [item_id])


def get_platform_action(db: Database, action_id: int) -> dict[str, Any] | None:
    rows = _rows(db, "SELECT * FROM platform_actions WHERE id = ?", [action_id])
    return rows[0] if rows else None


def count_platform_actions(db: Database, item_id: int, kinds: Sequence[str], statuses: Sequence[str]) -> int:
    k, s = ",".join("?" * len(kinds)), ",".join("?" * len(statuses))
    return int(db.execute(
        f"SELECT COUNT(*) FROM platform_actions WHERE item_id = ? AND kind IN ({k}) AND status IN ({s})",
        [item_id, *kinds, *statuses],
    ).fetchone()[0])


def due_platform_actions(db: Database, now: datetime, limit: int = 50) -> list[dict[str, Any]]:
    return _rows(
        db,
        "SELECT * FROM platform_actions WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
        [ts(now), limit],
    )


def next_platform_action_due(db: Database) -> str | None:
    row = db.execute("SELECT MIN(next_attempt_at) FROM platform_actions WHERE status = 'pending'").fetchone()
    return None if row is None else row[0]


def claim_platform_action(db: Database, action_id: int, *, now: datetime) -> bool:
    """pending -> sending, written (and committed) before the API call. False if someone else has it."""
    cur = db.execute(
        "UPDATE platform_actions SET status = 'sending', started_at = ?, attempts = attempts + 1 "
        "WHERE id = ? AND status = 'pending'",
        [ts(now), action_id],
    )
    return cur.rowcount == 1


def finish_platform_action(
    db: Database, action_id: int, *, status: str, now: datetime, result: Any = None, error: str | None = None
) -> None:
    db.execute(
        "UPDATE platform_actions SET status = ?, finished_at = ?, result = ?, last_error = ? "
        "WHERE id = ? AND status = 'sending'",
        [status, ts(now), None if result is None else json.dumps(result, default=str, sort_keys=True),
         None if error is None else error[:500], action_id],
    )


def retry_platform_action(db: Database, action_id: int, *, error: str, next_attempt_at: datetime) -> None:
    db.execute(
        "UPDATE platform_actions SET status = 'pending', last_error = ?, next_attempt_at = ? "
        "WHERE id = ? AND status = 'sending'",
        [error[:500], ts(next_attempt_at), action_id],
    )


def interrupted_platform_actions(db: Database) -> list[dict[str, Any]]:
    """Rows left 'sending' by a stop between the claim and the answer."""
    return _rows(db, "SELECT * FROM platform_actions WHERE status = 'sending' ORDER BY id")


def requeue_platform_action(db: Database, action_id: int, *, now: datetime) -> None:
    db.execute(
        "UPDATE platform_actions SET status = 'pending', next_attempt_at = ? WHERE id = ? AND status = 'sending'",
        [ts(now), action_id],
    )
