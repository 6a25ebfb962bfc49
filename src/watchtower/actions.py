"""What people do to an item, whichever way they reach it (dashboard, command line, signed email link):
acknowledge, act, note, resolve, not a concern, the DSL's review, bulk triage, claim, acknowledge by link.

Each is a function of a ``Db`` (``watchtower.store.db``) run inside one write transaction (``Store.write`` on the writer
thread, or the CLI's ``immediate``); each writes its audit line. The SQL of the item's own columns is
``store.repo``'s; the rules (what a bulk action skips, that a link acts once, that "not a concern" is counted for
the thresholds) are here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from watchtower import access
from watchtower.classify._script import unread_item
from watchtower.models import ACTIONS, Severity
from watchtower.store import repo
from watchtower.store._db import rows as _rows
from watchtower.store.db import Db
from watchtower.timeutil import ts

__all__ = [
    "ACTIONS",
    "BULK_ACTIONS",
    "BULK_LIMIT",
    "BulkResult",
    "ack_by_link",
    "acknowledge",
    "act",
    "bulk",
    "claim",
    "mark_reviewed",
    "not_concern",
    "resolve",
]


def acknowledge(db: Db, item_id: int, *, by: str, channel: str, now: datetime, note: str | None = None) -> bool:
    """Acknowledge an item: stops its escalation chain. False if it was already acknowledged (recorded all the
    same). KeyError if there is no such item."""
    return repo.acknowledge(db, item_id, by=by, channel=channel, now=now, note=note)


def act(db: Db, item_id: int, action: str, *, by: str, channel: str, now: datetime,
        note: str | None = None) -> None:
    """Record what someone did about an item (one of ``models.ACTIONS``; ``note`` is a note)."""
    repo.record_action(db, item_id, action, by=by, channel=channel, now=now, note=note)


def resolve(db: Db, item_id: int, *, by: str, channel: str, now: datetime) -> None:
    """Close an item. KeyError if there is no such item."""
    if repo.get_item(db, item_id) is None:
        raise KeyError(item_id)
    repo.resolve(db, item_id, by=by, channel=channel, now=now)


def not_concern(db: Db, item_id: int, *, by: str, channel: str, now: datetime, note: str | None) -> None:
    """A false positive: acknowledged (it was looked at), marked not a concern, resolved, and counted per category
    in the audit log so thresholds can be tuned."""
    item = repo.get_item(db, item_id)
    if item is None:
        raise KeyError(item_id)
    if item.acknowledged_at is None:
        repo.acknowledge(db, item_id, by=by, channel=channel, now=now, note="not a concern")
    db.execute("UPDATE items SET not_concern = 1 WHERE id = ?", [item_id])
    repo.audit(db, actor=by, action="not_concern", channel=channel, now=now, item_id=item_id,
               categories=list(item.categories), note=note)
    repo.resolve(db, item_id, by=by, channel=channel, now=now)


def mark_reviewed(db: Db, item_ids: list[int], *, by: str, comment: str | None, channel: str,
                  now: datetime) -> int:
    """The DSL's review of these items: one reviews row, each item stamped, one audit line per item."""
    if not item_ids:
        return 0
    marks = ",".join("?" * len(item_ids))
    found = [r[0] for r in db.execute(f"SELECT id FROM items WHERE id IN ({marks}) ORDER BY id", item_ids)]
    if not found:
        return 0
    db.execute("INSERT INTO reviews (by, at, comment, item_ids) VALUES (?, ?, ?, ?)",
               [by, ts(now), comment, json.dumps(found)])
    db.execute(f"UPDATE items SET dsl_reviewed_at = ?, dsl_reviewed_by = ? WHERE id IN ({marks})",
               [ts(now), by, *found])
    for i in found:
        repo.audit(db, actor=by, action="dsl_reviewed", channel=channel, now=now, item_id=i, comment=comment)
    return len(found)


# --- the inbox: many at once, and who is on it ---------------------------------------------------

#: what a bulk action does: acknowledge, or "seen, nothing to do" (acknowledged and resolved in one step)
BULK_ACTIONS: dict[str, str] = {"ack": "Acknowledge", "seen": "Seen, nothing to do"}
BULK_LIMIT = 200


@dataclass(frozen=True)
class BulkResult:
    done: int
    skipped: int


def bulk(db: Db, item_ids: list[int], do: str, *, by: str, channel: str, now: datetime,
         may_read_safeguarding: bool) -> BulkResult:
    """Acknowledge, or mark "seen, nothing to do", each of these items: one audit line per item acted on.

    Skipped: items already acknowledged (for ``ack``) or resolved, missing ones, and for "seen" anything worse
    than ``normal`` or anything safeguarding (a flagged item is closed on its own page, with a reason) and any
    post written mostly in a language or script the classifier was not built to read (nothing in it was checked:
    it is closed on its own page, by someone who read it); also safeguarding items whose text this person may not
    read (they were not shown it to judge).
    """
    if do not in BULK_ACTIONS:
        raise ValueError(do)
    ids = sorted(set(item_ids))[:BULK_LIMIT]
    if not ids:
        return BulkResult(0, 0)
    marks = ",".join("?" * len(ids))
    rows = _rows(db, "SELECT id, severity, categories, acknowledged_at, resolved_at, title, text FROM items "
                 f"WHERE id IN ({marks})", ids)
    done = 0
    stamp = ts(now)
    for r in rows:
        safeguarding = access.is_safeguarding(r)
        if r["resolved_at"] or (safeguarding and not may_read_safeguarding):
            continue
        if do == "ack":
            if r["acknowledged_at"]:
                continue
            repo.acknowledge(db, r["id"], by=by, channel=channel, now=now, note="bulk")
        else:
            if (r["severity"] or 0) > int(Severity.NORMAL) or safeguarding or unread_item(r["title"], r["text"]):
                continue
            # acknowledged (the 24-hour rule is met), "no action needed" recorded and resolved: one audit line
            if not r["acknowledged_at"]:
                db.execute("INSERT INTO acknowledgements (item_id, by, at, channel, note) VALUES (?, ?, ?, ?, ?)",
                           [r["id"], by, stamp, channel, "seen, nothing to do"])
            db.execute("INSERT INTO actions (item_id, action, by, at, channel, note) VALUES (?, ?, ?, ?, ?, ?)",
                       [r["id"], "no_action", by, stamp, channel, "seen, nothing to do"])
            db.execute(
                "UPDATE items SET acknowledged_at = COALESCE(acknowledged_at, ?), "
                "acknowledged_by = COALESCE(acknowledged_by, ?), resolved_at = ?, resolved_by = ? WHERE id = ?",
                [stamp, by, stamp, by, r["id"]])
            repo.audit(db, actor=by, action="seen_nothing_to_do", channel=channel, now=now, item_id=r["id"],
                       acknowledged=not r["acknowledged_at"])
        done += 1
    return BulkResult(done, len(ids) - done)


def claim(db: Db, item_id: int, person: str | None, *, by: str, channel: str, now: datetime) -> None:
    """``person`` is on it (``by`` themselves: a claim; someone else: an assignment); ``None`` lets it go."""
    row = db.execute("SELECT claimed_by FROM items WHERE id = ?", [item_id]).fetchone()
    if row is None:
        raise KeyError(item_id)
    db.execute("UPDATE items SET claimed_by = ?, claimed_at = ? WHERE id = ?",
               [person, ts(now) if person else None, item_id])
    action = "unclaim" if person is None else ("claim" if person == by else "assign")
    repo.audit(db, actor=by, action=action, channel=channel, now=now, item_id=item_id, to=person, was=row[0])


def ack_by_link(db: Db, item_id: int, *, nonce: str, person: str, now: datetime) -> str:
    """Acknowledge from a signed email link, once per link. Returns "acknowledged", "already_acknowledged",
    "used" (this link acted before) or "missing" (the item has been purged)."""
    if repo.get_item(db, item_id) is None:
        return "missing"
    cur = db.execute("INSERT INTO used_links (nonce, used_at) VALUES (?, ?) ON CONFLICT (nonce) DO NOTHING",
                     [nonce, ts(now)])
    if cur.rowcount != 1:
        return "used"
    first = repo.acknowledge(db, item_id, by=person, channel="email-link", now=now)
    return "acknowledged" if first else "already_acknowledged"
