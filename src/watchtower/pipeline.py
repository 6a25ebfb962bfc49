"""From a stored item to queued alerts: classify, set the deadline, take the escalation steps that are due.

``Triage`` classifies new items in batches (the model runs in one single-worker executor, off the event loop)
and records, in one transaction per batch: the classification with its reasons, the deadline, and the first
escalation steps ("seen") as outbox rows. ``Escalator`` re-reads open items from the database on a timer and
takes the steps that have come due, so a restart, a clock jump or a week switched off never loses or doubles
a step (each step is recorded once per item; each alert once per (item, step, person)).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from datetime import datetime
from typing import Protocol

from watchtower.backoff import backoff
from watchtower.config import Config
from watchtower.deadlines import DeadlineConfig, clock_start, compute_deadline, received_at
from watchtower.escalation import ItemState, Step, due_steps
from watchtower.logging import get_logger
from watchtower.models import DEFAULT_SCHOOL, Classification, utcnow
from watchtower.notify.notice import Notice
from watchtower.people import Roster, step_roles
from watchtower.store import Store, repo
from watchtower.store.db import Db
from watchtower.store.rows import ItemRow, OpenItem
from watchtower.timeutil import maybe_ts, parse_ts


class Classifier(Protocol):
    version: str

    def classify_batch(self, texts: list[str], sources: list[str | None] | None = None) -> list[Classification]: ...


def item_state(item: OpenItem, now: datetime) -> ItemState:
    """The escalation chain's view of an open item: its clock starts where its deadline's did
    (``deadlines.clock_start``), so the 75 % reminder is 75 % of the deadline window."""
    return ItemState(
        severity=item.severity,
        categories=item.categories,
        source=item.source,
        received_at=clock_start(item.created_at, item.first_seen_at, now),
        deadline_at=parse_ts(item.deadline_at),
        acknowledged_at=None,
        resolved_at=None,
        done_steps=item.done_steps,
        possible=item.possible,
    )


def take_steps(db: Db, config: Config, item_id: int, steps: list[Step], now: datetime, *,
               school: str = DEFAULT_SCHOOL, routing_categories: tuple[str, ...] = ()) -> int:
    """Record each step once and queue its alerts to the item's school's people (and the trust safeguarding lead
    for a safeguarding step: ``people.step_roles``); returns the number of alerts queued."""
    queued = 0
    roster = Roster.from_config(config, school)
    for step in steps:
        if not repo.record_step(db, item_id, step.step_id, step.reason, now):
            continue
        people = roster.route(step_roles(step.roles, routing_categories))
        notice = Notice.item_step(item_id, step.step_id, reason=step.reason, urgent=step.urgent, school=school)
        queued += len(notice.enqueue(db, [(p.email, p.name, p.role) for p in people], now))
    return queued


def _deadline_policy(config: Config, school: str) -> DeadlineConfig:
    """The school's deadline settings (nation, closures); an item of a school no longer configured keeps the
    trust's."""
    try:
        return config.school_by_id(school).deadlines
    except KeyError:
        return config.deadlines


def triage_record(
    db: Db, config: Config, rows: list[ItemRow], results: list[Classification], now: datetime
) -> int:
    """Store classifications and deadlines (by the item's school's calendar) for a batch, and take the steps due
    at once. Returns alerts queued."""
    queued = 0
    tz = config.timezone
    # another daemon may have classified some of these meanwhile (a takeover re-queues a dead daemon's items)
    unclassified = repo.claim_unclassified(db, [r.id for r in rows])
    for row, cls in zip(rows, results, strict=True):
        if row.id not in unclassified:
            continue
        school = row.school
        first_seen = parse_ts(row.first_seen_at)
        created = maybe_ts(row.created_at) or first_seen
        received, how = received_at(created, first_seen)
        decision = compute_deadline(received, cls.severity, row.source, cls.categories,
                                    _deadline_policy(config, school))
        repo.record_classification(
            db,
            row.id,
            cls,
            now=now,
            deadline_at=decision.due_at if decision else None,
            deadline_reason=f"{decision.reason}; {how}" if decision else None,
        )
        repo.audit(
            db,
            actor="watchtower",
            action="classified",
            channel="daemon",
            now=now,
            item_id=row.id,
            categories=list(cls.categories),
            possible=list(cls.possible),
            severity=cls.severity.label,
            model=cls.model_version,
        )
        if decision is None:
            continue
        state = ItemState(
            severity=cls.severity,
            categories=tuple(cls.categories),
            source=row.source,
            received_at=received,
            deadline_at=decision.due_at,
            possible=tuple(cls.possible),
        )
        queued += take_steps(db, config, row.id, due_steps(state, config.escalation, now, tz=tz), now,
                             school=school, routing_categories=state.routing_categories)
    return queued


class Triage:
    """Classifies stored items as they arrive (and any left unclassified by a crash, at start).

    Fair between sources: each source has its own queue and the model takes at most ``batch_size`` items from
    one source before the next source with work gets its turn. A flood of 20,000 posts on one feed therefore
    delays a critical post on another source by about one batch, not by the whole flood (issue 14).
    """

    def __init__(
        self,
        *,
        store: Store,
        classifier: Classifier,
        config: Config,
        executor: Executor,
        on_alerts: Callable[[], None],
        clock: Callable[[], datetime] = utcnow,
        batch_size: int = 64,
        school_classifiers: Mapping[str, Classifier] | None = None,
        retry_first: float = 1.0,
        retry_max: float = 60.0,
    ) -> None:
        self.store = store
        self.classifier = classifier
        #: each school's classifier (its names, staff and lists over the one model); others use ``classifier``
        self.school_classifiers: Mapping[str, Classifier] = school_classifiers or {}
        self.config = config
        self.executor = executor
        self.on_alerts = on_alerts
        self.clock = clock
        self.batch_size = batch_size
        #: after a failed batch (the store refused it), wait ``retry_first`` seconds, doubling to ``retry_max``
        self.retry_first = retry_first
        self.retry_max = retry_max
        #: source name -> ids waiting, in arrival order; the dict's order is the order of turns
        self._queues: dict[str, deque[int]] = {}
        self._work = asyncio.Event()
        self.log = get_logger(component="triage")
        self.classified = 0
        self.idle = asyncio.Event()
        self.idle.set()

    @property
    def waiting(self) -> int:
        """Items queued for classification, over all sources."""
        return sum(len(q) for q in self._queues.values())

    async def submit(self, ids: list[int], *, source: str | None = None) -> None:
        """Queue ``ids`` for classification under ``source`` (their source name; looked up when not given)."""
        if not ids:
            return
        self.idle.clear()
        if source is None:
            by_source = await self.store.read(lambda db: repo.sources_of(db, ids))
        else:
            by_source = {source: list(ids)}
        for name, some in by_source.items():
            self._queues.setdefault(name, deque()).extend(some)
        self._work.set()

    async def recover(self) -> int:
        """Queue items a previous run stored but did not classify (persist first, act after)."""
        ids = await self.store.read(repo.unclassified_ids)
        if ids:
            self.log.info("triage_recovering", items=len(ids))
            await self.submit(ids)
        return len(ids)

    def _take_batch(self) -> tuple[str, list[int]]:
        """Up to ``batch_size`` ids from the source whose turn it is, with its name; that source then goes to the
        back."""
        while self._queues:
            name = next(iter(self._queues))
            queue = self._queues.pop(name)
            batch = [queue.popleft() for _ in range(min(self.batch_size, len(queue)))]
            if queue:
                self._queues[name] = queue  # back of the line
            if batch:
                return name, batch
        return "", []

    def _put_back(self, source: str, ids: list[int]) -> None:
        """Return a batch that could not be recorded to the front of the line, in its order: it is the next
        batch taken."""
        queue = self._queues.pop(source, deque())
        queue.extendleft(reversed(ids))
        self._queues = {source: queue, **self._queues}

    async def _next_batch(self, stop: asyncio.Event) -> tuple[str, list[int]]:
        while not self._queues:
            self._work.clear()
            work = asyncio.ensure_future(self._work.wait())
            stopped = asyncio.ensure_future(stop.wait())
            done, pending = await asyncio.wait({work, stopped}, return_when=asyncio.FIRST_COMPLETED)
            for p in pending:
                p.cancel()
            if stopped in done:
                return "", []
        return self._take_batch()

    async def run(self, stop: asyncio.Event) -> None:
        """Classify what arrives until ``stop``. A store that fails (a full disk, a lost connection) does not end
        the loop: the batch goes back to the front of the line and is tried again after a backoff, so items
        stored while the disk was full are classified, and alerted, once it is not (they are in the database
        already; nothing is lost either way, but a triage that stopped would leave them unseen until a restart)."""
        recovered = False
        failures = 0
        while not stop.is_set():
            try:
                if not recovered:
                    await self.recover()
                    recovered = True
                if not self._queues:
                    self.idle.set()
                source, ids = await self._next_batch(stop)
                if not ids:
                    continue
                try:
                    await self.process(ids)
                except Exception:
                    self._put_back(source, ids)
                    raise
                failures = 0
            except Exception as exc:
                delay = backoff(failures, self.retry_first, self.retry_max)
                failures += 1
                self.log.exception("triage_store_failed", error=repr(exc), retry_in=delay, waiting=self.waiting)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=delay)
        self.idle.set()

    async def drain(self) -> None:
        """Classify everything stored but not yet classified (at shutdown: finish in-flight work)."""
        self._queues.clear()
        ids = await self.store.read(repo.unclassified_ids)
        await self.submit(ids)
        while self._queues:
            await self.process(self._take_batch()[1])

    async def process(self, ids: list[int]) -> None:
        rows = await self.store.read(lambda db: repo.get_items(db, ids))
        rows = [r for r in rows if r.classified_at is None]
        if not rows:
            return
        # each school's items by its own classifier: "the school" a post attacks is the item's school
        by_school: dict[str, list[ItemRow]] = {}
        for r in rows:
            by_school.setdefault(r.school, []).append(r)
        loop = asyncio.get_running_loop()
        rows, results = [], []
        for school, group in by_school.items():
            classifier = self.school_classifiers.get(school, self.classifier)
            texts = [_text_for_model(r) for r in group]
            sources: list[str | None] = [r.source for r in group]
            try:
                results += await loop.run_in_executor(self.executor, classifier.classify_batch, texts, sources)
            except Exception:
                # leave them unclassified: they are retried at the next start, and the failure is visible
                self.log.exception("classifier_failed", items=len(group))
                continue
            rows += group
        if not rows:
            return
        now = self.clock()
        queued = await self.store.write(lambda db: triage_record(db, self.config, rows, results, now))
        self.classified += len(rows)
        flagged = sum(1 for c in results if c.categories)
        self.log.info("items_triaged", items=len(rows), flagged=flagged, alerts_queued=queued)
        if queued:
            self.on_alerts()


def _text_for_model(row: ItemRow) -> str:
    title = (row.title or "").strip()
    text = (row.text or "").strip()
    if title and not text.startswith(title):
        return f"{title}. {text}" if text else title
    return text


class Escalator:
    """Takes escalation steps that have come due, from the database, on a timer."""

    def __init__(
        self,
        *,
        store: Store,
        config: Config,
        on_alerts: Callable[[], None],
        clock: Callable[[], datetime] = utcnow,
        interval: float = 30.0,
    ) -> None:
        self.store = store
        self.config = config
        self.on_alerts = on_alerts
        self.clock = clock
        self.interval = interval
        self.log = get_logger(component="escalator")

    async def tick(self) -> int:
        now = self.clock()
        tz = self.config.timezone

        def work(db: Db) -> int:
            queued = 0
            for item in repo.open_items(db, claim=True):
                state = item_state(item, now)
                steps = due_steps(state, self.config.escalation, now, tz=tz)
                if steps:
                    queued += take_steps(db, self.config, item.id, steps, now, school=item.school,
                                         routing_categories=state.routing_categories)
            return queued

        queued = await self.store.write(work)
        if queued:
            self.log.info("escalation_steps_taken", alerts_queued=queued)
            self.on_alerts()
        return queued

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.tick()
            except Exception:
                self.log.exception("escalation_failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.interval)
