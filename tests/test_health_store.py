"""Health that lies (issue 14): with the database file read-only the daemon used to start, stay "ready" and answer
/healthz "ok" while every poll failed to store. A store that cannot be written is a failed health check, a missed
systemd watchdog, and the first thing ``watchtower status`` says.

Real parts: the Daemon with its dashboard on loopback, a SQLite file made read-only (``chattr +i`` as root, whom
file modes do not stop; ``chmod`` otherwise), systemd's notify protocol on a real datagram socket.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from conftest import LINK_KEY, free_port
from watchtower.cli.status import collect
from watchtower.config import Config
from watchtower.daemon import Daemon, Overrides
from watchtower.models import Classification, utcnow
from watchtower.store import connect


class NoModel:
    version = "none"

    def classify_batch(self, texts: list[str], sources: list[str | None] | None = None) -> list[Classification]:
        return [Classification([], {}, ["none"], self.version) for _ in texts]


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` cannot be written, by root either, for the duration."""
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i is not available here, and root ignores file modes")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(0o600)


@pytest.fixture
def notify_socket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[socket.socket]:
    """systemd's end of the notify protocol, with the watchdog on (WatchdogSec=1: a ping every 0.5 s)."""
    address = str(tmp_path / "notify.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(address)
    sock.setblocking(False)
    monkeypatch.setenv("NOTIFY_SOCKET", address)
    monkeypatch.setenv("WATCHDOG_USEC", "1000000")
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    yield sock
    sock.close()


def received(sock: socket.socket) -> list[str]:
    out = []
    with contextlib.suppress(BlockingIOError):
        while True:
            out.append(sock.recv(4096).decode())
    return out


async def run_daemon_for(config: Config, seconds: float) -> tuple[int, dict[str, Any]]:
    """Start the daemon, wait ``seconds``, GET /healthz, stop it. Returns (HTTP status, body)."""
    daemon = Daemon(config, Overrides(environ={"WATCHTOWER_LINK_KEY": LINK_KEY}, classifier=NoModel(),
                                      start_dashboard=True))
    task = asyncio.create_task(daemon.run())
    try:
        await asyncio.wait_for(daemon.ready.wait(), 20)
        await asyncio.sleep(seconds)
        url = f"http://127.0.0.1:{config.dashboard.port}/healthz"
        async with aiohttp.ClientSession() as http, http.get(url) as resp:
            return resp.status, await resp.json()
    finally:
        daemon.request_stop()
        await asyncio.wait_for(task, 60)


@pytest.fixture
def health_config(make_config: Callable[..., Config]) -> Config:
    return make_config(dashboard={"enabled": True, "port": free_port(), "public_url": "https://w.school.example"})


async def test_a_writable_store_is_healthy_and_feeds_the_watchdog(
    health_config: Config, db_path: Path, notify_socket: socket.socket
) -> None:
    status, body = await run_daemon_for(health_config, 1.2)
    messages = received(notify_socket)
    assert status == 200 and body["store"] == {"writable": True, "error": None}, body
    assert "READY=1" in messages and messages.count("WATCHDOG=1") >= 2, messages


async def test_a_read_only_store_fails_healthz_starves_the_watchdog_and_leads_status(
    health_config: Config, db_path: Path, notify_socket: socket.socket
) -> None:
    connect(db_path).close()  # an existing, migrated database ...
    with read_only(db_path):  # ... that the service can no longer write
        status, body = await run_daemon_for(health_config, 1.2)
        messages = received(notify_socket)
        db = connect(db_path, migrate=False)
        try:
            report = collect(db, utcnow(), 24)
        finally:
            db.close()
    assert status == 503, body
    assert body["status"] == "failing" and body["store"]["writable"] is False
    assert "readonly" in body["store"]["error"] or "read-only" in body["store"]["error"], body
    assert "READY=1" in messages
    assert "WATCHDOG=1" not in messages, messages  # systemd restarts it after WatchdogSec
    assert any(m.startswith("STATUS=failing: the database") for m in messages), messages
    assert report["ok"] is False and report["store_writable"] is False
    assert report["problems"][0].startswith("the database cannot be written"), report["problems"]


async def test_a_read_only_postgresql_store_fails_healthz_and_starves_the_watchdog(
    make_config: Callable[..., Config], pg_database: str, postgres: Any, notify_socket: socket.socket
) -> None:
    """The same on PostgreSQL: a database that takes no writes (a standby after a fail-over gone wrong, or one made
    read-only by its administrator) is a failed health check, not a daemon that looks fine."""
    config = make_config(dashboard={"enabled": True, "port": free_port(), "public_url": "https://w.school.example"},
                         store={"url": pg_database})
    with postgres.admin() as admin:
        admin.execute(f'ALTER DATABASE "{pg_database.rsplit("/", 1)[1]}" SET default_transaction_read_only = on')
    status, body = await run_daemon_for(config, 1.2)
    messages = received(notify_socket)
    assert status == 503 and body["store"]["writable"] is False, body
    assert "read-only transaction" in body["store"]["error"], body
    assert "READY=1" in messages and "WATCHDOG=1" not in messages, messages
