"""The inbox in a real headless Chromium (Debian's /usr/bin/chromium through Playwright; nothing downloaded):
bulk acknowledge, keyboard shortcuts, the self-refreshing queue, claiming, and the screenshots at 1280 px and
390 px (``WATCHTOWER_SCREENSHOTS=docs/screenshots`` to refresh the committed ones)."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

import pytest

from watchtower.models import utcnow
from watchtower.notify.render import Recipient, build_item_email, decode_item, item_view
from watchtower.store import repo

from .conftest import Served, add_user, seed
from .test_browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, _log_in, need_chromium, seed_queue

pytestmark = pytest.mark.browser
WIDTHS = {"1280": {"width": 1280, "height": 900}, "390": {"width": 390, "height": 844}}


async def _audit(d: Any, action: str) -> int:
    row = await d.store.read(lambda db: db.execute("SELECT COUNT(*) FROM audit WHERE action = ?", [action]).fetchone())
    return int(row[0])


async def test_bulk_acknowledge_fifty_then_keys_claim_and_auto_refresh(served: Served) -> None:
    need_chromium()
    from playwright.async_api import async_playwright

    d, base = served.daemon, served.base
    await add_user(d, "amy", "moderator", email="amy@oakfield.example")
    for n in range(50):
        await seed(d, f"Well done to year {n % 7 + 7} on the concert, lovely evening", author=f"Parent {n}",
                   handle=f"parent{n}")
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = await (await browser.new_context(viewport=WIDTHS["1280"])).new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            await _log_in(page, base, "amy")

            # a page of harmless comments, acknowledged in one action: 50 audit lines
            await page.get_by_label("Select all on this page").check()
            await page.get_by_text("50 selected").wait_for()
            await page.get_by_role("button", name="Acknowledge selected").click()
            await page.get_by_text("Acknowledged 50 items.").wait_for()
            assert await _audit(d, "acknowledge") == 50

            # keyboard: j/k move, x selects, ? shows the help, a acknowledges, o opens
            threat = await seed(d, "[threat] I'm going to bring a knife to Oakfield on Monday", author="Anon 2291",
                                handle="anon2291", platform="x", source="mention")
            query = await seed(d, "[query] Is the school open on Friday?", minutes_ago=30)
            await page.goto(base + "/?status=open")
            await page.keyboard.press("j")
            first = page.locator("li.card.current")
            assert await first.get_attribute("data-id") == str(threat)  # critical first
            await page.keyboard.press("j")
            assert await page.locator("li.card.current").get_attribute("data-id") == str(query)
            await page.keyboard.press("k")
            assert await page.locator("li.card.current").get_attribute("data-id") == str(threat)
            await page.keyboard.press("j")
            await page.keyboard.press("x")
            assert await page.locator(f"#pick-{query}").is_checked()
            await page.keyboard.press("?")
            assert await page.locator("#kbd-help").is_visible()
            await page.keyboard.press("Escape")
            assert not await page.locator("#kbd-help").is_visible()
            await page.keyboard.press("a")
            await page.get_by_text("Acknowledged 1 item.").wait_for()
            acked = await d.store.read(lambda db: repo.get_item(db, query))
            assert acked is not None and acked.acknowledged_by == "amy@oakfield.example"
            await page.locator(f'li.card[data-id="{query}"]').wait_for(state="detached")  # left the open list
            await page.keyboard.press("k")
            await page.keyboard.press("o")
            await page.wait_for_url(f"{base}/items/{threat}")

            # claim it from the item page: shown there and in the queue
            await page.get_by_role("button", name="I'm on it").click()
            await page.get_by_text("Amy Clarke is on it").first.wait_for()  # named as in the config
            await page.goto(base + "/")
            await page.get_by_text("Amy Clarke is on it").wait_for()

            # the queue refreshes itself: a new post appears, marked new, with no page load
            await page.evaluate("window.__same_page = true")
            arrived = await seed(d, "[complaint] The car park was chaos again this morning", author="Local Dad",
                                 handle="localdad")
            await page.locator(f'li.card.arrived[data-id="{arrived}"]').wait_for(timeout=25_000)
            assert await page.locator(f'li.card[data-id="{arrived}"] .new-tag').text_content() == "new"
            assert await page.evaluate("window.__same_page") is True
            await page.get_by_text("1 new item in the queue.").wait_for()
            assert [e for e in errors if "Content Security Policy" in e] == []
        finally:
            await browser.close()


async def test_screenshots_at_1280_and_390(served: Served) -> None:
    """The queue, a critical item, the DSL review, the reports and an alert email, on a desktop and a phone.
    On the phone the item's Acknowledge button is on the first screen and nothing scrolls sideways."""
    need_chromium()
    from playwright.async_api import async_playwright

    d, base = served.daemon, served.base
    threat = await seed_queue(d)
    await seed(d, "[complaint] [query] Why was my son's detention not explained to us?", author="Angry Parent",
               handle="angry.parent", platform="instagram")
    harmless = [await seed(d, text, author=f"Parent {n}", handle=f"parent{n}", minutes_ago=40 + n * 200,
                           seen_minutes_ago=40 + n * 200)
                for n, text in enumerate(["Lovely photos from sports day!", "Well done to the choir",
                                          "What time is the fair?"])]
    # two of them acknowledged, so the weekly time-to-acknowledge chart has a bar
    await d.store.write(lambda db: [repo.acknowledge(db, i, by="ben@oakfield.example", channel="dashboard",
                                                     now=utcnow()) for i in harmless[1:]])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            for width, viewport in WIDTHS.items():
                ctx = await browser.new_context(viewport=viewport, device_scale_factor=1)
                page = await ctx.new_page()
                await _log_in(page, base, "amy")
                if width == "390":
                    await page.goto(base + "/")
                await page.screenshot(path=str(SCREENSHOTS / f"queue-{width}.png"))
                await page.goto(f"{base}/items/{threat}")
                if width == "1280":
                    await page.get_by_role("button", name="I'm on it").click()
                    await page.get_by_text("is on it").first.wait_for()
                    await page.goto(f"{base}/items/{threat}")  # from the top, not scrolled to the message
                box = await page.get_by_role("button", name="Acknowledge", exact=True).bounding_box()
                assert box is not None and box["y"] + box["height"] <= viewport["height"], box
                await page.screenshot(path=str(SCREENSHOTS / f"item-{width}.png"))
                await page.goto(base + "/reports")
                await page.screenshot(path=str(SCREENSHOTS / f"reports-{width}.png"), full_page=True)
                for path in ("/", f"/items/{threat}", "/reports"):
                    await page.goto(base + path)
                    scroll = await page.evaluate("document.documentElement.scrollWidth")
                    assert scroll <= viewport["width"], (path, scroll)
                await page.get_by_role("button", name="Log out").click()
                await _log_in(page, base, "fatima")
                await page.goto(base + "/review")
                await page.screenshot(path=str(SCREENSHOTS / f"review-{width}.png"))
                await ctx.close()

            # the alert email as a moderator's phone shows it
            row = await d.store.read(lambda db: repo.get_item(db, threat))
            assert row is not None
            item = decode_item(row) | {"reasons_list": ["rule:weapon_threat 'bring a knife'", "model:threat=0.97"]}
            amy = Recipient("amy@oakfield.example", "Amy Clarke", frozenset({"moderator"}))
            view = item_view(item, recipient=amy, step_reason="critical public-mention item (threat) seen → "
                             "moderators, headteacher, AHT (at once)", also_told=["David Price (headteacher)",
                             "Rachel Hughes (aht)", "Ben Okafor (moderator)"],
                             ack_url=f"{base}/ack/example", item_url=f"{base}/items/{threat}",
                             tz=ZoneInfo("Europe/London"), moderators_see_safeguarding=False)
            msg = build_item_email(school="Oakfield Academy", from_address="watchtower@oakfield.example",
                                   recipient=amy, views=[view], items=[item], now=utcnow())
            html = next(p for p in msg.walk() if p.get_content_type() == "text/html").get_content()
            phone = await browser.new_context(viewport=WIDTHS["390"], device_scale_factor=1)
            page = await phone.new_page()
            subject = str(msg["Subject"])
            await page.set_content(
                '<div style="font:14px Arial;padding:8px;border-bottom:1px solid #ccc;background:#f3f4f6">'
                f"<b>Watchtower</b><br>{subject.replace('<', '&lt;')}</div>" + html)
            assert await page.evaluate("document.documentElement.scrollWidth") <= 390
            box = await page.get_by_role("link", name="Acknowledge").bounding_box()
            assert box is not None and box["y"] + box["height"] <= 844
            await page.screenshot(path=str(SCREENSHOTS / "email-390.png"), full_page=True)
        finally:
            await browser.close()
