"""After login, ``next`` may only lead to a page on this site: no variant of ``/login?next=`` sends a user elsewhere.

Checked at the HTTP level on the ``Location`` header as aiohttp sends it (after yarl's normalisation): both the
redirect a logged-in user gets from ``GET /login?next=`` and the one after ``POST /login``. The browser test does the
same in Chromium.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest
from yarl import URL

from watchtower.web._security import safe_next

from .conftest import PASSWORD, Env, csrf_of
from .redirect_variants import LOCAL, raw_query, variants

BASE = "https://watchtower.oakfield.example/"
HOST = "evil.example"


def _stays_here(location: str) -> bool:
    """Where a browser at BASE goes with this Location: WHATWG drops TAB/CR/LF and reads \\ as / first."""
    cleaned = location.replace("\t", "").replace("\r", "").replace("\n", "").replace("\\", "/").strip()
    target = urlsplit(urljoin(BASE, cleaned))
    return (target.scheme, target.netloc) == ("https", "watchtower.oakfield.example") and HOST not in target.netloc


@pytest.mark.parametrize("raw", variants(HOST))
def test_safe_next_refuses_every_way_off_site(raw: str) -> None:
    decoded = str(URL("/login?next=" + raw_query(raw), encoded=True).query.get("next", ""))
    sent = str(URL(safe_next(decoded)))  # what aiohttp puts in Location
    assert _stays_here(sent), (raw, decoded, sent)
    assert sent.startswith("/") and not sent.startswith("//") and "\\" not in sent


@pytest.mark.parametrize("path", LOCAL)
def test_safe_next_keeps_pages_on_this_site(path: str) -> None:
    assert safe_next(path) == path


async def test_logged_in_user_is_never_redirected_off_site(env: Env) -> None:
    await env.login_as("amy")
    for raw in variants(HOST):
        r = await env.client.get(URL("/login?next=" + raw_query(raw), encoded=True), allow_redirects=False)
        assert r.status == 302, raw
        assert _stays_here(r.headers["Location"]), (raw, r.headers["Location"])
    for path in LOCAL:
        r = await env.client.get("/login", params={"next": path}, allow_redirects=False)
        assert r.headers["Location"] == path


async def test_login_form_never_redirects_off_site(env: Env) -> None:
    """The login page carries ``next`` in a hidden field; what it carries and what the POST sends back are safe."""
    for raw in [*variants(HOST), *LOCAL]:
        env.client.session.cookie_jar.clear()
        page = await env.client.get(URL("/login?next=" + raw_query(raw), encoded=True))
        html = await page.text()
        hidden = re.search(r'name="next" value="([^"]*)"', html)
        assert hidden is not None and _stays_here(unescape(hidden.group(1))), (raw, hidden)
        # an attacker can post any value, not only what the page carried
        value = raw if raw in LOCAL else str(URL("/?next=" + raw_query(raw), encoded=True).query.get("next", ""))
        r = await env.client.post("/login", data={"username": "amy", "password": PASSWORD, "csrf": csrf_of(html),
                                                  "next": value}, allow_redirects=False)
        assert r.status == 303, raw
        location = r.headers["Location"]
        assert _stays_here(location), (raw, location)
        if raw in LOCAL:
            assert location == raw
