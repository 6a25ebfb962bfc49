"""Instagram connector against a fake Graph API on loopback."""

from __future__ import annotations

import aiohttp
import pytest

from watchtower.connectors import build_connector
from watchtower.connectors.instagram import InstagramConnector
from watchtower.exceptions import SourceAuthFailed, SourceUnavailable

from .conftest import SOURCE, FakeServer, Reply, at, by_cursor, connector

MEDIA = "/v25.0/17841400000000000/media"
TAGS = "/v25.0/17841400000000000/tags"
COMMENTS = "/v25.0/17900000000000001/comments"
OLD_COMMENTS = "/v25.0/17900000000000000/comments"
ENV = {"INSTAGRAM_TOKEN": "ig-token"}


def instagram(fake: FakeServer, session: aiohttp.ClientSession, **extra: object) -> InstagramConnector:
    return connector(InstagramConnector, session, {"type": "instagram", "name": "instagram", "api_base": fake.base,
                                                   "ig_user_id": "17841400000000000", "timeout_seconds": 0.5, **extra},
                     environ=ENV)


def serve(fake: FakeServer) -> None:
    fake.on("GET", MEDIA, Reply(fixture="ig_media.json"))
    fake.on("GET", COMMENTS, by_cursor({None: "ig_comments_page1.json", "QVFb": "ig_comments_page2.json"}))
    fake.on("GET", TAGS, Reply(fixture="ig_tags.json"))


class TestPolling:
    async def test_media_comments_replies_and_tags_become_items(self, fake, session):
        serve(fake)
        result = await instagram(fake, session).fetch({})
        by_id = {i.platform_id: i for i in result.items}
        assert set(by_id) == {
            "17900000000000001", "17900000000000000",  # own media
            "18000000000000002", "18000000000000003", "18000000000000001",  # comments and the reply
            "17900000000009999",  # tagged in
        }
        media = by_id["17900000000000001"]
        assert media.own_post and media.source == "own" and media.text == "Sports day in the sun"
        comment = by_id["18000000000000002"]
        assert comment.source == "own" and not comment.own_post and comment.parent_id == "17900000000000001"
        assert comment.url == "https://www.instagram.com/p/AAA111/" and comment.created_at == at(30)
        reply = by_id["18000000000000003"]
        assert reply.parent_id == "18000000000000002" and reply.own_post  # the school answering
        assert by_id["17900000000009999"].source == "mention"

    async def test_comment_pages_use_the_after_cursor_on_our_host_and_media_without_comments_are_skipped(
        self, fake, session
    ):
        serve(fake)
        await instagram(fake, session).fetch({})
        assert [c.query.get("after") for c in fake.calls(COMMENTS)] == [None, "QVFb"]
        assert fake.calls(OLD_COMMENTS) == []  # comments_count 0
        assert all(r.query["access_token"] == "ig-token" for r in fake.requests)

    async def test_unchanged_comment_counts_mean_no_comment_calls(self, fake, session):
        serve(fake)
        conn = instagram(fake, session)
        first = await conn.fetch({})
        calls = len(fake.calls(COMMENTS))
        second = await conn.fetch(first.cursor)
        assert second.items == [] and len(fake.calls(COMMENTS)) == calls

    async def test_a_changed_count_fetches_comments_and_returns_only_new_ones(self, fake, session):
        serve(fake)
        conn = instagram(fake, session)
        first = await conn.fetch({})
        cursor = {**first.cursor, "counts": {"17900000000000001": 2}}
        fake.on("GET", COMMENTS, Reply(fixture="ig_comments_second_poll.json"))
        second = await conn.fetch(cursor)
        assert [i.platform_id for i in second.items] == ["18000000000000004"]


class TestErrors:
    async def test_an_expired_token_stops_the_source(self, fake, session):
        fake.on("GET", MEDIA, Reply(status=400, fixture="fb_error_190_expired.json"))
        with pytest.raises(SourceAuthFailed, match="190"):
            await instagram(fake, session).fetch({})

    async def test_a_rate_limit_is_unavailable(self, fake, session):
        fake.on("GET", MEDIA, Reply(status=403, fixture="fb_error_4_app_limit.json"))
        with pytest.raises(SourceUnavailable):
            await instagram(fake, session).fetch({})

    def test_describe_says_mentions_need_webhooks(self, session):
        cfg = SOURCE.validate_python({"type": "instagram", "name": "ig", "ig_user_id": "1"})
        assert "webhook" in build_connector(cfg, session, school_names=[], environ=ENV).describe()
