"""The open-redirect variants in a real headless Chromium: whatever ``/login?next=`` says, the browser stays on the
dashboard's origin, whether the user is logged in already (GET redirects at once) or logs in through the form.

The "other site" is a real second HTTP server on another port, so a browser that was sent there would reach it:
the test checks both where the browser ended up and that the other server saw no request at all.
"""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from aiohttp import web

from watchtower.daemon import Daemon, Overrides

from .conftest import LINK_KEY, PASSWORD, KeywordClassifier, NullSender, add_user, make_config
from .redirect_variants import LOCAL, raw_query, variants

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Sites:
    daemon: Daemon
    base: str
    other: str  # host:port of the other site
    other_hits: list[str] = field(default_factory=list)


@pytest.fixture
async def sites(tmp_path: Path) -> AsyncIterator[Sites]:
    port, other_port = _free_port(), _free_port()
    config = make_config(tmp_path / "wt.db", host="127.0.0.1", port=port, public_url=f"http://127.0.0.1:{port}")
    daemon = Daemon(config, Overrides(environ={"WATCHTOWER_LINK_KEY": LINK_KEY}, classifier=KeywordClassifier(),
                                      sender=NullSender(), start_dashboard=True))
    await daemon.start()
    s = Sites(daemon, f"http://127.0.0.1:{port}", f"127.0.0.1:{other_port}")

    async def phish(request: web.Request) -> web.Response:
        s.other_hits.append(str(request.url))
        return web.Response(text="<title>phished</title>phished", content_type="text/html")

    other = web.Application()
    other.router.add_route("*", "/{tail:.*}", phish)
    runner = web.AppRunner(other)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", other_port).start()
    try:
        await add_user(daemon, "amy", "moderator", email="amy@oakfield.example")
        yield s
    finally:
        await runner.cleanup()
        await daemon._close()


async def test_no_next_value_takes_chromium_off_site(sites: Sites) -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install the distribution's Chromium (apt-get install -y chromium); "
                    "the browser tests never download one")
    from playwright.async_api import async_playwright

    origin = urlsplit(sites.base).netloc
    raws = variants(sites.other)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            ctx = await browser.new_context()
            page = await ctx.new_page()
            off_site: list[str] = []
            page.on("request", lambda req: off_site.append(req.url) if urlsplit(req.url).netloc != origin else None)

            # logged in: GET /login?next=... redirects at once
            await page.goto(sites.base + "/login")
            await page.get_by_label("Username").fill("amy")
            await page.get_by_label("Password").fill(PASSWORD)
            await page.get_by_role("button", name="Log in").click()
            await page.wait_for_url(sites.base + "/")
            for raw in raws:
                await page.goto(sites.base + "/login?next=" + raw_query(raw))
                assert urlsplit(page.url).netloc == origin, (raw, page.url)
            for path in LOCAL:
                await page.goto(sites.base + "/login?next=" + quote(path, safe=""))
                assert page.url == sites.base + path, (path, page.url)

            # logged out: the login form carries next, and the redirect after logging in stays here too
            for raw in raws:
                await ctx.clear_cookies()
                await page.goto(sites.base + "/login?next=" + raw_query(raw))
                await page.get_by_label("Username").fill("amy")
                await page.get_by_label("Password").fill(PASSWORD)
                await page.get_by_role("button", name="Log in").click()
                await page.wait_for_load_state()
                await page.wait_for_function("document.readyState === 'complete'")
                assert urlsplit(page.url).netloc == origin, (raw, page.url)
                assert await page.title() != "phished", raw
            assert off_site == [] and sites.other_hits == [], (off_site, sites.other_hits)
        finally:
            await browser.close()
