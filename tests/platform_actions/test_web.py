"""The item page's "Act on <platform>" section: confirm, queue, worker, state, audit (aiohttp test client)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from tests.web.conftest import LINK_KEY, KeywordClassifier, NullSender, add_user, login

from watchtower.daemon import Daemon, Overrides
from watchtower.platform_actions import worker as pa_worker
from watchtower.store import repo
from watchtower.web import create_app

from .conftest import ENV, Clock, FakeServer, Reply, add, make_config


@pytest.fixture
async def site(tmp_path: Path, fake: FakeServer) -> AsyncIterator[tuple[Daemon, TestClient, Clock]]:
    clock = Clock()
    config = make_config(tmp_path / "wt.db", fake.base)
    daemon = Daemon(config, Overrides(environ={"WATCHTOWER_LINK_KEY": LINK_KEY, **ENV},
                                      classifier=KeywordClassifier(), sender=NullSender(), clock=clock,
                                      start_dashboard=False))
    await daemon.start()
    client = TestClient(TestServer(create_app(daemon)))
    await client.start_server()
    await add_user(daemon, "amy", "moderator", email="amy@oakfield.example")
    await add_user(daemon, "fatima", "dsl", email="dsl@oakfield.example")
    try:
        yield daemon, client, clock
    finally:
        await client.close()
        await daemon._close()


def _csrf(html: str) -> str:
    import re

    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m
    return m.group(1)


async def test_moderator_hides_and_replies_from_the_item_page(site: Any, fake: FakeServer) -> None:
    daemon, client, clock = site
    fake.on("POST", "/v25.0/7_1", Reply(json={"success": True}))
    fake.on("POST", "/v25.0/7_1/comments", Reply(json={"id": "7_9"}))
    item_id = await add(daemon.store, daemon.config, clock, platform="facebook", platform_id="7_1")
    assert (await login(client, "amy")).status == 303
    page = await (await client.get(f"/items/{item_id}")).text()
    assert "Act on Facebook" in page and "Delete on Facebook" in page
    token = _csrf(page)
    # no CSRF: refused
    r = await client.post(f"/items/{item_id}/platform", data={"do": "hide"}, allow_redirects=False)
    assert r.status == 403
    confirm = await client.post(f"/items/{item_id}/platform", data={"do": "hide", "csrf": token})
    text = await confirm.text()
    assert "This will happen" in text and "Facebook: hide the comment" in text and "/v25.0/7_1?is_hidden=true" in text
    assert fake.requests == []  # the confirmation page changed nothing
    r = await client.post(f"/items/{item_id}/platform", data={"do": "hide", "csrf": token, "confirm": "1"},
                          allow_redirects=False)
    assert r.status == 303 and r.headers["Location"].endswith("platform=queued#platform-actions")
    r = await client.post(f"/items/{item_id}/platform", data={
        "do": "reply", "template": "removed", "reason": "it was abusive", "csrf": token, "confirm": "1"},
        allow_redirects=False)
    assert r.status == 303
    await pa_worker.worker_for(daemon).flush()
    page = await (await client.get(f"/items/{item_id}")).text()
    assert page.count('class="pa-status pa-done"') == 2
    audit = await daemon.store.read(lambda db: [a for (a,) in db.execute(
        "SELECT action FROM audit WHERE item_id = ?", [item_id])])
    assert {"platform:hide:done", "platform:reply:done", "acknowledge"} <= set(audit)


async def test_moderator_cannot_delete_a_safeguarding_item(site: Any) -> None:
    daemon, client, clock = site
    item_id = await add(daemon.store, daemon.config, clock, platform="facebook", platform_id="7_2",
                        categories=["safeguarding"])
    await login(client, "amy")
    page = await (await client.get(f"/items/{item_id}")).text()
    assert "only the DSL or the headteacher may delete" in page and "ceop.police.uk/Safety-Centre/" in page
    r = await client.post(f"/items/{item_id}/platform", data={"do": "delete", "csrf": _csrf(page), "confirm": "1"})
    assert r.status == 403 and "only the DSL or the headteacher may delete" in await r.text()
    assert await daemon.store.read(lambda db: repo.platform_actions_for_item(db, item_id)) == []
