"""The one runner that keeps each of the daemon's periodic jobs going, and what a job is handed.

A job is ``async def job(ctx: JobContext, stop: asyncio.Event) -> None``: it runs from start to shutdown and returns
promptly once ``stop`` is set. It is handed a :class:`JobContext` (the store, the clock, the config as a getter so a
SIGHUP reload reaches it, and a way to wake the notifier), never the daemon. :func:`run_job` restarts a job that
crashes after a pause, so one faulty job never takes the daemon down. Which jobs run is the daemon's
``BACKGROUND_JOBS``: the jobs (digest, watchers, retention, platform actions) import this module for their context,
so it imports none of them.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from watchtower.logging import get_logger

if TYPE_CHECKING:
    import aiohttp

    from watchtower.config import Config
    from watchtower.store import Store
    from watchtower.store.db import Db

__all__ = ["RESTART_PAUSE_SECONDS", "Job", "JobContext", "job_name", "queue_pass", "run_job", "wait_or_stop"]

RESTART_PAUSE_SECONDS = 30.0


@dataclass(frozen=True, eq=False)
class JobContext:
    """What a background job may use. ``config()`` is re-read on every pass (a reload replaces it)."""

    store: Store
    clock: Callable[[], datetime]
    config: Callable[[], Config]
    wake_notifier: Callable[[], None]
    started_at: datetime
    #: the daemon's shared HTTP session (None before start and after close), for jobs that call platforms
    session: Callable[[], aiohttp.ClientSession | None] = lambda: None
    environ: Mapping[str, str] = field(default_factory=dict)
    #: what per-daemon state is kept under (the platform-actions worker, which the dashboard also wakes)
    owner: Any = None


Job = Callable[[JobContext, asyncio.Event], Awaitable[None]]


async def wait_or_stop(stop: asyncio.Event, seconds: float) -> None:
    """Wait ``seconds``, or until ``stop`` is set."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


async def queue_pass(ctx: JobContext, tick: Callable[[Db, Config, datetime], int], *, log: Any, event: str,
                     counted: str) -> tuple[Config, datetime]:
    """One pass of a job that queues emails (the digest, the watchers): ``tick(db, config, now)`` in one write
    transaction, with the config as it is now (a SIGHUP reload may have replaced it); when it queued any, logged as
    ``event`` with the number as ``counted``, and the notifier woken. Returns the config and time it ran with."""
    config = ctx.config()
    now = ctx.clock()
    queued = await ctx.store.write(lambda db: tick(db, config, now))
    if queued:
        log.info(event, **{counted: queued})
        ctx.wake_notifier()
    return config, now


def job_name(job: Job) -> str:
    return f"{getattr(job, '__module__', '?')}:{getattr(job, '__qualname__', repr(job))}"


async def run_job(job: Job, ctx: JobContext, stop: asyncio.Event, *, pause: float = RESTART_PAUSE_SECONDS) -> None:
    """Run ``job`` until it returns or ``stop`` is set; a crash is logged and the job restarted after ``pause``."""
    log = get_logger(component="daemon")
    while not stop.is_set():
        try:
            await job(ctx, stop)
            return
        except Exception:
            log.exception("job_crashed", job=job_name(job))
            await wait_or_stop(stop, pause)

