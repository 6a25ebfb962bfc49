"""Bluesky connector against a fake PDS (XRPC) on loopback."""

from __future__ import annotations

import pytest

from watchtower.connectors.bluesky import BlueskyConnector
from watchtower.exceptions import SourceAuthFailed, SourceUnavailable

from .conftest import Reply, connector

LOGIN = "/xrpc/com.atproto.server.createSession"
REFRESH = "/xrpc/com.atproto.server.refreshSession"
SEARCH = "/xrpc/app.bsky.feed.searchPosts"


def bluesky(fake, session, **extra) -> BlueskyConnector:
    return connector(BlueskyConnector, session, {"type": "bluesky", "name": "bsky", "api_base": fake.base,
                                                 "handle": "oakfieldschool.bsky.social", "timeout_seconds": 0.5,
                                                 **extra}, environ={"BLUESKY_APP_PASSWORD": "app-pass"})


def search_pages(request):
    return Reply(fixture="bsky_search_page2.json" if request.query.get("cursor") else "bsky_search_page1.json")


class TestSearch:
    async def test_logs_in_once_and_searches_latest_with_the_access_token(self, fake, session):
        fake.on("POST", LOGIN, Reply(fixture="bsky_session.json"))
        fake.on("GET", SEARCH, search_pages)
        conn = bluesky(fake, session)
        result = await conn.fetch({})
        await conn.fetch(result.cursor)
        assert len(fake.calls(LOGIN, "POST")) == 1  # the session is kept between polls
        assert fake.calls(LOGIN, "POST")[0].json() == {"identifier": "oakfieldschool.bsky.social",
                                                        "password": "app-pass"}
        first = fake.calls(SEARCH)[0]
        assert first.headers["Authorization"] == "Bearer access-1"
        assert first.query["q"] == "Oakfield School" and first.query["sort"] == "latest"

        by_id = {i.platform_id: i for i in result.items}
        assert len(result.items) == 3  # the post repeated on page 2 is one item
        parent = by_id["at://did:plc:parent1/app.bsky.feed.post/3kabc2"]
        assert parent.url == "https://bsky.app/profile/parent.bsky.social/post/3kabc2"
        assert parent.has_media and parent.source == "mention" and parent.author_name == "A Parent"
        own = by_id["at://did:plc:oakfield123/app.bsky.feed.post/3kabc1"]
        assert own.own_post and own.source == "own"
        assert own.parent_id == "at://did:plc:x/app.bsky.feed.post/parent"

    async def test_the_second_poll_sends_since_and_returns_nothing_old(self, fake, session):
        fake.on("POST", LOGIN, Reply(fixture="bsky_session.json"))
        fake.on("GET", SEARCH, search_pages)
        conn = bluesky(fake, session)
        first = await conn.fetch({})
        second = await conn.fetch(first.cursor)
        assert second.items == []
        assert fake.calls(SEARCH)[-1].query["since"] == "2026-03-02T18:00:00Z"

    async def test_an_expired_access_token_is_refreshed_not_a_new_login(self, fake, session):
        fake.on("POST", LOGIN, Reply(fixture="bsky_session.json"))
        fake.on("POST", REFRESH, Reply(fixture="bsky_session_refreshed.json"))
        fake.on("GET", SEARCH, Reply(status=400, fixture="bsky_expired.json"), Reply(fixture="bsky_search_page2.json"))
        result = await bluesky(fake, session, max_pages=1).fetch({})
        assert len(result.items) == 2
        assert fake.calls(REFRESH, "POST")[0].headers["Authorization"] == "Bearer refresh-1"
        assert fake.calls(SEARCH)[-1].headers["Authorization"] == "Bearer access-2"
        assert len(fake.calls(LOGIN, "POST")) == 1

    async def test_a_failed_refresh_falls_back_to_one_new_login(self, fake, session):
        fake.on("POST", LOGIN, Reply(fixture="bsky_session.json"))
        fake.on("POST", REFRESH, Reply(status=400, fixture="bsky_expired.json"))
        fake.on("GET", SEARCH, Reply(status=400, fixture="bsky_expired.json"), Reply(fixture="bsky_search_page2.json"))
        await bluesky(fake, session, max_pages=1).fetch({})
        assert len(fake.calls(LOGIN, "POST")) == 2


class TestErrors:
    async def test_a_wrong_app_password_stops_the_source(self, fake, session):
        fake.on("POST", LOGIN, Reply(status=401, fixture="bsky_bad_login.json"))
        with pytest.raises(SourceAuthFailed, match="AuthenticationRequired"):
            await bluesky(fake, session).fetch({})

    async def test_a_login_rate_limit_is_unavailable_until_reset(self, fake, session):
        import time

        fake.on("POST", LOGIN, Reply(status=429, json={"error": "RateLimitExceeded"},
                                     headers={"ratelimit-reset": str(int(time.time()) + 300)}))
        with pytest.raises(SourceUnavailable) as err:
            await bluesky(fake, session).fetch({})
        assert 290 <= err.value.retry_after <= 300

    async def test_a_502_on_search_is_unavailable(self, fake, session):
        fake.on("POST", LOGIN, Reply(fixture="bsky_session.json"))
        fake.on("GET", SEARCH, Reply(status=502, fixture="html_error_page.html"))
        with pytest.raises(SourceUnavailable):
            await bluesky(fake, session).fetch({})
