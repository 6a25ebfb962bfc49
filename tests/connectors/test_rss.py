"""RSS/Atom connector against a feed served over loopback HTTP."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from watchtower.connectors import Connector, build_connector
from watchtower.connectors.rss import unwrap_google_link
from watchtower.exceptions import SourceAuthFailed, SourceUnavailable

from .conftest import SOURCE, Reply, rss


class TestGoogleAlerts:
    async def test_links_are_unwrapped_and_bold_tags_stripped(self, fake, session):
        """Google's redirect links become the story's own URL; <b> highlighting is removed from titles."""
        fake.on("GET", "/feed", Reply(fixture="rss_google_alerts.xml"))
        result = await rss(fake, session).fetch({})
        first, second = result.items
        assert first.url == "https://news.example/oakfield-ofsted"
        assert first.platform_id == "tag:google.com,2013:googlealerts/feed:12500000000000000001"
        assert first.title == "Parents praise Oakfield School after Ofsted visit"
        assert "<b>" not in first.text and 'pupils & staff were "outstanding"' in first.text
        assert first.source == "mention" and not first.own_post and first.platform == "rss"
        assert first.created_at == datetime(2026, 3, 2, 14, 26, 15, tzinfo=UTC)
        assert first.extra["entry_id"].startswith("tag:google.com,2013:googlealerts/feed:")
        # an encoded target keeps its own query string
        assert second.url == "https://local.example/roads?id=7"
        # +01:00 is converted to UTC
        assert second.created_at == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

    def test_unwrap_leaves_other_links_alone(self):
        """Only google.com/url redirects are unwrapped; a look-alike host is not trusted."""
        assert unwrap_google_link("https://news.example/url?url=https://x.example") == (
            "https://news.example/url?url=https://x.example"
        )
        assert unwrap_google_link("https://www.google.com/url?q=https://a.example/b") == "https://a.example/b"
        assert unwrap_google_link("https://www.google.com/url?url=javascript:alert(1)") == (
            "https://www.google.com/url?url=javascript:alert(1)"
        )


class TestWatermark:
    async def test_etag_and_last_modified_are_sent_back_and_304_returns_nothing(self, fake, session):
        """The second poll is conditional; a 304 yields no items and keeps the cursor unchanged."""
        fake.on(
            "GET",
            "/feed",
            Reply(
                fixture="rss_news_v1.xml",
                headers={"ETag": '"v1"', "Last-Modified": "Mon, 02 Mar 2026 10:00:00 GMT"},
            ),
            Reply(status=304),
        )
        conn = rss(fake, session)
        first = await conn.fetch({})
        assert len(first.items) == 2
        assert first.cursor["etag"] == '"v1"'
        second = await conn.fetch(first.cursor)
        assert second.items == []
        assert second.cursor == first.cursor
        sent = fake.calls("/feed")[1].headers
        assert sent["If-None-Match"] == '"v1"'
        assert sent["If-Modified-Since"] == "Mon, 02 Mar 2026 10:00:00 GMT"

    async def test_only_entries_not_seen_before_are_returned_including_late_older_ones(self, fake, session):
        """A story already seen is not returned again; a late story with an older date still is."""
        fake.on("GET", "/feed", Reply(fixture="rss_news_v1.xml"), Reply(fixture="rss_news_v2.xml"))
        conn = rss(fake, session)
        first = await conn.fetch({})
        second = await conn.fetch(first.cursor)
        assert [i.url for i in second.items] == ["https://news.example/snow", "https://news.example/fete"]
        assert second.cursor["newest"] == "2026-03-03T07:15:00+00:00"

    async def test_same_body_twice_gives_no_duplicates(self, fake, session):
        """A server without ETag support serving the same feed again yields nothing new."""
        fake.on("GET", "/feed", Reply(fixture="rss_news_v1.xml"))
        conn = rss(fake, session)
        first = await conn.fetch({})
        assert (await conn.fetch(first.cursor)).items == []


class TestEntries:
    async def test_duplicates_within_a_feed_are_one_item_and_identical_times_are_kept(self, fake, session):
        """Two entries with the same guid are one item; two different entries at the same second are two.

        (A permalink guid such as "a" is resolved by feedparser against the feed's address.)"""
        fake.on("GET", "/feed", Reply(fixture="rss_duplicates_and_identical_times.xml"))
        items = (await rss(fake, session).fetch({})).items
        assert [i.platform_id for i in items] == [f"{fake.base}/{g}" for g in "abc"]
        assert [i.url for i in items] == [f"https://dupes.example/{g}" for g in "abc"]
        assert items[0].created_at == items[1].created_at

    async def test_an_undated_entry_gets_the_fetch_time_and_says_so(self, fake, session):
        fake.on("GET", "/feed", Reply(fixture="rss_duplicates_and_identical_times.xml"))
        before = datetime.now(UTC)
        undated = (await rss(fake, session).fetch({})).items[2]
        assert undated.extra["created_at_estimated"] is True
        assert undated.created_at >= before

    async def test_news_items_keep_title_text_and_media_flag(self, fake, session):
        fake.on("GET", "/feed", Reply(fixture="rss_news_v1.xml"))
        robotics, budget = (await rss(fake, session).fetch({})).items
        assert robotics.title == "Oakfield pupils win robotics prize"
        assert robotics.text.startswith("Oakfield pupils win robotics prize\nYear 9 pupils")
        assert robotics.has_media and not budget.has_media

    async def test_mastodon_tag_feed_items_have_no_title_but_keep_text_and_url(self, fake, session):
        fake.on("GET", "/tags/OakfieldSchool.rss", Reply(fixture="rss_mastodon_tag.rss"))
        (item,) = (await rss(fake, session, "/tags/OakfieldSchool.rss").fetch({})).items
        assert item.title is None
        assert item.text == "Lovely concert at #OakfieldSchool tonight\nwell done all"
        assert item.url == "https://mastodon.example/@parent/112233445566778899"

    async def test_a_feed_the_school_publishes_is_own_and_own_post(self, fake, session):
        fake.on("GET", "/feed", Reply(fixture="rss_news_v1.xml"))
        items = (await rss(fake, session, source="own").fetch({})).items
        assert all(i.source == "own" and i.own_post for i in items)

    async def test_an_empty_feed_is_not_an_error(self, fake, session):
        fake.on("GET", "/feed", Reply(fixture="rss_empty.xml"))
        result = await rss(fake, session).fetch({})
        assert result.items == [] and result.cursor["seen"] == []


class TestFailures:
    async def test_a_sloppy_feed_that_still_has_entries_is_read(self, fake, session):
        """bozo (an undefined entity) with entries: the entries are returned, not an error."""
        fake.on("GET", "/feed", Reply(fixture="rss_bozo_with_entries.xml"))
        (item,) = (await rss(fake, session).fetch({})).items
        assert item.title == "Still readable story about Oakfield"

    async def test_a_malformed_feed_with_nothing_usable_is_unavailable(self, fake, session):
        fake.on("GET", "/feed", Reply(fixture="rss_malformed_no_entries.xml"))
        with pytest.raises(SourceUnavailable, match="malformed feed"):
            await rss(fake, session).fetch({})

    async def test_an_html_error_page_served_with_200_is_unavailable(self, fake, session):
        fake.on("GET", "/feed", Reply(fixture="html_error_page.html"))
        with pytest.raises(SourceUnavailable, match="HTML page"):
            await rss(fake, session).fetch({})

    async def test_503_with_retry_after_is_unavailable_with_the_delay(self, fake, session):
        page = Reply(status=503, fixture="html_error_page.html", headers={"Retry-After": "120"})
        fake.on("GET", "/feed", page)
        with pytest.raises(SourceUnavailable) as err:
            await rss(fake, session).fetch({})
        assert err.value.retry_after == 120

    async def test_429_is_unavailable(self, fake, session):
        fake.on("GET", "/feed", Reply(status=429, body="slow down", headers={"Retry-After": "30"}))
        with pytest.raises(SourceUnavailable) as err:
            await rss(fake, session).fetch({})
        assert err.value.retry_after == 30

    async def test_a_server_slower_than_the_timeout_is_unavailable(self, fake, session):
        fake.on("GET", "/feed", Reply(fixture="rss_news_v1.xml", delay=1.0))
        with pytest.raises(SourceUnavailable, match="no answer"):
            await rss(fake, session, timeout_seconds=0.1).fetch({})

    async def test_a_refused_connection_is_unavailable(self, session):
        cfg = SOURCE.validate_python({"type": "rss", "name": "n", "url": "http://127.0.0.1:9/feed"})
        with pytest.raises(SourceUnavailable, match="failed"):
            await build_connector(cfg, session, school_names=[]).fetch({})

    async def test_a_feed_that_refuses_us_stops_the_source(self, fake, session):
        fake.on("GET", "/feed", Reply(status=403, body="Forbidden"))
        with pytest.raises(SourceAuthFailed):
            await rss(fake, session).fetch({})

    async def test_a_body_that_is_not_a_feed_is_unavailable(self, fake, session):
        fake.on("GET", "/feed", Reply(body='{"hello": "json"}', content_type="application/json"))
        with pytest.raises(SourceUnavailable):
            await rss(fake, session).fetch({})


class TestConfig:
    def test_build_connector_gives_a_connector_that_describes_itself(self, session):
        cfg = SOURCE.validate_python(
            {"type": "rss", "name": "ga", "url": "https://www.google.com/alerts/feeds/1/2"}
        )
        conn = build_connector(cfg, session, school_names=["Oakfield School"])
        assert isinstance(conn, Connector)
        assert conn.name == "ga" and conn.platform == "rss"
        assert "Google Alert" in conn.describe() and "every 600s" in conn.describe()

    def test_unknown_keys_and_non_http_urls_are_refused(self):
        with pytest.raises(ValidationError, match="extra"):
            SOURCE.validate_python({"type": "rss", "name": "a", "url": "https://x.example/f", "urll": "x"})
        with pytest.raises(ValidationError, match="http"):
            SOURCE.validate_python({"type": "rss", "name": "a", "url": "file:///etc/passwd"})

    def test_every_field_of_every_source_type_is_documented(self):
        from watchtower.connectors import config as c

        for model in (c.RssSource, c.XSource, c.FacebookSource, c.InstagramSource, c.YouTubeSource,
                      c.MastodonSource, c.BlueskySource, c.RedditSource):
            for name, field in model.model_fields.items():
                assert field.description, f"{model.__name__}.{name} has no description"
