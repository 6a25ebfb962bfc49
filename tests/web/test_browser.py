"""The dashboard in a real headless Chromium (Playwright), against a real Daemon serving on a TCP port.

Needs the distribution's Chromium at /usr/bin/chromium (Debian: ``apt-get install chromium``); Playwright's own
browser downloads are not used. A missing browser fails the test with that instruction rather than skipping it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from watchtower.daemon import Daemon
from watchtower.models import Item, utcnow
from watchtower.store import repo

from .conftest import PASSWORD, Served, add_user, seed

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Screenshots land in docs/screenshots/ (the committed ones) only when asked: WATCHTOWER_SCREENSHOTS=docs/screenshots
# make test; otherwise in a temporary folder, so a test run leaves the work tree clean.
SCREENSHOTS = Path(os.environ.get("WATCHTOWER_SCREENSHOTS") or tempfile.mkdtemp(prefix="watchtower-shots-"))
XSS_TEXT = ('[harassment] <script>window.__xss = "text-script"</script>'
            '<img src=x onerror="window.__xss = \'text-img\'"> you are all idiots')
XSS_AUTHOR = '<img src=x onerror="window.__xss=\'author\'">'


async def _ingest_live(daemon: Daemon, text: str) -> int:
    """A new post arrives the way a poller hands it over: stored, then triaged by the daemon's Triage."""
    now = utcnow()
    item = Item(platform="instagram", source="own", platform_id="live-1", url="https://instagram.example/c/1",
                author_handle="angry.parent", author_name="Angry Parent", text=text, created_at=now)
    [item_id] = await daemon.store.write(lambda db: repo.ingest(db, [item], source_name="instagram-main", now=now))
    assert daemon.triage is not None
    await daemon.triage.process([item_id])
    return item_id


async def _log_in(page: Any, base: str, username: str) -> None:
    await page.goto(base + "/")
    assert "/login" in page.url
    await page.get_by_label("Username").fill(username)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Log in").click()
    await page.wait_for_url(base + "/")


def need_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install the distribution's Chromium (apt-get install -y chromium); "
                    "the browser tests never download one")


async def seed_queue(d: Daemon) -> int:
    """Amy (moderator) and Fatima (DSL), and a realistic queue: one of each countdown state and a safeguarding item
    the moderator may not read. Returns the critical threat's id."""
    await add_user(d, "amy", "moderator", email="amy@oakfield.example")
    await add_user(d, "fatima", "dsl", email="dsl@oakfield.example")
    threat = await seed(d, "[threat] I'm going to bring a knife to Oakfield on Monday", author="Anon 2291",
                        handle="anon2291", platform="x", source="mention")
    await seed(d, "[harassment] Mr Jones is a disgrace and should be sacked", author="Local Dad",
               handle="localdad", minutes_ago=200, seen_minutes_ago=190)  # high, 4 h: past 75 % -> amber
    await seed(d, "[personal_data] Her address is 14 Elm Road, her mum's number is 07700 900123", author="Sam P",
               handle="sam.p", minutes_ago=300, seen_minutes_ago=295)  # high, 4 h: breached -> red
    await seed(d, "[safeguarding] my friend in year 9 says she wants to hurt herself", author="Worried Pupil",
               handle="wp", platform="instagram")
    return threat


async def test_moderator_and_dsl_flow_in_a_real_browser(served: Served) -> None:
    """Log in, see a new flagged item arrive, open it, acknowledge, record an action; the DSL marks it reviewed.
    Script in a post or author name never runs."""
    need_chromium()
    from playwright.async_api import async_playwright

    d, base = served.daemon, served.base
    threat = await seed_queue(d)  # and XSS:
    xss = await seed(d, XSS_TEXT, author=XSS_AUTHOR, handle="x<b>ss", url="javascript:window.__xss='url'")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            ctx = await browser.new_context(viewport={"width": 1000, "height": 900})
            page = await ctx.new_page()
            dialogs: list[str] = []
            errors: list[str] = []
            page.on("dialog", lambda dlg: (dialogs.append(dlg.message), dlg.dismiss()))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

            await _log_in(page, base, "amy")
            # keyboard: the first Tab reaches the skip link
            await page.keyboard.press("Tab")
            assert await page.evaluate("document.activeElement.textContent") == "Skip to main content"

            # a flagged item arrives while the page is open
            live = await _ingest_live(d, "[complaint] [query] Why was my son's detention not explained to us?")
            await page.reload()
            await page.get_by_text("Why was my son's detention").wait_for()
            assert await page.locator(".countdown.cd-warn").count() >= 1
            assert await page.locator(".countdown.cd-breached").count() >= 1
            assert await page.get_by_text("Safeguarding item: the text is shown only to the DSL team").count() == 1
            assert await page.get_by_text("wants to hurt herself").count() == 0
            assert await page.evaluate("window.__xss") is None

            # the XSS item's own page: escaped text shown, nothing runs, javascript: link not clickable
            await page.goto(f"{base}/items/{xss}")
            await page.get_by_text('window.__xss = "text-script"').first.wait_for()
            assert await page.locator("a[href^='javascript:']").count() == 0
            assert await page.evaluate("window.__xss") is None

            # open the new item from the queue, acknowledge it, record an action
            await page.goto(base + "/")
            await page.get_by_role("link", name=f"Open item {live}").click()
            await page.wait_for_url(f"{base}/items/{live}")
            await page.get_by_role("button", name="Acknowledge").click()
            await page.get_by_text("Acknowledged: the reminders for this item have stopped.").wait_for()
            await page.get_by_label("Record what you did").select_option("replied")
            await page.get_by_label("Details, optional").fill("Replied asking them to email the office")
            await page.get_by_role("button", name="Record action").click()
            await page.get_by_text("Action recorded.").wait_for()
            assert await page.get_by_text("Replied asking them to email the office").count() >= 1

            row = await d.store.read(lambda db: repo.get_item(db, live))
            assert row is not None and row.acknowledged_by == "amy@oakfield.example"

            # the phone-width view of the queue
            phone = await browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
            await phone.add_cookies(await ctx.cookies())
            ppage = await phone.new_page()
            await ppage.goto(base + "/")
            width = await ppage.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"the queue scrolls sideways on a phone ({width}px)"
            await phone.close()

            # an email link in a fresh browser (no login): confirm page first, then it acts once
            anon = await browser.new_context(viewport={"width": 1000, "height": 700})
            apage = await anon.new_page()
            token = d.signer.make(threat, "ben@oakfield.example", now=utcnow())
            await apage.goto(f"{base}/ack/{token}")
            await apage.get_by_text("You are acknowledging as Ben Okafor").wait_for()
            still = await d.store.read(lambda db: repo.get_item(db, threat))
            assert still is not None and still.acknowledged_at is None
            await apage.get_by_role("button", name="Yes, acknowledge").click()
            await apage.get_by_role("heading", name="Acknowledged").wait_for()
            await apage.goto(f"{base}/ack/{token}")
            await apage.get_by_text("This link has already been used").wait_for()
            await anon.close()

            # the DSL reviews everything flagged
            await page.get_by_role("button", name="Log out").click()
            await _log_in(page, base, "fatima")
            await page.get_by_role("link", name="DSL review").click()
            await page.get_by_text("wants to hurt herself").wait_for()  # the DSL reads safeguarding text
            await page.get_by_label("Review comment (for the record)").fill("Reviewed with the deputy")
            await page.get_by_role("button", name="Mark all 6 reviewed").click()
            await page.get_by_text("Nothing waiting for review.").wait_for()
            await page.get_by_text("Reviewed with the deputy").wait_for()
            assert await page.evaluate("window.__xss") is None

            await page.get_by_role("link", name="Reports").click()
            assert await page.locator("svg.chart").count() == 5  # the screenshots: test_browser_inbox.py

            assert dialogs == []
            csp = [e for e in errors if "Content Security Policy" in e]
            assert csp == [], csp
        finally:
            await browser.close()
    reviewed = await d.store.read(
        lambda db: db.execute("SELECT COUNT(*) FROM items WHERE dsl_reviewed_by = 'dsl@oakfield.example'").fetchone())
    assert reviewed[0] == 6
