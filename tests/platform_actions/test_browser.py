"""In headless Chromium: a moderator hides an abusive comment and posts the "removed because" notice from the item
page on Facebook, YouTube and X (local fake platforms), sees the state change and the audit trail, and the evidence
snapshot is kept; a safeguarding item offers no delete to a moderator."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import pytest
from tests.web.conftest import LINK_KEY, PASSWORD, KeywordClassifier, NullSender, add_user

from watchtower.daemon import Daemon, Overrides
from watchtower.platform_actions import worker as pa_worker
from watchtower.store import repo

from .conftest import ENV, Clock, FakeServer, Reply, add, make_config

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_hide_and_removed_notice_on_three_platforms(tmp_path: Path, fake: FakeServer) -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.async_api import async_playwright

    fake.on("POST", "/v25.0/8_1", Reply(json={"success": True}))
    fake.on("POST", "/v25.0/8_1/comments", Reply(json={"id": "8_9"}))
    fake.on("POST", "/token", Reply(json={"access_token": "ya29.t", "expires_in": 3599}))
    fake.on("POST", "/youtube/v3/comments/setModerationStatus", Reply(status=204))
    fake.on("POST", "/youtube/v3/comments", Reply(json={"kind": "youtube#comment", "id": "Ugz8.r"}))
    fake.on("PUT", "/2/tweets/1790000000000000008/hidden", Reply(json={"data": {"hidden": True}}))
    fake.on("POST", "/2/tweets", Reply(status=201, json={"data": {"id": "1790000000000000009", "text": "x"}}))
    port = _port()
    clock = Clock()
    base_cfg = make_config(tmp_path / "wt.db", fake.base)
    config = base_cfg.model_copy(update={"dashboard": base_cfg.dashboard.model_copy(update={
        "enabled": True, "host": "127.0.0.1", "port": port, "public_url": f"http://127.0.0.1:{port}"})})
    daemon = Daemon(config, Overrides(environ={"WATCHTOWER_LINK_KEY": LINK_KEY, **ENV}, sender=NullSender(),
                                      classifier=KeywordClassifier(), clock=clock, start_dashboard=True))
    await daemon.start()
    stop = asyncio.Event()
    job = asyncio.create_task(pa_worker.run_platform_actions(daemon.job_context(), stop))
    base = f"http://127.0.0.1:{port}"
    try:
        await add_user(daemon, "amy", "moderator", email="amy@oakfield.example")
        items = {
            "Facebook": await add(daemon.store, config, clock, platform="facebook", platform_id="8_1"),
            "YouTube": await add(daemon.store, config, clock, platform="youtube", platform_id="Ugz8"),
            "X": await add(daemon.store, config, clock, platform="x", platform_id="1790000000000000008"),
        }
        sg = await add(daemon.store, config, clock, platform="facebook", platform_id="8_2",
                       categories=["safeguarding"])
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
            try:
                page = await browser.new_page()
                await page.goto(base + "/login")
                await page.get_by_label("Username").fill("amy")
                await page.get_by_label("Password").fill(PASSWORD)
                await page.get_by_role("button", name="Log in").click()
                await page.wait_for_url(base + "/")
                for name, item_id in items.items():
                    await page.goto(f"{base}/items/{item_id}")
                    await page.get_by_role("heading", name=f"Act on {name}").wait_for()
                    await page.get_by_role("button", name=f"Hide on {name}…", exact=True).click()
                    plan = await page.locator("#plan").inner_text()
                    assert plan.startswith(f"This will happen: {name}: ")
                    await page.get_by_role("button", name="Yes, do it").click()
                    await page.get_by_text("Queued: Watchtower is doing it on the platform now").wait_for()
                    await page.get_by_label("Because (for the \"removed\" notice)").fill("it insulted a pupil")
                    await page.get_by_role("button", name=f"Reply on {name}…", exact=True).click()
                    assert "it insulted a pupil" in await page.locator("#plan").inner_text()
                    await page.get_by_role("button", name="Yes, do it").click()
                    for _ in range(50):  # the worker runs in the daemon: wait for both to be done
                        await page.goto(f"{base}/items/{item_id}")
                        if await page.locator("td.pa-done").count() == 2:
                            break
                        await asyncio.sleep(0.1)
                    assert await page.locator("td.pa-done").count() == 2
                    assert await page.get_by_text("evidence kept, SHA-256").count() == 1
                    audit = await page.locator("section[aria-labelledby=audit-h]").inner_text()
                    assert "platform:hide:done" in audit and "platform:reply:done" in audit
                    rows = await daemon.store.read(lambda db, i=item_id: repo.platform_actions_for_item(db, i))
                    assert rows[0]["evidence"] and '"content_sha256"' in rows[0]["evidence"]
                await page.goto(f"{base}/items/{sg}")
                await page.get_by_role("heading", name="Act on Facebook").wait_for()
                assert await page.get_by_role("button", name="Delete on Facebook…").count() == 0
                assert await page.get_by_text("only the DSL or the headteacher may delete").count() >= 1
            finally:
                await browser.close()
        assert b"insulted+a+pupil" in fake.calls("/v25.0/8_1/comments", "POST")[0].body
        assert len(fake.calls("/2/tweets", "POST")) == 1
    finally:
        stop.set()
        await asyncio.wait({job}, timeout=5)
        await daemon._close()
