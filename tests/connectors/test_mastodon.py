"""Mastodon connector against a fake instance on loopback."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from aiohttp import web

from watchtower.connectors.mastodon import MastodonConnector, link_min_id
from watchtower.exceptions import SourceAuthFailed, SourceUnavailable

from .conftest import SOURCE, Reply, connector, fixture_bytes

TAG = "/api/v1/timelines/tag/OakfieldSchool"


def mastodon(fake, session, **extra) -> MastodonConnector:
    return connector(MastodonConnector, session, {"type": "mastodon", "name": "masto", "api_base": fake.base,
                                                  "tags": ["#OakfieldSchool"], "timeout_seconds": 0.5, **extra},
                     environ={"MASTO": "m-token"})


def timeline(fake):
    """Statuses newer than min_id, newest first, with a Link rel=prev carrying the next min_id."""
    def handler(request):
        min_id = request.query.get("min_id")
        if min_id is None:
            name = "masto_tag_page1.json"
        elif min_id == "112000000000000005":
            name = "masto_tag_page2.json"
        else:
            return web.json_response([])
        body = fixture_bytes(name)
        newest = "112000000000000006" if name.endswith("2.json") else "112000000000000005"
        link = (f'<{fake.base}{TAG}?max_id=1>; rel="next", '
                f'<{fake.base}{TAG}?min_id={newest}>; rel="prev"')
        return web.Response(body=body, content_type="application/json", headers={"Link": link})
    return handler


class TestTagTimeline:
    async def test_first_poll_reads_the_latest_page_and_keeps_the_newest_id(self, fake, session):
        fake.on("GET", TAG, timeline(fake))
        result = await mastodon(fake, session).fetch({})
        assert len(fake.calls(TAG)) == 1
        amy, bob = result.items
        assert amy.platform_id == "https://other.example/users/amy/statuses/112000000000000777"
        assert amy.author_handle == "amy@other.example" and amy.has_media and amy.source == "mention"
        assert amy.text == "Fun day at #OakfieldSchool"
        assert bob.text == "school\nreply about #OakfieldSchool" and bob.parent_id == "112000000000000001"
        assert result.cursor == {"tag:oakfieldschool": "112000000000000005"}

    async def test_later_polls_page_forward_with_min_id_from_the_link_header(self, fake, session):
        fake.on("GET", TAG, timeline(fake))
        result = await mastodon(fake, session).fetch({"tag:oakfieldschool": "112000000000000005"})
        assert [c.query.get("min_id") for c in fake.calls(TAG)] == ["112000000000000005", "112000000000000006"]
        assert [i.extra["id"] for i in result.items] == ["112000000000000006"]
        assert result.cursor == {"tag:oakfieldschool": "112000000000000006"}

    def test_a_link_to_another_host_is_not_followed(self):
        header = '<https://evil.example/api/v1/timelines/tag/x?min_id=9>; rel="prev"'
        assert link_min_id(header, "https://masto.example") is None
        assert link_min_id('<https://masto.example/api?min_id=9>; rel="prev"', "https://masto.example") == "9"


class TestErrors:
    async def test_429_waits_until_the_iso_reset_time(self, fake, session):
        reset = (datetime.now(UTC) + timedelta(minutes=4)).isoformat()
        fake.on("GET", TAG, Reply(status=429, json={"error": "Too many requests"},
                                  headers={"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
                                           "X-RateLimit-Reset": reset}))
        with pytest.raises(SourceUnavailable) as err:
            await mastodon(fake, session).fetch({})
        assert 200 < err.value.retry_after <= 240

    async def test_a_bad_token_stops_the_source(self, fake, session):
        fake.on("GET", TAG, Reply(status=401, fixture="masto_unauthorized.json"))
        with pytest.raises(SourceAuthFailed, match="invalid"):
            await mastodon(fake, session, token_secret="MASTO").fetch({})
        assert fake.calls(TAG)[0].headers["Authorization"] == "Bearer m-token"

    async def test_404_and_truncated_json_are_unavailable(self, fake, session):
        truncated = Reply(body=b"[{", content_type="application/json")
        fake.on("GET", TAG, Reply(status=404, fixture="masto_not_found.json"), truncated)
        conn = mastodon(fake, session)
        with pytest.raises(SourceUnavailable, match="Record not found"):
            await conn.fetch({})
        with pytest.raises(SourceUnavailable, match="malformed"):
            await conn.fetch({})

    async def test_search_sends_min_id_and_the_token(self, fake, session):
        fake.on("GET", TAG, timeline(fake))
        fake.on("GET", "/api/v2/search", Reply(json={
            "accounts": [], "hashtags": [], "statuses": json.loads(fixture_bytes("masto_tag_page2.json"))}))
        result = await mastodon(fake, session, search=True, token_secret="MASTO").fetch({"search:0": "5"})
        call = fake.calls("/api/v2/search")[0]
        assert call.query["q"] == "Oakfield School" and call.query["min_id"] == "5"
        assert result.cursor["search:0"] == "112000000000000006"

    def test_search_without_a_token_is_refused_in_config(self):
        with pytest.raises(ValueError, match="token_secret"):
            SOURCE.validate_python({"type": "mastodon", "name": "m", "search": True})

