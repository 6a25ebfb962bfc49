"""X connector: tweepy's AsyncClient against a fake X API v2 on loopback.

tweepy hard-codes https://api.twitter.com; ``api_base`` makes the connector hand tweepy a session wrapper that
rewrites that host to the fake server and forwards to the real shared ClientSession.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import aiohttp
import pytest
from pydantic import TypeAdapter
from structlog.testing import capture_logs
from tweepy.asynchronous import AsyncClient

from conftest import FakeClock
from watchtower.connectors import SourceConfig, build_connector
from watchtower.connectors.x import HostRewritingSession, XConnector, build_search_queries
from watchtower.exceptions import (
    SecretMissing,
    SourceAuthFailed,
    SourceMisconfigured,
    SourceQuotaExhausted,
    SourceUnavailable,
)
from watchtower.poller import SourcePoller
from watchtower.store import Store, repo
from watchtower.store.db import Db

from .conftest import FakeServer, Reply

ADAPTER: TypeAdapter[SourceConfig] = TypeAdapter(SourceConfig)
MENTIONS = "/2/users/987654321/mentions"
TWEETS = "/2/users/987654321/tweets"
SEARCH = "/2/tweets/search/recent"
ENV = {"X_BEARER_TOKEN": "test-bearer"}


def x(fake: FakeServer, session: aiohttp.ClientSession, *, streams: tuple[str, ...], **extra: object) -> XConnector:
    cfg = ADAPTER.validate_python(
        {
            "type": "x",
            "name": "x-school",
            "api_base": fake.base,
            "user_id": "987654321",
            "handle": "@OakfieldSch",
            "timeout_seconds": 0.5,
            **{s: s in streams for s in ("mentions", "replies", "own_posts", "search")},
            **extra,
        }
    )
    conn = build_connector(cfg, session, school_names=["Oakfield School", "Oakfield Academy"], environ=ENV)
    assert isinstance(conn, XConnector)
    return conn


def _poller(conn: XConnector, store: Store, clock: FakeClock, told: list[tuple[str, str]]) -> SourcePoller:
    """The daemon's poller around ``conn``, as daemon.py builds it (timeout = the source's timeout_seconds)."""

    def notify(db: Db, source: str, status: str, body: str, now: datetime) -> None:
        told.append((status, body))

    async def on_new(ids: list[int]) -> None:
        return None

    return SourcePoller(conn, store=store, interval=60, timeout=conn.cfg.timeout_seconds, on_new_items=on_new,
                        notify_operator=notify, clock=clock)


class TestMentions:
    async def test_pages_are_followed_with_since_id_fixed_and_newest_id_saved(self, fake, session):
        """Page 2 is asked for with pagination_token; since_id stays; the cursor gets page 1's newest_id."""
        fake.on("GET", MENTIONS, Reply(fixture="x_mentions_page1.json"), Reply(fixture="x_mentions_page2.json"))
        conn = x(fake, session, streams=("mentions",))
        result = await conn.fetch({"mentions_since": "1780000000000000000"})

        first, second = fake.calls(MENTIONS)
        assert first.query["since_id"] == second.query["since_id"] == "1780000000000000000"
        assert "pagination_token" not in first.query
        assert second.query["pagination_token"] == "t3buvdr5pujq9g7bggsnf3ep2ha28"
        assert first.query["max_results"] == "100"
        assert first.headers["Authorization"] == "Bearer test-bearer"
        assert result.cursor == {"mentions_since": "1790000000000000003"}

        # the post repeated on page 2 is one item
        assert [i.platform_id for i in result.items] == [
            "1790000000000000003",
            "1790000000000000002",
            "1790000000000000001",
        ]
        concert = result.items[1]
        assert concert.source == "own" and not concert.own_post and concert.platform == "x"
        assert concert.author_handle == "another" and concert.author_name == "Another Parent"
        assert concert.url == "https://x.com/another/status/1790000000000000002"
        assert concert.parent_id == "1789999999999999999"
        assert concert.has_media and not result.items[0].has_media
        assert concert.created_at == datetime(2026, 3, 2, 18, 4, 11, tzinfo=UTC)

    async def test_an_empty_answer_keeps_the_watermark(self, fake, session):
        """No new mentions: ``data`` is absent, nothing is returned and since_id is kept."""
        fake.on("GET", MENTIONS, Reply(fixture="x_empty.json"))
        result = await x(fake, session, streams=("mentions",)).fetch({"mentions_since": "42"})
        assert result.items == [] and result.cursor == {"mentions_since": "42"}

    async def test_an_empty_page_with_a_next_token_is_followed(self, fake, session):
        fake.on("GET", MENTIONS, Reply(fixture="x_empty_with_next_token.json"), Reply(fixture="x_mentions_page2.json"))
        result = await x(fake, session, streams=("mentions",)).fetch({})
        assert len(result.items) == 2
        assert fake.calls(MENTIONS)[1].query["pagination_token"] == "b26v89c19zqg8o3fpzbkk0mn1r2k"
        assert result.cursor == {"mentions_since": "1790000000000000002"}

    async def test_max_pages_caps_the_bill(self, fake, session):
        fake.on("GET", MENTIONS, Reply(fixture="x_mentions_page1.json"))
        await x(fake, session, streams=("mentions",), max_pages=2).fetch({})
        assert len(fake.calls(MENTIONS)) == 2


class TestOwnPostsAndSearch:
    async def test_own_posts_are_own_post(self, fake, session):
        fake.on("GET", TWEETS, Reply(fixture="x_own_tweets.json"))
        result = await x(fake, session, streams=("own_posts",)).fetch({})
        (post,) = result.items
        assert post.own_post and post.source == "own" and post.author_handle == "OakfieldSch"
        assert result.cursor == {"own_since": "1790000000000000100"}

    async def test_search_hits_are_mentions_and_a_post_also_in_mentions_stays_own(self, fake, session):
        """The school's names are ORed into one query without retweets; mentions win over search."""
        fake.on("GET", MENTIONS, Reply(fixture="x_mentions_page2.json"), Reply(fixture="x_mentions_page1.json"))
        fake.on("GET", SEARCH, Reply(fixture="x_search.json"))
        result = await x(fake, session, streams=("mentions", "search"), max_pages=1).fetch({})
        query = fake.calls(SEARCH)[0].query["query"]
        assert query == '("Oakfield School" OR "Oakfield Academy") -is:retweet -from:OakfieldSch'
        by_id = {i.platform_id: i for i in result.items}
        assert by_id["1790000000000000200"].source == "mention"
        assert set(result.cursor) == {"mentions_since", "search_since_0"}

    async def test_replies_are_a_search_to_the_handle_and_are_own(self, fake, session):
        fake.on("GET", SEARCH, Reply(fixture="x_search.json"))
        result = await x(fake, session, streams=("replies",)).fetch({})
        assert fake.calls(SEARCH)[0].query["query"] == "to:OakfieldSch -from:OakfieldSch is:reply"
        assert all(i.source == "own" for i in result.items)

    async def test_a_since_id_too_old_for_search_is_dropped_and_the_search_retried(self, fake, session):
        fake.on("GET", SEARCH, Reply(status=400, fixture="x_400_invalid_since_id.json"), Reply(fixture="x_search.json"))
        result = await x(fake, session, streams=("search",)).fetch({"search_since_0": "1700000000000000000"})
        first, second = fake.calls(SEARCH)
        assert first.query["since_id"] == "1700000000000000000" and "since_id" not in second.query
        assert result.cursor == {"search_since_0": "1790000000000000200"}

    def test_long_name_lists_are_split_under_512_characters(self):
        names = [f"Oakfield School number {n} with a very long alias" for n in range(30)]
        queries = build_search_queries(names, exclude_handle="OakfieldSch")
        assert len(queries) > 1 and all(len(q) <= 512 for q in queries)
        assert sum(q.count('"') for q in queries) == 60


class TestFailures:
    async def test_429_is_unavailable_until_the_reset_header(self, fake, session):
        reset = int(time.time()) + 600
        fake.on("GET", MENTIONS, Reply(status=429, fixture="x_429_rate_limited.json", headers={
            "x-rate-limit-limit": "300", "x-rate-limit-remaining": "0", "x-rate-limit-reset": str(reset)}))
        with pytest.raises(SourceUnavailable) as err:
            await x(fake, session, streams=("mentions",)).fetch({})
        assert 590 <= err.value.retry_after <= 600

    async def test_a_usage_capped_429_is_quota_exhausted_not_retried(self, fake, session):
        fake.on("GET", MENTIONS, Reply(status=429, fixture="x_429_usage_capped.json",
                                       content_type="application/problem+json",
                                       headers={"x-rate-limit-remaining": "299"}))
        with pytest.raises(SourceQuotaExhausted, match="Monthly product cap"):
            await x(fake, session, streams=("mentions",)).fetch({})

    async def test_402_credits_depleted_is_quota_exhausted(self, fake, session):
        fake.on("GET", MENTIONS, Reply(status=402, fixture="x_402_credits_depleted.json"))
        with pytest.raises(SourceQuotaExhausted, match="credits"):
            await x(fake, session, streams=("mentions",)).fetch({})

    async def test_401_is_auth_failed(self, fake, session):
        fake.on("GET", MENTIONS, Reply(status=401, fixture="x_401_unauthorized.json"))
        with pytest.raises(SourceAuthFailed):
            await x(fake, session, streams=("mentions",)).fetch({})

    async def test_a_404_on_the_user_id_is_misconfigured(self, fake, session):
        fake.on("GET", TWEETS, Reply(status=404, json={"title": "Not Found Error", "detail": "no such user"}))
        with pytest.raises(SourceMisconfigured, match="check user_id"):
            await x(fake, session, streams=("own_posts",)).fetch({})

    async def test_an_html_503_page_is_unavailable_not_a_content_type_crash(self, fake, session):
        fake.on("GET", MENTIONS, Reply(status=503, fixture="html_error_page.html"))
        with pytest.raises(SourceUnavailable, match="503"):
            await x(fake, session, streams=("mentions",)).fetch({})

    async def test_a_json_500_is_unavailable(self, fake, session):
        fake.on("GET", MENTIONS, Reply(status=500, json={"title": "Internal Error"}))
        with pytest.raises(SourceUnavailable, match="500"):
            await x(fake, session, streams=("mentions",)).fetch({})

    async def test_truncated_json_in_a_200_is_unavailable(self, fake, session):
        fake.on("GET", MENTIONS, Reply(fixture="x_truncated.json"))
        with pytest.raises(SourceUnavailable, match="malformed"):
            await x(fake, session, streams=("mentions",)).fetch({})

    async def test_an_unreadable_error_body_is_unavailable_but_a_bug_is_a_bug(self, fake, session):
        """Issue 15: truncated JSON in an error body is X's outage; a TypeError or AttributeError is a bug, and
        reaches the poller (which logs it with its traceback as ``source_bug``) instead of passing for an outage."""
        import json

        conn = x(fake, session, streams=("mentions",))

        def raising(exc: Exception):
            async def call(**_: object) -> object:
                raise exc
            return call

        with pytest.raises(SourceUnavailable, match="malformed error body"):
            await conn._call(raising(json.JSONDecodeError("Expecting value", "", 0)))
        for bug in (TypeError("'NoneType' object is not subscriptable"), AttributeError("x"), ValueError("y")):
            with pytest.raises(type(bug)):
                await conn._call(raising(bug))

    async def test_a_slow_server_is_unavailable(self, fake, session):
        fake.on("GET", MENTIONS, Reply(fixture="x_empty.json", delay=1.0))
        with pytest.raises(SourceUnavailable, match="within"):
            await x(fake, session, streams=("mentions",), timeout_seconds=0.1).fetch({})


class TestWiring:
    def test_tweepy_uses_the_shared_session_and_never_waits_on_rate_limits(self, session):
        cfg = ADAPTER.validate_python({"type": "x", "name": "x", "user_id": "1", "handle": "Oak"})
        conn = build_connector(cfg, session, school_names=["Oak"], environ=ENV)
        assert isinstance(conn.client, AsyncClient)
        assert conn.client.session is session and conn.client.wait_on_rate_limit is False

    async def test_user_context_signs_requests_with_oauth1(self, fake, session):
        fake.on("GET", TWEETS, Reply(fixture="x_own_tweets.json"))
        env = {"XK": "ck", "XS": "cs", "XT": "at", "XTS": "ats"}
        cfg = x(fake, session, streams=("own_posts",)).cfg.model_copy(update={
            "consumer_key_secret": "XK", "consumer_secret_secret": "XS",
            "access_token_secret": "XT", "access_token_secret_secret": "XTS"})
        conn = build_connector(cfg, session, school_names=["Oak"], environ=env)
        assert isinstance(conn.client.session, HostRewritingSession)
        await conn.fetch({})
        auth = fake.calls(TWEETS)[0].headers["Authorization"]
        assert auth.startswith("OAuth ") and 'oauth_consumer_key="ck"' in auth

    def test_a_missing_secret_names_the_source_and_key(self, session):
        cfg = ADAPTER.validate_python({"type": "x", "name": "x-school", "user_id": "1", "handle": "Oak"})
        with pytest.raises(SecretMissing, match=r"x-school.*bearer_token_secret.*X_BEARER_TOKEN"):
            build_connector(cfg, session, school_names=["Oak"], environ={})


class TestWhatRealXAnswers:
    """Shapes from X's OpenAPI spec (xdevplatform/xdk specs/openapi.json): a 200 may carry ``errors`` (Problem
    objects) with or without ``data``; ``since_id`` is ``^[0-9]{1,19}$``; ``meta.newest_id`` is optional."""

    async def test_an_unknown_user_id_answered_200_with_only_errors_is_a_config_error(self, fake, session):
        """X says "Could not find user with id" in a 200: not 0 items and a success, but a failure the operator
        hears about (SourceAuthFailed stops the source and emails the operator)."""
        fake.on("GET", MENTIONS, Reply(fixture="x_200_unknown_user.json"))
        with pytest.raises(SourceMisconfigured, match=r"user_id.*Could not find user with id") as err:
            await x(fake, session, streams=("mentions",)).fetch({"mentions_since": "42"})
        assert isinstance(err.value, SourceAuthFailed)  # still stops the source where only that is known
        assert "987654321" in str(err.value) and "numeric id" in str(err.value)

    async def test_an_unknown_user_id_makes_the_source_misconfigured_and_tells_the_operator(
        self, fake, session, store: Store, db: Db, clock: FakeClock
    ):
        """Through the real poller: health says ``misconfigured`` (not ``auth_failed``: no token to renew) and
        the operator is told to fix the ids in the config."""
        fake.on("GET", MENTIONS, Reply(fixture="x_200_unknown_user.json"))
        told: list[tuple[str, str]] = []
        p = _poller(x(fake, session, streams=("mentions",)), store, clock, told)
        await p.poll_once()
        [h] = repo.source_health(db)
        assert h["status"] == "misconfigured" and "Could not find user with id" in h["last_error"]
        [(status, body)] = told
        assert status == "misconfigured" and "right ids" in body

    async def test_errors_next_to_data_are_logged_and_the_data_kept(self, fake, session):
        fake.on("GET", MENTIONS, Reply(fixture="x_200_partial_errors.json"))
        with capture_logs() as logs:
            result = await x(fake, session, streams=("mentions",)).fetch({})
        assert [i.platform_id for i in result.items] == ["1790000000000000005"]
        (event,) = [e for e in logs if e["event"] == "x_partial_errors"]
        assert event["log_level"] == "warning" and event["stream"] == "mentions_since"
        assert "Could not find tweet with referenced_tweets.id" in event["errors"][0]

    @pytest.mark.parametrize(
        ("stream", "path", "key"),
        [("mentions", MENTIONS, "mentions_since"), ("own_posts", TWEETS, "own_since"),
         ("replies", SEARCH, "replies_since"), ("search", SEARCH, "search_since_0")],
    )
    async def test_a_refused_since_id_is_dropped_and_retried_on_every_stream(self, fake, session, stream, path, key):
        """A stored since_id X refuses (400) would fail every poll forever: it is dropped and the stream re-read."""
        fake.on("GET", path, Reply(status=400, fixture="x_400_invalid_since_id.json"),
                Reply(fixture="x_no_newest_id.json"))
        result = await x(fake, session, streams=(stream,)).fetch({key: "1700000000000000000"})
        first, second = fake.calls(path)
        assert first.query["since_id"] == "1700000000000000000" and "since_id" not in second.query
        assert result.cursor == {key: "1790000000000000011"} and len(result.items) == 3

    async def test_an_id_that_is_not_digits_is_never_sent_nor_stored(self, fake, session):
        fake.on("GET", MENTIONS, Reply(fixture="x_bad_newest_id.json"))
        result = await x(fake, session, streams=("mentions",)).fetch({"mentions_since": "12 OR 1=1"})
        assert "since_id" not in fake.calls(MENTIONS)[0].query
        assert result.cursor == {"mentions_since": "1790000000000000020"}

    async def test_a_missing_newest_id_falls_back_to_the_largest_id_seen(self, fake, session):
        """Without meta.newest_id the cursor would never move and every poll would re-read (and pay for) the
        same posts: the largest id in data is kept instead (ids compare as numbers, not strings)."""
        fake.on("GET", MENTIONS, Reply(fixture="x_no_newest_id.json"))
        result = await x(fake, session, streams=("mentions",)).fetch({"mentions_since": "42"})
        assert result.cursor == {"mentions_since": "1790000000000000011"}

    async def test_one_stream_refused_does_not_stop_the_others(self, fake, session):
        """Search refused (400, no since_id to drop): mentions and own posts still arrive and move their cursors;
        the search cursor is kept as it was; the failure is logged."""
        fake.on("GET", MENTIONS, Reply(fixture="x_mentions_page2.json"))
        fake.on("GET", SEARCH, Reply(status=400, fixture="x_400_invalid_query.json"))
        fake.on("GET", TWEETS, Reply(fixture="x_own_tweets.json"))
        with capture_logs() as logs:
            result = await x(fake, session, streams=("mentions", "own_posts", "search")).fetch(
                {"search_since_0": "1790000000000000000"})
        assert {i.platform_id for i in result.items} == {
            "1790000000000000002", "1790000000000000001", "1790000000000000100"}
        assert result.cursor == {"mentions_since": "1790000000000000002", "own_since": "1790000000000000100",
                                 "search_since_0": "1790000000000000000"}
        (event,) = [e for e in logs if e["event"] == "x_stream_failed"]
        assert event["stream"] == "search_since_0" and "invalid operator" in event["error"]
        # and the poller hears of it (source health "degraded"), not only the log
        (warning,) = result.warnings
        assert warning.startswith("search: ") and "invalid operator" in warning

    async def test_a_clean_fetch_has_no_warnings(self, fake, session):
        fake.on("GET", MENTIONS, Reply(fixture="x_mentions_page2.json"))
        fake.on("GET", TWEETS, Reply(fixture="x_own_tweets.json"))
        result = await x(fake, session, streams=("mentions", "own_posts")).fetch({})
        assert result.warnings == [] and len(result.items) == 3

    async def test_one_stream_timing_out_does_not_stop_the_others(self, fake, session):
        fake.on("GET", MENTIONS, Reply(fixture="x_mentions_page2.json", delay=1.0))
        fake.on("GET", TWEETS, Reply(fixture="x_own_tweets.json"))
        result = await x(fake, session, streams=("mentions", "own_posts"), timeout_seconds=0.3).fetch(
            {"mentions_since": "42"})
        assert [i.platform_id for i in result.items] == ["1790000000000000100"]
        assert result.cursor == {"mentions_since": "42", "own_since": "1790000000000000100"}

    def test_the_poll_budget_is_one_request_timeout_per_stream_with_one_to_spare(self, fake, session):
        assert x(fake, session, streams=("mentions",)).poll_budget == pytest.approx(1.0)
        four = x(fake, session, streams=("mentions", "replies", "own_posts", "search"), timeout_seconds=30)
        assert four.poll_budget == pytest.approx(150.0)

    async def test_one_slow_stream_does_not_fail_the_whole_poll_in_the_poller(
        self, fake, session, store: Store, db: Db, clock: FakeClock
    ):
        """Through the real poller, which bounds a poll by the source's timeout_seconds unless the connector sets
        a poll_budget: mentions take longer than one request may, own posts answer at once. The own post is
        stored and its cursor moved; the source is ``degraded``, naming the slow stream, not ``failing``."""
        fake.on("GET", MENTIONS, Reply(fixture="x_mentions_page2.json", delay=1.0))
        fake.on("GET", TWEETS, Reply(fixture="x_own_tweets.json"))
        conn = x(fake, session, streams=("mentions", "own_posts"), timeout_seconds=0.3)
        told: list[tuple[str, str]] = []
        await _poller(conn, store, clock, told).poll_once()
        [h] = repo.source_health(db)
        assert h["status"] == "degraded", h
        assert h["last_error"].startswith("mentions: ") and "within 0.3s" in h["last_error"]
        assert [r[0] for r in db.execute("SELECT platform_id FROM items")] == ["1790000000000000100"]
        assert repo.load_cursor(db, "x-school") == {"own_since": "1790000000000000100"}
        assert told == []

    async def test_every_stream_failing_is_a_failed_poll(self, fake, session):
        fake.on("GET", MENTIONS, Reply(status=503, fixture="html_error_page.html"))
        fake.on("GET", SEARCH, Reply(status=400, fixture="x_400_invalid_query.json"))
        with pytest.raises(SourceUnavailable, match="503"):
            await x(fake, session, streams=("mentions", "search")).fetch({})
