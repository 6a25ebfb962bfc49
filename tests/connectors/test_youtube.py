"""YouTube connector against a fake Data API v3 on loopback."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from watchtower.connectors.youtube import YouTubeConnector, seconds_until_pacific_midnight
from watchtower.exceptions import SourceAuthFailed, SourceQuotaExhausted, SourceUnavailable

from .conftest import Reply, by_cursor, connector

THREADS = "/youtube/v3/commentThreads"


def youtube(fake, session, **extra) -> YouTubeConnector:
    return connector(YouTubeConnector, session, {"type": "youtube", "name": "yt", "api_base": fake.base + "/youtube/v3",
                                                 "channel_id": "UCoakfield000000000000", "timeout_seconds": 0.5,
                                                 **extra}, environ={"YOUTUBE_API_KEY": "yt-key"}, school_names=[])


pages = by_cursor({None: "yt_threads_page1.json", "QURTSl9pM": "yt_threads_page2.json"}, "pageToken")


class TestComments:
    async def test_threads_and_their_replies_become_own_items(self, fake, session):
        fake.on("GET", THREADS, pages)
        result = await youtube(fake, session).fetch({})
        by_id = {i.platform_id: i for i in result.items}
        assert list(by_id) == ["UgzT1", "UgzT1.R1", "UgzT0", "UgzS9"]
        top = by_id["UgzT1"]
        assert top.text == "Lovely concert & choir" and top.parent_id == "vid111" and top.source == "own"
        assert top.url == "https://www.youtube.com/watch?v=vid111&lc=UgzT1"
        reply = by_id["UgzT1.R1"]
        assert reply.parent_id == "UgzT1" and reply.own_post  # the channel answering
        first = fake.calls(THREADS)[0].query
        assert first["allThreadsRelatedToChannelId"] == "UCoakfield000000000000" and first["order"] == "time"
        assert first["key"] == "yt-key"

    async def test_paging_stops_at_the_watermark(self, fake, session):
        """With a watermark inside page 1, page 2 is never requested and only newer comments return."""
        fake.on("GET", THREADS, pages)
        cursor = {"comments": {"newest": "2026-03-02T17:30:00+00:00", "ids": []}}
        result = await youtube(fake, session).fetch(cursor)
        assert [i.platform_id for i in result.items] == ["UgzT1", "UgzT1.R1"]
        assert len(fake.calls(THREADS)) == 1
        assert result.cursor["comments"] == {"newest": "2026-03-02T18:30:00+00:00", "ids": ["UgzT1.R1"]}

    async def test_a_second_poll_with_nothing_new_returns_nothing(self, fake, session):
        fake.on("GET", THREADS, pages)
        conn = youtube(fake, session)
        first = await conn.fetch({})
        assert (await conn.fetch(first.cursor)).items == []


class TestErrors:
    async def test_quota_exceeded_is_quota_exhausted_until_pacific_midnight(self, fake, session):
        fake.on("GET", THREADS, Reply(status=403, fixture="yt_error_quota.json"))
        with pytest.raises(SourceQuotaExhausted) as err:
            await youtube(fake, session).fetch({})
        assert 60 <= err.value.retry_after <= 25 * 3600

    async def test_an_invalid_key_stops_the_source(self, fake, session):
        fake.on("GET", THREADS, Reply(status=400, fixture="yt_error_key_invalid.json"))
        with pytest.raises(SourceAuthFailed, match="API_KEY_INVALID"):
            await youtube(fake, session).fetch({})

    async def test_a_503_html_page_is_unavailable(self, fake, session):
        fake.on("GET", THREADS, Reply(status=503, fixture="html_error_page.html"))
        with pytest.raises(SourceUnavailable):
            await youtube(fake, session).fetch({})

    def test_pacific_midnight_follows_the_clock_change(self):
        # 8 March 2026 is the US spring-forward day: 23:00 PDT on the 8th is 06:00 UTC on the 9th
        assert seconds_until_pacific_midnight(datetime(2026, 3, 9, 6, 0, tzinfo=UTC)) == 3600
