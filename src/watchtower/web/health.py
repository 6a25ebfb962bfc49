"""The health snapshot: for the school's monitoring (``/healthz``) and ``watchtower status``.

Nothing from posts or people: source names and states, outbox counts, times. ``status`` is ``ok`` when every
enabled source polls and no email has failed, ``degraded`` when some fail,
``failing`` when every source has been tried and none works, or when the database cannot be written (every post
and every "sent" record would be lost: a write probe, at most every few seconds). A source not polled yet (just
after start) does not degrade the status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from watchtower.store import repo
from watchtower.store.db import Db
from watchtower.timeutil import ts

if TYPE_CHECKING:
    from watchtower.web._context import DashboardHost


async def health_snapshot(daemon: DashboardHost) -> dict[str, Any]:
    """A JSON-able summary of the health of the daemon the dashboard serves."""
    from watchtower.web._queries import outbox_counts

    def read(db: Db) -> tuple[list[dict[str, Any]], dict[str, int]]:
        return repo.source_health(db), outbox_counts(db)

    store_error = await daemon.check_store()
    health, outbox = await daemon.store.read(read)
    by_name = {h["source_name"]: h for h in health}
    sources: list[dict[str, Any]] = []
    for src in daemon.config.all_sources:
        if not src.enabled:
            continue
        h = by_name.get(src.name)
        owner = daemon.config.school_of_source(src.name)
        sources.append({
            "name": src.name,
            "school": owner.id if owner is not None else None,
            "type": src.type,
            "status": h["status"] if h else "not_polled_yet",
            "last_success_at": h["last_success_at"] if h else None,
            "last_error_at": h["last_error_at"] if h else None,
            "consecutive_failures": h["consecutive_failures"] if h else 0,
        })
    polls = [t for h in health for t in (h["last_success_at"], h["last_error_at"]) if t]
    working = [s for s in sources if s["status"] == "ok"]
    none_works = bool(sources) and not working and all(s["status"] != "not_polled_yet" for s in sources)
    if store_error is not None or none_works:
        status = "failing"
    elif any(s["status"] not in ("ok", "not_polled_yet") for s in sources) or outbox["failed"]:
        status = "degraded"
    else:
        status = "ok"
    now = daemon.clock()
    started = daemon.started_at
    return {
        "status": status,
        "store": {"writable": store_error is None, "error": store_error},
        "now": ts(now),
        "started_at": ts(started) if started else None,
        "uptime_seconds": round((now - started).total_seconds()) if started else None,
        "sources": sources,
        "sources_ok": len(working),
        "sources_total": len(sources),
        "outbox": outbox,
        "last_poll": max(polls) if polls else None,
    }
