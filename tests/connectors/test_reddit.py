"""Reddit connector against a fake search.json listing on loopback."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from watchtower.connectors import build_connector
from watchtower.connectors._http import USER_AGENT
from watchtower.connectors.reddit import RedditConnector
from watchtower.exceptions import ConfigError, SourceAuthFailed, SourceUnavailable

from .conftest import SOURCE, Reply, connector

SEARCH = "/search.json"


def reddit(fake, session, **extra) -> RedditConnector:
    return connector(RedditConnector, session, {"type": "reddit", "name": "reddit", "api_base": fake.base,
                                                "timeout_seconds": 0.5, **extra},
                     school_names=["Oakfield School", "Oakfield School"])


def pages(request):
    return Reply(fixture="reddit_search_page2.json" if request.query.get("after") else "reddit_search_page1.json")


class TestSearch:
    async def test_first_poll_reads_one_page_of_newest_posts(self, fake, session):
        fake.on("GET", SEARCH, pages)
        result = await reddit(fake, session).fetch({})
        call = fake.calls(SEARCH)[0]
        assert call.query["q"] == '"Oakfield School"' and call.query["sort"] == "new"
        assert call.headers["User-Agent"] == USER_AGENT
        assert len(fake.calls(SEARCH)) == 1  # duplicate school names are one query; first poll one page
        news, interview = result.items
        assert news.platform_id == "t3_1b2c3e" and news.source == "mention"
        assert news.url == "https://www.reddit.com/r/unitedkingdom/comments/1b2c3e/oakfield_school/"
        assert news.text == "Oakfield School in the news again\nAnyone else see this?"
        assert news.created_at == datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
        assert interview.author_handle is None and interview.has_media

    async def test_later_polls_page_with_after_until_the_watermark(self, fake, session):
        fake.on("GET", SEARCH, pages)
        cursor = {"q:0": {"newest": "2026-03-01T00:00:00+00:00", "ids": []}}
        result = await reddit(fake, session).fetch(cursor)
        assert [c.query.get("after") for c in fake.calls(SEARCH)] == [None, "t3_1b2c3d"]
        assert [i.platform_id for i in result.items] == ["t3_1b2c3e", "t3_1b2c3d", "t3_1b2c3c"]
        again = await reddit(fake, session).fetch(result.cursor)
        assert again.items == []


class TestErrors:
    async def test_429_waits_for_the_reset_header(self, fake, session):
        fake.on("GET", SEARCH, Reply(status=429, json={"message": "Too Many Requests", "error": 429},
                                     headers={"X-Ratelimit-Used": "10", "X-Ratelimit-Remaining": "0",
                                              "X-Ratelimit-Reset": "42"}))
        with pytest.raises(SourceUnavailable) as err:
            await reddit(fake, session).fetch({})
        assert err.value.retry_after == 42

    async def test_a_network_block_page_stops_the_source(self, fake, session):
        fake.on("GET", SEARCH, Reply(status=403, fixture="reddit_blocked.html"))
        with pytest.raises(SourceAuthFailed, match="OAuth"):
            await reddit(fake, session).fetch({})

    async def test_an_html_page_with_200_is_unavailable(self, fake, session):
        fake.on("GET", SEARCH, Reply(fixture="reddit_blocked.html"))
        with pytest.raises(SourceUnavailable, match="HTML"):
            await reddit(fake, session).fetch({})

    async def test_a_slow_reddit_is_unavailable(self, fake, session):
        fake.on("GET", SEARCH, Reply(fixture="reddit_search_page2.json", delay=1.0))
        with pytest.raises(SourceUnavailable):
            await reddit(fake, session, timeout_seconds=0.1).fetch({})

    def test_no_queries_and_no_school_names_is_a_config_error(self, session):
        cfg = SOURCE.validate_python({"type": "reddit", "name": "r"})
        with pytest.raises(ConfigError, match="no search terms"):
            build_connector(cfg, session, school_names=[])
