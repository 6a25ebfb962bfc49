"""The dashboard's security, over HTTP against a real Daemon: logins, sessions, CSRF, roles, escaping, headers and
the signed email links."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from conftest import both_stores
from watchtower.store.db import Location
from watchtower.web import create_app
from watchtower.web._context import DASHBOARD, IpLimiter
from watchtower.web._security import CSP

from .conftest import PASSWORD, Clock, Env, add_user, csrf_of, login, seed, start_daemon

pytestmark = both_stores


async def _rows(env: Env, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    return await env.daemon.store.read(lambda db: list(db.execute(sql, params or []).fetchall()))


async def _item(env: Env, item_id: int) -> dict[str, Any]:
    def read(db: Any) -> dict[str, Any]:
        cur = db.execute("SELECT * FROM items WHERE id = ?", [item_id])
        return dict(zip([c[0] for c in cur.description], cur.fetchone(), strict=True))

    return await env.daemon.store.read(read)


class TestLogin:
    async def test_no_page_without_login(self, env: Env) -> None:
        """Every page but login, healthz, static files and email links sends an anonymous visitor to log in."""
        item = await seed(env.daemon, "[complaint] the car park is a mess")
        for path in ["/", f"/items/{item}", "/review", "/sources", "/reports", "/admin/users", "/?status=all"]:
            r = await env.client.get(path, allow_redirects=False)
            assert r.status == 302, path
            assert r.headers["Location"].startswith("/login?next="), path
        r = await env.client.post(f"/items/{item}", data={"do": "ack"}, allow_redirects=False)
        assert r.status == 403
        assert (await _item(env, item))["acknowledged_at"] is None

    async def test_wrong_password_refused_and_audited(self, env: Env) -> None:
        r = await login(env.client, "amy", "not the password")
        assert r.status == 401
        assert "Wrong username or password" in await r.text()
        assert (await env.client.get("/", allow_redirects=False)).status == 302
        r = await login(env.client, "amy")
        assert r.status == 303
        actions = await _rows(env, "SELECT actor, action, detail FROM audit WHERE action LIKE 'login%' ORDER BY id")
        assert [(a, b) for a, b, _ in actions] == [("amy@oakfield.example", "login_failed"),
                                                    ("amy@oakfield.example", "login")]
        assert json.loads(actions[0][2])["reason"] == "wrong password"

    async def test_unknown_user_is_refused_the_same_way(self, env: Env) -> None:
        r = await login(env.client, "nobody", PASSWORD)
        assert r.status == 401
        assert "Wrong username or password" in await r.text()

    async def test_lockout_after_five_failures(self, env: Env) -> None:
        """Five wrong passwords lock the account for 15 minutes, even against the right password."""
        for _ in range(5):
            assert (await login(env.client, "amy", "guess-guess-guess")).status == 401
        r = await login(env.client, "amy")
        assert r.status == 401
        assert "locked" in (await r.text())
        env.clock.advance(minutes=16)
        assert (await login(env.client, "amy")).status == 303

    async def test_many_failures_from_one_address_are_slowed(self, env: Env) -> None:
        """Guessing across many usernames from one address hits the per-address limiter (429)."""
        env.app[DASHBOARD].ip_limiter = IpLimiter(max_failures=4)  # the default is 20: fewer slow hashes here
        statuses = [(await login(env.client, f"user{i}", "x" * 12)).status for i in range(5)]
        assert statuses == [401, 401, 401, 401, 429]
        assert (await login(env.client, "amy")).status == 429  # even the right password, for a while

    async def test_login_form_needs_its_csrf_token(self, env: Env) -> None:
        await env.client.get("/login")
        r = await env.client.post("/login", data={"username": "amy", "password": PASSWORD}, allow_redirects=False)
        assert r.status == 403
        r = await env.client.post("/login", data={"username": "amy", "password": PASSWORD, "csrf": "forged"},
                                  allow_redirects=False)
        assert r.status == 403

    async def test_login_returns_only_to_a_local_page(self, env: Env) -> None:
        page = await env.client.get("/login")
        token = csrf_of(await page.text())
        r = await env.client.post("/login", data={"username": "amy", "password": PASSWORD, "csrf": token,
                                                  "next": "//evil.example/x"}, allow_redirects=False)
        assert r.status == 303
        assert r.headers["Location"] == "/"

    async def test_disabled_user_cannot_log_in_and_loses_sessions(self, env: Env) -> None:
        admin = TestClient(TestServer(env.app))
        await admin.start_server()
        try:
            await env.login_as("amy")
            assert (await env.client.get("/", allow_redirects=False)).status == 200
            r = await login(admin, "root")
            assert r.status == 303
            token = csrf_of(await (await admin.get("/admin/users")).text())
            r = await admin.post("/admin/users", data={"csrf": token, "do": "disable", "username": "amy"},
                                 allow_redirects=False)
            assert r.status == 303
            assert (await env.client.get("/", allow_redirects=False)).status == 302
            assert (await login(env.client, "amy")).status == 401
        finally:
            await admin.close()

    async def test_session_cookie_flags_and_only_a_hash_is_stored(self, store_location: Location,
                                                                 clock: Clock) -> None:
        """Over https the session cookie is __Host-, Secure, HttpOnly, SameSite=Strict; the database keeps only
        the token's SHA-256."""
        daemon = await start_daemon(store_location, clock, public_url="https://watchtower.oakfield.example")
        client = TestClient(TestServer(create_app(daemon)))
        await client.start_server()
        try:
            await add_user(daemon, "amy", "moderator")
            page = await client.get("/login")
            login_cookie = page.cookies["wt_login"]
            assert login_cookie["secure"] and login_cookie["httponly"] and login_cookie["samesite"] == "Strict"
            # the test client speaks plain http, so it would not send a Secure cookie back: send it by hand
            r = await client.post("/login", data={"username": "amy", "password": PASSWORD,
                                                  "csrf": csrf_of(await page.text())},
                                  headers={"Cookie": f"wt_login={login_cookie.value}"}, allow_redirects=False)
            assert r.status == 303
            cookie = next(v for v in r.headers.getall("Set-Cookie") if "wt_session" in v)
            name, _, rest = cookie.partition("=")
            token = rest.split(";")[0]
            flags = cookie.lower()
            assert name == "__Host-wt_session"
            assert "secure" in flags and "httponly" in flags and "samesite=strict" in flags and "path=/" in flags
            stored = await daemon.store.read(lambda db: [r[0] for r in db.execute("SELECT token_hash FROM sessions")])
            assert stored == [hashlib.sha256(token.encode()).hexdigest()]
            assert r.headers["Strict-Transport-Security"].startswith("max-age=")
        finally:
            await client.close()
            await daemon._close()

    async def test_logout_ends_the_session(self, env: Env) -> None:
        csrf = await env.login_as("amy")
        r = await env.client.post("/logout", data={"csrf": csrf}, allow_redirects=False)
        assert r.status == 303
        assert (await env.client.get("/", allow_redirects=False)).status == 302
        assert await _rows(env, "SELECT * FROM sessions") == []


class TestCsrf:
    async def test_missing_or_wrong_csrf_is_refused(self, env: Env) -> None:
        item = await seed(env.daemon, "[harassment] you are useless")
        csrf = await env.login_as("amy")
        for data in ({"do": "ack"}, {"do": "ack", "csrf": "wrong"}, {"do": "ack", "csrf": csrf[:-1]}):
            r = await env.client.post(f"/items/{item}", data=data, allow_redirects=False)
            assert r.status == 403, data
        assert (await _item(env, item))["acknowledged_at"] is None
        r = await env.client.post(f"/items/{item}", data={"do": "ack", "csrf": csrf}, allow_redirects=False)
        assert r.status == 303
        assert (await _item(env, item))["acknowledged_by"] == "amy@oakfield.example"

    async def test_another_sessions_token_does_not_work(self, env: Env) -> None:
        item = await seed(env.daemon, "[harassment] you are useless")
        other = TestClient(TestServer(env.app))
        await other.start_server()
        try:
            r = await login(other, "fatima")
            assert r.status == 303
            fatima_csrf = csrf_of(await (await other.get("/")).text())
            await env.login_as("amy")
            r = await env.client.post(f"/items/{item}", data={"do": "ack", "csrf": fatima_csrf},
                                      allow_redirects=False)
            assert r.status == 403
        finally:
            await other.close()


class TestRoles:
    async def test_moderator_is_refused_safeguarding_text(self, env: Env) -> None:
        secret = "[safeguarding] I want to end it all tonight, nobody at Oakfield cares"
        item = await seed(env.daemon, secret)
        await env.login_as("amy")
        queue = await (await env.client.get("/")).text()
        page = await (await env.client.get(f"/items/{item}")).text()
        found = await (await env.client.get("/?q=nobody+at+Oakfield&status=all")).text()
        for html in (queue, page, found):
            assert "end it all" not in html
        assert "shown only to the DSL" in page
        assert f"/items/{item}" in queue  # the item itself is listed: someone must act on it
        assert f"/items/{item}" not in found  # and its text cannot be found by searching
        views = await _rows(env, "SELECT actor, detail FROM audit WHERE action = 'view_safeguarding'")
        assert views == [("amy@oakfield.example", json.dumps({"text_shown": False}))]

    async def test_dsl_reads_safeguarding_text(self, env: Env) -> None:
        item = await seed(env.daemon, "[safeguarding] I want to end it all tonight")
        await env.login_as("fatima")
        page = await (await env.client.get(f"/items/{item}")).text()
        assert "I want to end it all tonight" in page
        assert await _rows(env, "SELECT actor FROM audit WHERE action = 'view_safeguarding'") == [
            ("dsl@oakfield.example",)]

    async def test_config_can_let_moderators_read_safeguarding_text(self, store_location: Location,
                                                                   clock: Clock) -> None:
        daemon = await start_daemon(store_location, clock, moderators_see_safeguarding_text=True)
        client = TestClient(TestServer(create_app(daemon)))
        await client.start_server()
        try:
            await add_user(daemon, "amy", "moderator")
            item = await seed(daemon, "[safeguarding] I want to end it all tonight")
            assert (await login(client, "amy")).status == 303
            assert "end it all" in await (await client.get(f"/items/{item}")).text()
        finally:
            await client.close()
            await daemon._close()

    async def test_moderator_is_refused_admin_and_review(self, env: Env) -> None:
        item = await seed(env.daemon, "[threat] I will bring a knife")
        csrf = await env.login_as("amy")
        assert (await env.client.get("/admin/users")).status == 403
        r = await env.client.post("/admin/users", data={"csrf": csrf, "do": "add", "username": "evil", "name": "E",
                                                        "role": "admin", "password": "x" * 12, "password2": "x" * 12})
        assert r.status == 403
        assert (await env.client.get("/review")).status == 403
        r = await env.client.post(f"/items/{item}", data={"csrf": csrf, "do": "reviewed"}, allow_redirects=False)
        assert r.status == 403
        assert await _rows(env, "SELECT username FROM users WHERE username = 'evil'") == []
        assert (await _item(env, item))["dsl_reviewed_at"] is None

    async def test_admin_manages_users_but_cannot_act_on_items(self, env: Env) -> None:
        item = await seed(env.daemon, "[threat] I will bring a knife")
        csrf = await env.login_as("root")
        r = await env.client.post(f"/items/{item}", data={"csrf": csrf, "do": "ack"}, allow_redirects=False)
        assert r.status == 403
        r = await env.client.post("/admin/users", data={
            "csrf": csrf, "do": "add", "username": "tom", "name": "Tom Reid", "email": "tom@oakfield.example",
            "role": "deputy_dsl", "password": "a long password", "password2": "a long password"},
            allow_redirects=False)
        assert r.status == 303
        other = TestClient(TestServer(env.app))
        await other.start_server()
        try:
            assert (await login(other, "tom", "a long password")).status == 303
            assert (await other.get("/review")).status == 200
        finally:
            await other.close()


class TestEscaping:
    async def test_script_in_text_author_and_url_is_inert(self, env: Env) -> None:
        payload = "<script>alert('pwned')</script> [harassment] you idiot"
        author = '<img src=x onerror="alert(1)">'
        item = await seed(env.daemon, payload, author=author, handle="\"><svg onload=alert(2)>",
                          url="javascript:alert(3)")
        await env.login_as("fatima")
        for path in ["/", f"/items/{item}", "/review", "/?q=script"]:
            html = await (await env.client.get(path)).text()
            assert "<script>alert" not in html, path
            assert "<img src=x" not in html, path
            assert "<svg onload" not in html, path
            assert 'href="javascript:' not in html, path
        html = await (await env.client.get(f"/items/{item}")).text()
        assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in html
        assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html

    async def test_search_wildcards_are_literal(self, env: Env) -> None:
        await seed(env.daemon, "[complaint] the canteen is bad")
        await env.login_as("fatima")
        html = await (await env.client.get("/?q=%25&status=all")).text()
        assert "canteen" not in html
        html = await (await env.client.get("/?q=canteen&status=all")).text()
        assert "canteen" in html


class TestHeaders:
    async def test_security_headers_on_every_response(self, env: Env) -> None:
        await env.login_as("amy")
        for path in ["/", "/login", "/static/style.css", "/static/countdown.js", "/healthz", "/no-such-page",
                     "/ack/garbage"]:
            r = await env.client.get(path, allow_redirects=False)
            h = r.headers
            assert h["Content-Security-Policy"] == CSP, path
            assert h["X-Frame-Options"] == "DENY", path
            assert h["Referrer-Policy"] == "no-referrer", path
            assert h["X-Content-Type-Options"] == "nosniff", path
            if not path.startswith("/static/"):
                assert h["Cache-Control"] == "no-store", path

    async def test_no_inline_script_or_style_in_pages(self, env: Env) -> None:
        """The CSP forbids them, so a page that used them would break: check the templates never do."""
        item = await seed(env.daemon, "[threat] knife")
        await env.login_as("fatima")
        for path in ["/", f"/items/{item}", "/review", "/reports", "/sources"]:
            html = await (await env.client.get(path)).text()
            assert "<script>" not in html and "style=" not in html and "<style" not in html, path
            assert " on" + "click=" not in html


class TestHealth:
    async def test_healthz_needs_no_login_and_shows_no_post_data(self, env: Env) -> None:
        await seed(env.daemon, "[threat] very private words", author="Secret Person")
        r = await env.client.get("/healthz")
        assert r.status == 200
        body = await r.text()
        data = json.loads(body)
        assert data["status"] == "ok"
        assert data["outbox"]["pending"] > 0  # the threat's alerts are queued
        assert "very private" not in body and "Secret Person" not in body


class TestSignedLinks:
    async def _link(self, env: Env, item: int, person: str = "ben@oakfield.example") -> str:
        return env.daemon.signer.make(item, person, now=env.clock())

    async def _state(self, env: Env) -> tuple[Any, ...]:
        return (
            await _rows(env, "SELECT acknowledged_at FROM items"),
            await _rows(env, "SELECT COUNT(*) FROM used_links"),
            await _rows(env, "SELECT COUNT(*) FROM audit"),
            await _rows(env, "SELECT COUNT(*) FROM acknowledgements"),
        )

    async def test_get_changes_nothing_post_acknowledges_once(self, env: Env) -> None:
        item = await seed(env.daemon, "[threat] I will hurt someone")
        token = await self._link(env, item)
        before = await self._state(env)
        r = await env.client.get(f"/ack/{token}")
        assert r.status == 200
        html = await r.text()
        assert "Ben Okafor" in html and "Yes, acknowledge" in html
        assert await self._state(env) == before  # a mail scanner's GET changes nothing
        r = await env.client.post(f"/ack/{token}", data={"csrf": csrf_of(html)})
        assert r.status == 200
        assert "reminders for this item have stopped" in await r.text()
        row = await _item(env, item)
        assert row["acknowledged_by"] == "ben@oakfield.example"
        assert await _rows(env, "SELECT by, channel FROM acknowledgements") == [("ben@oakfield.example",
                                                                                 "email-link")]
        # replayed: refused, nothing more recorded
        r = await env.client.post(f"/ack/{token}", data={"csrf": csrf_of(html)})
        assert r.status == 409
        assert "already been used" in await r.text()
        r = await env.client.get(f"/ack/{token}")
        assert r.status == 409
        assert await _rows(env, "SELECT COUNT(*) FROM acknowledgements") == [(1,)]

    async def test_tampered_link_is_refused(self, env: Env) -> None:
        item = await seed(env.daemon, "[threat] I will hurt someone")
        other = await seed(env.daemon, "[threat] another one")
        token = await self._link(env, item)
        parts = token.split(".")
        forged = ".".join([str(other), *parts[1:]])
        bad_sig = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
        before = await self._state(env)
        for t in (forged, bad_sig, "not-a-link", token[:20]):
            for method in ("GET", "POST"):
                r = await env.client.request(method, f"/ack/{t}", data={"csrf": "x"} if method == "POST" else None)
                assert r.status == 400, (t, method)
                html = await r.text()
                assert "cannot be used" in html and 'href="/"' in html
        assert await self._state(env) == before

    async def test_expired_link_is_refused(self, env: Env) -> None:
        item = await seed(env.daemon, "[threat] I will hurt someone")
        token = await self._link(env, item)
        html = await (await env.client.get(f"/ack/{token}")).text()
        env.clock.advance(hours=env.daemon.config.dashboard.link_ttl_hours + 1)
        r = await env.client.get(f"/ack/{token}")
        assert r.status == 400
        assert "expired" in await r.text()
        r = await env.client.post(f"/ack/{token}", data={"csrf": csrf_of(html)})
        assert r.status == 400
        assert (await _item(env, item))["acknowledged_at"] is None

    async def test_post_needs_the_links_own_csrf(self, env: Env) -> None:
        item = await seed(env.daemon, "[threat] I will hurt someone")
        token, other = await self._link(env, item), await self._link(env, item)
        other_csrf = csrf_of(await (await env.client.get(f"/ack/{other}")).text())
        for data in ({}, {"csrf": "x"}, {"csrf": other_csrf}):
            r = await env.client.post(f"/ack/{token}", data=data)
            assert r.status == 403
        assert (await _item(env, item))["acknowledged_at"] is None


class TestActing:
    async def test_acknowledging_stops_the_escalation_chain(self, env: Env) -> None:
        acked = await seed(env.daemon, "[threat] I will hurt someone")
        ignored = await seed(env.daemon, "[threat] I will hurt someone else")
        csrf = await env.login_as("amy")
        r = await env.client.post(f"/items/{acked}", data={"csrf": csrf, "do": "ack"}, allow_redirects=False)
        assert r.status == 303
        env.clock.advance(hours=30)
        assert env.daemon.escalator is not None
        await env.daemon.escalator.tick()
        steps = await _rows(env, "SELECT item_id, step FROM escalation_steps WHERE step != 'seen' ORDER BY item_id")
        assert {i for i, _ in steps} == {ignored}

    async def test_actions_notes_not_a_concern_and_review(self, env: Env) -> None:
        item = await seed(env.daemon, "[offensive] [complaint] this school is rubbish")
        csrf = await env.login_as("amy")
        for data in ({"do": "action", "action": "replied", "note": "replied politely"},
                     {"do": "note", "note": "parent known to the office"},
                     {"do": "not_concern", "note": "banter"}):
            r = await env.client.post(f"/items/{item}", data={"csrf": csrf, **data}, allow_redirects=False)
            assert r.status == 303, data
        r = await env.client.post(f"/items/{item}", data={"csrf": csrf, "do": "action", "action": "launch"},
                                  allow_redirects=False)
        assert r.status == 400
        row = await _item(env, item)
        assert row["not_concern"] == 1 and row["resolved_at"] and row["acknowledged_at"]
        fp = await _rows(env, "SELECT detail FROM audit WHERE action = 'not_concern'")
        assert json.loads(fp[0][0])["categories"] == ["complaint", "offensive"]
        page = await (await env.client.get(f"/items/{item}")).text()
        assert "parent known to the office" in page and "Replied" in page
        reports = await (await env.client.get("/reports")).text()
        assert "<svg" in reports and "False positives" in reports

        other = TestClient(TestServer(env.app))
        await other.start_server()
        try:
            assert (await login(other, "fatima")).status == 303
            html = await (await other.get("/review")).text()
            assert f"/items/{item}" in html
            r = await other.post("/review", data={"csrf": csrf_of(html), "item_ids": str(item),
                                                  "comment": "all fine"}, allow_redirects=False)
            assert r.status == 303
            html = await (await other.get("/review")).text()
            assert "Nothing waiting for review" in html and "all fine" in html
        finally:
            await other.close()
        row = await _item(env, item)
        assert row["dsl_reviewed_by"] == "dsl@oakfield.example"

    async def test_queue_orders_open_items_by_severity_then_deadline(self, env: Env) -> None:
        normal = await seed(env.daemon, "[complaint] slow replies")
        critical = await seed(env.daemon, "[threat] knife")
        high = await seed(env.daemon, "[harassment] you are useless")
        done = await seed(env.daemon, "[threat] acknowledged already")
        csrf = await env.login_as("amy")
        await env.client.post(f"/items/{done}", data={"csrf": csrf, "do": "ack"})
        html = await (await env.client.get("/")).text()
        order = [html.index(f'href="/items/{i}"') for i in (critical, high, normal, done)]
        assert order == sorted(order)
        html = await (await env.client.get("/?status=open")).text()
        assert f'href="/items/{done}"' not in html

    async def test_countdown_turns_amber_then_red(self, env: Env) -> None:
        item = await seed(env.daemon, "[harassment] you are useless", minutes_ago=0)  # high: 4 h
        await env.login_as("amy")
        assert "cd-ok" in await (await env.client.get(f"/items/{item}")).text()
        env.clock.advance(hours=3, minutes=5)
        assert "cd-warn" in await (await env.client.get(f"/items/{item}")).text()
        env.clock.advance(hours=1)
        html = await (await env.client.get("/")).text()
        assert "cd-breached" in html and "overdue by" in html

    async def test_thread_shows_parent_and_replies(self, env: Env) -> None:
        parent = await seed(env.daemon, "Well done to the choir!", platform_id="post1", author="Oakfield")
        reply = await seed(env.daemon, "[harassment] you lot are useless", platform_id="c1", parent_id="post1")
        sibling = await seed(env.daemon, "congratulations", platform_id="c2", parent_id="post1")
        await env.login_as("amy")
        html = await (await env.client.get(f"/items/{reply}")).text()
        assert f'href="/items/{parent}"' in html and f'href="/items/{sibling}"' in html
        html = await (await env.client.get(f"/items/{parent}")).text()
        assert f'href="/items/{reply}"' in html

    async def test_pagination_keeps_filters(self, env: Env) -> None:
        from watchtower.web._queries import PAGE_SIZE

        for i in range(PAGE_SIZE + 5):
            await seed(env.daemon, f"[complaint] number {i}")
        await env.login_as("amy")
        html = await (await env.client.get("/?category=complaint")).text()
        assert "Page 1 of 2" in html and "category=complaint" in html and "page=2" in html
        html = await (await env.client.get("/?category=complaint&page=2")).text()
        assert html.count('class="open"') == 5


async def test_item_page_for_a_missing_item_is_404(env: Env) -> None:
    await env.login_as("amy")
    assert (await env.client.get("/items/999")).status == 404
    assert (await env.client.get("/items/abc")).status == 404

