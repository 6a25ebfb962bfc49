"""The queue workers' loop (wake_loop.py), shared by the notifier and the platform-actions worker."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from watchtower.timeutil import ts
from watchtower.wake_loop import MIN_WAIT_SECONDS, run_wake_loop, seconds_until

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_the_wait_is_until_the_next_due_row_bounded_by_idle_and_a_floor() -> None:
    assert seconds_until(None, NOW, 15) == 15
    assert seconds_until(ts(NOW + timedelta(seconds=4)), NOW, 15) == 4
    assert seconds_until(ts(NOW + timedelta(hours=1)), NOW, 15) == 15
    assert seconds_until(ts(NOW - timedelta(seconds=30)), NOW, 15) == MIN_WAIT_SECONDS


class Log:
    def __init__(self) -> None:
        self.events: list[str] = []

    def exception(self, event: str, **kw: object) -> None:
        self.events.append(event)


async def test_a_wake_runs_a_round_at_once_a_crash_is_logged_and_stop_ends_the_loop() -> None:
    stop, wake, log, rounds = asyncio.Event(), asyncio.Event(), Log(), []

    async def work() -> None:
        rounds.append(1)
        if len(rounds) == 2:
            raise RuntimeError("disk full")

    async def next_due() -> str | None:
        raise OSError("unreadable")

    task = asyncio.create_task(run_wake_loop(
        stop, wake, work=work, next_due=next_due, clock=lambda: NOW, crash_wait=lambda n: 0.01,
        idle_seconds=60, log=log, crashed_event="crashed", next_due_failed_event="next_due_failed"))
    async def three_rounds() -> None:
        while len(rounds) < 3:  # each wake (idle is a minute) runs another round
            wake.set()
            await asyncio.sleep(0.01)

    await asyncio.wait_for(three_rounds(), 2)
    stop.set()
    await asyncio.wait_for(task, 2)
    assert "crashed" in log.events and "next_due_failed" in log.events
