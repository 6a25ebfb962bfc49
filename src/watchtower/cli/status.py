"""``watchtower status``: is Watchtower healthy? Reads the database only (works with the daemon stopped).

Exit code 0 when all is well, 1 when something needs a person (for monitoring: Nagios/Icinga, a cron mail),
2 when the database cannot be read.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from watchtower.cli._common import add_config_arg, open_config_and_database

if TYPE_CHECKING:
    from watchtower.store.db import Db

SEVERITY = {0: "none", 1: "normal", 2: "high", 3: "critical"}
#: an email still pending after this long means SMTP is failing
PENDING_TOO_OLD = timedelta(hours=1)
#: a permanently failed email within this window needs attention
RECENT_FAILURE = timedelta(days=7)


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "status", help="sources, queue and outbox health (exit 1 if something needs attention)"
    )
    add_config_arg(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=_main)


def collect(db: Db, now: datetime, silent_after_hours: float) -> dict[str, Any]:
    from watchtower.store import repo
    from watchtower.timeutil import parse_ts, ts

    problems: list[str] = []
    store_error = write_probe(db)
    if store_error is not None:
        # first: while the database cannot be written nothing else here is being kept up to date
        problems.append(f"the database cannot be written ({store_error}): Watchtower is storing no posts and "
                        "recording no alerts; check the file's owner, permissions and free disk space")
    sources = repo.source_health(db)
    for s in sources:
        if s["status"] != "ok":
            problems.append(f"source {s['source_name']} is {s['status']}: {s['last_error'] or ''}".strip())
        elif s["source_name"].startswith("webhook:"):
            continue  # deliveries come when someone comments: a quiet Page is not a broken one (its poller says)
        elif s["last_success_at"] and now - parse_ts(s["last_success_at"]) > timedelta(hours=silent_after_hours):
            problems.append(f"source {s['source_name']} has not polled successfully since {s['last_success_at']}")
    open_rows = db.execute(
        "SELECT severity, COUNT(*), SUM(CASE WHEN deadline_at < ? THEN 1 ELSE 0 END) FROM items "
        "WHERE acknowledged_at IS NULL "
        "AND resolved_at IS NULL AND deadline_at IS NOT NULL GROUP BY severity ORDER BY severity DESC",
        [ts(now)],
    ).fetchall()
    queue = {SEVERITY.get(sev or 0, str(sev)): {"open": n, "overdue": int(over or 0)} for sev, n, over in open_rows}
    overdue = sum(q["overdue"] for q in queue.values())
    if overdue:
        problems.append(f"{overdue} item(s) past their acknowledgement deadline")
    unclassified = db.execute("SELECT COUNT(*) FROM items WHERE classified_at IS NULL").fetchone()[0]
    pending, oldest = db.execute(
        "SELECT COUNT(*), MIN(created_at) FROM alerts WHERE status = 'pending'"
    ).fetchone()
    failed_recent = db.execute(
        "SELECT COUNT(*) FROM alerts WHERE status = 'failed' AND created_at >= ?", [ts(now - RECENT_FAILURE)]
    ).fetchone()[0]
    failed_total = db.execute("SELECT COUNT(*) FROM alerts WHERE status = 'failed'").fetchone()[0]
    if oldest and now - parse_ts(oldest) > PENDING_TOO_OLD:
        problems.append(f"{pending} email(s) waiting, the oldest since {oldest}: is SMTP working?")
    if failed_recent:
        problems.append(f"{failed_recent} email(s) could not be delivered in the last {RECENT_FAILURE.days} days")
    errors = [
        {"at": r[0], "what": r[1], "error": r[2]}
        for r in db.execute(
            "SELECT at, what, error FROM ("
            " SELECT last_error_at AS at, 'source ' || source_name AS what, last_error AS error FROM source_health"
            " WHERE last_error IS NOT NULL"
            " UNION ALL SELECT created_at, 'email to ' || recipient, last_error FROM alerts"
            " WHERE last_error IS NOT NULL) AS e ORDER BY at DESC LIMIT 5"
        )
    ]
    return {
        "checked_at": ts(now),
        "ok": not problems,
        "store_writable": store_error is None,
        "problems": problems,
        "sources": [
            {k: s[k] for k in ("source_name", "platform", "status", "last_success_at", "consecutive_failures",
                               "items_seen")}
            for s in sources
        ],
        "queue": queue,
        "unclassified": unclassified,
        "outbox": {"pending": pending, "oldest_pending": oldest, "failed_last_7_days": failed_recent,
                   "failed_total": failed_total},
        "last_errors": errors,
    }


def write_probe(db: Db) -> str | None:
    """Try a write and roll it back: None if the database can be written, else the error. A database the daemon
    is busy writing counts as writable (it is being written)."""
    from watchtower.store.db import BusyError, DatabaseError

    class _RollBack(Exception):
        pass

    try:
        db.set_busy_timeout(2.0)
        with db.transaction():
            db.execute("INSERT INTO meta (key, value) VALUES ('status_write_probe', '1') "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            raise _RollBack
    except _RollBack:
        return None
    except BusyError:
        return None
    except DatabaseError as exc:
        return str(exc)


def _print(report: dict[str, Any]) -> None:
    from watchtower.models import Severity

    print(f"Watchtower status at {report['checked_at']}: {'OK' if report['ok'] else 'NEEDS ATTENTION'}")
    for p in report["problems"]:
        print(f"  ! {p}")
    print("sources:")
    if not report["sources"]:
        print("  (none has polled yet)")
    for s in report["sources"]:
        print(f"  {s['source_name']:<24} {s['status']:<12} last ok {s['last_success_at'] or 'never'}"
              f"  items {s['items_seen']}")
    print("queue (awaiting acknowledgement):")
    if not report["queue"]:
        print("  empty")
    for sev, q in report["queue"].items():
        print(f"  {Severity.parse(sev).shown:<11} {q['open']:>5} open, {q['overdue']} overdue")
    print(f"  unclassified: {report['unclassified']}")
    o = report["outbox"]
    print(f"outbox: {o['pending']} pending (oldest {o['oldest_pending'] or '-'}), "
          f"{o['failed_last_7_days']} failed in 7 days, {o['failed_total']} failed in all")
    if report["last_errors"]:
        print("last errors:")
        for e in report["last_errors"]:
            print(f"  {e['at']}  {e['what']}: {e['error']}")


def _main(args: argparse.Namespace) -> int:
    from watchtower.models import utcnow

    config, db = open_config_and_database(args, "status", migrate=False)
    try:
        report = collect(db, utcnow(), config.watch.silent_after_hours)
    finally:
        db.close()
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print(report)
    return 0 if report["ok"] else 1
