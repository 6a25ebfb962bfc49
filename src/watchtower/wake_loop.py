"""The loop a queue worker runs (the notifier's outbox, the platform-actions worker): do what is due, then sleep
until the next row is due, someone wakes it, or the daemon stops.

A round that raises (the store failed, disk full? or a bug) is logged and the loop backs off rather than spins;
nothing is lost, the rows wait. Nothing here knows what the rows are: the worker gives its round, its "next due"
read and its crash backoff.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from watchtower.timeutil import parse_ts

#: never wait less than this for a row due "now" (a clock a little behind the row's time must not spin)
MIN_WAIT_SECONDS = 0.05


def seconds_until(due: str | None, now: datetime, idle: float) -> float:
    """How long to sleep before a row due at ``due`` (a stored timestamp; None: nothing is waiting): at most
    ``idle``, at least MIN_WAIT_SECONDS."""
    if due is None:
        return idle
    return max(MIN_WAIT_SECONDS, min(idle, (parse_ts(due) - now).total_seconds()))


async def wait_for_wake(wake: asyncio.Event, stop: asyncio.Event, seconds: float) -> None:
    """Return when ``wake`` or ``stop`` is set, or after ``seconds``."""
    waiters = {asyncio.ensure_future(wake.wait()), asyncio.ensure_future(stop.wait())}
    _, pending = await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
    for w in pending:
        w.cancel()


async def run_wake_loop(
    stop: asyncio.Event,
    wake: asyncio.Event,
    *,
    work: Callable[[], Awaitable[object]],
    next_due: Callable[[], Awaitable[str | None]],
    clock: Callable[[], datetime],
    crash_wait: Callable[[int], float],
    idle_seconds: float,
    log: Any,
    crashed_event: str,
    next_due_failed_event: str | None = None,
) -> None:
    """Until ``stop``: run ``work()``, then wait for ``wake``, ``stop`` or the next due row (``next_due()``, at most
    ``idle_seconds``). After ``n`` rounds in a row that raised, wait at least ``crash_wait(n)``. A ``next_due`` that
    raises waits ``idle_seconds`` (logged as ``next_due_failed_event`` when one is given)."""
    crashes = 0
    while not stop.is_set():
        try:
            await work()
            crashes = 0
        except Exception:
            crashes += 1
            log.exception(crashed_event, consecutive=crashes)
        wake.clear()
        try:
            wait = seconds_until(await next_due(), clock(), idle_seconds)
        except Exception:
            if next_due_failed_event is not None:
                log.exception(next_due_failed_event)
            wait = idle_seconds
        if crashes:
            wait = max(wait, crash_wait(crashes))
        await wait_for_wake(wake, stop, wait)


__all__ = ["MIN_WAIT_SECONDS", "run_wake_loop", "seconds_until", "wait_for_wake"]
