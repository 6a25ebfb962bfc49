"""What the poller records in source health (issue 14): a source that keeps failing is backed off and says so;
a fetch that partly failed is ``degraded``; a wrong id is ``misconfigured`` with its own words to the operator;
a connector's whole-poll budget, not the one-request timeout, bounds a multi-request poll. Real SQLite file."""

from __future__ import annotations

import asyncio
from typing import Any

from conftest import FakeClock, both_stores
from watchtower.connectors.base import Cursor, FetchResult
from watchtower.exceptions import SourceMisconfigured, SourceUnavailable
from watchtower.poller import SourcePoller
from watchtower.store import Store, repo
from watchtower.store.db import Db

pytestmark = both_stores


class Scripted:
    platform = "x"

    def __init__(self, *outcomes: Any, delay: float = 0.0, poll_budget: float | None = None) -> None:
        self.name = "x:school"
        self.outcomes = list(outcomes)
        self.delay = delay
        if poll_budget is not None:
            self.poll_budget = poll_budget

    async def fetch(self, cursor: Cursor) -> FetchResult:
        await asyncio.sleep(self.delay)
        out = self.outcomes.pop(0)
        if isinstance(out, Exception):
            raise out
        assert isinstance(out, FetchResult)
        return out

    def describe(self) -> str:
        return "scripted"


def poller(conn: Scripted, store: Store, clock: FakeClock, told: list[tuple[str, str]], timeout: float = 5) -> Any:
    def notify(db: Db, source: str, status: str, body: str, now: Any) -> None:
        told.append((status, body))

    async def on_new(ids: list[int]) -> None:
        return None

    return SourcePoller(conn, store=store, interval=60, timeout=timeout, on_new_items=on_new,
                        notify_operator=notify, clock=clock)


def health(db: Db) -> dict[str, Any]:
    [h] = repo.source_health(db)
    return h


async def test_a_source_that_keeps_failing_is_backed_off_and_its_health_says_when_it_is_tried_next(
    store: Store, db: Db, clock: FakeClock
) -> None:
    boom = SourceUnavailable("response body over 5 MB: raise max_body_mb")
    p = poller(Scripted(boom, boom, boom), store, clock, [])
    delays = [await p.poll_once() for _ in range(3)]
    assert delays == sorted(delays) and delays[0] < delays[-1]  # tried less and less often
    h = health(db)
    assert h["status"] == "failing" and h["consecutive_failures"] == 3
    assert "max_body_mb" in h["last_error"] and f"next try in {delays[-1]:.0f} s" in h["last_error"], h


async def test_a_partly_failed_fetch_is_degraded_and_a_clean_one_recovers(
    store: Store, db: Db, clock: FakeClock
) -> None:
    p = poller(Scripted(FetchResult([], {}, warnings=["mentions: HTTP 400 since_id refused"]), FetchResult([], {})),
               store, clock, [])
    await p.poll_once()
    h = health(db)
    assert h["status"] == "degraded" and "mentions: HTTP 400" in h["last_error"]
    await p.poll_once()
    assert health(db)["status"] == "ok"


async def test_a_wrong_id_is_misconfigured_and_the_operator_is_told_to_fix_the_config(
    store: Store, db: Db, clock: FakeClock
) -> None:
    told: list[tuple[str, str]] = []
    p = poller(Scripted(SourceMisconfigured("X: Could not find user with id 42")), store, clock, told)
    await p.poll_once()
    assert health(db)["status"] == "misconfigured"
    [(status, body)] = told
    assert status == "misconfigured" and "does not exist" in body and "right ids" in body


async def test_a_connectors_poll_budget_bounds_the_whole_poll_not_the_one_request_timeout(
    store: Store, db: Db, clock: FakeClock
) -> None:
    # four streams of 0.1 s each: more than one request's timeout (0.2 s), within the poll's budget (1 s)
    p = poller(Scripted(FetchResult([], {}), delay=0.4, poll_budget=1.0), store, clock, [], timeout=0.2)
    await p.poll_once()
    assert health(db)["status"] == "ok"
    slow = poller(Scripted(FetchResult([], {}), delay=0.4), store, clock, [], timeout=0.2)
    await slow.poll_once()
    assert health(db)["status"] == "failing"
