"""Facebook Page connector against a fake Graph API v25.0 on loopback."""

from __future__ import annotations

import json

import aiohttp
import pytest

from watchtower.connectors import build_connector
from watchtower.connectors._graph import usage_retry_after
from watchtower.connectors.facebook import FacebookConnector
from watchtower.exceptions import SecretMissing, SourceAuthFailed, SourceUnavailable

from .conftest import SOURCE, FakeServer, Reply, at, by_cursor, connector

FEED = "/v25.0/111/feed"
TAGGED = "/v25.0/111/tagged"
COMMENTS_901 = "/v25.0/111_901/comments"
COMMENTS_900 = "/v25.0/111_900/comments"
ENV = {"FACEBOOK_PAGE_TOKEN": "page-token"}


def facebook(fake: FakeServer, session: aiohttp.ClientSession, **extra: object) -> FacebookConnector:
    return connector(FacebookConnector, session, {"type": "facebook", "name": "facebook-page", "api_base": fake.base,
                                                  "page_id": "111", "timeout_seconds": 0.5, **extra}, environ=ENV)


def serve_page(fake: FakeServer) -> None:
    fake.on("GET", FEED, by_cursor({
        None: "fb_feed_page1.json", "QVFIUkFFRUD": "fb_feed_page2_empty_with_next.json",
        "UEFHRTM=": "fb_feed_page3.json"}))
    fake.on("GET", COMMENTS_901, by_cursor({
        None: "fb_comments_901_page1.json", "MTAxNTExOTQ1MjAwNzI5NDE=": "fb_comments_901_page2.json"}))
    fake.on("GET", COMMENTS_900, Reply(fixture="fb_comments_empty.json"))
    fake.on("GET", TAGGED, Reply(fixture="fb_tagged.json"))


class TestFirstPoll:
    async def test_posts_comments_replies_and_tagged_posts_become_items(self, fake, session):
        serve_page(fake)
        result = await facebook(fake, session).fetch({})
        by_id = {i.platform_id: i for i in result.items}
        assert set(by_id) == {"111_901", "111_900", "901_3", "901_2", "901_1", "901_0", "555_777"}

        own = by_id["111_901"]
        assert own.own_post and own.source == "own" and own.has_media
        assert own.url == "https://www.facebook.com/111/posts/901"
        visitor = by_id["111_900"]
        assert visitor.source == "own" and not visitor.own_post and visitor.author_name == "A Parent"

        reply = by_id["901_3"]
        assert reply.parent_id == "901_1" and reply.source == "own" and reply.text == "Thanks, see you there"
        assert by_id["901_1"].parent_id == "111_901" and by_id["901_1"].has_media
        assert by_id["901_2"].own_post  # the Page answering is its own outgoing post
        assert by_id["901_1"].created_at == at(20)

        tagged = by_id["555_777"]
        assert tagged.source == "mention" and tagged.author_name is None

    async def test_a_comment_repeated_on_the_next_page_is_one_item(self, fake, session):
        serve_page(fake)
        result = await facebook(fake, session).fetch({})
        assert [i.platform_id for i in result.items].count("901_1") == 1

    async def test_pages_are_fetched_from_our_own_host_with_the_after_cursor(self, fake, session):
        """paging.next points at another host (and carries a token): it is never called as given.

        The feed's empty middle page still has a next link and is followed; the old post on the last page
        is outside the look-back window.
        """
        serve_page(fake)
        result = await facebook(fake, session).fetch({})
        calls = fake.calls(FEED)
        assert [c.query.get("after") for c in calls] == [None, "QVFIUkFFRUD", "UEFHRTM="]
        assert all(c.query["access_token"] == "page-token" for c in fake.requests)
        assert "111_800" not in {i.platform_id for i in result.items}
        assert fake.calls(COMMENTS_901)[0].query["filter"] == "stream"
        assert fake.calls(COMMENTS_901)[0].query["order"] == "reverse_chronological"


class TestLaterPolls:
    async def test_only_new_comments_come_back_and_since_is_sent(self, fake, session):
        serve_page(fake)
        conn = facebook(fake, session)
        first = await conn.fetch({})
        fake.on("GET", COMMENTS_901, Reply(fixture="fb_comments_901_second_poll.json"))
        second = await conn.fetch(first.cursor)
        assert [i.platform_id for i in second.items] == ["901_4"]
        since = int(fake.calls(COMMENTS_901)[-1].query["since"])
        assert since == int(at(10).timestamp())
        # the visitor post has had no comment since the watermark: its comments are not asked for again
        assert len(fake.calls(COMMENTS_900)) == 1

    async def test_cursor_holds_watermarks_not_paging_cursors(self, fake, session):
        serve_page(fake)
        cursor = (await facebook(fake, session).fetch({})).cursor
        assert set(cursor) == {"posts", "comments", "tagged"}
        assert "QVFIUkFFRUD" not in json.dumps(cursor)
        assert cursor["comments"]["ids"] == ["901_3"]


class TestErrors:
    @pytest.mark.parametrize(
        ("status", "fixture", "match"),
        [(400, "fb_error_190_expired.json", "expired"), (403, "fb_error_200_permission.json", "permission")],
    )
    async def test_expired_tokens_and_missing_permissions_stop_the_source(self, fake, session, status, fixture, match):
        fake.on("GET", FEED, Reply(status=status, fixture=fixture))
        with pytest.raises(SourceAuthFailed, match=match):
            await facebook(fake, session).fetch({})

    async def test_a_user_rate_limit_backs_off_for_metas_estimate(self, fake, session):
        """Code 17 (sent with HTTP 400) is a rate limit; estimated_time_to_regain_access is in minutes."""
        buc = {"111": [{"type": "pages", "call_count": 100, "total_cputime": 20, "total_time": 20,
                        "estimated_time_to_regain_access": 7}]}
        fake.on("GET", FEED, Reply(status=400, fixture="fb_error_17_user_limit.json",
                                   headers={"X-Business-Use-Case-Usage": json.dumps(buc)}))
        with pytest.raises(SourceUnavailable) as err:
            await facebook(fake, session).fetch({})
        assert err.value.retry_after == 420

    async def test_an_app_limit_without_an_estimate_still_backs_off(self, fake, session):
        fake.on("GET", FEED, Reply(status=403, fixture="fb_error_4_app_limit.json",
                                   headers={"X-App-Usage": '{"call_count":100,"total_cputime":20,"total_time":25}'}))
        with pytest.raises(SourceUnavailable) as err:
            await facebook(fake, session).fetch({})
        assert err.value.retry_after and err.value.retry_after >= 60

    async def test_transient_code_2_is_unavailable(self, fake, session):
        fake.on("GET", FEED, Reply(status=500, fixture="fb_error_2_transient.json"))
        with pytest.raises(SourceUnavailable, match="unexpected error"):
            await facebook(fake, session).fetch({})

    async def test_an_html_502_is_unavailable(self, fake, session):
        fake.on("GET", FEED, Reply(status=502, fixture="html_error_page.html"))
        with pytest.raises(SourceUnavailable, match="502"):
            await facebook(fake, session).fetch({})

    async def test_truncated_json_is_unavailable(self, fake, session):
        fake.on("GET", FEED, Reply(fixture="fb_truncated.json"))
        with pytest.raises(SourceUnavailable, match="malformed JSON"):
            await facebook(fake, session).fetch({})

    async def test_a_slow_graph_api_is_unavailable(self, fake, session):
        fake.on("GET", FEED, Reply(fixture="fb_comments_empty.json", delay=1.0))
        with pytest.raises(SourceUnavailable, match="no answer"):
            await facebook(fake, session, timeout_seconds=0.1).fetch({})

    async def test_a_failure_on_a_comments_call_fails_the_poll_so_nothing_is_skipped(self, fake, session):
        serve_page(fake)
        fake.on("GET", COMMENTS_901, Reply(status=503, body="busy"))
        with pytest.raises(SourceUnavailable):
            await facebook(fake, session).fetch({})


class TestConfig:
    def test_usage_header_minutes_become_seconds(self):
        header = json.dumps(
            {"1": [{"estimated_time_to_regain_access": 0}], "2": [{"estimated_time_to_regain_access": 3}]}
        )
        assert usage_retry_after({"X-Business-Use-Case-Usage": header}) == 180
        assert usage_retry_after({"X-Business-Use-Case-Usage": "not json"}) is None

    def test_the_graph_version_is_pinned_and_validated(self):
        with pytest.raises(ValueError, match=r"v25\.0"):
            SOURCE.validate_python({"type": "facebook", "name": "f", "page_id": "1", "graph_version": "25"})

    def test_a_token_pasted_where_its_name_belongs_is_refused(self):
        with pytest.raises(ValueError, match="secret NAME"):
            SOURCE.validate_python({"type": "facebook", "name": "f", "page_id": "1", "token_secret": "EAAB xyz"})

    def test_a_missing_token_fails_at_build_time(self, session):
        cfg = SOURCE.validate_python({"type": "facebook", "name": "f", "page_id": "1"})
        with pytest.raises(SecretMissing, match="FACEBOOK_PAGE_TOKEN"):
            build_connector(cfg, session, school_names=[], environ={})

    def test_describe_names_page_and_version(self, session):
        cfg = SOURCE.validate_python({"type": "facebook", "name": "f", "page_id": "1"})
        line = build_connector(cfg, session, school_names=[], environ=ENV).describe()
        assert "Page 1" in line and "v25.0" in line

