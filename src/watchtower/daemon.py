"""The daemon: one ordered start, one bounded reverse-order shutdown.

Start: store -> classifier (single-worker executor) -> HTTP session -> connectors (secrets read now, so a missing
one fails at start-up) -> notifier -> triage -> escalator -> dashboard -> leases -> pollers -> READY=1.
Several daemons on one database (``watchtower.sharing``): each polls only the sources it holds a lease on and runs
only the periodic jobs it holds; a turn every third of ``[store] lease_seconds`` renews, balances and takes over
the leases of a daemon that died. Outbox rows, due escalation steps and unclassified items are claimed row by
row, so whichever daemon does a piece of work, it is done once.
Stop (SIGTERM): pollers stop (an in-flight fetch is abandoned: its cursor was not saved, nothing is skipped) ->
triage finishes classifying what was stored -> escalator takes due steps -> notifier makes a last delivery
attempt -> close. Each phase has a time bound; their sum is below systemd's TimeoutStopSec (a test checks).
Reload (SIGHUP): re-read the config file the daemon was started with; a bad file is refused and logged, the running
config kept; a good one replaces people, escalation, deadlines, notify, watch, retention and sources (pollers of
changed sources restart). Store, SMTP, dashboard, classifier and logging changes need a restart (logged).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
from collections.abc import Callable, Coroutine, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from watchtower import digest, retention, sdnotify, watchers
from watchtower.config import Config, Person, School, TrustPerson, load_config
from watchtower.connectors import build_connector
from watchtower.connectors.config import SourceConfig
from watchtower.exceptions import ConfigError, WorkerStopped
from watchtower.jobs import Job, JobContext, job_name, run_job
from watchtower.links import LinkSigner
from watchtower.logging import get_logger
from watchtower.models import Item, utcnow
from watchtower.notify.outbox import Notifier, OutboxSettings, Sender
from watchtower.notify.smtp import SmtpSender
from watchtower.people import Directory, Recipient, operators
from watchtower.pipeline import Classifier, Escalator, Triage
from watchtower.platform_actions.worker import run_platform_actions
from watchtower.poller import SourcePoller, operator_notice
from watchtower.secrets import get_secret
from watchtower.sharing import WorkShare
from watchtower.store import Store, repo
from watchtower.store.db import Db

# Shutdown bounds, seconds. Their sum must stay below TimeoutStopSec in systemd/watchtower.service.
STOP_POLLERS_TIMEOUT = 10.0
STOP_WORKERS_TIMEOUT = 5.0
CANCEL_GRACE = 1.0  # after a bound passes, cancelled tasks get this long to unwind
DRAIN_TRIAGE_TIMEOUT = 20.0
FINAL_ESCALATION_TIMEOUT = 5.0
FINAL_FLUSH_TIMEOUT = 20.0
CLOSE_TIMEOUT = 10.0
SHUTDOWN_BUDGET = (
    STOP_POLLERS_TIMEOUT
    + STOP_WORKERS_TIMEOUT
    + 2 * CANCEL_GRACE
    + DRAIN_TRIAGE_TIMEOUT
    + FINAL_ESCALATION_TIMEOUT
    + FINAL_FLUSH_TIMEOUT
    + CLOSE_TIMEOUT
)


def webhook_health_name(source_name: str) -> str:
    """The source health row of the webhooks a source's account receives (the poller's row is ``source_name``)."""
    return f"webhook:{source_name}"


#: Config sections a reload cannot apply to a running daemon: a change is logged and waits for a restart.
RESTART_ONLY_SECTIONS: tuple[str, ...] = ("store", "smtp", "dashboard", "classifier", "logging")

#: The periodic jobs the daemon runs beside the pipeline, in start order (each kept going by ``jobs.run_job``).
BACKGROUND_JOBS: tuple[Job, ...] = (digest.run_digest, watchers.run_watchers, retention.run_retention,
                                    run_platform_actions)


@dataclass
class Overrides:
    """What a caller may put in place of the real thing: the demo, tests and benchmarks use these."""

    environ: Mapping[str, str] | None = None
    clock: Callable[[], datetime] = utcnow
    classifier: Classifier | None = None
    sender: Sender | None = None
    escalation_interval: float = 30.0
    start_dashboard: bool | None = None
    config_path: Path | None = None  # the file SIGHUP re-reads; None: reload is unavailable
    extra: dict[str, Any] = field(default_factory=dict)


class Daemon:
    def __init__(self, config: Config, overrides: Overrides | None = None) -> None:
        self.config = config
        self.o = overrides or Overrides()
        self.environ: Mapping[str, str] = self.o.environ if self.o.environ is not None else os.environ
        self.clock = self.o.clock
        self.log = get_logger(component="daemon")
        self.store = Store(config.store.location(self.environ))
        self.stop = asyncio.Event()
        self.ready = asyncio.Event()
        self.started_at = self.clock()
        self.model_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="classifier")
        self.classifier: Classifier | None = None
        self.session: aiohttp.ClientSession | None = None
        self.pollers: list[SourcePoller] = []
        self.config_path: Path | None = self.o.config_path
        self._poll_tasks: dict[str, tuple[asyncio.Task[None], asyncio.Event]] = {}
        self._reloading: asyncio.Task[bool] | None = None
        self.reloads = 0
        self.triage: Triage | None = None
        self.escalator: Escalator | None = None
        self.notifier: Notifier | None = None
        self.web_runner: Any = None
        self.startup_seconds: float | None = None
        #: why the daemon is stopping with a failure (one of its loops ended early), else None
        self.failure: str | None = None
        #: the last write probe: why the database could not be written (None: it could), and when (monotonic)
        self.store_error: str | None = None
        self._store_checked: float | None = None
        self._store_probe: asyncio.Lock | None = None
        self.share = WorkShare(self.store, lease_seconds=config.store.lease_seconds)
        self._job_tasks: dict[str, tuple[asyncio.Task[None], asyncio.Event]] = {}
        self._jobs: dict[str, Job] = {job_name(j): j for j in BACKGROUND_JOBS}
        #: pollers and jobs being stopped after their lease went (waited for in the background)
        self._stopping: set[asyncio.Task[None]] = set()

    # --- people ----------------------------------------------------------------------------------

    @property
    def roster(self) -> Directory:
        """The people of the running config, every school's (a reload replaces them)."""
        return Directory.from_config(self.config)

    def recipient(self, email: str, school: str | None = None) -> Recipient:
        """The person at ``email`` with the roles they hold in ``school`` (what an email to them may show)."""
        return self.roster.recipient(email, school)

    def person(self, email: str) -> Person | TrustPerson | None:
        return self.roster.person(email)

    # --- start -----------------------------------------------------------------------------------

    def _sender(self) -> Sender:
        if self.o.sender is not None:
            return self.o.sender
        return SmtpSender.from_config(self.config.smtp, environ=self.environ)

    async def _load_classifier(self) -> Classifier:
        if self.o.classifier is not None:
            return self.o.classifier
        from watchtower.classify import load_classifier

        loop = asyncio.get_running_loop()
        clf: Classifier = await loop.run_in_executor(
            self.model_executor, load_classifier, _school_settings(self.config.all_schools[0]))
        return clf

    async def _school_classifiers(self, base: Classifier) -> dict[str, Classifier]:
        """Each school's classifier: the one model with the school's names, staff and lists (a trust); a stand-in
        classifier without ``with_settings`` serves every school as it is."""
        with_settings = getattr(base, "with_settings", None)
        if with_settings is None or not self.config.multi_school:
            return {}
        loop = asyncio.get_running_loop()
        out: dict[str, Classifier] = {}
        for school in self.config.all_schools:
            out[school.id] = await loop.run_in_executor(self.model_executor, with_settings, _school_settings(school))
        return out

    async def start(self) -> None:
        t0 = time.perf_counter()
        cfg = self.config
        await self.store.open()
        self.log.info("store_opened", store=cfg.store.describe())
        self.classifier = await self._load_classifier()
        self.log.info("classifier_loaded", version=self.classifier.version)
        link_key = get_secret(cfg.dashboard.link_secret, environ=self.environ)
        self.signer = LinkSigner(link_key, ttl=timedelta(hours=cfg.dashboard.link_ttl_hours))
        self.session = aiohttp.ClientSession(
            headers={"User-Agent": "Watchtower/0.1 (school social media safeguarding monitor)"}
        )
        connectors = []
        for school in cfg.all_schools:
            for src in school.sources:
                if not src.enabled:
                    continue
                try:
                    connectors.append((src, build_connector(src, self.session, school_names=school.names,
                                                            environ=self.environ)))
                except ConfigError:
                    await self.session.close()
                    raise
        self.notifier = Notifier(
            store=self.store,
            sender=self._sender(),
            signer=self.signer,
            settings=OutboxSettings.from_config(cfg),
            people=self.recipient,
            clock=self.clock,
            claimer=self.share.id,
            claim_seconds=cfg.store.lease_seconds + cfg.smtp.timeout_seconds,
        )
        self.triage = Triage(
            store=self.store,
            classifier=self.classifier,
            config=cfg,
            executor=self.model_executor,
            on_alerts=self.notifier.wake.set,
            clock=self.clock,
            school_classifiers=await self._school_classifiers(self.classifier),
        )
        self.escalator = Escalator(
            store=self.store,
            config=cfg,
            on_alerts=self.notifier.wake.set,
            clock=self.clock,
            interval=self.o.escalation_interval,
        )
        for src, conn in connectors:
            self.pollers.append(self._poller(src, conn))
        start_web = cfg.dashboard.enabled if self.o.start_dashboard is None else self.o.start_dashboard
        if start_web:
            await self._start_web()
        self.startup_seconds = time.perf_counter() - t0
        self.log.info("daemon_ready", sources=len(self.pollers), startup_seconds=round(self.startup_seconds, 2))

    def _school_id(self, source_name: str) -> str:
        school = self.config.school_of_source(source_name)
        return school.id if school is not None else self.config.all_schools[0].id

    def _poller(self, src: SourceConfig, conn: Any) -> SourcePoller:
        school = self._school_id(src.name)

        async def on_new(ids: list[int]) -> None:
            assert self.triage is not None
            await self.triage.submit(ids, source=src.name)

        return SourcePoller(
            conn,
            store=self.store,
            interval=src.interval_seconds,
            timeout=src.timeout_seconds,
            on_new_items=on_new,
            notify_operator=operator_notice(lambda: operators(self.config, school), school=school,
                                            label=lambda: self.config.school_named(school)
                                            if self.config.multi_school else ""),
            clock=self.clock,
            school=school,
        )

    def _start_poller(self, poller: SourcePoller) -> None:
        if poller.name in self._poll_tasks:
            return
        stop = asyncio.Event()
        task = asyncio.create_task(poller.run(stop), name=f"poll:{poller.name}")
        self._poll_tasks[poller.name] = (task, stop)

    async def _stop_pollers(self, names: list[str]) -> None:
        tasks = []
        for name in names:
            entry = self._poll_tasks.pop(name, None)
            if entry is not None:
                entry[1].set()
                tasks.append(entry[0])
        await _bounded(tasks, STOP_POLLERS_TIMEOUT)

    # --- reload (SIGHUP) ---------------------------------------------------------------------------

    def request_reload(self) -> None:
        """SIGHUP: reload once the daemon is ready; a second SIGHUP during a reload is folded into it."""
        if self._reloading is not None and not self._reloading.done():
            return

        async def after_ready() -> bool:
            await self.ready.wait()
            return await self.reload()

        self._reloading = asyncio.create_task(after_ready(), name="reload")

    def apply_config(self, new: Config) -> None:
        """Make ``new`` the running config for everything that reads one: the roster (people, routing), the jobs'
        context and the dashboard read ``self.config``; triage, the escalator and the notifier hold their own copy."""
        self.config = new
        if self.triage is not None:
            self.triage.config = new
        if self.escalator is not None:
            self.escalator.config = new
        if self.notifier is not None:
            self.notifier.settings = OutboxSettings.from_config(new)

    async def reload(self) -> bool:
        """Re-read the config file. True if applied; False (logged, the running config kept) if refused."""
        if self.config_path is None:
            self.log.warning("config_reload_unavailable", reason="the daemon was not started from a config file")
            return False
        loop = asyncio.get_running_loop()
        try:
            new = await loop.run_in_executor(None, load_config, self.config_path)
        except ConfigError as exc:
            self.log.error("config_reload_refused", path=str(self.config_path), error=str(exc))
            return False
        old = self.config
        restart_only = [k for k in RESTART_ONLY_SECTIONS if getattr(new, k) != getattr(old, k)]
        if restart_only:
            self.log.warning("config_reload_needs_restart", sections=restart_only)
            new = new.model_copy(update={k: getattr(old, k) for k in restart_only})
        # a source restarts when it changed, or its school's names (the search terms live in the connectors) or
        # the school it belongs to did
        old_by_name = {s.name: (s, sch.id, sch.names) for sch in old.all_schools for s in sch.sources if s.enabled}
        new_by_name = {s.name: (s, sch.id, sch.names) for sch in new.all_schools for s in sch.sources if s.enabled}
        stop = [n for n, v in old_by_name.items() if new_by_name.get(n) != v]
        start = [v for n, v in new_by_name.items() if old_by_name.get(n) != v]
        try:
            assert self.session is not None
            built = [
                (s, build_connector(s, self.session, school_names=names, environ=self.environ))
                for s, _, names in start
            ]
        except ConfigError as exc:  # e.g. a new source names a secret that is not there yet
            self.log.error("config_reload_refused", path=str(self.config_path), error=str(exc))
            return False
        self.apply_config(new)
        if self.triage is not None and self.classifier is not None:
            # a school added or renamed: its own classifier (its names, staff and lists) over the one model
            self.triage.school_classifiers = await self._school_classifiers(self.classifier)
        await self._stop_pollers(stop)
        self.pollers = [p for p in self.pollers if p.name not in stop]
        for src, conn in built:
            poller = self._poller(src, conn)
            self.pollers.append(poller)
            if not self.stop.is_set() and poller.name in self.share.sources:
                self._start_poller(poller)  # a source this daemon does not hold is started when it takes it
        self.reloads += 1
        self.log.info("config_reloaded", sources=len(self.pollers),
                      restarted=sorted({*stop, *(s.name for s, _, _ in start)}))
        sdnotify.notify(f"STATUS=watching {len(self.pollers)} sources (config reloaded)")
        return True

    def extra_routes(self) -> list[web.RouteDef]:
        """Routes the dashboard serves for the daemon without a login: the Meta webhook receiver, if enabled."""
        wh = self.config.webhooks
        if not wh.meta_enabled:
            return []
        from watchtower.connectors.webhooks import Batches, MetaAccount, meta_accounts, meta_webhook_routes

        # every school's Pages and Instagram accounts, from the config in force at each delivery (SIGHUP applies)
        def accounts() -> list[MetaAccount]:
            return meta_accounts(self.config.all_sources)

        if not accounts():
            raise ConfigError(
                "webhooks.meta_enabled: no enabled facebook or instagram source to receive webhooks for "
                "(add one, or set meta_enabled = false)"
            )

        async def on_items(batches: Batches) -> None:
            await self.receive_items([(account.key, items) for account, items in batches])

        return meta_webhook_routes(
            verify_token=get_secret(wh.meta_verify_token_secret, environ=self.environ),
            app_secret=get_secret(wh.meta_app_secret_secret, environ=self.environ),
            on_items=on_items,
            accounts=accounts,
        )

    async def receive_items(self, batches: list[tuple[str, list[Item]]]) -> None:
        """Items pushed to us (webhooks), each batch for the configured source that watches its account: stored
        under that source and its school (so they reach that school's people only, and are acted on with that
        source's token), then queued for triage. The same post polled later is the same item (platform,
        platform id, school), so nothing is doubled.

        Health is kept per source, as a poll keeps it, under ``webhook:<source>`` (beside the poller's own row:
        deliveries arriving must not hide a poller that fails): a delivery stored is a success (with its new
        items counted); one that cannot be stored is a failure with its error (best effort: the store may be
        what failed), and the error propagates, so the receiver answers 500 and Meta delivers again."""
        now = self.clock()
        owned = [(name, self._school_id(name), items) for name, items in batches if items]

        def write(db: Db) -> list[tuple[str, list[int]]]:
            out = []
            for name, school, items in owned:
                ids = repo.ingest(db, items, source_name=name, now=now, school=school)
                repo.record_source_success(db, webhook_health_name(name), items[0].platform, new_items=len(ids),
                                           now=now, school=school)
                out.append((name, ids))
            return out

        try:
            stored = await self.store.write(write)
        except Exception as exc:
            error = f"delivery not stored: {exc!r}"

            def failed(db: Db) -> None:
                for name, school, items in owned:
                    repo.record_source_failure(db, webhook_health_name(name), items[0].platform, status="failing",
                                               error=error, now=now, school=school)

            with contextlib.suppress(Exception):
                await self.store.write(failed)
            self.log.warning("webhook_store_failed", sources=[name for name, _, _ in owned], error=repr(exc))
            raise
        if self.triage is not None:
            for name, ids in stored:
                if ids:
                    await self.triage.submit(ids, source=name)

    async def _start_web(self) -> None:
        try:
            from watchtower.web import start_dashboard
        except ImportError:
            self.log.warning("dashboard_unavailable")
            return
        self.web_runner = await start_dashboard(self)

    # --- run ---------------------------------------------------------------------------------------

    async def run(self) -> None:
        """Start, run until ``stop`` is set (SIGTERM/SIGINT), then shut down within SHUTDOWN_BUDGET."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, self.request_stop)
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signal.SIGHUP, self.request_reload)
        try:
            await self.start()
        except BaseException:
            await self._close()
            raise
        assert self.triage and self.escalator and self.notifier
        try:
            await self.share.reap()
            await self.rebalance()
        except Exception as exc:
            await self._turn_failed(exc)
        workers = [
            asyncio.create_task(self.triage.run(self.stop), name="triage"),
            asyncio.create_task(self.escalator.run(self.stop), name="escalator"),
            asyncio.create_task(self.notifier.run(self.stop), name="notifier"),
        ]
        for worker in workers:
            worker.add_done_callback(self._worker_ended)
        keeper = asyncio.create_task(self._keep_leases(), name="leases")
        watchdog = asyncio.create_task(self._watchdog(), name="watchdog")
        self.ready.set()
        sdnotify.notify("READY=1")
        sdnotify.notify(f"STATUS=watching {len(self.pollers)} sources")
        await self.check_store(max_age=0)  # logged (and in STATUS) at once if the database is read-only
        await self.stop.wait()
        sdnotify.notify("STOPPING=1")
        self.log.info("daemon_stopping")
        if self._reloading is not None and not self._reloading.done():
            self._reloading.cancel()
            await asyncio.wait({self._reloading}, timeout=CANCEL_GRACE)
        keeper.cancel()
        await asyncio.wait({keeper}, timeout=CANCEL_GRACE)
        await self._shutdown(workers)
        watchdog.cancel()
        self.log.info("daemon_stopped")
        if self.failure is not None:
            raise WorkerStopped(self.failure)

    def _worker_ended(self, task: asyncio.Task[None]) -> None:
        """A worker's loop ends only when asked to stop. One that ends otherwise (a bug: each loop catches what
        it can retry) would leave the daemon up but blind, so it is logged and the daemon stops with a failure
        (``watchtower run`` exits 2; systemd restarts it, and the restart recovers what was stored)."""
        if self.stop.is_set() or task.cancelled():
            return
        error = task.exception()
        self.failure = f"the {task.get_name()} loop stopped: {error!r}" if error else \
            f"the {task.get_name()} loop stopped"
        self.log.error("worker_stopped", worker=task.get_name(), error=repr(error), exc_info=error)
        self.request_stop()

    async def check_store(self, max_age: float = 5.0) -> str | None:
        """Can the database be written? A real write (the ``heartbeat`` meta row) on the writer thread, at most
        once per ``max_age`` seconds. Returns None when it can, else why not. A store that cannot be written
        loses every post and every "sent" record, so /healthz fails and the watchdog is not fed (issue 14)."""
        if self._store_probe is None:
            self._store_probe = asyncio.Lock()
        async with self._store_probe:
            fresh = self._store_checked is not None and time.monotonic() - self._store_checked < max_age
            if fresh:
                return self.store_error
            stamp = self.clock().isoformat()
            try:
                await self.store.write(lambda db: repo.set_meta(db, "heartbeat", stamp))
                error = None
            except Exception as exc:  # read-only file, disk full, I/O error, the store closed
                error = f"the database {self.store.location} cannot be written: {exc}"
            self._store_checked = time.monotonic()
            if error != self.store_error:
                if error:
                    self.log.error("store_not_writable", error=error)
                    sdnotify.notify(f"STATUS=failing: {error}")
                else:
                    self.log.info("store_writable_again")
                    sdnotify.notify(f"STATUS=watching {len(self.pollers)} sources")
            self.store_error = error
            return error

    # --- leases (several daemons on one database) ------------------------------------------------------

    async def rebalance(self) -> None:
        """One lease turn; then poll exactly the sources held and run exactly the jobs held."""
        share = await self.share.turn([p.name for p in self.pollers], list(self._jobs))
        if self.stop.is_set():
            return
        await self._apply_share()
        taken_over = any(h is not None and h != self.share.id for h in share.sources_turn.taken.values())
        if self.triage is not None and taken_over:
            # items a dead daemon stored but never classified: its sources are ours now
            await self.triage.recover()

    async def _apply_share(self) -> None:
        """Start what this daemon holds now, stop what it no longer holds. The stops are told at once and waited
        for in the background: a poller in the middle of a slow fetch must not hold up the next lease renewal."""
        lost = [n for n in self._poll_tasks if n not in self.share.sources]
        if lost:
            self.log.info("pollers_stopped_lease_lost", sources=sorted(lost))
            self._in_background(self._stop_pollers(lost))
        for p in self.pollers:
            if p.name in self.share.sources:
                self._start_poller(p)
        gone = [n for n in self._job_tasks if n not in self.share.jobs]
        if gone:
            self._in_background(self._stop_jobs(gone))
        ctx = self.job_context()
        for name in self.share.jobs:
            if name not in self._job_tasks and name in self._jobs:
                stop = asyncio.Event()
                task = asyncio.create_task(run_job(self._jobs[name], ctx, stop), name=f"job:{name}")
                self._job_tasks[name] = (task, stop)

    def _in_background(self, stopping: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(stopping)
        self._stopping.add(task)
        task.add_done_callback(self._stopping.discard)

    async def _stop_jobs(self, names: list[str]) -> None:
        tasks = []
        for name in names:
            entry = self._job_tasks.pop(name, None)
            if entry is not None:
                entry[1].set()
                tasks.append(entry[0])
        await _bounded(tasks, STOP_WORKERS_TIMEOUT)

    async def _keep_leases(self) -> None:
        while not self.stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stop.wait(), timeout=self.share.renew_every)
            if self.stop.is_set():
                return
            try:
                await self.rebalance()
            except Exception as exc:
                await self._turn_failed(exc)

    async def _turn_failed(self, exc: BaseException) -> None:
        """A lease turn failed: hold what ``WorkShare.turn_failed`` says, and start and stop to match."""
        if self.share.turn_failed(exc, [p.name for p in self.pollers], list(self._jobs)):
            await self._apply_share()

    def job_context(self) -> JobContext:
        """What the background jobs (``BACKGROUND_JOBS``) are handed: never the daemon itself."""

        def wake() -> None:
            if self.notifier is not None:
                self.notifier.wake.set()

        return JobContext(store=self.store, clock=self.clock, config=lambda: self.config, wake_notifier=wake,
                          started_at=self.started_at, session=lambda: self.session, environ=self.environ,
                          owner=self)

    def request_stop(self) -> None:
        self.stop.set()

    async def _watchdog(self) -> None:
        interval = sdnotify.watchdog_interval()
        if interval is None:
            return
        while True:
            # a daemon that cannot write its database is not alive in any sense that matters: let systemd's
            # watchdog restart it (and say why in the unit's status) rather than report it healthy
            if await self.check_store(max_age=0) is None:
                sdnotify.notify("WATCHDOG=1")
            await asyncio.sleep(interval)

    async def _shutdown(self, workers: list[asyncio.Task[None]]) -> None:
        assert self.triage and self.escalator and self.notifier
        # the pollers, and any still stopping after a lease went, within the one bound
        await asyncio.gather(self._stop_pollers(list(self._poll_tasks)),
                             _bounded(list(self._stopping), STOP_POLLERS_TIMEOUT))
        for _, stop in self._job_tasks.values():
            stop.set()
        await _bounded([*workers, *(t for t, _ in self._job_tasks.values())], STOP_WORKERS_TIMEOUT)
        self._job_tasks.clear()
        try:
            async with asyncio.timeout(DRAIN_TRIAGE_TIMEOUT):
                await self.triage.drain()
        except TimeoutError:
            pass
        except Exception as exc:  # a database that takes no writes: the items are classified at the next start
            self.log.error("final_triage_failed", error=repr(exc))
        try:
            async with asyncio.timeout(FINAL_ESCALATION_TIMEOUT):
                await self.escalator.tick()
        except TimeoutError:
            pass
        except Exception as exc:  # a database that takes no writes (the steps are taken at the next start)
            self.log.error("final_escalation_failed", error=repr(exc))
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(FINAL_FLUSH_TIMEOUT):
                await self.notifier.flush()
        with contextlib.suppress(Exception):
            await self.share.release()  # another daemon takes these sources at its next turn, not after expiry
        await self._close()

    async def _close(self) -> None:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(CLOSE_TIMEOUT):
                if self.web_runner is not None:
                    await self.web_runner.cleanup()
                if self.session is not None:
                    await self.session.close()
                if self.store.is_open:
                    await self.store.close()
        self.model_executor.shutdown(wait=False, cancel_futures=True)


def _school_settings(school: School) -> Any:
    """The classifier settings of one school: insults aimed at the school count as harassment, so the classifier
    needs its names (unless the config lists them itself)."""
    settings = school.classifier
    if settings.school_names:
        return settings
    return settings.model_copy(update={"school_names": school.names})


async def _bounded(tasks: list[asyncio.Task[None]], limit: float) -> None:
    """Wait up to ``limit`` seconds for ``tasks``; cancel what is left and give it CANCEL_GRACE to unwind."""
    if not tasks:
        return
    _, pending = await asyncio.wait(tasks, timeout=limit)
    for t in pending:
        t.cancel()
    if pending:
        await asyncio.wait(pending, timeout=CANCEL_GRACE)
