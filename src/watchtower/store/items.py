"""Items: ingestion, classification, escalation steps, people acting on them, and the reports that read them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from watchtower.models import ACTIONS, DEFAULT_SCHOOL, Classification, Decision, Item
from watchtower.store._db import rows as _rows
from watchtower.store.audit import audit
from watchtower.store.db import Db
from watchtower.store.dialect import skip_locked
from watchtower.store.rows import ItemRow, OpenItem
from watchtower.timeutil import ts


def ingest(db: Db, items: Iterable[Item], *, source_name: str, now: datetime,
           school: str = DEFAULT_SCHOOL) -> list[int]:
    """Store items of ``school`` (their source's); return the ids of those not seen before. The same post seen twice
    by one school is one item; seen by two schools of a trust, it is an item of each (migration m013), triaged,
    owed, alerted and shown for each on its own."""
    new_ids: list[int] = []
    seen_ts = ts(now)
    for it in items:
        row = db.execute(
            """
            INSERT INTO items (platform, platform_id, source, source_name, own_post, url, author_handle,
                               author_name, title, text, created_at, first_seen_at, has_media, parent_id, extra,
                               school)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (platform, platform_id, school) DO NOTHING
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
                school,
            ],
        ).fetchone()
        if row is not None:
            new_ids.append(int(row[0]))
    return new_ids


def unclassified_ids(db: Db, limit: int = 10_000) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM items WHERE classified_at IS NULL ORDER BY id LIMIT ?", [limit])]


def claim_unclassified(db: Db, ids: Sequence[int]) -> set[int]:
    """Of ``ids``, the items still unclassified, locked for this transaction (call inside a write transaction):
    another daemon recording the same items passes them by (PostgreSQL ``SKIP LOCKED``; SQLite has one writer at a
    time), so an item's classification, deadline and first steps are recorded once."""
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    return {r[0] for r in db.execute(
        f"SELECT id FROM items WHERE id IN ({marks}) AND classified_at IS NULL{skip_locked(db.dialect)}", list(ids))}


def sources_of(db: Db, ids: Sequence[int]) -> dict[str, list[int]]:
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


def _items(db: Db, sql: str, params: Sequence[Any] = ()) -> list[ItemRow]:
    """The result of a ``SELECT * FROM items`` query, typed."""
    return [ItemRow.from_row(r) for r in _rows(db, sql, params)]


def get_items(db: Db, ids: Sequence[int]) -> list[ItemRow]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return _items(db, f"SELECT * FROM items WHERE id IN ({marks}) ORDER BY id", list(ids))


def get_item(db: Db, item_id: int) -> ItemRow | None:
    rows = get_items(db, [item_id])
    return rows[0] if rows else None


def record_classification(
    db: Db,
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


def latest_classification(db: Db, item_id: int) -> dict[str, Any] | None:
    row = db.execute(
        "SELECT categories, severity, scores, reasons, model_version, classified_at, decisions FROM classifications "
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
        # the structured records the reasons render (None for a classification stored before migration m004)
        "decisions": [Decision.from_dict(d) for d in json.loads(row[6])] if row[6] else None,
    }


def record_step(db: Db, item_id: int, step: str, reason: str, now: datetime) -> bool:
    """Record that an escalation step was taken; False if it already was (restart-safe)."""
    cur = db.execute(
        "INSERT INTO escalation_steps (item_id, step, at, reason) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (item_id, step) DO NOTHING",
        [item_id, step, ts(now), reason],
    )
    return cur.rowcount == 1


def done_steps(db: Db, item_id: int) -> set[str]:
    return {r[0] for r in db.execute("SELECT step FROM escalation_steps WHERE item_id = ?", [item_id])}


def open_items(db: Db, *, claim: bool = False) -> list[OpenItem]:
    """Items that still owe an acknowledgement, with the steps already taken. ``claim`` (inside a write
    transaction): locked for it, and those another daemon's escalator holds passed by (PostgreSQL ``SKIP
    LOCKED``), so two daemons never take one item's steps at once."""
    rows = _rows(
        db,
        "SELECT id, platform, source, severity, categories, possible, created_at, first_seen_at, deadline_at, school "
        "FROM items "
        "WHERE acknowledged_at IS NULL AND resolved_at IS NULL AND deadline_at IS NOT NULL"
        + (skip_locked(db.dialect) if claim else "")
    )
    steps: dict[int, set[str]] = {}
    if rows:
        for item_id, step in db.execute(
            "SELECT s.item_id, s.step FROM escalation_steps s JOIN items i ON i.id = s.item_id "
            "WHERE i.acknowledged_at IS NULL AND i.resolved_at IS NULL AND i.deadline_at IS NOT NULL"
        ):
            steps.setdefault(item_id, set()).add(step)
    return [OpenItem.from_row(r, frozenset(steps.get(r["id"], ()))) for r in rows]


def items_state(db: Db, item_ids: Sequence[int]) -> dict[int, tuple[str | None, str | None]]:
    """(acknowledged_at, resolved_at) of each of these items that still exists."""
    if not item_ids:
        return {}
    marks = ",".join("?" * len(item_ids))
    return {r[0]: (r[1], r[2]) for r in db.execute(
        f"SELECT id, acknowledged_at, resolved_at FROM items WHERE id IN ({marks})", list(item_ids))}


def acknowledge(db: Db, item_id: int, *, by: str, channel: str, now: datetime, note: str | None = None) -> bool:
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
    db: Db, item_id: int, action: str, *, by: str, channel: str, now: datetime, note: str | None = None
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


def resolve(db: Db, item_id: int, *, by: str, channel: str, now: datetime) -> None:
    db.execute(
        "UPDATE items SET resolved_at = COALESCE(resolved_at, ?), resolved_by = COALESCE(resolved_by, ?) WHERE id = ?",
        [ts(now), by, item_id],
    )
    audit(db, actor=by, action="resolve", channel=channel, now=now, item_id=item_id)


def item_as_dict(item: Item) -> dict[str, Any]:
    return asdict(item)


def in_schools(schools: Sequence[str] | None) -> tuple[str, list[Any]]:
    """`` AND school IN (...)`` for these schools (``None``: every school), and its parameters."""
    if schools is None:
        return "", []
    if not schools:
        return " AND 1 = 0", []
    return f" AND school IN ({','.join('?' * len(schools))})", list(schools)


def _classified_between(db: Db, start: datetime, end: datetime, flagged: str, order: str,
                        schools: Sequence[str] | None) -> list[ItemRow]:
    """Items (of ``schools``; ``None``: all) classified in [start, end) whose severity meets ``flagged`` ("> 0",
    "= 0"), in ``order``: our own fragments, never a caller's words."""
    where, params = in_schools(schools)
    return _items(
        db,
        f"SELECT * FROM items WHERE severity {flagged} AND classified_at >= ? AND classified_at < ?{where} "
        f"ORDER BY {order}",
        [ts(start), ts(end), *params],
    )


def flagged_between(db: Db, start: datetime, end: datetime, *,
                    schools: Sequence[str] | None = None) -> list[ItemRow]:
    """Items (of ``schools``; ``None``: all) classified with at least one category in [start, end), worst first."""
    return _classified_between(db, start, end, "> 0", "severity DESC, classified_at", schools)


def unflagged_between(db: Db, start: datetime, end: datetime, *,
                      schools: Sequence[str] | None = None) -> list[ItemRow]:
    """Items (of ``schools``) classified with no category and no possible concern in [start, end), oldest first:
    where the digest looks for posts the classifier could not read."""
    return _classified_between(db, start, end, "= 0", "classified_at, id", schools)


def open_items_detail(db: Db, *, schools: Sequence[str] | None = None) -> list[ItemRow]:
    """Full rows of items (of ``schools``) still owing an acknowledgement, soonest deadline first."""
    where, params = in_schools(schools)
    return _items(
        db,
        "SELECT * FROM items WHERE acknowledged_at IS NULL AND resolved_at IS NULL AND deadline_at IS NOT NULL"
        f"{where} ORDER BY deadline_at, id",
        params,
    )


def acknowledged_late_between(db: Db, start: datetime, end: datetime, *,
                              schools: Sequence[str] | None = None) -> list[ItemRow]:
    """Items (of ``schools``) acknowledged in [start, end) after their deadline had passed."""
    where, params = in_schools(schools)
    return _items(
        db,
        "SELECT * FROM items WHERE acknowledged_at >= ? AND acknowledged_at < ? AND deadline_at IS NOT NULL "
        f"AND acknowledged_at > deadline_at{where} ORDER BY acknowledged_at",
        [ts(start), ts(end), *params],
    )


def awaiting_dsl_review(db: Db, limit: int = 50, *,
                        schools: Sequence[str] | None = None) -> tuple[list[ItemRow], int]:
    """Flagged items (of ``schools``) the DSL has not reviewed yet (oldest first, at most ``limit``), and how many
    in all."""
    where, params = in_schools(schools)
    total = db.execute(f"SELECT COUNT(*) FROM items WHERE severity > 0 AND dsl_reviewed_at IS NULL{where}",
                       params).fetchone()[0]
    rows = _items(
        db,
        f"SELECT * FROM items WHERE severity > 0 AND dsl_reviewed_at IS NULL{where} ORDER BY first_seen_at, id "
        "LIMIT ?",
        [*params, limit],
    )
    return rows, int(total)


def newest_own_posts(db: Db) -> dict[str, str]:
    """For each source that has seen the school's own posts: the newest own post's created_at (UTC text)."""
    return {
        name: newest
        for name, newest in db.execute(
            "SELECT source_name, MAX(created_at) FROM items WHERE own_post = 1 GROUP BY source_name"
        )
    }


def flagged_replies_since(db: Db, since: datetime) -> list[ItemRow]:
    """Flagged replies (items with a parent) posted at or after ``since``."""
    return _items(
        db,
        "SELECT * FROM items "
        "WHERE parent_id IS NOT NULL AND severity > 0 AND created_at >= ? ORDER BY platform, parent_id, created_at",
        [ts(since)],
    )


def item_by_platform_id(db: Db, platform: str, platform_id: str, *, school: str) -> ItemRow | None:
    """``school``'s item of this post (another school of a trust may have its own item of it), or None."""
    rows = _items(db, "SELECT * FROM items WHERE platform = ? AND platform_id = ? AND school = ?",
                  [platform, platform_id, school])
    return rows[0] if rows else None
