"""The store is written by one thread only: the writer thread (``watchtower.store.Store``, thread ``store-writer``).

Every connection the store opens gets an SQLite authorizer that notes the thread of each INSERT, UPDATE and DELETE;
a real daemon then ingests and triages items, serves the dashboard (login, acknowledge) and runs its notifier.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

import watchtower.store as store_module
from conftest import FakeClock
from watchtower.web import create_app

from .conftest import add_user, csrf_of, login, seed, start_daemon

_WRITES = {sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE}


async def test_only_the_writer_thread_writes(tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    writers: list[tuple[str, str]] = []
    real_connect = store_module.connect

    def watched(*args: Any, **kwargs: Any) -> Any:
        db = real_connect(*args, **kwargs)

        def authorizer(action: int, table: str | None, *_: Any) -> int:
            if action in _WRITES and table and not table.startswith("sqlite_"):
                writers.append((threading.current_thread().name, table))
            return sqlite3.SQLITE_OK

        db.conn.set_authorizer(authorizer)
        return db

    monkeypatch.setattr(store_module, "connect", watched)
    daemon = await start_daemon(tmp_path, clock)
    client = TestClient(TestServer(create_app(daemon)))
    await client.start_server()
    try:
        await add_user(daemon, "amy", "moderator", email="amy@oakfield.example")
        item = await seed(daemon, "[threat] I will hurt someone")
        await seed(daemon, "lovely concert")
        assert (await login(client, "amy")).status == 303
        page = await (await client.get(f"/items/{item}")).text()
        assert "Acknowledge" in page or "acknowledge" in page
        await client.post(f"/items/{item}", data={"csrf": csrf_of(page), "do": "ack"})
        assert daemon.notifier is not None
        await daemon.notifier.flush()
    finally:
        await client.close()
        await daemon._close()
    tables = {t for _, t in writers}
    assert {"items", "alerts", "audit", "acknowledgements"} <= tables, tables
    assert {name for name, _ in writers} and all(name.startswith("store-writer") for name, _ in writers), \
        sorted({name for name, _ in writers})
