"""RSS under what real feeds and an attacker send: shared links, entries with no link or guid, unsafe links,
endless or huge bodies and parses that would outlive the poll (issue 14)."""

from __future__ import annotations

import asyncio
import os
import resource
import time
from pathlib import Path

import pytest
from aiohttp import web

from watchtower.exceptions import SourceUnavailable
from watchtower.poller import SourcePoller
from watchtower.store import Store, repo

from .conftest import Reply, rss


def big_feed(entries: int, *, text: int = 300) -> bytes:
    items = "".join(
        f"<item><title>Story {i} about Oakfield</title><link>https://n.example/{i}</link><guid>g{i}</guid>"
        f"<description>Some text {'x' * text} number {i}</description>"
        "<pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item>"
        for i in range(entries)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def children() -> list[int]:
    """This process's live child processes (Linux)."""
    pids: list[int] = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        text = (task / "children").read_text().split()
        pids += [int(p) for p in text]
    return pids


class TestIdentity:
    async def test_comments_sharing_the_post_link_are_separate_items(self, fake, session):
        """A comment feed gives every comment the post's link: keyed by link, only the first was ever seen."""
        fake.on("GET", "/feed", Reply(fixture="rss_comments_same_link.xml"))
        items = (await rss(fake, session).fetch({})).items
        assert [i.platform_id for i in items] == [f"https://blog.example/?p=41#comment-{n}" for n in (1, 2, 3)]
        assert {i.url for i in items} == {"https://blog.example/uniform"}

    async def test_a_new_comment_on_the_same_link_arrives_on_the_next_poll(self, fake, session):
        first_body = (Path(__file__).parent / "fixtures" / "rss_comments_same_link.xml").read_text()
        one = first_body.split("<item>")[0] + "<item>" + first_body.split("<item>")[1] + "</channel></rss>"
        fake.on("GET", "/feed", Reply(body=one, content_type="application/rss+xml"),
                Reply(fixture="rss_comments_same_link.xml"))
        conn = rss(fake, session)
        first = await conn.fetch({})
        second = await conn.fetch(first.cursor)
        assert [i.text for i in second.items] == ["By: Parent B\nToo expensive for us.",
                                                  "By: Parent C\nToo expensive for us."]

    async def test_same_link_with_different_content_is_a_different_item(self, fake, session):
        """Google Alerts re-finding a page with new text: a new item. The same text again: the same item."""
        fake.on("GET", "/feed", Reply(fixture="rss_same_link_no_guid.xml"))
        items = (await rss(fake, session).fetch({})).items
        assert len(items) == 2 and items[0].platform_id != items[1].platform_id
        assert "suspended" in items[1].text and all(i.url == "https://news.example/page" for i in items)

    async def test_a_guid_that_is_not_a_uri_is_scoped_by_its_feed(self, fake, session):
        """Two CMS feeds both numbering a post "123" are two items, not one dropped by the store."""
        fake.on("GET", "/a", Reply(fixture="rss_bare_guid.xml"))
        fake.on("GET", "/b", Reply(fixture="rss_bare_guid.xml"))
        (a,) = (await rss(fake, session, "/a").fetch({})).items
        (b,) = (await rss(fake, session, "/b").fetch({})).items
        assert a.platform_id == f"{fake.base}/a#guid=123" and b.platform_id == f"{fake.base}/b#guid=123"

    async def test_entries_with_neither_link_nor_guid_get_a_stable_content_id(self, fake, session):
        fake.on("GET", "/feed", Reply(fixture="rss_no_link_no_guid.xml"))
        conn = rss(fake, session)
        first = await conn.fetch({})
        assert [i.title for i in first.items] == ["Oakfield School closed on Monday", None]
        assert "nasty things" in first.items[1].text
        assert all(i.platform_id.startswith("sha256:") and i.url is None for i in first.items)
        again = await conn.fetch({})
        assert [i.platform_id for i in again.items] == [i.platform_id for i in first.items]
        assert (await conn.fetch(first.cursor)).items == []

    async def test_a_cursor_from_before_the_new_ids_delivers_nothing_again(self, fake, session):
        """An upgrade must not re-deliver the feed's whole window: the old link-keyed cursor is honoured once."""
        fake.on("GET", "/feed", Reply(fixture="rss_news_v1.xml"))
        conn = rss(fake, session)
        links = [i.url for i in (await conn.fetch({})).items]
        result = await conn.fetch({"seen": links})
        assert result.items == [] and result.cursor["keys"] == 2

    async def test_a_feed_whose_entries_are_all_empty_says_why(self, fake, session):
        fake.on("GET", "/feed", Reply(fixture="rss_empty_entries.xml"))
        with pytest.raises(SourceUnavailable, match=r"none of its 3 entries.*no title, text, link or guid"):
            await rss(fake, session).fetch({})


class TestLinks:
    async def test_only_http_links_are_stored_and_the_text_is_unchanged(self, fake, session):
        fake.on("GET", "/feed", Reply(fixture="rss_unsafe_links.xml"))
        items = (await rss(fake, session).fetch({})).items
        by_title = {i.title: i for i in items}
        assert len(items) == 9
        for title in ("js", "js upper", "data", "vbscript", "file", "tab"):
            assert by_title[title].url is None, title
            assert by_title[title].extra["refused_link"]
        assert by_title["js"].extra["refused_link"] == "javascript:alert(document.cookie)"
        assert by_title["js"].text == "js\nOakfield one"
        assert by_title["fine"].url == "https://news.example/oakfield"
        assert by_title["relative"].url == f"{fake.base}/story/9"  # resolved against the feed's address
        assert by_title["google to js"].url == "https://www.google.com/url?url=javascript:alert(1)"


class TestBounds:
    async def test_a_body_announced_over_the_cap_is_refused_unread(self, fake, session):
        fake.on("GET", "/feed", Reply(body=big_feed(1000), content_type="application/rss+xml"))
        with pytest.raises(SourceUnavailable, match=r"over the 0.1 MB cap.*raise max_body_mb.*now 0.1"):
            await rss(fake, session, max_body_mb=0.1).fetch({})

    async def test_an_endless_body_is_cut_off_at_the_cap(self, fake, session):
        """A server that never stops sending (chunked, no length) is read only up to the cap."""
        sent = 0

        async def endless(request: web.Request) -> web.StreamResponse:
            nonlocal sent
            resp = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
            await resp.prepare(request)
            await resp.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>')
            chunk = b"<item><title>again and again</title></item>" * 1000
            try:
                while sent < 200_000_000:
                    await resp.write(chunk)
                    sent += len(chunk)
            except (ConnectionError, RuntimeError):
                pass
            return resp

        fake.on("GET", "/feed", endless)
        started = time.monotonic()
        with pytest.raises(SourceUnavailable, match=r"longer than the 0.5 MB cap"):
            await rss(fake, session, max_body_mb=0.5).fetch({})
        assert time.monotonic() - started < 3
        await asyncio.sleep(0.1)
        assert sent < 20_000_000

    async def test_the_cap_is_said_in_source_health(self, fake, session, store: Store):
        """Through the real poller and store: the operator sees why the feed is not read."""
        fake.on("GET", "/feed", Reply(body=big_feed(1000), content_type="application/rss+xml"))
        conn = rss(fake, session, max_body_mb=0.1)
        poller = SourcePoller(conn, store=store, interval=600, timeout=5,
                              on_new_items=lambda ids: asyncio.sleep(0), notify_operator=lambda *a: None)
        await poller.poll_once()
        (health,) = await store.read(repo.source_health)
        assert health["status"] == "failing" and "0.1 MB cap" in health["last_error"]
        assert "max_body_mb" in health["last_error"]
        assert "up to 0.1 MB and 300 entries a poll" in conn.describe()

    async def test_entries_per_poll_are_bounded(self, fake, session):
        fake.on("GET", "/feed", Reply(body=big_feed(50), content_type="application/rss+xml"))
        items = (await rss(fake, session, max_entries=10).fetch({})).items
        assert [i.title for i in items] == [f"Story {n} about Oakfield" for n in range(10)]

    async def test_a_parse_longer_than_the_time_left_is_stopped(self, fake, session):
        """A body under the cap that parses slowly fails the poll in its time instead of running on."""
        fake.on("GET", "/feed", Reply(body=big_feed(6000), content_type="application/rss+xml"))
        started = time.monotonic()
        with pytest.raises(SourceUnavailable, match=r"parsing the feed .* took longer than"):
            await rss(fake, session, timeout_seconds=0.4).fetch({})
        assert time.monotonic() - started < 2
        assert children() == []

    async def test_nothing_keeps_parsing_after_the_poll_is_cancelled(self, fake, session):
        """The poller cancels a fetch at its timeout: the parse must stop then, not run on in a thread."""
        fake.on("GET", "/feed", Reply(body=big_feed(8000), content_type="application/rss+xml"))
        conn = rss(fake, session)
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.5):
                await conn.fetch({})
        before = resource.getrusage(resource.RUSAGE_SELF)
        await asyncio.sleep(0.8)
        after = resource.getrusage(resource.RUSAGE_SELF)
        busy = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        assert busy < 0.25, f"{busy:.2f}s of CPU spent after the poll gave up"
        assert children() == []
