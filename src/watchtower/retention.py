"""Data retention (design.md, Data protection): monitoring data is kept only as long as the policy says.

Items with no category are deleted ``retention.unflagged_days`` after Watchtower first stored them, flagged items
after ``retention.flagged_days``; their classifications, escalation steps, acknowledgements and actions go with
them (foreign keys cascade) and alerts about them lose the link (``item_id`` set NULL: an item alert's email is
rendered at send time, so the outbox holds no post text). Digest emails are the exception, they are stored
rendered and may quote posts, so their bodies are cleared on the same schedule. Items not yet classified are never
purged (triage owes them a decision first). Each purge adds one audit row with counts, never text; the audit log
itself is kept.

The daemon runs ``run_retention`` as a background job: at start-up and daily at ``retention.purge_time`` (local
time in ``deadlines.timezone``). ``watchtower purge [--dry-run]`` runs the same function by hand.
"""

from __future__ import annotations

import asyncio
from dataclasses import asdict, dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from watchtower.config import RetentionConfig
from watchtower.jobs import JobContext, wait_or_stop
from watchtower.logging import get_logger
from watchtower.store import repo
from watchtower.store.db import Db
from watchtower.timeutil import ts

_UNFLAGGED = "(categories IS NULL OR categories = '[]') AND COALESCE(severity, 0) = 0"
_FLAGGED = f"NOT ({_UNFLAGGED})"


@dataclass(frozen=True)
class PurgeCounts:
    unflagged_items: int = 0
    flagged_items: int = 0
    classifications: int = 0
    escalation_steps: int = 0
    acknowledgements: int = 0
    actions: int = 0
    alerts_detached: int = 0
    digest_bodies_cleared: int = 0

    @property
    def items(self) -> int:
        return self.unflagged_items + self.flagged_items


def cutoffs(policy: RetentionConfig, now: datetime) -> tuple[datetime, datetime]:
    """(unflagged cutoff, flagged cutoff): items first stored before these are due for deletion."""
    return now - timedelta(days=policy.unflagged_days), now - timedelta(days=policy.flagged_days)


def _count(db: Db, sql: str, params: list[Any]) -> int:
    return int(db.execute(sql, params).fetchone()[0])


def purge(
    db: Db, policy: RetentionConfig, *, now: datetime, dry_run: bool = False, channel: str = "daemon"
) -> PurgeCounts:
    """Delete what the retention policy no longer allows us to keep. Run inside one write transaction."""
    unflagged_before, flagged_before = cutoffs(policy, now)
    due = (
        f"classified_at IS NOT NULL AND (({_UNFLAGGED} AND first_seen_at < ?) OR ({_FLAGGED} AND first_seen_at < ?))"
    )
    params = [ts(unflagged_before), ts(flagged_before)]
    sub = f"SELECT id FROM items WHERE {due}"
    counts = PurgeCounts(
        unflagged_items=_count(
            db, f"SELECT COUNT(*) FROM items WHERE classified_at IS NOT NULL AND {_UNFLAGGED} AND first_seen_at < ?",
            params[:1],
        ),
        flagged_items=_count(
            db, f"SELECT COUNT(*) FROM items WHERE classified_at IS NOT NULL AND {_FLAGGED} AND first_seen_at < ?",
            params[1:],
        ),
        classifications=_count(db, f"SELECT COUNT(*) FROM classifications WHERE item_id IN ({sub})", params),
        escalation_steps=_count(db, f"SELECT COUNT(*) FROM escalation_steps WHERE item_id IN ({sub})", params),
        acknowledgements=_count(db, f"SELECT COUNT(*) FROM acknowledgements WHERE item_id IN ({sub})", params),
        actions=_count(db, f"SELECT COUNT(*) FROM actions WHERE item_id IN ({sub})", params),
        alerts_detached=_count(db, f"SELECT COUNT(*) FROM alerts WHERE item_id IN ({sub})", params),
        digest_bodies_cleared=_count(
            db,
            "SELECT COUNT(*) FROM alerts WHERE kind = 'digest' AND status != 'pending' AND body IS NOT NULL "
            "AND created_at < ?",
            params[:1],
        ),
    )
    if dry_run:
        return counts
    db.execute(f"DELETE FROM items WHERE {due}", params)
    db.execute(
        "UPDATE alerts SET body = NULL WHERE kind = 'digest' AND status != 'pending' AND body IS NOT NULL "
        "AND created_at < ?",
        params[:1],
    )
    repo.audit(
        db,
        actor="watchtower",
        action="retention_purge",
        channel=channel,
        now=now,
        unflagged_days=policy.unflagged_days,
        flagged_days=policy.flagged_days,
        **asdict(counts),
    )
    return counts


def next_run(now: datetime, purge_time: str, tz: str) -> datetime:
    """The next ``purge_time`` (HH:MM, local in ``tz``) strictly after ``now`` (aware UTC), as aware UTC."""
    hh, mm = (int(x) for x in purge_time.split(":", 1))
    zone = ZoneInfo(tz)
    local = now.astimezone(zone)
    candidate = datetime.combine(local.date(), time(hh, mm), tzinfo=zone)
    if candidate <= local:
        candidate = datetime.combine(local.date() + timedelta(days=1), time(hh, mm), tzinfo=zone)
    return candidate.astimezone(now.tzinfo)


async def run_retention(ctx: JobContext, stop: asyncio.Event) -> None:
    """Background job: purge at start-up, then daily at ``retention.purge_time`` until ``stop`` is set.

    Reads the policy from ``ctx.config()`` each time, so a SIGHUP reload applies to the next purge."""
    log = get_logger(component="retention")

    async def once() -> None:
        policy = ctx.config().retention
        now = ctx.clock()
        try:
            counts = await ctx.store.write(lambda db: purge(db, policy, now=now))
        except Exception:  # disk full, locked: try again at the next run, keep the daemon going
            log.exception("retention_purge_failed")
            return
        log.info("retention_purged", **asdict(counts))

    await once()
    while not stop.is_set():
        now = ctx.clock()
        config = ctx.config()
        at = next_run(now, config.retention.purge_time, config.deadlines.timezone)
        # wake at least hourly: the wall clock may jump (suspend, NTP) and the config may be reloaded
        wait = min(3600.0, max(1.0, (at - now).total_seconds()))
        await wait_or_stop(stop, wait)
        if stop.is_set():
            return
        if ctx.clock() >= at:
            await once()
