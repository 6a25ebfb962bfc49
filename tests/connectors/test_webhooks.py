"""Meta webhook routes, served by a real aiohttp app on loopback."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from watchtower.connectors.webhooks import meta_webhook_routes, valid_signature
from watchtower.models import Item

from .conftest import fixture_bytes

SECRET = "app-secret"


def sign(body: bytes, secret: str = SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@pytest.fixture
async def hook():
    received: list[list[Item]] = []
    fail = {"on": False}

    async def on_items(items: list[Item]) -> None:
        if fail["on"]:
            raise RuntimeError("queue full")
        received.append(items)

    app = web.Application()
    app.add_routes(meta_webhook_routes(verify_token="verify-me", app_secret=SECRET, on_items=on_items,
                                       page_id="111", ig_user_id="17841400000000000"))
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
