"""What the attacker's run of the dashboard found (issue 14): need-to-know leaks around a safeguarding item's text,
account enumeration through the lockout message, email links used by someone else, out-of-range ids, and post
text that drives a display (bidi overrides, ANSI escapes, NUL). Over HTTP against a real Daemon."""

from __future__ import annotations

import json
import re
from html import unescape
from typing import Any

from watchtower import dataprotection
from watchtower.cli.ack import excerpt, format_queue
from watchtower.store import repo
from watchtower.store.rows import ItemRow

from .conftest import PASSWORD, Env, login, seed

STORY_URL = "https://news.example/2026/03/year-9-pupil-self-harm-at-oakfield-academy"


def _error(html: str) -> str:
    m = re.search(r'<p class="alert error" role="alert">(.*?)</p>', html, re.S)
    assert m, "no error message on the page"
    return unescape(m.group(1))


async def _audit(env: Env, action: str) -> list[tuple[str, int | None, dict[str, Any]]]:
    rows = await env.daemon.store.read(lambda db: db.execute(
        "SELECT actor, item_id, detail FROM audit WHERE action = ? ORDER BY id", [action]).fetchall())
    return [(a, i, json.loads(d)) for a, i, d in rows]


class TestNeedToKnow:
    async def test_a_moderator_does_not_see_a_safeguarding_items_url(self, env: Env) -> None:
        item = await seed(env.daemon, "[safeguarding] a pupil in year 9 is hurting herself", url=STORY_URL,
                          source="mention", platform="rss")
        await env.login_as("amy")
        html = await (await env.client.get(f"/items/{item}")).text()
        assert "news.example" not in html and "self-harm" not in html
        assert "link withheld with the text" in html
        assert "news.example" not in await (await env.client.get("/?status=all")).text()

    async def test_the_dsl_does_see_it(self, env: Env) -> None:
        item = await seed(env.daemon, "[safeguarding] a pupil in year 9 is hurting herself", url=STORY_URL)
        await env.login_as("fatima")
        html = await (await env.client.get(f"/items/{item}")).text()
        assert f'href="{STORY_URL}"' in html

    async def test_the_lockout_says_the_same_for_existing_and_unknown_accounts(self, env: Env) -> None:
        """After five failures a real account is locked; an unknown name must look exactly the same, or the lockout
        message tells a stranger which usernames exist."""
        answers: dict[str, list[tuple[int, str]]] = {}
        for name in ("amy", "nobody"):
            answers[name] = []
            for _ in range(5):
                r = await login(env.client, name, "guess-guess-guess")
                answers[name].append((r.status, _error(await r.text())))
            r = await login(env.client, name, PASSWORD)  # the right password for amy, but she is locked now
            answers[name].append((r.status, _error(await r.text())))
        assert answers["amy"] == answers["nobody"]
        assert {a for a in answers["amy"]} == {answers["amy"][0]}  # one answer, locked or not
        assert answers["amy"][0][0] == 401 and "locked" in answers["amy"][0][1]
        # the audit log still knows the difference
        reasons = [d["reason"] for actor, _, d in await _audit(env, "login_failed") if actor != "nobody"]
        assert reasons[-1] == "locked"


class TestEmailLinks:
    async def test_a_link_used_by_someone_else_logged_in_records_both(self, env: Env) -> None:
        item = await seed(env.daemon, "[threat] I will be waiting outside the gates")
        await env.login_as("amy")  # Amy is logged in on this browser; the link is Ben's
        token = env.daemon.signer.make(item, "ben@oakfield.example", now=env.clock())
        r = await env.client.post(f"/ack/{token}", data={"csrf": _link_csrf(env, token)})
        assert r.status == 200
        [(actor, item_id, detail)] = await _audit(env, "email_link_used_by_other")
        assert (actor, item_id) == ("amy@oakfield.example", item)
        assert detail["link_person"] == "ben@oakfield.example" and detail["logged_in"] == "amy@oakfield.example"
        # the link still acts for the person it names
        assert [a for a, i, _ in await _audit(env, "acknowledge") if i == item] == ["ben@oakfield.example"]

    async def test_the_confirmation_page_warns_when_someone_else_is_logged_in(self, env: Env) -> None:
        """Before anything is recorded, the page says whose link it is and who is logged in on this browser."""
        item = await seed(env.daemon, "[threat] I will be waiting outside the gates")
        token = env.daemon.signer.make(item, "ben@oakfield.example", now=env.clock())
        warning = "This link is for Ben Okafor; you are logged in as Amy: acknowledging records both"
        assert warning not in await (await env.client.get(f"/ack/{token}")).text()  # nobody logged in
        await env.login_as("amy")
        page = unescape(await (await env.client.get(f"/ack/{token}")).text())
        assert warning in page and "Yes, acknowledge" in page
        # on an item someone already acknowledged, "record mine too" is acknowledging as well
        now = env.clock()
        await env.daemon.store.write(lambda db: repo.acknowledge(db, item, by="dsl@oakfield.example", channel="cli",
                                                                 now=now))
        assert warning in unescape(await (await env.client.get(f"/ack/{token}")).text())
        # Amy's own link: no warning
        own = env.daemon.signer.make(item, "amy@oakfield.example", now=env.clock())
        assert "you are logged in as" not in await (await env.client.get(f"/ack/{own}")).text()

    async def test_a_link_used_by_its_own_person_adds_nothing(self, env: Env) -> None:
        item = await seed(env.daemon, "[threat] I will be waiting outside the gates")
        await env.login_as("amy")
        token = env.daemon.signer.make(item, "amy@oakfield.example", now=env.clock())
        assert (await env.client.post(f"/ack/{token}", data={"csrf": _link_csrf(env, token)})).status == 200
        assert await _audit(env, "email_link_used_by_other") == []

    async def test_a_link_to_a_resolved_item_says_it_was_resolved(self, env: Env) -> None:
        item = await seed(env.daemon, "[complaint] the car park is a mess")
        token = env.daemon.signer.make(item, "ben@oakfield.example", now=env.clock())
        now = env.clock()
        await env.daemon.store.write(lambda db: repo.resolve(db, item, by="amy@oakfield.example", channel="dashboard",
                                                             now=now))
        page = await (await env.client.get(f"/ack/{token}")).text()
        assert "already resolved" in page and "Amy Clarke" in page
        assert "Yes, acknowledge" not in page
        # a confirmation page opened before it was resolved, submitted after
        r = await env.client.post(f"/ack/{token}", data={"csrf": _link_csrf(env, token)})
        page = await r.text()
        assert "already resolved" in page
        assert "<h1>Acknowledged</h1>" not in page and "reminders for this item have stopped" not in page


def _link_csrf(env: Env, token: str) -> str:
    from watchtower.web import DASHBOARD

    return env.app[DASHBOARD].link_csrf(token)


class TestIds:
    async def test_out_of_range_and_odd_ids_are_404(self, env: Env) -> None:
        item = await seed(env.daemon, "[complaint] the car park is a mess")
        csrf = await env.login_as("fatima")  # the DSL may use every route with an id
        bad = ["99999999999999999999999", str(2**63), "-1", "0", "1e3", "1_0", "\uff11", " 1", "0x1", str(10**400)]
        for b in bad:
            r = await env.client.get(f"/items/{b}", allow_redirects=False)
            assert r.status == 404, (b, r.status)
            r = await env.client.post(f"/items/{b}", data={"csrf": csrf, "do": "ack"}, allow_redirects=False)
            assert r.status == 404, (b, r.status)
        r = await env.client.post("/review", data={"csrf": csrf, "item_ids": f"{item},99999999999999999999999"},
                                  allow_redirects=False)
        assert r.status < 500
        assert (await env.client.get(f"/items/{2**63 - 1}")).status == 404  # the largest id there could be
        assert (await env.client.get(f"/items/{item}")).status == 200
        # an email link naming an item that cannot exist (only the key's holder could make one)
        token = env.daemon.signer.make(10**25, "ben@oakfield.example", now=env.clock())
        assert (await env.client.get(f"/ack/{token}")).status in (400, 404)
        assert (await env.client.post(f"/ack/{token}", data={"csrf": _link_csrf(env, token)})).status in (400, 404)


HOSTILE = ("[harassment] Pay at \u202egnp.exe\u202c now \x1b[2J\x1b[31mFAKE SYSTEM ALERT\x1b[0m\x00tail"
           "\u2066iso\u2069 \x9b2J end")
HOSTILE_AUTHOR = "Mr \u202eNosrep\x1b[1m"
BAD = ("\u202e", "\u202c", "\u2066", "\u2069", "\x1b", "\x00", "\x9b")


class TestDisplay:
    async def test_dashboard_pages_show_controls_inert(self, env: Env) -> None:
        item = await seed(env.daemon, HOSTILE, author=HOSTILE_AUTHOR, url="https://x.example/\u202e/p")
        await env.login_as("fatima")
        for path in [f"/items/{item}", "/?status=all", "/review"]:
            html = await (await env.client.get(path)).text()
            assert not [c for c in BAD if c in html], (path, [c for c in BAD if c in html])
            assert "\u241b[31mFAKE SYSTEM ALERT" in html, path

    async def test_the_store_and_the_evidence_export_keep_the_original(self, env: Env) -> None:
        item = await seed(env.daemon, HOSTILE, author=HOSTILE_AUTHOR)
        now = env.clock()

        def read(db: Any) -> tuple[ItemRow | None, dict[str, Any]]:
            return repo.get_item(db, item), dataprotection.evidence(db, item, by="dsl@oakfield.example", now=now)

        row, export = await env.daemon.store.write(read)
        assert row is not None and row.text == HOSTILE and row.author_name == HOSTILE_AUTHOR
        assert export["content"]["text"] == HOSTILE

    async def test_the_cli_queue_shows_controls_inert(self, env: Env) -> None:
        item = await seed(env.daemon, HOSTILE, author=HOSTILE_AUTHOR)
        row = await env.daemon.store.read(lambda db: repo.get_item(db, item))
        assert row is not None
        line = excerpt(row, limit=500)
        assert not [c for c in BAD if c in line] and "\u241b[31mFAKE SYSTEM ALERT" in line
        rows = await env.daemon.store.read(repo.open_items_detail)
        assert not [c for c in BAD if c in "\n".join(format_queue(rows, env.clock()))]
