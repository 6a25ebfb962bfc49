"""Leases and claims: how several daemons on one database split the work (store/leases.py, the outbox's claims).

On both stores: a daemon alone holds every source; two split them evenly; a third joining makes the holders give
back what is above their share; a daemon that stops renewing has its leases taken over once they expire; a
daemon that stops cleanly frees them at once. Outbox rows claimed by one notifier are passed by another until the
claim expires, and the first may then no longer mark them "sending". On PostgreSQL, two transactions claiming at
the same moment get disjoint rows (``SKIP LOCKED``) instead of waiting for each other.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime

import pytest

from conftest import add_item, both_stores
from watchtower.config import Config
from watchtower.sharing import WorkShare
from watchtower.store import Store, immediate, repo
from watchtower.store import leases as L
from watchtower.store.db import BusyError, Db, Location, open_db

pytestmark = both_stores

def NOW() -> datetime:
    return datetime.now(UTC)


UNITS = [f"source:s{i}" for i in range(6)]


def turn(db: Db, daemon: str, units: list[str] = UNITS, lease: float = 30) -> L.Turn:
    with immediate(db):
        return L.balance(db, daemon, units, lease_seconds=lease, host="test-host", pid=1)


def holders(db: Db) -> Counter[str | None]:
    return Counter(r["holder"] for r in L.lease_table(db) if not r["expired"])


def test_one_daemon_alone_holds_every_source(db: Db) -> None:
    t = turn(db, "a")
    assert t.held == sorted(UNITS) and t.share == 6 and t.live == 1


def test_two_daemons_split_the_sources_and_a_third_makes_them_give_back(db: Db) -> None:
    turn(db, "a")
    b = turn(db, "b")
    assert b.held == [] and b.live == 2, "b waits: a holds everything until its next turn gives back its excess"
    a = turn(db, "a")
    assert len(a.released) == 3 and len(a.held) == 3
    b = turn(db, "b")
    assert len(b.held) == 3 and set(b.held).isdisjoint(a.held)
    turn(db, "c")
    for d in ("a", "b", "c", "a", "b", "c"):
        turn(db, d)
    assert holders(db) == Counter({"a": 2, "b": 2, "c": 2})


def test_a_dead_daemons_leases_are_taken_over_once_expired(db: Db) -> None:
    lease = 1.0
    turn(db, "a", lease=lease)
    turn(db, "b", lease=lease)
    turn(db, "a", lease=lease)
    assert len(turn(db, "b", lease=lease).held) == 3
    # "a" dies; "b" renews but may not take a's leases before they expire
    b = turn(db, "b", lease=lease)
    assert len(b.held) == 3 and not b.taken
    time.sleep(lease + 0.2)
    b = turn(db, "b", lease=lease)
    assert b.held == sorted(UNITS) and b.live == 1
    assert set(b.taken.values()) == {"a"}, "the log says whose leases were taken over"


def test_a_clean_stop_frees_everything_at_once(db: Db, config: Config) -> None:
    turn(db, "a")
    add_item(db, config, text="you are an idiot", categories=["harassment"], now=NOW())
    with immediate(db):
        claimed = repo.claim_alerts(db, NOW(), claimer="a", claim_seconds=60)
    assert claimed
    with immediate(db):
        L.release_all(db, "a")
    assert holders(db) == Counter()
    assert db.scalar("SELECT COUNT(*) FROM alerts WHERE claimed_by IS NOT NULL") == 0
    assert turn(db, "b").held == sorted(UNITS)


def test_an_outbox_row_claimed_by_one_notifier_is_not_taken_by_another(db: Db, config: Config) -> None:
    add_item(db, config, text="I will bring a knife and stab him", categories=["threat"], now=NOW())
    now = NOW()
    with immediate(db):
        a = repo.claim_alerts(db, now, claimer="a", claim_seconds=1)
    with immediate(db):
        b = repo.claim_alerts(db, now, claimer="b", claim_seconds=1)
    assert a and b == []
    ids = [r["id"] for r in a]
    time.sleep(1.2)  # a's claim runs out (a slow SMTP server, or a dead daemon): b may take the rows
    with immediate(db):
        b = repo.claim_alerts(db, now, claimer="b", claim_seconds=30)
    assert [r["id"] for r in b] == ids
    with immediate(db):
        assert not repo.mark_sending(db, ids, now=now, message_id="<x@y>", claimer="a", claim_seconds=30), \
            "a's claim is gone: it must not send these rows too"
        assert repo.mark_sending(db, ids, now=now, message_id="<x@y>", claimer="b", claim_seconds=30)


def test_two_transactions_claiming_at_once_get_disjoint_rows(store_location: Location, db: Db,
                                                             config: Config) -> None:
    for i in range(6):
        add_item(db, config, text=f"I will stab him {i}", categories=["threat"], now=NOW())
    total = db.scalar("SELECT COUNT(*) FROM alerts WHERE status = 'pending'")
    other = open_db(store_location)
    now = NOW()
    try:
        if store_location.dialect == "sqlite":
            # one writer at a time (BEGIN IMMEDIATE): a second claim waits for the first, so they never overlap
            other.set_busy_timeout(0.2)
            with immediate(db):
                first = repo.claim_alerts(db, now, claimer="a", claim_seconds=30, limit=total // 2)
                with pytest.raises(BusyError), immediate(other):
                    pass
            with immediate(other):
                second = repo.claim_alerts(other, now, claimer="b", claim_seconds=30)
        else:
            with immediate(db):
                first = repo.claim_alerts(db, now, claimer="a", claim_seconds=30, limit=total // 2)
                with immediate(other):  # while the first transaction still holds its rows: SKIP LOCKED
                    second = repo.claim_alerts(other, now, claimer="b", claim_seconds=30)
        assert first and second
        assert {r["id"] for r in first}.isdisjoint({r["id"] for r in second})
        assert len(first) + len(second) == total
    finally:
        other.close()


async def test_a_restart_on_the_same_host_frees_what_the_dead_process_held_at_once(store_location: Location,
                                                                                    db: Db) -> None:
    """A daemon killed and started again (systemd's Restart=) need not wait lease_seconds for its own sources: the
    new one finds the old one's row on this host, its pid gone, and frees its leases and claims."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    with immediate(db):
        L.balance(db, f"{socket.gethostname()}:{dead.pid}:0000", UNITS, lease_seconds=600,
                  host=socket.gethostname(), pid=dead.pid)
        L.balance(db, "elsewhere:1:0000", ["source:other"], lease_seconds=600, host="elsewhere", pid=1)
    store = Store(store_location)
    await store.open()
    try:
        share = WorkShare(store, lease_seconds=600)
        assert await share.reap() == [f"{socket.gethostname()}:{dead.pid}:0000"]
        held = await share.turn([u.removeprefix("source:") for u in UNITS], [])
        # its fair share (two live daemons: this one and the one elsewhere), at once, not after 600 s
        assert len(held.sources) == 3 and held.sources_turn.live == 2
        assert holders(db)["elsewhere:1:0000"] == 1, "a daemon on another host is left to its lease"
    finally:
        await store.close()


async def test_a_daemon_whose_turns_fail_works_alone_at_first_and_lets_go_once_a_lease_time_has_passed(
        store_location: Location) -> None:
    """The database refuses a turn (here: the store is closed). Before any turn has reached it, the daemon holds
    everything, so that it starts and says what is wrong; after one has, it keeps what it holds for a lease time,
    then lets go of all of it (another daemon may hold it by then)."""
    store = Store(store_location)
    sources, jobs = ["feed", "page"], ["digest"]
    share = WorkShare(store, lease_seconds=0.5)
    with pytest.raises(RuntimeError) as refused:
        await share.turn(sources, jobs)
    assert share.turn_failed(refused.value, sources, jobs)
    assert (share.sources, share.jobs) == ({"feed", "page"}, {"digest"})
    assert not share.turn_failed(refused.value, sources, jobs), "nothing changed"

    await store.open()
    try:
        share = WorkShare(store, lease_seconds=0.5)
        await share.turn(sources, jobs)
        assert (share.sources, share.jobs) == ({"feed", "page"}, {"digest"})
        assert not share.turn_failed(refused.value, sources, jobs)
        assert share.sources == {"feed", "page"}, "one failed turn is not a lost lease"
        time.sleep(0.5)
        assert share.turn_failed(refused.value, sources, jobs)
        assert (share.sources, share.jobs) == (set(), set())
    finally:
        await store.close()
