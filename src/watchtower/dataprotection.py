"""Data subjects' rights and evidence (design.md, Data protection; UK GDPR arts. 15 and 17).

* ``export_author``: a subject access request, every item by one author with how Watchtower classified it and
  what staff did about it, as JSON.
* ``erase_author``: deletes those items (classifications, steps, acknowledgements and actions cascade; alerts
  lose the link). The audit row records counts and a SHA-256 of the handle, never the text or the handle itself.
* ``evidence``: a snapshot of one item for the police or CEOP: the stored content (kept as first seen, even if the
  platform later deletes the post: ingestion never overwrites an item), its classifications, staff actions, the
  emails sent about it and its audit trail, with a SHA-256 of the content so a copy can be checked.

An author is matched on ``author_handle`` or, where the platform gives no handle (RSS, website comments), on
``author_name``; both case-insensitively.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from datetime import datetime
from typing import Any

from watchtower.store import repo
from watchtower.store._db import rows as _rows
from watchtower.store.db import Db
from watchtower.timeutil import ts

#: The item's content as first seen: what the SHA-256 in an evidence file covers, in this order.
CONTENT_FIELDS: tuple[str, ...] = (
    "platform", "platform_id", "url", "author_handle", "author_name", "title", "text", "created_at", "parent_id",
    "has_media",
)


def _decode(row: dict[str, Any], *keys: str) -> dict[str, Any]:
    for k in keys:
        if isinstance(row.get(k), str):
            with contextlib.suppress(ValueError):
                row[k] = json.loads(row[k])
    return row


def handle_hash(handle: str) -> str:
    return hashlib.sha256(handle.strip().lower().encode("utf-8")).hexdigest()


def author_item_ids(db: Db, handle: str) -> list[int]:
    h = handle.strip().lstrip("@").lower()
    return [
        r[0]
        for r in db.execute(
            "SELECT id FROM items WHERE lower(ltrim(author_handle, '@')) = ? "
            "OR (author_handle IS NULL AND lower(author_name) = ?) ORDER BY id",
            [h, h],
        )
    ]


def _item_record(db: Db, item_id: int) -> dict[str, Any]:
    row = repo.get_item(db, item_id)
    if row is None:
        raise KeyError(item_id)
    item = _decode(row.as_dict(), "categories", "extra")
    item["classifications"] = [
        _decode(r, "categories", "scores", "reasons")
        for r in _rows(db, "SELECT * FROM classifications WHERE item_id = ? ORDER BY id", [item_id])
    ]
    item["escalation_steps"] = _rows(
        db, "SELECT step, at, reason FROM escalation_steps WHERE item_id = ? ORDER BY at", [item_id]
    )
    item["acknowledgements"] = _rows(
        db, "SELECT by, at, channel, note FROM acknowledgements WHERE item_id = ? ORDER BY id", [item_id]
    )
    item["actions"] = _rows(db, "SELECT action, by, at, channel, note FROM actions WHERE item_id = ? ORDER BY id",
                            [item_id])
    return item


def export_author(db: Db, handle: str, *, now: datetime) -> dict[str, Any]:
    """Everything Watchtower holds about one author's posts (a subject access request)."""
    ids = author_item_ids(db, handle)
    return {
        "subject": handle,
        "exported_at": ts(now),
        "matched_on": "author_handle, or author_name where the platform gives no handle (case-insensitive)",
        "items": [_item_record(db, i) for i in ids],
    }


def erase_author(db: Db, handle: str, *, by: str, now: datetime, channel: str = "cli") -> dict[str, int]:
    """Delete every item by this author (right to erasure). Run inside one write transaction."""
    ids = author_item_ids(db, handle)
    counts = {"items": len(ids), "digest_bodies_cleared": 0}
    if ids:
        marks = ",".join("?" * len(ids))
        for table in ("classifications", "escalation_steps", "acknowledgements", "actions"):
            sql = f"SELECT COUNT(*) FROM {table} WHERE item_id IN ({marks})"
            counts[table] = int(db.execute(sql, ids).fetchone()[0])
        counts["alerts_detached"] = int(
            db.execute(f"SELECT COUNT(*) FROM alerts WHERE item_id IN ({marks})", ids).fetchone()[0]
        )
        texts = [t for (t,) in db.execute(f"SELECT text FROM items WHERE id IN ({marks})", ids) if t and len(t) >= 12]
        # digests are stored rendered and may quote these posts: clear any that do
        for alert_id, body in db.execute("SELECT id, body FROM alerts WHERE kind = 'digest' AND body IS NOT NULL"):
            if any(t[:60] in body for t in texts):
                db.execute("UPDATE alerts SET body = NULL WHERE id = ? AND status != 'pending'", [alert_id])
                counts["digest_bodies_cleared"] += 1
        db.execute(f"DELETE FROM items WHERE id IN ({marks})", ids)
    detail: dict[str, Any] = dict(counts)
    repo.audit(db, actor=by, action="erase_author", channel=channel, now=now, handle_sha256=handle_hash(handle),
               **detail)
    return counts


def content_sha256(item: dict[str, Any]) -> str:
    """SHA-256 of the item's content fields as canonical JSON (sorted keys, UTF-8, no spaces)."""
    content = {k: item.get(k) for k in CONTENT_FIELDS}
    blob = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def evidence(db: Db, item_id: int, *, by: str, now: datetime, channel: str = "cli") -> dict[str, Any]:
    """A self-contained snapshot of one item for the police or CEOP; the export itself is audited."""
    record = _item_record(db, item_id)
    content = {k: record.get(k) for k in CONTENT_FIELDS}
    sha = content_sha256(record)
    repo.audit(db, actor=by, action="evidence_exported", channel=channel, now=now, item_id=item_id,
               content_sha256=sha)
    return {
        "watchtower_evidence": 1,
        "exported_at": ts(now),
        "exported_by": by,
        "item_id": item_id,
        "content": content,
        "content_sha256": sha,
        "content_sha256_method": "SHA-256 of `content` as JSON with sorted keys, separators (',', ':'), UTF-8",
        "first_seen_at": record["first_seen_at"],
        "source_name": record["source_name"],
        "flagged": bool(record.get("categories")),
        "current_triage": {
            k: record.get(k) for k in ("categories", "severity", "classified_at", "deadline_at", "deadline_reason")
        },
        "workflow": {
            k: record.get(k)
            for k in ("acknowledged_at", "acknowledged_by", "resolved_at", "resolved_by", "not_concern",
                      "dsl_reviewed_at", "dsl_reviewed_by")
        },
        "classifications": record["classifications"],
        "escalation_steps": record["escalation_steps"],
        "acknowledgements": record["acknowledgements"],
        "actions": record["actions"],
        "emails": _rows(
            db,
            "SELECT step, recipient, role, status, sent_at, message_id FROM alerts WHERE item_id = ? ORDER BY id",
            [item_id],
        ),
        "audit_trail": [
            _decode(r, "detail")
            for r in _rows(db, "SELECT at, actor, action, channel, detail FROM audit WHERE item_id = ? ORDER BY id",
                           [item_id])
        ],
    }
