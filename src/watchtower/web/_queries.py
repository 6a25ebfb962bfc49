"""What the dashboard asks of the database, as plain functions of a ``Db`` (``watchtower.store.db``): reads only (what
people do to items is ``watchtower.actions``).

The dashboard runs them through ``Store.read``/``Store.write``. Every value is a bound parameter; SQL text is built
only from our own fragments.

Every query that lists, counts or searches items takes ``schools``: the condition (and its parameters) that keeps it
to the person's schools (``web._context.Scope.sql``, made by ``watchtower.access.school_sql``), so a view can
never show another school's items, even by accident.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from watchtower import access
from watchtower.models import CATEGORIES, Severity
from watchtower.store import repo
from watchtower.store._db import rows as _rows
from watchtower.store.db import Db
from watchtower.store.rows import triage_columns, with_categories_list
from watchtower.timeutil import maybe_ts, parse_ts, ts

STATUSES: dict[str, str] = {
    "unresolved": "Not resolved",
    "open": "Waiting for acknowledgement",
    "acknowledged": "Acknowledged, not resolved",
    "resolved": "Resolved",
    "all": "All",
}
SEVERITY_FILTERS: dict[str, str] = {
    "inbox": "Flagged or owed a reply",
    "flagged": "Any flagged",
    "critical": "Critical",
    "high": "High",
    "normal": "Normal",
    "none": "Not flagged",
    "any": "Everything",
}
PAGE_SIZE = 50  # a page of harmless comments is triaged in one bulk action

#: a condition on the ``school`` column and its parameters (``Scope.sql``)
SchoolSql = tuple[str, list[Any]]


def _like(term: str) -> str:
    """A LIKE pattern matching ``term`` literally (``%`` and ``_`` in a search are not wildcards)."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass(frozen=True)
class QueueFilter:
    severity: str = "inbox"
    category: str = ""
    platform: str = ""
    source: str = ""
    status: str = "unresolved"
    q: str = ""
    page: int = 1
    #: the school chosen with the switcher ("" = every school of the person's); the scope enforces it
    school: str = ""

    @classmethod
    def from_query(cls, query: Any) -> QueueFilter:
        def pick(name: str, allowed: Any, default: str) -> str:
            v = str(query.get(name, default) or default)
            return v if v in allowed else default

        try:
            page = max(1, min(10_000, int(query.get("page", "1"))))
        except ValueError:
            page = 1
        return cls(
            severity=pick("severity", SEVERITY_FILTERS, "inbox"),
            category=pick("category", ("", *CATEGORIES), ""),
            platform=str(query.get("platform", ""))[:40],
            source=pick("source", ("", "own", "mention"), ""),
            status=pick("status", STATUSES, "unresolved"),
            q=str(query.get("q", "")).strip()[:200],
            page=page,
            school=str(query.get("school", "") or "")[:40],
        )

    def params(self, **change: Any) -> dict[str, str]:
        """Query-string parameters for a link to this view (pagination keeps the filters)."""
        d = {k: str(getattr(self, k))
             for k in ("severity", "category", "platform", "source", "status", "q", "page", "school")}
        d.update({k: str(v) for k, v in change.items()})
        return {k: v for k, v in d.items() if v and not (k == "page" and v == "1")}


def queue(db: Db, f: QueueFilter, *, reads_safeguarding: bool,
          schools: SchoolSql) -> tuple[list[dict[str, Any]], int]:
    """One page of the queue (of ``schools``) and the total count: open items first, then by severity (worst first)
    and deadline."""
    where: list[str] = ["classified_at IS NOT NULL", schools[0]]
    params: list[Any] = list(schools[1])
    if f.severity == "inbox":  # the 24-hour rule: every own-account comment is owed an acknowledgement
        # with "resolved_at IS NULL" below, the WHERE of items_inbox (migrations m010, m012), word for word: that is
        # how the store knows the index applies (the default view at a million items: bench/README.md)
        where.append("(severity > 0 OR deadline_at IS NOT NULL)")
    elif f.severity == "flagged":
        where.append("severity > 0")
    elif f.severity in ("critical", "high", "normal", "none"):
        where.append("severity = ?")
        params.append(int(Severity.parse(f.severity)))
    if f.category:
        where.append("EXISTS (SELECT 1 FROM json_each(items.categories) WHERE value = ?)")
        params.append(f.category)
    if f.platform:
        where.append("platform = ?")
        params.append(f.platform)
    if f.source:
        where.append("source = ?")
        params.append(f.source)
    if f.status == "unresolved":
        where.append("resolved_at IS NULL")
    elif f.status == "open":
        where.append("acknowledged_at IS NULL AND resolved_at IS NULL")
    elif f.status == "acknowledged":
        where.append("acknowledged_at IS NOT NULL AND resolved_at IS NULL")
    elif f.status == "resolved":
        where.append("resolved_at IS NOT NULL")
    if f.q:
        pat = _like(f.q)
        # people who may not read safeguarding text must not find those items by what they say
        text_match, withheld = access.search_text_sql(
            "text LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\'", reads=reads_safeguarding)
        where.append(
            f"({text_match} OR author_handle LIKE ? ESCAPE '\\' OR author_name LIKE ? ESCAPE '\\')"
        )
        params += [pat, pat, *withheld, pat, pat]
    sql_where = " AND ".join(where)
    total = int(db.execute(f"SELECT COUNT(*) FROM items WHERE {sql_where}", params).fetchone()[0])
    # the page in two steps: its 50 ids from the rows' sort keys (in the default view, from items_inbox alone:
    # m012), then those 50 rows. Sorting whole rows made PostgreSQL read every row in the view to keep 50 (the
    # trust-wide page at a million items: bench/README.md). The order ends with the id, so it is total: the same
    # 50, in the same order, either way.
    order = ("ORDER BY (resolved_at IS NOT NULL), (acknowledged_at IS NOT NULL), severity DESC, "
             "(deadline_at IS NULL), deadline_at, first_seen_at DESC, id DESC")
    rows = _rows(
        db,
        f"SELECT * FROM items WHERE id IN (SELECT id FROM items WHERE {sql_where} {order} LIMIT ? OFFSET ?) {order}",
        [*params, PAGE_SIZE, (f.page - 1) * PAGE_SIZE],
    )
    for r in rows:
        with_categories_list(r)
    return rows, total


def platforms(db: Db, *, schools: SchoolSql) -> list[str]:
    """The platforms ``schools``' items are on, in name order (the queue's platform filter).

    A loose index scan: each next platform is one seek, in m010's items_school_platform (or, for every school, an
    index that starts with ``platform``), so it costs the same at a million items as at ten. ``SELECT DISTINCT``
    read every item of the school, and on PostgreSQL every item of the trust (bench/README.md, queue1m)."""
    cond, params = schools
    sql = (
        "WITH RECURSIVE p(platform) AS ("
        f"SELECT MIN(platform) FROM items WHERE {cond} "
        "UNION ALL "
        f"SELECT (SELECT MIN(platform) FROM items WHERE {cond} AND platform > p.platform) FROM p "
        "WHERE p.platform IS NOT NULL) "
        "SELECT platform FROM p WHERE platform IS NOT NULL"
    )
    return [r[0] for r in db.execute(sql, [*params, *params])]


# --- one item ------------------------------------------------------------------------------------


def item_detail(db: Db, item_id: int) -> dict[str, Any] | None:
    row = repo.get_item(db, item_id)
    if row is None:
        return None
    item = with_categories_list(row.as_dict())
    cls = repo.latest_classification(db, item_id)
    thread: list[dict[str, Any]] = []
    conds, params = [], []
    if item.get("parent_id"):
        conds += ["platform_id = ?", "parent_id = ?"]
        params += [item["parent_id"], item["parent_id"]]
    conds.append("parent_id = ?")
    params.append(item["platform_id"])
    # the thread as this school saw it: a reply stored under another school is that school's
    thread = _rows(
        db,
        f"SELECT * FROM items WHERE platform = ? AND id != ? AND school = ? AND ({' OR '.join(conds)}) "
        "ORDER BY created_at LIMIT 200",
        [item["platform"], item_id, item["school"], *params],
    )
    for t in thread:
        with_categories_list(t)
        t["is_parent"] = t["platform_id"] == item.get("parent_id")
    return {
        "item": item,
        "classification": cls,
        "thread": thread,
        "steps": _rows(db, "SELECT step, at, reason FROM escalation_steps WHERE item_id = ? ORDER BY at", [item_id]),
        "alerts": _rows(
            db,
            "SELECT step, recipient, recipient_name, role, urgent, status, created_at, sent_at, attempts, last_error "
            "FROM alerts WHERE item_id = ? ORDER BY id",
            [item_id],
        ),
        "acks": _rows(db, "SELECT by, at, channel, note FROM acknowledgements WHERE item_id = ? ORDER BY id",
                      [item_id]),
        "actions": _rows(db, "SELECT action, by, at, channel, note FROM actions WHERE item_id = ? ORDER BY id",
                         [item_id]),
        "audit": _rows(db, "SELECT at, actor, action, channel, detail FROM audit WHERE item_id = ? ORDER BY id",
                       [item_id]),
    }


def link_used(db: Db, nonce: str) -> str | None:
    row = db.execute("SELECT used_at FROM used_links WHERE nonce = ?", [nonce]).fetchone()
    return None if row is None else str(row[0])


# --- DSL review ------------------------------------------------------------------------------------


def awaiting_review(db: Db, *, schools: SchoolSql, limit: int = 500) -> list[dict[str, Any]]:
    """Flagged items (of ``schools``) not yet reviewed: the worst first, then the oldest (as the DSL would read
    them)."""
    rows = _rows(
        db,
        f"SELECT * FROM items WHERE severity > 0 AND dsl_reviewed_at IS NULL AND {schools[0]} "
        "ORDER BY severity DESC, first_seen_at, id LIMIT ?",
        [*schools[1], limit],
    )
    for r in rows:
        with_categories_list(r)
    return rows


def review_history(db: Db, *, schools: SchoolSql, limit: int = 50) -> list[dict[str, Any]]:
    """The latest reviews that touched ``schools``' items (each item's ``dsl_reviewed`` audit line, kept after the
    item is purged, says which school it was)."""
    out: list[dict[str, Any]] = []
    for r in _rows(db, "SELECT id, by, at, comment, item_ids FROM reviews ORDER BY id DESC LIMIT ?", [limit * 4]):
        ids = [int(i) for i in json.loads(r["item_ids"])]
        if schools[0] != "1 = 1" and ids:
            marks = ",".join("?" * len(ids))
            seen = db.execute(f"SELECT 1 FROM audit WHERE item_id IN ({marks}) AND action = 'dsl_reviewed' AND "
                              f"{schools[0]} LIMIT 1", [*ids, *schools[1]]).fetchone()
            if seen is None:
                continue
        r["count"] = len(ids)
        out.append(r)
        if len(out) >= limit:
            break
    return out


# --- sources -----------------------------------------------------------------------------------------


def sources(db: Db, *, since: datetime, schools: SchoolSql) -> list[dict[str, Any]]:
    """The health of ``schools``' sources, with how many items each saw since ``since``."""
    rows = _rows(db, f"SELECT * FROM source_health WHERE {schools[0]} ORDER BY source_name", schools[1])
    today = dict(
        db.execute("SELECT source_name, COUNT(*) FROM items WHERE first_seen_at >= ? AND "
                   f"{schools[0]} GROUP BY source_name", [ts(since), *schools[1]]).fetchall()
    )
    for r in rows:
        r["items_today"] = int(today.get(r["source_name"], 0))
    return rows


def outbox_counts(db: Db) -> dict[str, int]:
    counts = dict(db.execute("SELECT status, COUNT(*) FROM alerts GROUP BY status").fetchall())
    return {"pending": int(counts.get("pending", 0)), "failed": int(counts.get("failed", 0))}


# --- reports -------------------------------------------------------------------------------------------


def reports(db: Db, *, now: datetime, tz: Any, schools: SchoolSql, days: int = 30) -> dict[str, Any]:
    """Items (of ``schools``) per day by severity and category, time to acknowledge, breaches per month (and per
    school), false positives."""
    since = now - timedelta(days=days)
    rows = _rows(
        db,
        "SELECT id, first_seen_at, created_at, severity, categories, deadline_at, acknowledged_at, not_concern, "
        f"school FROM items WHERE classified_at IS NOT NULL AND first_seen_at >= ? AND {schools[0]}",
        [ts(since - timedelta(days=366)), *schools[1]],
    )
    day_keys = [(now - timedelta(days=d)).astimezone(tz).date().isoformat() for d in range(days - 1, -1, -1)]
    per_day_sev: dict[str, Counter[str]] = {d: Counter() for d in day_keys}
    per_cat: Counter[str] = Counter()
    per_day_cat: dict[str, Counter[str]] = {d: Counter() for d in day_keys}
    ack_minutes: dict[str, list[float]] = defaultdict(list)
    week_keys = _week_keys(now, tz)
    week_hours: dict[str, list[float]] = {w: [] for w in week_keys}
    week_late: Counter[str] = Counter()
    breaches: Counter[str] = Counter()
    school_breaches: dict[str, Counter[str]] = defaultdict(Counter)
    school_items: Counter[str] = Counter()
    school_flagged: Counter[str] = Counter()
    school_open_late: Counter[str] = Counter()
    for r in rows:
        seen = parse_ts(r["first_seen_at"])
        day = seen.astimezone(tz).date().isoformat()
        decoded = triage_columns(r)
        sev = decoded.severity.label
        cats = decoded.categories
        if day in per_day_sev:
            per_day_sev[day][sev] += 1
            for c in cats:
                per_day_cat[day][c] += 1
                per_cat[c] += 1
        deadline = maybe_ts(r["deadline_at"])
        acked = maybe_ts(r["acknowledged_at"])
        # every item owed an acknowledgement: a flagged one, and an own-account comment nothing was found in (it
        # has a deadline under the 24-hour rule); an unflagged public mention owes none
        if acked is not None and (r["severity"] or deadline is not None) and seen >= since:
            ack_minutes[sev].append(max(0.0, (acked - seen).total_seconds() / 60))
        school = str(r["school"])
        if seen >= since:
            school_items[school] += 1
            school_flagged[school] += 1 if decoded.severity else 0
        if deadline is not None and ((acked is None and deadline < now) or (acked is not None and acked > deadline)):
            breaches[deadline.astimezone(tz).strftime("%Y-%m")] += 1
            school_breaches[school][deadline.astimezone(tz).strftime("%Y-%m")] += 1
            if acked is None:
                school_open_late[school] += 1
        week = _week_of(seen, tz)
        if deadline is not None and week in week_hours:
            if acked is not None:
                week_hours[week].append(max(0.0, (acked - seen).total_seconds() / 3600))
            elif deadline < now:
                week_late[week] += 1  # still waiting after its deadline: counts against the rule too
    months = []
    m = now.astimezone(tz).replace(day=1)
    for _ in range(12):
        months.append(m.strftime("%Y-%m"))
        m = (m - timedelta(days=1)).replace(day=1)
    months.reverse()
    fp: Counter[str] = Counter()
    for (detail,) in db.execute(f"SELECT detail FROM audit WHERE action = 'not_concern' AND {schools[0]}",
                                schools[1]):
        for c in json.loads(detail).get("categories", []):
            fp[c] += 1
    ack_table = []
    for sev in ("critical", "high", "normal", "none"):
        xs = ack_minutes.get(sev, [])
        ack_table.append({
            "severity": sev,
            "count": len(xs),
            "median": statistics.median(xs) if xs else None,
            "worst": max(xs) if xs else None,
        })
    return {
        "days": day_keys,
        "per_day_severity": per_day_sev,
        "per_day_category": per_day_cat,
        "per_category": per_cat,
        "ack": ack_table,
        "months": months,
        "breaches": breaches,
        "false_positives": fp,
        "flagged_per_category": per_cat,
        # per school (the trust's view): items and flagged items in the last ``days``, breaches per month, and
        # items still waiting after their deadline
        "per_school": {
            s: {"items": school_items[s], "flagged": school_flagged[s], "breaches": school_breaches[s],
                "waiting_overdue": school_open_late[s]}
            for s in sorted(set(school_items) | set(school_breaches))
        },
        "weeks": [
            {
                "week": w,
                "acknowledged": len(week_hours[w]),
                "median_hours": statistics.median(week_hours[w]) if week_hours[w] else None,
                "worst_hours": max(week_hours[w]) if week_hours[w] else None,
                "within_24h": sum(1 for h in week_hours[w] if h <= 24),
                "waiting_overdue": week_late[w],
            }
            for w in week_keys
        ],
    }


def _week_of(moment: datetime, tz: Any) -> str:
    """The local Monday that starts ``moment``'s week, as YYYY-MM-DD."""
    day = moment.astimezone(tz).date()
    return (day - timedelta(days=day.weekday())).isoformat()


def _week_keys(now: datetime, tz: Any, weeks: int = 12) -> list[str]:
    this = datetime.fromisoformat(_week_of(now, tz)).date()
    return [(this - timedelta(weeks=n)).isoformat() for n in range(weeks - 1, -1, -1)]
