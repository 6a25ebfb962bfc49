"""Meta webhook routes, served by a real aiohttp app on loopback."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from watchtower.config import parse_config
from watchtower.connectors.webhooks import (
    MetaAccount,
    meta_accounts,
    meta_webhook_routes,
    route_payload,
    valid_signature,
)
from watchtower.models import Item

from .conftest import fixture_bytes

SECRET = "app-secret"


def sign(body: bytes, secret: str = SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@pytest.fixture
async def hook():
    received: list[list[Item]] = []
    fail = {"on": False}

    async def on_items(batches: list[tuple[MetaAccount, list[Item]]]) -> None:
        if fail["on"]:
            raise RuntimeError("queue full")
        received.append([item for _, items in batches for item in items])

    app = web.Application()
    app.add_routes(meta_webhook_routes(verify_token="verify-me", app_secret=SECRET, on_items=on_items,
                                       accounts=[MetaAccount("facebook", "111", "page"),
                                                 MetaAccount("instagram", "17841400000000000", "ig")]))
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    async with aiohttp.ClientSession(base_url=f"http://127.0.0.1:{server.port}") as client:
        yield client, received, fail
    await server.close()


class TestHandshake:
    async def test_the_right_verify_token_gets_the_challenge_back(self, hook):
        client, _, _ = hook
        params = {"hub.mode": "subscribe", "hub.verify_token": "verify-me", "hub.challenge": "1158201444"}
        async with client.get("/webhooks/meta", params=params) as resp:
            assert resp.status == 200 and await resp.text() == "1158201444"

    async def test_a_wrong_verify_token_is_refused(self, hook):
        client, _, _ = hook
        params = {"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1"}
        async with client.get("/webhooks/meta", params=params) as resp:
            assert resp.status == 403


class TestDeliveries:
    async def test_a_signed_page_feed_delivery_becomes_items_with_the_pollers_ids(self, hook):
        client, received, _ = hook
        body = fixture_bytes("webhook_page_feed.json")
        async with client.post("/webhooks/meta", data=body, headers={"X-Hub-Signature-256": sign(body)}) as resp:
            assert resp.status == 200
        (items,) = received
        comment, status = items  # the reaction and the removal are not items
        assert comment.platform == "facebook" and comment.platform_id == "901_3"
        assert comment.parent_id == "901_1" and comment.source == "own" and not comment.own_post
        assert comment.url == "https://www.facebook.com/111/posts/901"
        assert comment.created_at == datetime.fromtimestamp(1772474651, tz=UTC)
        assert status.platform_id == "111_902" and status.own_post

    async def test_instagram_comments_in_both_payload_shapes(self, hook):
        client, received, _ = hook
        body = fixture_bytes("webhook_instagram_comments.json")
        async with client.post("/webhooks/meta", data=body, headers={"X-Hub-Signature-256": sign(body)}) as resp:
            assert resp.status == 200
        (items,) = received
        assert [i.platform_id for i in items] == ["18000000000000009", "18000000000000010"]
        assert items[0].parent_id == "17900000000000001" and items[0].author_handle == "a_parent"
        assert items[1].parent_id == "18000000000000009" and items[1].own_post

    @pytest.mark.parametrize("header", [None, "sha256=00", sign(b"other body"), sign(b"x", "wrong-secret")])
    async def test_a_missing_or_wrong_signature_is_refused_and_nothing_is_queued(self, hook, header):
        client, received, _ = hook
        body = fixture_bytes("webhook_page_feed.json")
        headers = {"X-Hub-Signature-256": header} if header else {}
        async with client.post("/webhooks/meta", data=body, headers=headers) as resp:
            assert resp.status == 403
        assert received == []

    async def test_the_signature_covers_the_raw_bytes_not_reparsed_json(self, hook):
        """Re-serialising the JSON would change the bytes: the signature of the exact body is what counts."""
        client, _, _ = hook
        body = b'{"object": "page",   "entry": []}'
        async with client.post("/webhooks/meta", data=body, headers={"X-Hub-Signature-256": sign(body)}) as resp:
            assert resp.status == 200
        assert not valid_signature(SECRET, b'{"object":"page","entry":[]}', sign(body))

    async def test_signed_garbage_is_a_400(self, hook):
        client, _, _ = hook
        body = b'{"object": "page", "entry": [tru'
        async with client.post("/webhooks/meta", data=body, headers={"X-Hub-Signature-256": sign(body)}) as resp:
            assert resp.status == 400

    async def test_a_failure_to_queue_answers_500_so_meta_delivers_again(self, hook):
        client, _, fail = hook
        fail["on"] = True
        body = fixture_bytes("webhook_page_feed.json")
        async with client.post("/webhooks/meta", data=body, headers={"X-Hub-Signature-256": sign(body)}) as resp:
            assert resp.status == 500


class TestManyAccounts:
    """A trust's one Meta app is subscribed by every school's Page and Instagram account: each entry of a delivery
    goes to the account it names, never to another school's."""

    OAK = MetaAccount("facebook", "111", "oakfield-facebook")
    CWM = MetaAccount("facebook", "222", "cwm-glas-facebook")
    CWM_IG = MetaAccount("instagram", "17841400000000000", "cwm-glas-instagram")

    @staticmethod
    def comment(page: str, comment_id: str, text: str) -> dict[str, object]:
        return {"field": "feed", "value": {"item": "comment", "verb": "add", "comment_id": comment_id,
                                           "post_id": f"{page}_1", "parent_id": f"{page}_1", "message": text,
                                           "from": {"id": "9876", "name": "A Parent"}, "created_time": 1772474651}}

    def test_each_entry_goes_to_the_account_it_names(self) -> None:
        payload = {"object": "page", "entry": [
            {"id": "222", "time": 1772474651, "changes": [self.comment("222", "1_2", "for Cwm Glas")]},
            {"id": "111", "time": 1772474652, "changes": [self.comment("111", "1_1", "for Oakfield"),
                                                          self.comment("111", "1_3", "Oakfield again")]},
            {"id": "333", "time": 1772474653, "changes": [self.comment("333", "1_4", "a Page nobody watches")]},
        ]}
        batches = route_payload(payload, [self.OAK, self.CWM, self.CWM_IG])
        assert [(a.key, [i.text for i in items]) for a, items in batches] == [
            ("cwm-glas-facebook", ["for Cwm Glas"]), ("oakfield-facebook", ["for Oakfield", "Oakfield again"])]

    def test_a_comment_by_the_page_itself_is_its_own_post_on_that_page_only(self) -> None:
        by_cwm = self.comment("222", "1_5", "Thanks for asking")
        by_cwm["value"]["from"] = {"id": "222", "name": "Ysgol Cwm Glas"}  # type: ignore[index]
        payload = {"object": "page", "entry": [{"id": "222", "changes": [by_cwm]},
                                               {"id": "111", "changes": [by_cwm]}]}
        (cwm, cwm_items), (oak, oak_items) = route_payload(payload, [self.OAK, self.CWM])
        assert (cwm.key, cwm_items[0].own_post) == ("cwm-glas-facebook", True)
        assert (oak.key, oak_items[0].own_post) == ("oakfield-facebook", False)

    def test_an_entry_without_an_id_is_taken_only_when_one_account_of_its_kind_is_watched(self) -> None:
        payload = {"object": "page", "entry": [{"changes": [self.comment("111", "1_6", "no entry id")]}]}
        assert route_payload(payload, [self.OAK, self.CWM]) == []
        ((account, items),) = route_payload(payload, [self.OAK, self.CWM_IG])
        assert account == self.OAK and items[0].platform_id == "1_6"

    def test_instagram_entries_go_to_instagram_accounts_only(self) -> None:
        body = json.loads(fixture_bytes("webhook_instagram_comments.json"))
        same_id_page = MetaAccount("facebook", "17841400000000000", "a-page-with-that-number")
        ((account, items),) = route_payload(body, [same_id_page, self.CWM_IG])
        assert account == self.CWM_IG and [i.platform for i in items] == ["instagram", "instagram"]

    def test_every_enabled_page_and_account_of_every_school_is_received_for(self) -> None:
        config = parse_config({
            "schools": [
                {"id": sid, "name": name, "people": people, "sources": sources}
                for sid, name, people, sources in (
                    ("oakfield", "Oakfield Academy", people("oakfield"), [
                        {"type": "facebook", "name": "oakfield-facebook", "page_id": "111"},
                        {"type": "rss", "name": "oakfield-news", "url": "https://news.example/oak.rss"},
                        {"type": "facebook", "name": "oakfield-old-page", "page_id": "444", "enabled": False}]),
                    ("cwm-glas", "Ysgol Cwm Glas", people("cwmglas"), [
                        {"type": "facebook", "name": "cwm-glas-facebook", "page_id": "222"},
                        {"type": "instagram", "name": "cwm-glas-instagram", "ig_user_id": "17841400000000000"},
                        {"type": "facebook", "name": "cwm-glas-copy", "page_id": "111"}]))],
            "webhooks": {"meta_enabled": True},
        })
        assert meta_accounts(config.all_sources) == [self.OAK, self.CWM, self.CWM_IG]
        assert any("'oakfield-facebook' and 'cwm-glas-copy' watch the same facebook account 111" in w
                   for w in config.warnings())
        assert not any("first" in w for w in config.warnings())


def people(domain: str) -> list[dict[str, object]]:
    return [{"name": "Mod One", "email": f"mod1@{domain}.example", "roles": ["moderator"]},
            {"name": "Mod Two", "email": f"mod2@{domain}.example", "roles": ["moderator", "headteacher"]},
            {"name": "DSL", "email": f"dsl@{domain}.example", "roles": ["dsl"]}]


async def test_the_accounts_are_asked_for_at_each_delivery_so_a_reloaded_config_applies_at_once() -> None:
    """The daemon passes a function over its current config: a school's Page added by SIGHUP gets its webhooks
    without a restart."""
    watched = [MetaAccount("facebook", "111", "oakfield-facebook")]
    received: list[list[tuple[str, str]]] = []

    async def on_items(batches: list[tuple[MetaAccount, list[Item]]]) -> None:
        received.append([(a.key, i.platform_id) for a, items in batches for i in items])

    app = web.Application()
    app.add_routes(meta_webhook_routes(verify_token="v", app_secret=SECRET, on_items=on_items,
                                       accounts=lambda: watched))
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    body = json.dumps({"object": "page", "entry": [
        {"id": "222", "time": 1772474651, "changes": [TestManyAccounts.comment("222", "2_1", "for the new Page")]}]})
    try:
        async with aiohttp.ClientSession(base_url=f"http://127.0.0.1:{server.port}") as client:
            for _ in range(2):
                async with client.post("/webhooks/meta", data=body.encode(),
                                       headers={"X-Hub-Signature-256": sign(body.encode())}) as resp:
                    assert resp.status == 200
                watched.append(MetaAccount("facebook", "222", "hillside-facebook"))  # the reload
    finally:
        await server.close()
    assert received == [[("hillside-facebook", "2_1")]]  # ignored before, stored after
