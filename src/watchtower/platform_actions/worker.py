"""The worker: does what the ``platform_actions`` table holds, once each, and records what the platform said.

pending -> (claim, committed) sending -> call -> done | failed | pending again (transient: backoff) | dry_run.
A stop between the claim and the answer leaves 'sending': at the next start an idempotent action (hide, unhide,
delete, ban; a Mastodon reply with its Idempotency-Key; a Bluesky post with its fixed record key) is done again,
which changes nothing if the first call landed; any other reply becomes 'uncertain' and a person checks the
platform, because sending it again could post it twice. A row never written is never called.
"""

from __future__ import annotations

import asyncio
import json
import weakref
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import aiohttp

from watchtower.backoff import backoff
from watchtower.config import Config
from watchtower.logging import get_logger
from watchtower.models import utcnow
from watchtower.platform_actions.clients import ModerationClient
from watchtower.platform_actions.model import (
    IDEMPOTENT_REPLY_PLATFORMS,
    ActionError,
    ActionForbidden,
    ActionGone,
    ActionSpec,
    ActionTransient,
    NotPossible,
)
from watchtower.platform_actions.registry import build_client
from watchtower.store import Store, repo
from watchtower.timeutil import parse_ts
from watchtower.wake_loop import run_wake_loop

if TYPE_CHECKING:
    from watchtower.jobs import JobContext

#: what the item's history says when an action is done (models.ACTIONS)
RECORDED_AS = {"hide": "hidden", "delete": "deleted", "ban": "blocked_reported", "reply": "replied"}

#: (platform, the row's source name, the item's school) -> the client whose token acts (build_client resolves the
#: source: the one that saw the item, else its school's source of that platform)
ClientFactory = Callable[[str, str, str | None], ModerationClient]


def retry_delay(attempts: int, first: float, maximum: float) -> float:
    """Seconds to wait after the ``attempts``-th failed try (counting it: 1 waits ``first``, then doubling)."""
    return backoff(attempts - 1, first, maximum)


class PlatformActionWorker:
    def __init__(self, *, store: Store, config: Callable[[], Config], clients: ClientFactory,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.config = config
        self.clients = clients
        self.clock = clock
        self.wake = asyncio.Event()
        self.log = get_logger(component="platform_actions")
        self._cache: dict[tuple[str, str, str | None], ModerationClient] = {}

    def client(self, platform: str, source_name: str, school: str | None) -> ModerationClient:
        key = (platform, source_name, school)
        if key not in self._cache:
            self._cache[key] = self.clients(platform, source_name, school)
        return self._cache[key]

    async def recover(self) -> None:
        """Rows a stop left 'sending': redo what is safe to redo; mark the rest uncertain for a person."""
        now = self.clock()
        for row in await self.store.read(repo.interrupted_platform_actions):
            safe = row["kind"] != "reply" or row["platform"] in IDEMPOTENT_REPLY_PLATFORMS
            if safe:
                await self.store.write(_requeue(int(row["id"]), now))
            else:
                msg = ("Watchtower stopped while sending this reply: check on the platform whether it was posted "
                       "before asking again")
                await self._finish(row, "uncertain", now, error=msg)

    async def run(self, stop: asyncio.Event, *, idle_seconds: float = 30) -> None:
        await self.recover()
        await run_wake_loop(
            stop, self.wake, work=lambda: self.flush(), next_due=lambda: self.store.read(repo.next_platform_action_due),
            clock=self.clock, crash_wait=lambda crashes: retry_delay(crashes, 5, 300), idle_seconds=idle_seconds,
            log=self.log, crashed_event="platform_actions_crashed",
            next_due_failed_event="platform_actions_next_due_unreadable",
        )

    async def flush(self) -> int:
        """Do every action that is due now, one at a time. Returns how many finished (done or dry run)."""
        now = self.clock()
        rows = await self.store.read(lambda db: repo.due_platform_actions(db, now))
        finished = 0
        for row in rows:
            if await self._one(row):
                finished += 1
        return finished

    async def _one(self, row: dict[str, Any]) -> bool:
        now = self.clock()
        if not await self.store.write(lambda db: repo.claim_platform_action(db, row["id"], now=now)):
            return False
        cfg = self.config()
        if cfg.actions.dry_run:
            await self._finish(row, "dry_run", self.clock(), result={"would": row["plan"]})
            return True
        spec, school = await self.store.read(lambda db: _spec(db, row))
        try:
            client = self.client(row["platform"], str(row["source_name"]), school)
            answer = await client.perform(spec)
        except ActionTransient as exc:
            attempts = int(row["attempts"]) + 1
            if attempts >= cfg.actions.max_attempts:
                await self._finish(row, "failed", self.clock(), error=f"gave up after {attempts} tries: {exc}",
                                   result=exc.answer)
                return False
            delay = exc.retry_after if exc.retry_after is not None else retry_delay(
                attempts, cfg.actions.first_backoff_seconds, cfg.actions.max_backoff_seconds)
            delay = min(delay, 24 * 3600.0)
            when = self.clock() + timedelta(seconds=delay)
            error = str(exc)
            await self.store.write(lambda db: repo.retry_platform_action(db, row["id"], error=error,
                                                                         next_attempt_at=when))
            self.log.warning("platform_action_retry", action_id=row["id"], platform=row["platform"],
                             kind=row["kind"], error=str(exc), retry_in=round(delay, 1))
            return False
        except ActionGone as exc:
            if row["kind"] == "delete":  # it is gone either way: what was asked for holds
                await self._finish(row, "done", self.clock(), result={"already_gone": str(exc), "answer": exc.answer})
                return True
            await self._finish(row, "failed", self.clock(), error=str(exc), result=exc.answer)
            return False
        except (ActionError, NotPossible) as exc:
            level = "error" if isinstance(exc, ActionForbidden) else "warning"
            getattr(self.log, level)("platform_action_failed", action_id=row["id"], platform=row["platform"],
                                     kind=row["kind"], error=str(exc))
            await self._finish(row, "failed", self.clock(), error=str(exc),
                               result=getattr(exc, "answer", None))
            return False
        except Exception as exc:  # a bug or an unexpected answer: fail this row clearly, never retry blindly
            self.log.exception("platform_action_crashed", action_id=row["id"])
            await self._finish(row, "failed", self.clock(), error=f"unexpected error: {type(exc).__name__}: {exc}")
            return False
        await self._finish(row, "done", self.clock(), result=answer)
        return True

    async def _finish(self, row: dict[str, Any], status: str, now: datetime, *, result: Any = None,
                      error: str | None = None) -> None:
        def work(db: Any) -> None:
            repo.finish_platform_action(db, row["id"], status=status, now=now, result=result, error=error)
            item_id = row["item_id"]
            repo.audit(db, actor=row["requested_by"], action=f"platform:{row['kind']}:{status}", channel="platform",
                       now=now, item_id=item_id, action_id=row["id"], platform=row["platform"], plan=row["plan"],
                       answer=json.dumps(result, default=str)[:1000] if result is not None else None, error=error)
            if status != "done" or item_id is None or repo.get_item(db, item_id) is None:
                return
            recorded = RECORDED_AS.get(row["kind"])
            if recorded:
                repo.record_action(db, item_id, recorded, by=row["requested_by"], channel="platform", now=now,
                                   note=f"done on {row['platform']} through Watchtower (action {row['id']})")
            if row["kind"] == "reply":  # a reply is an acknowledgement (policy: even if only to acknowledge receipt)
                repo.acknowledge(db, item_id, by=row["requested_by"], channel="platform-reply", now=now,
                                 note=f"replied on {row['platform']} through Watchtower")

        await self.store.write(work)


def _requeue(action_id: int, now: datetime) -> Callable[[Any], None]:
    return lambda db: repo.requeue_platform_action(db, action_id, now=now)


def _spec(db: Any, row: dict[str, Any]) -> tuple[ActionSpec, str | None]:
    """The action as the client needs it, and the school of its item (None without an item)."""
    item = repo.get_item(db, row["item_id"]) if row["item_id"] is not None else None
    params = json.loads(row["params"] or "{}")
    extra: dict[str, Any] = {}
    if item is not None:
        try:
            extra = dict(json.loads(item.extra))
        except ValueError:
            extra = {}
    requested = parse_ts(row["requested_at"])
    extra["requested_at"] = requested.strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"
    extra["requested_micros"] = int(requested.timestamp() * 1_000_000)
    return ActionSpec(
        action_id=row["id"], kind=row["kind"], platform=row["platform"], source_name=row["source_name"],
        target_id=row["target_id"], dedup_key=row["dedup_key"], text=params.get("text"),
        author_handle=None if item is None else item.author_handle, extra=extra), None if item is None else item.school


# --- the daemon's background job -------------------------------------------------------------------

_WORKERS: weakref.WeakKeyDictionary[Any, PlatformActionWorker] = weakref.WeakKeyDictionary()


def daemon_clients(daemon: Any) -> ClientFactory:
    def make(platform: str, source_name: str, school: str | None) -> ModerationClient:
        session: aiohttp.ClientSession | None = daemon.session
        environ: Mapping[str, str] = daemon.environ
        return build_client(daemon.config, platform, source_name, session, environ, school=school)

    return make


def worker_for(daemon: Any) -> PlatformActionWorker:
    """The daemon's worker (made on first use, so the dashboard can wake it before the job starts)."""
    worker = _WORKERS.get(daemon)
    if worker is None:
        worker = PlatformActionWorker(store=daemon.store, config=lambda: daemon.config,
                                      clients=daemon_clients(daemon), clock=daemon.clock)
        _WORKERS[daemon] = worker
    return worker


def wake(daemon: Any) -> None:
    worker_for(daemon).wake.set()


async def run_platform_actions(ctx: JobContext, stop: asyncio.Event) -> None:
    """``daemon.BACKGROUND_JOBS`` entry: from start to shutdown. The worker is kept under ``ctx.owner`` (the daemon),
    where the dashboard finds it to wake it."""
    await worker_for(ctx.owner).run(stop)
