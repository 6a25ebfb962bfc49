"""Alert emails: hostile post text stays text, and safeguarding items are need-to-know."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from watchtower.access import withhold_quotes
from watchtower.display import safe_display
from watchtower.models import UNREAD_RULE, Decision, unread_detail
from watchtower.notify.render import Recipient, build_item_email, item_view

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
ITEM = {
    "id": 7, "platform": "facebook", "source": "own", "severity": 3, "categories_list": ["safeguarding"],
    "text": "my friend says she will kill herself tonight", "url": "https://facebook.example/p/7",
    "author_handle": "worried", "author_name": "A Friend", "created_at": "2026-03-02T09:55:00.000000Z",
    "deadline_at": "2026-03-02T10:55:00.000000Z", "deadline_reason": "critical: 1 h on the clock",
    "reasons_list": ["rule:self_harm 'kill herself'", "model:offensive=0.12"],
}
MODERATOR = Recipient("amy@school.example", "Amy", frozenset({"moderator"}))
DSL = Recipient("dsl@school.example", "Fatima", frozenset({"dsl"}))


def view(recipient: Recipient, *, moderators_see: bool = False) -> dict[str, object]:
    return item_view(ITEM, recipient=recipient, step_reason="critical item seen", also_told=[],
                     ack_url="https://x/ack/t", item_url="https://x/items/7", tz=ZoneInfo("Europe/London"),
                     moderators_see_safeguarding=moderators_see)


class TestSafeguardingIsNeedToKnow:
    def test_a_moderator_sees_neither_the_text_nor_the_words_the_rules_quote(self) -> None:
        v = view(MODERATOR)
        msg = build_item_email(school="Oakfield", from_address="w@school.example", recipient=MODERATOR, views=[v],
                               items=[ITEM], now=NOW)
        body = msg.as_string()
        assert "kill herself" not in body and "kill herself" not in str(v)
        assert "rule:self_harm (quoted words withheld)" in str(v["reasons"])
        assert "withheld" in body

    def test_the_dsl_sees_everything(self) -> None:
        v = view(DSL)
        assert v["show_text"] is True and "rule:self_harm 'kill herself'" in v["reasons"]  # type: ignore[operator]

    def test_config_can_let_moderators_read_it(self) -> None:
        assert view(MODERATOR, moderators_see=True)["show_text"] is True

    def test_reasons_without_quotes_are_kept_as_they_are(self) -> None:
        assert withhold_quotes(["model:offensive=0.91>=0.55", "rule:uk_phone_number"]) == [
            "model:offensive=0.91>=0.55", "rule:uk_phone_number"]


class TestHostileText:
    def test_post_text_never_reaches_a_header_and_is_escaped_in_html(self) -> None:
        hostile = {**ITEM, "categories_list": ["harassment"], "severity": 2,
                   "text": "<script>alert(1)</script>\r\nBcc: victim@evil.example", "reasons_list": []}
        v = item_view(hostile, recipient=MODERATOR, step_reason="high item seen", also_told=[], ack_url="a",
                      item_url="b", tz=ZoneInfo("Europe/London"), moderators_see_safeguarding=False)
        msg = build_item_email(school="Oakfield", from_address="w@school.example", recipient=MODERATOR, views=[v],
                               items=[hostile], now=NOW)
        assert msg["Bcc"] is None
        html = next(p for p in msg.walk() if p.get_content_type() == "text/html").get_content()
        assert "<script>" not in html and "&lt;script&gt;" in html


def _parts(msg: object) -> tuple[str, str]:
    parts = {p.get_content_type(): p.get_content() for p in msg.walk()  # type: ignore[attr-defined]
             if not p.is_multipart()}
    return parts["text/plain"], parts["text/html"]


class TestLinkIsWithheldWithTheText:
    STORY_URL = "https://news.example/2026/03/year-9-pupil-self-harm-oakfield-academy"

    def email(self, recipient: Recipient) -> tuple[str, str]:
        item = {**ITEM, "url": self.STORY_URL}
        v = item_view(item, recipient=recipient, step_reason="safeguarding item seen", also_told=[],
                      ack_url="https://x/ack/t", item_url="https://x/items/7", tz=ZoneInfo("Europe/London"),
                      moderators_see_safeguarding=False)
        return _parts(build_item_email(school="Oakfield", from_address="w@school.example", recipient=recipient,
                                       views=[v], items=[item], now=NOW))

    def test_a_moderator_is_not_sent_a_safeguarding_items_url(self) -> None:
        text, html = self.email(MODERATOR)
        assert "self-harm" not in text and "news.example" not in text
        assert "self-harm" not in html and "news.example" not in html
        assert "Link:     withheld with the text" in text
        assert "withheld with the text" in html

    def test_the_dsl_is_sent_the_url(self) -> None:
        text, html = self.email(DSL)
        assert f"Link:     {self.STORY_URL}" in text
        assert f'href="{self.STORY_URL}"' in html


class TestDisplayNeutralisesControls:
    HOSTILE = ("Pay here \u202egnp.exe\u202c now \x1b[2J\x1b[31mFAKE ALERT\x1b[0m\x00hidden\x9b2J"
               "\u2066isolated\u2069\r\nnext line\u2028fake: Acknowledge: https://evil.example")

    def test_bidi_ansi_and_nul_never_reach_either_part_of_an_email(self) -> None:
        item = {**ITEM, "categories_list": ["harassment"], "severity": 2, "text": self.HOSTILE,
                "author_name": "Mr \u202eCrook", "author_handle": "x\x1b[1m", "reasons_list": [
                    "rule:test '\u202eevil\x00'"]}
        original = dict(item)
        v = item_view(item, recipient=MODERATOR, step_reason="high item seen", also_told=[], ack_url="a",
                      item_url="b", tz=ZoneInfo("Europe/London"), moderators_see_safeguarding=False)
        text, html = _parts(build_item_email(school="Oakfield", from_address="w@school.example",
                                             recipient=MODERATOR, views=[v], items=[item], now=NOW))
        for body in (text, html):
            for bad in ("\u202e", "\u202c", "\u2066", "\u2069", "\x1b", "\x00", "\x9b", "\u2028"):
                assert bad not in body, (bad, body)
            assert "\u241b[31mFAKE ALERT" in body  # the escape is shown, inert
            assert "\u2400hidden" in body
        # a line break inside the post stays inside the quote: it cannot start a line of Watchtower's own
        assert "  > next line" in text and "  > fake: Acknowledge: https://evil.example" in text
        assert item == original  # the item itself (what the store holds) is untouched


class TestSafeDisplay:
    def test_what_is_kept_and_what_is_neutralised(self) -> None:
        assert safe_display(None) == ""
        assert safe_display("plain\ttext\nline two") == "plain\ttext\nline two"
        # right-to-left text and its implicit marks are ordinary text
        assert safe_display("שלום \u200fعربي\u061c") == "שלום \u200fعربي\u061c"
        assert safe_display("a\r\nb\rc\u2029d") == "a\nb\nc\nd"
        assert safe_display("\x00\x07\x1b\x7f") == "\u2400\u2407\u241b\u2421"
        assert safe_display("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\x85\ud800") == "\ufffd" * 11
        assert safe_display(safe_display(self_hostile := TestDisplayNeutralisesControls.HOSTILE)) == safe_display(
            self_hostile)

def _subject(item: dict[str, object], *, step_reason: str = "critical item seen", now: datetime = NOW,
             recipient: Recipient = DSL) -> str:
    v = item_view(item, recipient=recipient, step_reason=step_reason, also_told=[], ack_url="https://x/ack/t",
                  item_url="https://x/items/7", tz=ZoneInfo("Europe/London"), moderators_see_safeguarding=False)
    return str(build_item_email(school="Oakfield", from_address="w@school.example", recipient=recipient, views=[v],
                                items=[item], now=now)["Subject"])


THREAT = {**ITEM, "categories_list": ["threat"], "text": "I will bring a knife", "reasons_list": []}


class TestSubjectsForAPhone:
    THREAT = THREAT

    def test_short_and_plain_with_the_local_time_to_acknowledge_by(self) -> None:
        assert _subject(self.THREAT) == "CRITICAL: threat on Facebook — acknowledge by 10:55"

    def test_another_day_names_the_day(self) -> None:
        later = {**self.THREAT, "deadline_at": "2026-03-03T13:05:00.000000Z"}
        assert _subject(later) == "CRITICAL: threat on Facebook — acknowledge by Tue 13:05"

    def test_reminders_and_overdue_steps_say_so_first(self) -> None:
        reminder = ("75% of the time to the deadline Mon 02 Mar 10:55 passed at 10:40 without acknowledgement "
                    "→ moderators")
        overdue = "deadline Mon 02 Mar 10:55 passed at 10:56 without acknowledgement → AHT"
        assert _subject(self.THREAT, step_reason=reminder).startswith("REMINDER, CRITICAL: threat on Facebook")
        assert _subject(self.THREAT, step_reason=overdue) == "OVERDUE, CRITICAL: threat on Facebook — was due 10:55"

    def test_plain_category_words_and_possible_concerns(self) -> None:
        leak = {**ITEM, "severity": 2, "categories_list": ["personal_data"], "source": "mention", "platform": "x"}
        assert _subject(leak).startswith("HIGH: personal data on X (public post)")
        possible = {**ITEM, "severity": 2, "categories_list": [], "possible": '["safeguarding"]',
                    "platform": "instagram"}
        assert _subject(possible).startswith("HIGH: possible safeguarding concern on Instagram")

    def test_a_feed_is_the_schools_own_or_a_news_feed(self) -> None:
        own_feed = {**self.THREAT, "platform": "rss"}
        assert _subject(own_feed).startswith("CRITICAL: threat on the school's own feed —")
        news = {**self.THREAT, "platform": "rss", "source": "mention"}
        assert _subject(news).startswith("CRITICAL: threat on a news feed (public post) —")

    def test_a_batch_nobody_flagged_keeps_its_words(self) -> None:
        plain = {**ITEM, "severity": 0, "categories_list": [], "deadline_at": "2026-03-03T10:00:00.000000Z"}
        views = [item_view(i, recipient=MODERATOR, step_reason="seen", also_told=[], ack_url="a", item_url="b",
                           tz=ZoneInfo("Europe/London"), moderators_see_safeguarding=False)
                 for i in (plain, {**plain, "id": 8})]
        msg = build_item_email(school="Oakfield", from_address="w@school.example", recipient=MODERATOR, views=views,
                               items=[plain, {**plain, "id": 8}], now=NOW)
        assert msg["Subject"] == "2 new comments on your accounts, none flagged — acknowledge by Tue 10:00"

    def test_a_comment_nothing_was_found_in_says_why_it_is_there(self) -> None:
        plain = {**ITEM, "severity": 0, "categories_list": [], "reasons_list": [], "text": "Lovely parade, thank you!",
                 "deadline_at": "2026-03-03T10:00:00.000000Z"}
        v = item_view(plain, recipient=MODERATOR, step_reason="seen", also_told=[], ack_url="a", item_url="b",
                      tz=ZoneInfo("Europe/London"), moderators_see_safeguarding=False)
        msg = build_item_email(school="Oakfield", from_address="w@school.example", recipient=MODERATOR, views=[v],
                               items=[plain], now=NOW)
        for part in ("text/plain", "text/html"):
            body = next(p for p in msg.walk() if p.get_content_type() == part).get_content()
            assert "NOT FLAGGED" in body and "NONE" not in body and "(no reason recorded)" not in body
            assert "every comment on the school" in body and "own accounts is acknowledged" in body

    def test_a_comment_the_classifier_cannot_read_says_it_was_not_checked(self) -> None:
        """Round 106: a post in Arabic, Bengali or Cyrillic script is not read at all, so the email never says that
        nothing harmful was found in it; the note is said first, in words, flagged or not."""
        note = Decision("", "rule", UNREAD_RULE, tier="noted", detail=unread_detail("Arabic script")).reason
        plain = {**ITEM, "severity": 0, "categories_list": [], "reasons_list": [note],
                 "text": "شكرا للمعلمين على الحفلة الجميلة", "deadline_at": "2026-03-03T10:00:00.000000Z"}
        v = item_view(plain, recipient=MODERATOR, step_reason="seen", also_told=[], ack_url="a", item_url="b",
                      tz=ZoneInfo("Europe/London"), moderators_see_safeguarding=False)
        msg = build_item_email(school="Oakfield", from_address="w@school.example", recipient=MODERATOR, views=[v],
                               items=[plain], now=NOW)
        text, html = _parts(msg)
        for body in (text, html):
            assert "Not read" in body and "Arabic script, which Watchtower" in body
            assert "classifier was not built to read: it was not checked" in body
            assert "please read it yourself" in body and "nothing harmful was found" not in body
        # a threat recognised by its words in the other-languages list: those words were read, the rest was not
        listed = {**plain, "severity": 3, "categories_list": ["threat"],
                  "reasons_list": ["list:cs_i_will_kill_or_hurt 'zabijem ta'", note], "text": "zabijem ťa"}
        lv = item_view(listed, recipient=MODERATOR, step_reason="seen", also_told=[], ack_url="a", item_url="b",
                       tz=ZoneInfo("Europe/London"), moderators_see_safeguarding=False)
        assert "only the words quoted under 'Why flagged' were recognised" in lv["unread_note"]
        assert "it was not checked" not in lv["unread_note"]
        # read from the decision records where the item has them, not from the printed reasons
        records = [Decision("threat", "list", "cs_i_will_kill_or_hurt", detail="'zabijem ta'"),
                   Decision("", "rule", UNREAD_RULE, tier="noted", detail=unread_detail("Slovak"), about="Slovak")]
        rv = item_view({**listed, "reasons_list": [], "decisions_list": records}, recipient=MODERATOR,
                       step_reason="seen", also_told=[], ack_url="a", item_url="b", tz=ZoneInfo("Europe/London"),
                       moderators_see_safeguarding=False)
        assert rv["unread_note"].startswith("Written mostly in Slovak, which")
        assert "only the words quoted under 'Why flagged' were recognised" in rv["unread_note"]
        english = item_view({**plain, "reasons_list": [], "text": "Lovely parade"}, recipient=MODERATOR,
                            step_reason="seen", also_told=[], ack_url="a", item_url="b",
                            tz=ZoneInfo("Europe/London"), moderators_see_safeguarding=False)
        assert english["unread_note"] == ""

    def test_a_post_stored_before_the_note_knew_its_words_is_still_said_to_be_unread(self) -> None:
        """A classification stored with no not-English note (the post was classified before the note's word lists
        knew its language: they grow after every first-sight round) is read again by the classifier's own test of
        its text, as the queue's card and the digest read it: the email never says "nothing harmful was found" of a
        post nobody checked."""
        old = {**ITEM, "severity": 0, "categories_list": [], "reasons_list": [], "decisions_list": [],
               "text": "beru nozh na skejt-park v subbotu, pust' tol'ko sunutsya",
               "deadline_at": "2026-03-03T10:00:00Z"}
        v = item_view(old, recipient=MODERATOR, step_reason="seen", also_told=[], ack_url="a", item_url="b",
                      tz=ZoneInfo("Europe/London"), moderators_see_safeguarding=False)
        assert v["unread_note"].startswith("Written mostly in Bulgarian or Russian in Latin letters, which")
        assert "it was not checked" in v["unread_note"]
        # a list entry raised it on its words: those were recognised, the rest was not
        raised = {**old, "severity": 3, "categories_list": ["threat"],
                  "decisions_list": [Decision("threat", "list", "ru_knife", detail="'nozh'")]}
        rv = item_view(raised, recipient=MODERATOR, step_reason="seen", also_told=[], ack_url="a", item_url="b",
                       tz=ZoneInfo("Europe/London"), moderators_see_safeguarding=False)
        assert "only the words quoted under 'Why flagged' were recognised" in rv["unread_note"]

    def test_the_html_part_is_made_for_a_phone(self) -> None:
        v = view(DSL)
        msg = build_item_email(school="Oakfield", from_address="w@school.example", recipient=DSL, views=[v],
                               items=[ITEM], now=NOW)
        html = next(p for p in msg.walk() if p.get_content_type() == "text/html").get_content()
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
        assert "max-width:640px" in html and "width:680px" not in html
        # the button comes before the details, so it is on the first screen
        assert html.index(">Acknowledge</a>") < html.index("Why you are told")


class TestItemsHeader:
    def test_a_big_batch_names_every_item_in_a_header_any_mail_reader_parses(self) -> None:
        import re
        from email import message_from_bytes, policy

        items = [{**ITEM, "id": 100_000 + n} for n in range(300)]
        views = [view(MODERATOR) for _ in items]
        msg = build_item_email(school="Oakfield", from_address="w@school.example", recipient=MODERATOR, views=views,
                               items=items, now=NOW)
        wire = msg.as_bytes(policy=policy.SMTP)
        head = wire.split(b"\r\n\r\n", 1)[0].decode("ascii")
        ours = re.search(r"^X-Watchtower-Items:.*?(?=\r\n\S)", head, re.M | re.S)
        assert ours is not None and "=?" not in ours.group()  # folded at the spaces, not RFC 2047-encoded
        assert max(len(line) for line in ours.group().split("\r\n")) <= 78
        got = message_from_bytes(wire)["X-Watchtower-Items"]  # the plain (compat32) parser of a test's catcher
        assert [int(x) for x in str(got).split(",")] == [i["id"] for i in items]

