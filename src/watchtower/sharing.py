"""Several daemons on one database: who this daemon is, and which share of the work it holds.

Each daemon has an identity, ``host:pid:random``. Every third of ``[store] lease_seconds`` it takes one turn
(:func:`watchtower.store.leases.balance`): its heartbeat, its leases renewed, what is above its fair share given
back, free or expired leases taken up to it. The daemon polls only the sources it holds and runs only the
periodic jobs it holds; a lease it no longer holds stops its poller or job at once. A daemon that dies stops
renewing: its leases expire ``lease_seconds`` after its last turn and the next turn of a survivor takes them, so
a source is back in hand within ``lease_seconds`` plus one renewal interval. A daemon that cannot reach the
database for a whole lease time stops its pollers itself (another may hold them by then).

One daemon alone (SQLite, or one server) holds everything: its fair share is all. A daemon that starts on a host
where an earlier one died (same host, its pid gone) frees that one's leases and outbox claims at once, so a
restart does not wait for them to expire.
"""

from __future__ import annotations

import os
import secrets
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass

from watchtower.logging import get_logger
from watchtower.store import Store
from watchtower.store import leases as lease_store
from watchtower.store.db import Db
from watchtower.store.leases import Turn

SOURCE_PREFIX = "source:"
JOB_PREFIX = "job:"


def identity() -> str:
    """A new daemon identity: ``host:pid:random``."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


#: the identity of code that claims outbox rows outside a daemon (a CLI command, a test's notifier)
PROCESS_IDENTITY = identity()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass
class Share:
    """What one turn left this daemon holding, by kind."""

    sources: set[str]
    jobs: set[str]
    sources_turn: Turn
    jobs_turn: Turn


class WorkShare:
    """This daemon's identity and its leases on the store."""

    def __init__(self, store: Store, *, lease_seconds: float, daemon_id: str | None = None) -> None:
        self.store = store
        self.lease_seconds = lease_seconds
        self.id = daemon_id or identity()
        self.host = socket.gethostname()
        self.pid = os.getpid()
        self.sources: set[str] = set()
        self.jobs: set[str] = set()
        #: monotonic time of the last turn that reached the database
        self.last_turn: float | None = None
        self.log = get_logger(component="leases")

    @property
    def renew_every(self) -> float:
        return self.lease_seconds / 3

    @property
    def lost(self) -> bool:
        """No turn has reached the database for (nearly) a lease time: another daemon may hold our leases now."""
        return self.last_turn is not None and time.monotonic() - self.last_turn > self.lease_seconds * 0.9

    async def reap(self) -> list[str]:
        """Free the leases and claims of daemons that died on this host (their pid is gone)."""
        def work(db: Db) -> list[str]:
            dead = [d for d, pid in lease_store.daemons_on_host(db, self.host)
                    if d != self.id and not _pid_alive(pid)]
            for d in dead:
                lease_store.release_all(db, d)
            return dead

        dead = await self.store.write(work)
        if dead:
            self.log.info("dead_daemons_released", daemons=dead)
        return dead

    async def turn(self, sources: Sequence[str], jobs: Sequence[str]) -> Share:
        """One turn over the configured ``sources`` and ``jobs`` (bare names): what this daemon holds now."""
        source_units = [SOURCE_PREFIX + s for s in sources]
        job_units = [JOB_PREFIX + j for j in jobs]

        def work(db: Db) -> tuple[Turn, Turn]:
            return (lease_store.balance(db, self.id, source_units, lease_seconds=self.lease_seconds,
                                        host=self.host, pid=self.pid),
                    lease_store.balance(db, self.id, job_units, lease_seconds=self.lease_seconds,
                                        host=self.host, pid=self.pid))

        st, jt = await self.store.write(work)
        self.last_turn = time.monotonic()
        self.sources = {n.removeprefix(SOURCE_PREFIX) for n in st.held}
        self.jobs = {n.removeprefix(JOB_PREFIX) for n in jt.held}
        for t in (st, jt):
            taken_over = {n: h for n, h in t.taken.items() if h is not None and h != self.id}
            if taken_over:
                self.log.warning("leases_taken_over", leases=sorted(taken_over), from_daemons=sorted(
                    set(taken_over.values())), live_daemons=t.live)
            elif t.taken:
                self.log.info("leases_taken", leases=sorted(t.taken), live_daemons=t.live)
            if t.released:
                self.log.info("leases_given_back", leases=t.released, live_daemons=t.live, share=t.share)
        return Share(self.sources, self.jobs, st, jt)

    def turn_failed(self, error: BaseException, sources: Sequence[str], jobs: Sequence[str]) -> bool:
        """A turn could not reach the database (read-only, full, unreachable): what this daemon holds now, given the
        configured ``sources`` and ``jobs`` (bare names). Returns whether that changed (start and stop to match).

        Before any turn has reached the database it works as if alone and holds everything: a database that cannot
        be written must not keep a daemon from starting and saying so (/healthz, the watchdog). Once a turn has, it
        keeps what it holds until a whole lease time has gone by without one (:attr:`lost`), then holds nothing:
        another daemon may hold those leases by then."""
        if self.last_turn is None:
            self.log.error("lease_turn_failed", error=repr(error), acting="alone until the database takes writes")
            held = (set(sources), set(jobs))
        else:
            self.log.warning("lease_turn_failed", error=repr(error))
            if not self.lost:
                return False
            self.log.error("leases_lost", sources=sorted(self.sources))
            held = (set(), set())
        changed = held != (self.sources, self.jobs)
        self.sources, self.jobs = held
        return changed

    async def release(self) -> None:
        """At shutdown: everything this daemon held is anyone's now."""
        await self.store.write(lambda db: lease_store.release_all(db, self.id))
        self.sources.clear()
        self.jobs.clear()
