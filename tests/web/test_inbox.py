"""The inbox over HTTP (issue 18): bulk acknowledge, claim and assign, the self-refresh fragment, who acknowledged
first on a second person's email link, the next-step panel, DSL review one by one, and the weekly report."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

from conftest import both_stores
from watchtower.classify import load_classifier
from watchtower.config import parse_config

from .conftest import Env, csrf_of, login, seed

pytestmark = both_stores


async def _rows(env: Env, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    return await env.daemon.store.read(lambda db: list(db.execute(sql, params or []).fetchall()))


class TestBulk:
    async def test_fifty_acknowledged_in_one_post_fifty_audit_lines(self, env: Env) -> None:
        ids = [await seed(env.daemon, f"Lovely concert last night, well done year {n}") for n in range(50)]
        csrf = await env.login_as("amy")
        data = [("csrf", csrf), ("do", "ack"), ("back", "status=open")] + [("item", str(i)) for i in ids]
        r = await env.client.post("/bulk", data=data, allow_redirects=False)
        assert r.status == 303
        assert r.headers["Location"] == "/?severity=inbox&status=open&done=ack-50-0"
        audit = await _rows(env, "SELECT item_id, actor, channel FROM audit WHERE action = 'acknowledge'")
        assert sorted(a[0] for a in audit) == sorted(ids)
        assert {(a[1], a[2]) for a in audit} == {("amy@oakfield.example", "dashboard")}
        assert await _rows(env, "SELECT COUNT(*) FROM items WHERE acknowledged_at IS NULL") == [(0,)]
        page = await (await env.client.get(r.headers["Location"])).text()
        assert "Acknowledged 50 items." in page
        # again: nothing more is recorded
        r = await env.client.post("/bulk", data=data, headers={"Accept": "application/json"})
        assert await r.json() == {"done": 0, "skipped": 50}
        assert await _rows(env, "SELECT COUNT(*) FROM audit WHERE action = 'acknowledge'") == [(50,)]

    async def test_needs_the_session_csrf_token(self, env: Env) -> None:
        item = await seed(env.daemon, "nice photos")
        await env.login_as("amy")
        for data in ({"do": "ack", "item": str(item)}, {"do": "ack", "item": str(item), "csrf": "forged"}):
            r = await env.client.post("/bulk", data=data, allow_redirects=False)
            assert r.status == 403
        assert await _rows(env, "SELECT acknowledged_at FROM items") == [(None,)]

    async def test_seen_nothing_to_do_closes_harmless_comments_only(self, env: Env) -> None:
        harmless = await seed(env.daemon, "what time does the fair start?")
        threat = await seed(env.daemon, "[threat] I will hurt someone")
        csrf = await env.login_as("amy")
        r = await env.client.post("/bulk", data=[("csrf", csrf), ("do", "seen"), ("item", str(harmless)),
                                                 ("item", str(threat))], headers={"Accept": "application/json"})
        assert await r.json() == {"done": 1, "skipped": 1}
        found = await _rows(env, "SELECT id, acknowledged_at, resolved_at FROM items")
        rows = {i: (a, res) for i, a, res in found}
        assert rows[harmless][0] and rows[harmless][1]
        assert rows[threat] == (None, None)
        audit = await _rows(env, "SELECT item_id, action FROM audit WHERE actor = 'amy@oakfield.example' "
                                 "AND item_id IS NOT NULL")
        assert audit == [(harmless, "seen_nothing_to_do")]

    async def test_seen_nothing_to_do_leaves_a_post_the_classifier_could_not_read(self, env: Env) -> None:
        """A comment in Arabic script was not checked by anything: acknowledging it in bulk is fine (the 24-hour rule
        is about receipt), closing it as "seen, nothing to do" is done on its own page, by someone who read it."""
        harmless = await seed(env.daemon, "what time does the fair start?")
        unread = await seed(env.daemon, "متى يبدأ المعرض؟ ابني يريد أن يأتي")
        csrf = await env.login_as("amy")
        html = await (await env.client.get("/")).text()
        card = html[html.index(f'data-id="{unread}"'):]
        assert '<span class="chip chip-unread">not read: Arabic script</span>' in card[: card.index("</li>")]
        english = html[html.index(f'data-id="{harmless}"'):]
        assert "chip-unread" not in english[: english.index("</li>")]
        r = await env.client.post("/bulk", data=[("csrf", csrf), ("do", "seen"), ("item", str(harmless)),
                                                 ("item", str(unread))], headers={"Accept": "application/json"})
        assert await r.json() == {"done": 1, "skipped": 1}
        r = await env.client.post("/bulk", data=[("csrf", csrf), ("do", "ack"), ("item", str(unread))],
                                  headers={"Accept": "application/json"})
        assert await r.json() == {"done": 1, "skipped": 0}
        [(acked, resolved)] = await _rows(env, "SELECT acknowledged_at, resolved_at FROM items WHERE id = ?", [unread])
        assert acked and resolved is None

    async def test_a_viewer_cannot_bulk_acknowledge(self, env: Env) -> None:
        item = await seed(env.daemon, "nice photos")
        csrf = await env.login_as("root")  # admin: sees, does not act
        r = await env.client.post("/bulk", data={"csrf": csrf, "do": "ack", "item": str(item)},
                                  allow_redirects=False)
        assert r.status == 403


class TestOwnership:
    async def test_claim_assign_release_are_stored_audited_and_shown(self, env: Env) -> None:
        item = await seed(env.daemon, "[complaint] nobody answers the phone")
        csrf = await env.login_as("amy")
        r = await env.client.post(f"/items/{item}/claim", data={"csrf": csrf, "do": "claim"}, allow_redirects=False)
        assert r.status == 303
        assert "Amy Clarke is on it" in await (await env.client.get("/")).text()
        assert "Amy Clarke is on it" in await (await env.client.get(f"/items/{item}")).text()
        r = await env.client.post(f"/items/{item}/claim", data={"csrf": csrf, "do": "assign",
                                                                "person": "ben@oakfield.example"})
        assert "Ben Okafor is on it" in await (await env.client.get("/")).text()
        r = await env.client.post(f"/items/{item}/claim", data={"csrf": csrf, "do": "assign",
                                                                "person": "stranger@evil.example"})
        assert r.status == 400
        await env.client.post(f"/items/{item}/claim", data={"csrf": csrf, "do": "release"})
        assert "is on it" not in await (await env.client.get("/")).text()
        audit = await _rows(env, "SELECT action, detail FROM audit WHERE item_id = ? AND action IN "
                                 "('claim', 'assign', 'unclaim') ORDER BY id", [item])
        assert [a for a, _ in audit] == ["claim", "assign", "unclaim"]
        assert json.loads(audit[1][1]) == {"to": "ben@oakfield.example", "was": "amy@oakfield.example"}


class TestSecondPersonsLink:
    async def test_a_second_moderators_link_after_an_acknowledgement_says_who_did_it(self, env: Env) -> None:
        item = await seed(env.daemon, "[harassment] Mr Jones is a disgrace")
        ben_link = env.daemon.signer.make(item, "ben@oakfield.example", now=env.clock())
        csrf = await env.login_as("amy")
        await env.client.post(f"/items/{item}", data={"csrf": csrf, "do": "ack"})
        env.clock.advance(minutes=7)
        html = await (await env.client.get(f"/ack/{ben_link}")).text()
        assert "Already acknowledged by Amy Clarke at 10:00" in html
        assert "nothing you need to do" in html
        # if Ben records his own acknowledgement anyway, the result says who was first
        r = await env.client.post(f"/ack/{ben_link}", data={"csrf": csrf_of(html[html.index('action="/ack/'):])})
        assert "Already acknowledged by Amy Clarke at 10:00; yours is recorded too." in await r.text()

    async def test_the_token_does_not_carry_the_address(self, env: Env) -> None:
        item = await seed(env.daemon, "[threat] I will hurt someone")
        token = env.daemon.signer.make(item, "ben@oakfield.example", now=env.clock())
        person = token.split(".")[1]
        assert person.startswith("~")
        readable = base64.urlsafe_b64decode(person[1:] + "=" * (-len(person[1:]) % 4))
        assert b"ben" not in readable and b"oakfield" not in readable and "ben" not in token
        html = await (await env.client.get(f"/ack/{token}")).text()
        assert "You are acknowledging as <strong>Ben Okafor</strong>" in html

    async def test_a_link_for_someone_no_longer_configured_is_refused(self, env: Env) -> None:
        item = await seed(env.daemon, "[threat] I will hurt someone")
        token = env.daemon.signer.make(item, "left.the.school@oakfield.example", now=env.clock())
        r = await env.client.get(f"/ack/{token}")
        assert r.status == 400
        assert "no longer in Watchtower&#39;s list of people" in await r.text()


class TestRefresh:
    async def test_the_fragment_brings_new_items_without_a_page_load(self, env: Env) -> None:
        await seed(env.daemon, "[complaint] first")
        await env.login_as("amy")
        first = await (await env.client.get("/queue/fragment")).json()
        assert first["total"] == 1
        new = await seed(env.daemon, "[query] when is the open evening?")
        second = await (await env.client.get("/queue/fragment?status=unresolved")).json()
        assert second["total"] == 2 and new in second["ids"]
        assert f'data-id="{new}"' in second["html"] and "open evening" in second["html"]

    async def test_a_possible_concern_is_named_on_its_card(self, env: Env) -> None:
        """A HIGH with no category says nothing to someone scanning the queue: the card says what to check."""
        item = await seed(env.daemon, "[possible:safeguarding] some of us have already decided")
        await env.login_as("fatima")
        html = await (await env.client.get("/")).text()
        card = html[html.index(f'data-id="{item}"'):]
        card = card[: card.index("</li>")]
        assert ">HIGH<" in card.upper() and '<span class="chip chip-possible">possible safeguarding</span>' in card
        assert "(high, possible safeguarding concern)" in card

    async def test_an_own_account_comment_nothing_was_found_in_reads_not_flagged(self, env: Env) -> None:
        """Every own-account comment is in the queue because it owes an acknowledgement, not because something was
        found: its badge, its deadline and its escalation steps say "not flagged", never the bare label "none"."""
        item = await seed(env.daemon, "What a lovely World Book Day parade")
        await env.login_as("amy")
        html = await (await env.client.get("/")).text()
        card = html[html.index(f'data-id="{item}"'):]
        card = card[: card.index("</li>")]
        assert '<span class="sev sev-none">not flagged</span>' in card and "(not flagged)" in card
        page = await (await env.client.get(f"/items/{item}")).text()
        assert "not flagged own-account item (the 24-hour rule: every own-account comment is acknowledged)" in page
        assert "not flagged own-account item seen" in page
        assert ">none<" not in page.lower() and "none own-account" not in page

    async def test_a_post_the_classifier_cannot_read_says_so_above_the_post(self, env: Env) -> None:
        """Round 106: a post in Arabic, Bengali or Cyrillic script is not read by the classifier at all. Its page says
        so above the post, and that "not flagged" does not mean harmless; a post in English has no such line."""
        real = load_classifier()
        unread = await seed(env.daemon, "شكرا للمعلمين على الحفلة الجميلة", classifier=real)
        english = await seed(env.daemon, "Thank you to the teachers for a lovely concert", classifier=real)
        await env.login_as("amy")
        page = await (await env.client.get(f"/items/{unread}")).text()
        assert "Not read by the classifier:" in page and "written mostly in Arabic script" in page
        assert "does not mean it is harmless" in page
        assert "rule:not_english (written mostly in Arabic script" in page   # the reason, under "Why"
        assert "nothing in it was checked" in page
        assert "Not read by the classifier" not in await (await env.client.get(f"/items/{english}")).text()
        # a threat the other-languages list recognised: its words were read, the rest was not
        listed = await seed(env.daemon, "Ak sa ešte raz dotkneš môjho brata, zabijem ťa. Viem kde bývaš.",
                            classifier=real)
        page = await (await env.client.get(f"/items/{listed}")).text()
        assert "Not read by the classifier:" in page and "written mostly in Czech or Slovak" in page
        assert "only the words quoted under" in page and "nothing in it was checked" not in page
        assert "list:cs_i_will_kill_or_hurt" in page

    async def test_a_post_stored_before_the_note_knew_its_words_says_not_read_on_its_page_as_on_its_card(
            self, env: Env) -> None:
        """The daemon's keyword classifier here stores no not-English note, as the real one did not for a post in a
        language whose words the note learnt later: its card reads the text again ("not read: Arabic script"), and
        its page and the card must not disagree, the page saying nothing was checked rather than nothing found."""
        old = await seed(env.daemon, "شكرا للمعلمين على الحفلة الجميلة")
        await env.login_as("amy")
        html = await (await env.client.get("/")).text()
        card = html[html.index(f'data-id="{old}"'):]
        assert '<span class="chip chip-unread">not read: Arabic script</span>' in card[: card.index("</li>")]
        page = await (await env.client.get(f"/items/{old}")).text()
        assert "Not read by the classifier:" in page and "written mostly in Arabic script" in page
        assert "nothing in it was checked" in page

    async def test_the_fragment_needs_a_login(self, env: Env) -> None:
        r = await env.client.get("/queue/fragment", allow_redirects=False)
        assert r.status == 302


class TestNextStep:
    async def test_a_critical_item_says_what_to_do_now_and_acknowledge_comes_first(self, env: Env) -> None:
        item = await seed(env.daemon, "[threat] I'm bringing a knife on Monday")
        await env.login_as("amy")
        html = await (await env.client.get(f"/items/{item}")).text()
        assert "What to do now" in html and "call 999" in html and "Tell the headteacher" in html
        assert html.index(">Acknowledge</button>") < html.index('<blockquote class="post">')
        assert html.index(">Acknowledge</button>") < html.index("Record what you did")
        assert ">Resolve item</button>" in html
        harmless = await seed(env.daemon, "[complaint] car park")
        assert "What to do now" not in await (await env.client.get(f"/items/{harmless}")).text()

    async def test_a_possible_concern_gets_that_categorys_steps_as_a_possibility(self, env: Env) -> None:
        item = await seed(env.daemon, "[possible:safeguarding] some of us have already decided")
        await env.login_as("fatima")
        html = await (await env.client.get(f"/items/{item}")).text()
        assert "What to do now" in html and "If it is a possible safeguarding concern:" in html
        assert '<span class="chip chip-possible">possible safeguarding</span>' in html

    def test_the_guidance_is_the_schools_to_edit(self, tmp_path: Any) -> None:
        cfg = parse_config({
            "school": {"name": "Oakfield Academy"},
            "people": [{"name": "A", "email": "a@x.example", "roles": ["moderator"]},
                       {"name": "B", "email": "b@x.example", "roles": ["moderator"]},
                       {"name": "C", "email": "c@x.example", "roles": ["dsl"]},
                       {"name": "D", "email": "d@x.example", "roles": ["headteacher"]}],
            "guidance": {"hate": ["Screenshot it.", "Ring Mrs Patel on 2201."]},
        })
        assert cfg.guidance.hate == ["Screenshot it.", "Ring Mrs Patel on 2201."]
        assert any("999" in s for s in cfg.guidance.threat)


class TestReviewAndReports:
    async def test_review_sorts_by_severity_then_time_and_reviews_one_at_a_time(self, env: Env) -> None:
        older_high = await seed(env.daemon, "[harassment] you are useless", minutes_ago=90, seen_minutes_ago=90)
        newer_critical = await seed(env.daemon, "[threat] I will hurt someone", minutes_ago=5)
        older_normal = await seed(env.daemon, "[complaint] car park", minutes_ago=120, seen_minutes_ago=120)
        assert (await login(env.client, "fatima")).status == 303
        html = await (await env.client.get("/review")).text()
        order = [int(x) for x in re.findall(r'id="review-(\d+)"', html)]
        assert order == [newer_critical, older_high, older_normal]
        r = await env.client.post("/review", data={"csrf": csrf_of(html), "item_ids": str(older_high),
                                                   "comment": "spoke to the parent"})
        assert "Marked 1 item(s) as reviewed." in await r.text()
        left = await _rows(env, "SELECT id FROM items WHERE dsl_reviewed_at IS NULL ORDER BY id")
        assert [i for (i,) in left] == sorted([newer_critical, older_normal])
        assert f"Mark item {newer_critical} reviewed" in await (await env.client.get("/review")).text()

    async def test_reports_say_not_flagged_and_time_the_acknowledgement_every_own_comment_owes(self, env: Env) -> None:
        item = await seed(env.daemon, "lovely photo of the choir")   # an own-account comment nothing was found in
        csrf = await env.login_as("amy")
        env.clock.advance(hours=2)
        await env.client.post(f"/items/{item}", data={"csrf": csrf, "do": "ack"})
        html = await (await env.client.get("/reports")).text()
        assert '<th scope="col" class="num">not flagged</th>' in html
        assert ">none<" not in html
        acknowledged = re.search(r'<tr><td>not flagged</td><td class="num">(\d+)</td><td class="num">([^<]*)</td>',
                                 html)
        assert acknowledged is not None and acknowledged.group(1) == "1" and acknowledged.group(2) == "2h 0m"

    async def test_reports_align_numbers_and_chart_time_to_acknowledge_per_week(self, env: Env) -> None:
        item = await seed(env.daemon, "[complaint] car park")
        csrf = await env.login_as("amy")
        env.clock.advance(hours=3)
        await env.client.post(f"/items/{item}", data={"csrf": csrf, "do": "ack"})
        html = await (await env.client.get("/reports")).text()
        assert "Hours to acknowledge per week, against the 24-hour rule" in html
        assert "24-hour rule" in html and "median 3.0 h" in html
        for header in ("Acknowledged", "Median", "Missed", "Within 24 h"):
            assert f'<th scope="col" class="num">{header}</th>' in html
