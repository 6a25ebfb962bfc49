"""The dashboard of a trust: a person sees their own schools' items and nothing of another school's, on every page
and through every action; the trust's people see every school, pick one with the switcher, get the trust-wide views
(the queue with each item's school, reports per school), and each of their views of a school is audited.

A real Daemon on a trust config of three schools (conftest.TRUST_SCHOOLS), real users and sessions, the keyword
classifier (``[safeguarding]`` in a text makes a safeguarding item)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from conftest import TRUST_LEAD, TRUST_OPERATOR, trust_data
from watchtower.config import parse_config
from watchtower.daemon import Daemon, Overrides
from watchtower.web import create_app

from .conftest import LINK_KEY, PASSWORD, Clock, KeywordClassifier, NullSender, add_user, csrf_of, login, seed


@dataclass
class Trust:
    daemon: Daemon
    client: TestClient
    #: item ids by name
    ids: dict[str, int]

    async def login_as(self, username: str) -> str:
        self.client.session.cookie_jar.clear()
        r = await login(self.client, username)
        assert r.status == 303, await r.text()
        return csrf_of(await (await self.client.get("/")).text())

    async def page(self, path: str) -> tuple[int, str]:
        r = await self.client.get(path)
        return r.status, await r.text()

    async def audit(self, action: str) -> list[dict[str, Any]]:
        def read(db: Any) -> list[dict[str, Any]]:
            cur = db.execute("SELECT actor, item_id, school, detail FROM audit WHERE action = ? ORDER BY id", [action])
            return [dict(zip(("actor", "item_id", "school", "detail"), r, strict=True)) for r in cur.fetchall()]

        return await self.daemon.store.read(read)


def rss(name: str) -> dict[str, Any]:
    return {"type": "rss", "name": name, "url": f"https://feeds.example/{name}"}  # never polled: no run()


@pytest.fixture
async def trust(tmp_path: Path, clock: Clock) -> AsyncIterator[Trust]:
    sources = {"oakfield": [rss("oak-feed")], "hillside": [rss("hill-feed")], "riverside": [rss("river-feed")]}
    data = trust_data(tmp_path / "trust.db", 2525, sources,
                      dashboard={"enabled": False, "public_url": "http://127.0.0.1:8080"})
    daemon = Daemon(parse_config(data), Overrides(environ={"WATCHTOWER_LINK_KEY": LINK_KEY},
                                                  classifier=KeywordClassifier(), sender=NullSender(), clock=clock,
                                                  start_dashboard=False))
    await daemon.start()
    client = TestClient(TestServer(create_app(daemon)))
    await client.start_server()
    ids = {
        "oak_harass": await seed(daemon, "[harassment] oakfield pupil bullied", school="oakfield",
                                 source_name="oak-feed"),
        "oak_safe": await seed(daemon, "[safeguarding] oakfield secret words", school="oakfield",
                               source_name="oak-feed"),
        "hill_safe": await seed(daemon, "[safeguarding] hillside secret words", school="hillside",
                                source_name="hill-feed"),
        "hill_query": await seed(daemon, "[query] hillside open evening?", school="hillside",
                                 source_name="hill-feed"),
        "river_threat": await seed(daemon, "[threat] riverside threat words", school="riverside",
                                   source_name="river-feed"),
    }
    await add_user(daemon, "dsl_oak", "dsl", email="dsl@oakfield.example", school="oakfield")
    await add_user(daemon, "mod_oak", "moderator", email="mod1@oakfield.example", school="oakfield")
    await add_user(daemon, "admin_oak", "admin", email="it@oakfield.example", school="oakfield")
    await add_user(daemon, "dsl_hill", "dsl", email="dsl@hillside.example", school="hillside")
    await add_user(daemon, "head_two", "headteacher", email="exec@oakfield.example", school="oakfield,hillside")
    await add_user(daemon, "lead", "trust_safeguarding_lead", email=TRUST_LEAD, school="*")
    await add_user(daemon, "ops", "trust_operator", email=TRUST_OPERATOR, school="*")
    try:
        yield Trust(daemon, client, ids)
    finally:
        await client.close()
        await daemon._close()


def shows(html: str, item_id: int) -> bool:
    return f'href="/items/{item_id}"' in html


class TestAPersonSeesOnlyTheirOwnSchools:
    async def test_the_queue_and_its_search_and_refresh_show_only_their_school(self, trust: Trust) -> None:
        await trust.login_as("dsl_oak")
        _, html = await trust.page("/?severity=any&status=all")
        assert shows(html, trust.ids["oak_harass"]) and shows(html, trust.ids["oak_safe"])
        for other in ("hill_safe", "hill_query", "river_threat"):
            assert not shows(html, trust.ids[other]), other
        assert "hillside secret" not in html and "riverside" not in html
        _, found = await trust.page("/?severity=any&status=all&q=secret")
        assert shows(found, trust.ids["oak_safe"]) and not shows(found, trust.ids["hill_safe"])
        fragment = await (await trust.client.get("/queue/fragment?severity=any&status=all")).json()
        assert set(fragment["ids"]) == {trust.ids["oak_harass"], trust.ids["oak_safe"]}

    async def test_another_schools_item_is_not_there_and_nothing_can_be_done_to_it(self, trust: Trust) -> None:
        csrf = await trust.login_as("dsl_oak")
        hill = trust.ids["hill_safe"]
        status, html = await trust.page(f"/items/{hill}")
        assert status == 404 and "hillside secret" not in html
        for do in ("ack", "resolve", "not_concern", "reviewed"):
            r = await trust.client.post(f"/items/{hill}", data={"csrf": csrf, "do": do}, allow_redirects=False)
            assert r.status == 404, do
        r = await trust.client.post(f"/items/{hill}/claim", data={"csrf": csrf, "do": "claim"},
                                    allow_redirects=False)
        assert r.status == 404
        r = await trust.client.post(f"/items/{hill}/platform", data={"csrf": csrf, "do": "hide"},
                                    allow_redirects=False)
        assert r.status == 404
        r = await trust.client.post("/bulk", data={"csrf": csrf, "do": "ack", "item": [str(hill),
                                    str(trust.ids["oak_harass"])]}, headers={"Accept": "application/json"})
        assert await r.json() == {"done": 1, "skipped": 1}
        r = await trust.client.post("/review", data={"csrf": csrf, "item_ids": f"{hill},{trust.ids['oak_safe']}"},
                                    allow_redirects=False)
        assert r.headers["Location"] == "/review?done=1"

        def state(db: Any) -> tuple[Any, ...]:
            return tuple(db.execute("SELECT acknowledged_at, resolved_at, dsl_reviewed_at, claimed_by FROM items "
                                    "WHERE id = ?", [hill]).fetchone())

        assert await trust.daemon.store.read(state) == (None, None, None, None)

    async def test_review_sources_and_reports_are_their_schools(self, trust: Trust) -> None:
        await trust.login_as("dsl_oak")
        _, review = await trust.page("/review")
        assert shows(review, trust.ids["oak_safe"]) and not shows(review, trust.ids["hill_safe"])
        assert "hillside secret" not in review
        _, sources = await trust.page("/sources")
        assert "oak-feed" in sources and "hill-feed" not in sources and "river-feed" not in sources
        _, reports = await trust.page("/reports")
        assert "Hillside Primary" not in reports and "Reports for" not in reports  # no per-school table for one

    async def test_a_school_they_do_not_belong_to_cannot_be_chosen(self, trust: Trust) -> None:
        await trust.login_as("dsl_oak")
        for path in ("/", "/review", "/sources", "/reports"):
            status, _ = await trust.page(f"{path}?school=hillside")
            assert status == 404, path
        status, _ = await trust.page("/?school=oakfield")
        assert status == 200

    async def test_someone_at_two_schools_sees_both_and_not_the_third(self, trust: Trust) -> None:
        await trust.login_as("head_two")
        _, html = await trust.page("/?severity=any&status=all")
        assert shows(html, trust.ids["oak_harass"]) and shows(html, trust.ids["hill_query"])
        assert not shows(html, trust.ids["river_threat"])
        assert "Hillside Primary" in html  # the queue names each item's school when it shows several
        status, _ = await trust.page(f"/items/{trust.ids['river_threat']}")
        assert status == 404
        # their views are theirs as one of each school's people: no cross-school audit line
        assert await trust.audit("cross_school_view") == []


class TestTheTrustsPeople:
    async def test_the_trust_lead_reads_every_schools_safeguarding_text_and_each_view_is_audited(
        self, trust: Trust
    ) -> None:
        await trust.login_as("lead")
        for name in ("oak_safe", "hill_safe"):
            status, html = await trust.page(f"/items/{trust.ids[name]}")
            assert status == 200 and "secret words" in html and "School" in html
        views = await trust.audit("cross_school_view")
        items = [(v["item_id"], v["school"]) for v in views if v["item_id"] is not None]
        assert items == [(trust.ids["oak_safe"], "oakfield"), (trust.ids["hill_safe"], "hillside")]
        assert all(v["actor"] == TRUST_LEAD for v in views)

    async def test_the_trust_queue_spans_every_school_and_the_switcher_narrows_it(self, trust: Trust) -> None:
        await trust.login_as("lead")
        _, html = await trust.page("/?severity=any&status=all")
        assert all(shows(html, i) for i in trust.ids.values())
        assert 'id="school-switch"' in html and "All my schools" in html
        for name in ("Oakfield Academy", "Hillside Primary", "Riverside High"):
            assert name in html
        _, one = await trust.page("/?severity=any&status=all&school=hillside")
        assert shows(one, trust.ids["hill_query"]) and not shows(one, trust.ids["oak_harass"])
        assert '<option value="hillside" selected>' in one
        assert "school=hillside" in one  # the filters and pages keep the chosen school
        status, _ = await trust.page("/?school=nowhere")
        assert status == 404

    async def test_list_views_across_schools_are_audited_at_most_every_few_minutes(self, trust: Trust) -> None:
        await trust.login_as("lead")
        for _ in range(3):
            await trust.page("/")
            await trust.client.get("/queue/fragment")
        queue_views = [v for v in await trust.audit("cross_school_view") if '"view": "queue"' in v["detail"]]
        assert len(queue_views) == 1
        await trust.page("/?school=riverside")  # another view: its own line
        await trust.page("/reports")
        views = await trust.audit("cross_school_view")
        assert len([v for v in views if '"view": "queue"' in v["detail"]]) == 2
        assert [v for v in views if '"view": "reports"' in v["detail"]]

    async def test_reports_per_school_and_for_the_trust(self, trust: Trust) -> None:
        await trust.login_as("lead")
        _, html = await trust.page("/reports")
        table = html[html.index('id="r0"'):html.index('id="r1"')]
        for name, sid in (("Oakfield Academy", "oakfield"), ("Hillside Primary", "hillside"),
                          ("Riverside High", "riverside")):
            assert name in table and f'href="/reports?school={sid}"' in table
        _, one = await trust.page("/reports?school=riverside")
        assert 'id="r0"' not in one  # one school's reports: no table of schools

    async def test_the_trust_operator_sees_every_schools_sources_but_no_safeguarding_text(
        self, trust: Trust
    ) -> None:
        await trust.login_as("ops")
        _, sources = await trust.page("/sources")
        assert "oak-feed" in sources and "hill-feed" in sources and "river-feed" in sources
        status, html = await trust.page(f"/items/{trust.ids['hill_safe']}")
        assert status == 200 and "secret words" not in html


class TestUsersBelongToSchools:
    async def test_a_schools_admin_manages_only_their_schools_users(self, trust: Trust) -> None:
        csrf = await trust.login_as("admin_oak")
        _, html = await trust.page("/admin/users")
        assert "dsl_oak" in html and "dsl_hill" not in html and ">lead<" not in html
        r = await trust.client.post("/admin/users", data={"csrf": csrf, "do": "disable", "username": "dsl_hill"})
        assert r.status == 400 and "No user called" in await r.text()
        r = await trust.client.post("/admin/users", data={
            "csrf": csrf, "do": "add", "username": "newbie", "name": "New Person", "email": "new@oakfield.example",
            "role": "moderator", "password": "long enough pw", "password2": "long enough pw"},
            allow_redirects=False)
        assert r.status == 303
        r = await trust.client.post("/admin/users", data={
            "csrf": csrf, "do": "add", "username": "sneak", "name": "Sneak", "school": "hillside",
            "role": "moderator", "password": "long enough pw", "password2": "long enough pw"})
        assert r.status == 400 and "your own school" in await r.text()

        def school_of(db: Any, name: str) -> Any:
            row = db.execute("SELECT school FROM users WHERE username = ?", [name]).fetchone()
            return row and row[0]

        assert await trust.daemon.store.read(lambda db: school_of(db, "newbie")) == "oakfield"
        assert await trust.daemon.store.read(lambda db: school_of(db, "sneak")) is None

    async def test_the_trust_operator_adds_a_user_to_any_school(self, trust: Trust) -> None:
        csrf = await trust.login_as("ops")
        _, html = await trust.page("/admin/users")
        assert "dsl_hill" in html and "every school" in html
        r = await trust.client.post("/admin/users", data={
            "csrf": csrf, "do": "add", "username": "rivermod", "name": "River Mod", "school": "riverside",
            "role": "moderator", "password": PASSWORD, "password2": PASSWORD}, allow_redirects=False)
        assert r.status == 303
        await trust.login_as("rivermod")
        _, queue = await trust.page("/?severity=any&status=all")
        assert shows(queue, trust.ids["river_threat"]) and not shows(queue, trust.ids["oak_harass"])
