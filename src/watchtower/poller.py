"""The poller owns time: it runs each connector on its interval with jitter, a timeout on every call, backoff on
failure, and persists the items *and then* the cursor in one transaction, so a crash between fetch and store
re-fetches and never skips.

It logs on status change only (one ``source_failed``, one ``source_recovered``), and tells the operator by email
once when a source needs a person (expired token, exhausted quota) and again when it recovers.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

import structlog

from watchtower.backoff import backoff
from watchtower.connectors.base import Connector, FetchResult
from watchtower.exceptions import SourceAuthFailed, SourceMisconfigured, SourceQuotaExhausted, SourceUnavailable
from watchtower.logging import get_logger
from watchtower.models import DEFAULT_SCHOOL, Item, utcnow
from watchtower.notify.notice import Notice
from watchtower.store import Store, repo
from watchtower.store.db import Db

#: longest wait after repeated transient failures
MAX_BACKOFF_SECONDS = 1800.0
#: how often a source that needs a person (auth, quota, config) is tried again, to notice recovery
NEEDS_PERSON_RETRY_SECONDS = 3600.0
#: statuses that need a person, each told to the operator once (and again on recovery)
NEEDS_PERSON = {
    "auth_failed": "its token has expired or a permission was revoked",
    "quota": "its usage cap or credits are used up",
    "misconfigured": "the platform says something its configuration names does not exist (for example a wrong "
    "user, page or channel id)",
}


def jittered(interval: float, rng: random.Random, fraction: float = 0.1) -> float:
    """``interval`` give or take ``fraction``, so many sources don't poll in lock-step."""
    return max(0.0, interval * (1 + rng.uniform(-fraction, fraction)))


def failure_delay(consecutive: int, interval: float, retry_after: float | None) -> float:
    """How long to wait after the ``consecutive``-th failure in a row: the platform's word if it gave one, else
    exponential backoff from a quarter of the interval, capped."""
    if retry_after is not None and retry_after > 0:
        return min(retry_after, MAX_BACKOFF_SECONDS * 4)
    return backoff(consecutive - 1, max(5.0, interval / 4), MAX_BACKOFF_SECONDS)


OnNewItems = Callable[[list[int]], Awaitable[None]]
Notify = Callable[[Db, str, str, str, datetime], None]


class SourcePoller:
    def __init__(
        self,
        connector: Connector,
        *,
        store: Store,
        interval: float,
        timeout: float,
        on_new_items: OnNewItems,
        notify_operator: Notify,
        clock: Callable[[], datetime] = utcnow,
        rng: random.Random | None = None,
        school: str = DEFAULT_SCHOOL,
    ) -> None:
        self.connector = connector
        self.name = connector.name
        #: the school the source belongs to: its items, health and notices are that school's
        self.school = school
        self.store = store
        self.interval = interval
        self.timeout = timeout
        self.on_new_items = on_new_items
        self.notify_operator = notify_operator
        self.clock = clock
        self.rng = rng or random.Random()
        self.failures = 0
        self.status = "ok"
        self.log = get_logger(source=self.name)

    async def poll_once(self) -> float:
        """One poll. Returns the seconds to wait before the next."""
        structlog.contextvars.bind_contextvars(source=self.name)
        cursor = await self.store.read(lambda db: repo.load_cursor(db, self.name))
        budget = self.poll_budget
        try:
            async with asyncio.timeout(budget):
                result = await self.connector.fetch(cursor)
        except TimeoutError:
            return await self._failed(
                "failing", f"the poll did not finish within {budget:g} s, the source's timeout_seconds", None
            )
        except SourceUnavailable as exc:
            return await self._failed("failing", str(exc), exc.retry_after)
        except SourceMisconfigured as exc:
            return await self._failed("misconfigured", str(exc), NEEDS_PERSON_RETRY_SECONDS)
        except SourceAuthFailed as exc:
            return await self._failed("auth_failed", str(exc), NEEDS_PERSON_RETRY_SECONDS)
        except SourceQuotaExhausted as exc:
            return await self._failed("quota", str(exc), exc.retry_after or NEEDS_PERSON_RETRY_SECONDS)
        except Exception as exc:  # a bug: keep the other sources running, say what happened
            self.log.exception("source_bug", error=repr(exc))
            return await self._failed("failing", f"unexpected error: {exc!r}", None)
        new_ids = await self.store_result(result)
        if new_ids:
            await self.on_new_items(new_ids)
        return jittered(self.interval, self.rng)

    @property
    def poll_budget(self) -> float:
        """Seconds one whole poll may take: the connector's ``poll_budget`` if it has one (a fetch of several
        requests in a row), else the source's timeout."""
        budget = getattr(self.connector, "poll_budget", None)
        return float(budget) if isinstance(budget, int | float) and budget > 0 else self.timeout

    async def store_result(self, result: FetchResult) -> list[int]:
        """Items first, cursor second, in one transaction: the cursor never runs ahead of what is stored."""
        now = self.clock()
        items: Sequence[Item] = result.items
        platform = self.connector.platform
        warning = "; ".join(result.warnings) if result.warnings else None

        def write(db: Db) -> tuple[list[int], str | None]:
            ids = repo.ingest(db, items, source_name=self.name, now=now, school=self.school)
            repo.save_cursor(db, self.name, result.cursor, now)
            recovered_from = repo.record_source_success(
                db, self.name, platform, new_items=len(ids), now=now, warning=warning, school=self.school
            )
            if recovered_from in NEEDS_PERSON:
                self.notify_operator(
                    db, self.name, "recovered", f"{self.name} is working again (it was {recovered_from}).", now
                )
            return ids, recovered_from

        ids, recovered_from = await self.store.write(write)
        status = "degraded" if warning else "ok"
        if warning and self.status != "degraded":
            self.log.warning("source_degraded", warnings=result.warnings)
        elif self.status not in ("ok", status) or recovered_from:
            self.log.info("source_recovered", after_failures=self.failures)
        self.failures = 0
        self.status = status
        self.log.debug("source_polled", fetched=len(items), new=len(ids))
        return ids

    async def _failed(self, status: str, error: str, retry_after: float | None) -> float:
        """Record a failed poll and back off: a source that keeps failing is tried less and less often (never
        more than MAX_BACKOFF_SECONDS apart), and its health says so: the error, how many failures in a row,
        when the next try is. Other sources are untouched: each has its own task."""
        self.failures += 1
        now = self.clock()
        platform = self.connector.platform
        delay = failure_delay(self.failures, self.interval, retry_after)
        recorded = f"{error[:400]} (failure {self.failures} in a row; next try in {delay:.0f} s)"

        def write(db: Db) -> str | None:
            prev = repo.record_source_failure(db, self.name, platform, status=status, error=recorded, now=now,
                                              school=self.school)
            if status in NEEDS_PERSON and prev != status:
                what = NEEDS_PERSON[status]
                self.notify_operator(
                    db,
                    self.name,
                    status,
                    f"Watchtower has stopped reading {self.name}: {what}.\n\nError: {error}\n\n"
                    "Until this is fixed, posts on this source are not being watched. See connectors/ in the "
                    "Watchtower documentation for "
                    + ("how to find the right ids for the config." if status == "misconfigured"
                       else "how to renew the credentials."),
                    now,
                )
            return prev

        prev = await self.store.write(write)
        if prev != status or self.status != status:
            self.log.warning("source_failed", status=status, error=error, retry_in=round(delay))
        self.status = status
        return delay

    async def run(self, stop: asyncio.Event, *, first_delay: float | None = None) -> None:
        delay = self.rng.uniform(0, min(5.0, self.interval / 10)) if first_delay is None else first_delay
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), timeout=delay)
                return
            except TimeoutError:
                pass
            try:
                delay = await self.poll_once()
            except Exception as exc:  # the store failed (disk full?): retry later, lose nothing
                self.failures += 1
                self.log.exception("poll_store_failed", error=repr(exc))
                delay = failure_delay(self.failures, self.interval, None)


def school_tag(label: str) -> str:
    """The start of a subject that names the school, when the instance has more than one (``label``: its name, or
    "" for a one-school instance)."""
    return f"[{label}] " if label else ""


def operator_notice(recipients: Callable[[], list[tuple[str, str]]], *, school: str = DEFAULT_SCHOOL,
                    label: Callable[[], str] = lambda: "") -> Notify:
    """A ``notify_operator`` that queues one system email per episode to each operator of the source's school (and
    the trust's operator); ``label`` names the school in the subject and body of a trust's emails."""

    def notify(db: Db, source: str, status: str, body: str, now: datetime) -> None:
        name = label()
        subject = school_tag(name) + (
            f"Watchtower: {source} is working again"
            if status == "recovered"
            else f"Watchtower: {source} has stopped ({status.replace('_', ' ')}) and needs a person"
        )
        if name:
            body = f"School: {name}\n\n{body}"
        notice = Notice.source_status(source, status, subject=subject, body=body, now=now, school=school)
        notice.enqueue(db, [(email, name, "operator") for email, name in recipients()], now)

    return notify


def silent_sources(
    health: list[dict[str, Any]], thresholds: dict[str, float], now: datetime, started_at: datetime
) -> list[tuple[str, float]]:
    """Sources with no successful poll for longer than their threshold (hours): (name, hours silent).

    A source that has never succeeded counts from when the daemon started.
    """
    from watchtower.timeutil import maybe_ts

    by_name = {h["source_name"]: h for h in health}
    out = []
    for name, hours in thresholds.items():
        last = maybe_ts(by_name.get(name, {}).get("last_success_at")) or started_at
        silent = now - last
        if silent > timedelta(hours=hours):
            out.append((name, silent.total_seconds() / 3600))
    return out
