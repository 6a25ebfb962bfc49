"""Platform actions against local servers speaking each platform's request and response shapes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from aiohttp import web

from conftest import both_stores
from watchtower.platform_actions.model import NotPossible
from watchtower.platform_actions.service import request_action
from watchtower.store import repo

from .conftest import Harness, Reply, add

pytestmark = both_stores

GRAPH_PERMISSION = {"error": {"message": "(#200) Requires pages_manage_engagement permission to manage the object",
                              "type": "OAuthException", "code": 200, "fbtrace_id": "AbC"}}
GRAPH_GONE = {"error": {"message": "Unsupported delete request. Object with ID '1_2' does not exist, cannot be loaded "
                        "due to missing permissions, or does not support this operation",
                        "type": "GraphMethodException",
                        "code": 100, "error_subcode": 33, "fbtrace_id": "AbD"}}
GRAPH_THROTTLED = {"error": {"message": "(#32) Page request limit reached", "type": "OAuthException", "code": 32,
                             "fbtrace_id": "AbE"}}


async def ask(h: Harness, item_id: int, kind: str, *, by: str = "amy@oakfield.example", role: str = "moderator",
              **kw: Any) -> tuple[int | None, str]:
    now = h.clock()
    return await h.store.write(lambda db: request_action(db, h.config, item_id, kind, actor=by, role=role,
                                                         channel="dashboard", now=now, **kw))


async def test_facebook_hide_then_removed_notice_reply(h: Harness) -> None:
    h.fake.on("POST", "/v25.0/111_222", Reply(json={"success": True}))
    h.fake.on("POST", "/v25.0/111_222/comments", Reply(json={"id": "111_999"}))
    item_id = await add(h.store, h.config, h.clock, platform="facebook", platform_id="111_222")

    _, plan = await ask(h, item_id, "hide")
    assert plan.startswith("Facebook: hide the comment") and "POST /v25.0/111_222?is_hidden=true" in plan
    await ask(h, item_id, "reply", template="removed", reason="it named a member of staff")
    assert h.fake.requests == []  # rows first: nothing is called until the worker runs
    assert await h.worker.flush() == 2

    [hide] = h.fake.calls("/v25.0/111_222", "POST")
    form = dict(x.split("=", 1) for x in hide.body.decode().split("&"))
    assert form["is_hidden"] == "true" and form["access_token"] == "fb-page-token"
    [reply] = h.fake.calls("/v25.0/111_222/comments", "POST")
    assert b"named+a+member+of+staff" in reply.body and b"Oakfield+Academy" in reply.body
    rows = await h.rows(item_id)
    assert [(r["kind"], r["status"]) for r in rows] == [("hide", "done"), ("reply", "done")]
    assert json.loads(rows[1]["result"]) == {"id": "111_999"}
    audit = await h.audit(item_id)
    assert "platform:hide:requested" in audit and "platform:hide:done" in audit and "platform:reply:done" in audit
    item = await h.store.read(lambda db: repo.get_item(db, item_id))
    assert item is not None and item.acknowledged_by == "amy@oakfield.example"  # a reply acknowledges
    actions = await h.store.read(lambda db: db.execute(
        "SELECT action FROM actions WHERE item_id = ? ORDER BY id", [item_id]).fetchall())
    assert [a[0] for a in actions] == ["hidden", "replied"]


async def test_facebook_permission_error_fails_clearly_once(h: Harness) -> None:
    h.fake.on("POST", "/v25.0/1_2", Reply(status=403, json=GRAPH_PERMISSION))
    item_id = await add(h.store, h.config, h.clock, platform="facebook", platform_id="1_2")
    await ask(h, item_id, "hide")
    await h.worker.flush()
    [row] = await h.rows(item_id)
    assert row["status"] == "failed"
    assert row["last_error"].startswith("this token lacks pages_manage_engagement: see connectors/facebook.md")
    h.clock.advance(3600)
    await h.worker.flush()
    assert len(h.fake.calls("/v25.0/1_2", "POST")) == 1  # never retried
    assert "platform:hide:failed" in await h.audit(item_id)


async def test_facebook_rate_limit_and_5xx_retry_with_backoff(h: Harness) -> None:
    usage = json.dumps({"1042": [{"type": "pages", "call_count": 100, "estimated_time_to_regain_access": 2}]})
    h.fake.on("POST", "/v25.0/1_3", Reply(status=400, json=GRAPH_THROTTLED,
                                          headers={"X-Business-Use-Case-Usage": usage}),
              Reply(status=503, body="<html>down</html>", content_type="text/html"),
              Reply(json={"success": True}))
    item_id = await add(h.store, h.config, h.clock, platform="facebook", platform_id="1_3")
    await ask(h, item_id, "hide")
    await h.worker.flush()
    [row] = await h.rows(item_id)
    assert row["status"] == "pending" and "rate limited by Meta" in row["last_error"]
    h.clock.advance(60)
    assert await h.worker.flush() == 0  # Meta said two minutes
    assert len(h.fake.requests) == 1
    h.clock.advance(61)
    await h.worker.flush()  # the 503 outage page
    [row] = await h.rows(item_id)
    assert row["status"] == "pending" and row["attempts"] == 2
    h.clock.advance(20)  # backoff 10 s, doubled
    await h.worker.flush()
    [row] = await h.rows(item_id)
    assert row["status"] == "done" and len(h.fake.requests) == 3


async def test_delete_keeps_evidence_and_already_deleted_counts_as_done(h: Harness) -> None:
    h.fake.on("DELETE", "/v25.0/1_4", Reply(status=400, json=GRAPH_GONE))
    item_id = await add(h.store, h.config, h.clock, platform="facebook", platform_id="1_4")
    await ask(h, item_id, "delete")
    [row] = await h.rows(item_id)
    snap = json.loads(row["evidence"])
    assert snap["content"]["text"] == "you are all useless" and row["evidence_sha256"] == snap["content_sha256"]
    assert "evidence_exported" in await h.audit(item_id)
    await h.worker.flush()
    [row] = await h.rows(item_id)
    assert row["status"] == "done" and "already_gone" in json.loads(row["result"])
    assert h.fake.calls("/v25.0/1_4", "DELETE")[0].query["access_token"] == "fb-page-token"


async def test_facebook_ban_uses_page_blocked_edge(h: Harness) -> None:
    h.fake.on("POST", "/v25.0/1042/blocked", Reply(json={"9876": True}))
    item_id = await add(h.store, h.config, h.clock, platform="facebook", platform_id="1_5")
    await ask(h, item_id, "ban")
    await h.worker.flush()
    [call] = h.fake.calls("/v25.0/1042/blocked", "POST")
    assert b"user=9876" in call.body
    [row] = await h.rows(item_id)
    assert row["status"] == "done" and row["evidence_sha256"]


async def test_safeguarding_item_cannot_be_deleted_by_a_moderator(h: Harness) -> None:
    item_id = await add(h.store, h.config, h.clock, platform="facebook", platform_id="1_6",
                        categories=["safeguarding"])
    with pytest.raises(NotPossible, match="only the DSL or the headteacher may delete: hide it instead"):
        await ask(h, item_id, "delete")
    await ask(h, item_id, "hide")  # hiding is open to the moderator
    action_id, _ = await ask(h, item_id, "delete", by="dsl@oakfield.example", role="dsl")
    assert action_id is not None
    assert [r["kind"] for r in await h.rows(item_id)] == ["hide", "delete"]


async def test_mentions_admins_and_unsupported_kinds_are_refused(h: Harness) -> None:
    mention = await add(h.store, h.config, h.clock, platform="facebook", platform_id="1_7", source="mention")
    with pytest.raises(NotPossible, match="public mention"):
        await ask(h, mention, "hide")
    own = await add(h.store, h.config, h.clock, platform="x", platform_id="1790000000000000001")
    with pytest.raises(NotPossible, match="does not let the school delete"):
        await ask(h, own, "delete")
    with pytest.raises(NotPossible, match="not act on them"):
        await ask(h, own, "hide", role="admin")


async def test_same_request_twice_is_one_row(h: Harness) -> None:
    h.fake.on("POST", "/v25.0/1_8/comments", Reply(json={"id": "1_9"}))
    item_id = await add(h.store, h.config, h.clock, platform="facebook", platform_id="1_8")
    first, _ = await ask(h, item_id, "reply", text="Thank you")
    again, _ = await ask(h, item_id, "reply", text="Thank you")
    assert first is not None and again is None
    await h.worker.flush()
    await h.worker.flush()
    assert len(h.fake.requests) == 1


async def test_restart_between_the_row_and_the_call_does_it_once(h: Harness) -> None:
    h.fake.on("POST", "/v25.0/2_1", Reply(json={"success": True}))
    h.fake.on("POST", "/v25.0/2_2/comments", Reply(json={"id": "2_9"}))
    hide_item = await add(h.store, h.config, h.clock, platform="facebook", platform_id="2_1")
    reply_item = await add(h.store, h.config, h.clock, platform="facebook", platform_id="2_2")
    await ask(h, hide_item, "hide")
    await ask(h, reply_item, "reply", text="Thank you")
    # the daemon stops after writing the rows: a new worker (the next start) does each once
    restarted = h.new_worker()
    await restarted.recover()
    assert await restarted.flush() == 2
    await h.new_worker().recover()
    assert await h.new_worker().flush() == 0
    assert len(h.fake.requests) == 2


async def test_stop_mid_call_redoes_a_hide_but_never_resends_a_reply(h: Harness) -> None:
    h.fake.on("POST", "/v25.0/3_1", Reply(json={"success": True}))
    hide_item = await add(h.store, h.config, h.clock, platform="facebook", platform_id="3_1")
    reply_item = await add(h.store, h.config, h.clock, platform="facebook", platform_id="3_2")
    hide_id, _ = await ask(h, hide_item, "hide")
    reply_id, _ = await ask(h, reply_item, "reply", text="Thank you")
    now = h.clock()
    for action_id in (hide_id, reply_id):  # claimed, then the process died before the answer was recorded
        assert action_id is not None
        await h.store.write(lambda db, a=action_id: repo.claim_platform_action(db, a, now=now))
    restarted = h.new_worker()
    await restarted.recover()
    await restarted.flush()
    [hide] = await h.rows(hide_item)
    [reply] = await h.rows(reply_item)
    assert hide["status"] == "done"  # hiding twice leaves it hidden
    assert reply["status"] == "uncertain" and "check on the platform" in reply["last_error"]
    assert h.fake.calls("/v25.0/3_2/comments", "POST") == []


async def test_dry_run_calls_nothing(make_harness: Any) -> None:
    h = await make_harness(dry_run=True)
    try:
        item_id = await add(h.store, h.config, h.clock, platform="facebook", platform_id="4_1")
        _, plan = await ask(h, item_id, "hide")
        assert "DRY RUN" in plan
        await h.worker.flush()
        [row] = await h.rows(item_id)
        assert row["status"] == "dry_run" and h.fake.requests == []
        assert "platform:hide:dry_run" in await h.audit(item_id)
    finally:
        await h.store.close()


async def test_instagram_hide_and_reply(h: Harness) -> None:
    h.fake.on("POST", "/v25.0/17870913679156914", Reply(json={"success": True}))
    h.fake.on("POST", "/v25.0/17870913679156914/replies", Reply(json={"id": "17873440459141021"}))
    item_id = await add(h.store, h.config, h.clock, platform="instagram", platform_id="17870913679156914")
    await ask(h, item_id, "hide")
    await ask(h, item_id, "reply", template="acknowledgement")
    await h.worker.flush()
    assert b"hide=true" in h.fake.calls("/v25.0/17870913679156914", "POST")[0].body
    body = h.fake.calls("/v25.0/17870913679156914/replies", "POST")[0].body.decode()
    assert "received+your+message" in body
    assert [r["status"] for r in await h.rows(item_id)] == ["done", "done"]


def _token_endpoint(request: web.Request) -> Reply:
    return Reply(json={"access_token": "ya29.fresh", "expires_in": 3599, "token_type": "Bearer"})


async def test_youtube_hold_reject_ban_and_reply(h: Harness) -> None:
    h.fake.on("POST", "/token", _token_endpoint)
    h.fake.on("POST", "/youtube/v3/comments/setModerationStatus", Reply(status=204))
    h.fake.on("POST", "/youtube/v3/comments", Reply(json={"kind": "youtube#comment", "id": "UgzTop.8xReply",
                                                          "snippet": {"parentId": "UgzTop"}}))
    item_id = await add(h.store, h.config, h.clock, platform="youtube", platform_id="UgzTop.8xAbc",
                        handle="UCauthor00000000")
    _, plan = await ask(h, item_id, "hide")
    assert "moderationStatus=heldForReview" in plan
    await ask(h, item_id, "reply", text="We have removed this comment.")
    await ask(h, item_id, "ban")
    await h.worker.flush()
    calls = h.fake.calls("/youtube/v3/comments/setModerationStatus", "POST")
    assert [(c.query["moderationStatus"], c.query.get("banAuthor")) for c in calls] == [
        ("heldForReview", None), ("rejected", "true")]
    assert all(c.headers["Authorization"] == "Bearer ya29.fresh" for c in calls)
    [reply] = h.fake.calls("/youtube/v3/comments", "POST")
    assert reply.query == {"part": "snippet"}
    assert reply.json() == {"snippet": {"parentId": "UgzTop", "textOriginal": "We have removed this comment."}}
    assert len(h.fake.calls("/token", "POST")) == 1  # the access token is kept
    assert [r["status"] for r in await h.rows(item_id)] == ["done", "done", "done"]


async def test_youtube_forbidden_and_quota(h: Harness) -> None:
    h.fake.on("POST", "/token", _token_endpoint)
    forbidden = {"error": {"code": 403, "message": "The comment could not be updated due to insufficient "
                           "permissions.", "errors": [{"message": "...", "domain": "youtube.comment",
                                                       "reason": "forbidden"}]}}
    quota = {"error": {"code": 403, "message": "quota", "errors": [{"domain": "youtube.quota",
                                                                    "reason": "quotaExceeded"}]}}
    h.fake.on("POST", "/youtube/v3/comments/setModerationStatus", Reply(status=403, json=quota),
              Reply(status=403, json=forbidden))
    item_id = await add(h.store, h.config, h.clock, platform="youtube", platform_id="Ugz1")
    await ask(h, item_id, "hide")
    await h.worker.flush()
    [row] = await h.rows(item_id)
    assert row["status"] == "pending" and "quota" in row["last_error"]
    h.clock.advance(3601)
    await h.worker.flush()
    [row] = await h.rows(item_id)
    assert row["status"] == "failed" and "youtube.force-ssl" in row["last_error"]
    assert "connectors/youtube.md" in row["last_error"]


async def test_x_hide_reply_and_reply_as_the_school(h: Harness) -> None:
    h.fake.on("PUT", "/2/tweets/1790000000000000001/hidden", Reply(json={"data": {"hidden": True}}))
    h.fake.on("POST", "/2/tweets", Reply(status=201, json={"data": {"id": "1790000000000000099",
                                                                    "text": "We have hidden a reply"}}))
    item_id = await add(h.store, h.config, h.clock, platform="x", platform_id="1790000000000000001")
    await ask(h, item_id, "hide")
    await ask(h, item_id, "reply", text="We have hidden a reply")
    await h.worker.flush()
    [hide] = h.fake.calls("/2/tweets/1790000000000000001/hidden", "PUT")
    assert hide.json() == {"hidden": True} and hide.headers["Authorization"].startswith("OAuth ")
    [post] = h.fake.calls("/2/tweets", "POST")
    assert post.json() == {"text": "We have hidden a reply",
                           "reply": {"in_reply_to_tweet_id": "1790000000000000001"}}
    assert [r["status"] for r in await h.rows(item_id)] == ["done", "done"]


async def test_x_forbidden_and_rate_limit(h: Harness) -> None:
    problem = {"detail": "You are not permitted to hide this Tweet.", "title": "Forbidden", "status": 403,
               "type": "about:blank"}
    h.fake.on("PUT", "/2/tweets/1790000000000000002/hidden",
              Reply(status=429, json={"title": "Too Many Requests", "detail": "Too Many Requests",
                                      "type": "about:blank", "status": 429},
                    headers={"x-rate-limit-reset": "0"}),
              Reply(status=403, json=problem))
    item_id = await add(h.store, h.config, h.clock, platform="x", platform_id="1790000000000000002")
    await ask(h, item_id, "hide")
    await h.worker.flush()
    [row] = await h.rows(item_id)
    assert row["status"] == "pending"
    h.clock.advance(60)
    await h.worker.flush()
    [row] = await h.rows(item_id)
    assert row["status"] == "failed" and "conversation the school started" in row["last_error"]


async def test_mastodon_reply_with_idempotency_key_and_block(h: Harness) -> None:
    h.fake.on("POST", "/api/v1/statuses", Reply(json={"id": "1100", "url": "https://m.example/@oak/1100"}))
    h.fake.on("GET", "/api/v1/accounts/lookup", Reply(json={"id": "77", "acct": "troll@else.example"}))
    h.fake.on("POST", "/api/v1/accounts/77/block", Reply(json={"id": "77", "blocking": True}))
    item_id = await add(h.store, h.config, h.clock, platform="mastodon", platform_id="https://else.example/s/1",
                        source="mention", handle="troll@else.example", extra={"id": "1099"})
    with pytest.raises(NotPossible):
        await ask(h, item_id, "ban")  # a mention: only a reply
    await ask(h, item_id, "reply", text="Please contact the school office.")
    await h.worker.flush()
    [post] = h.fake.calls("/api/v1/statuses", "POST")
    assert post.headers["Idempotency-Key"].startswith(f"{item_id}:reply:")
    assert b"in_reply_to_id=1099" in post.body and b"%40troll%40else.example" in post.body
    assert post.headers["Authorization"] == "Bearer masto-token"


async def test_mastodon_missing_scope(h: Harness) -> None:
    h.fake.on("POST", "/api/v1/statuses", Reply(status=403, json={
        "error": "This action is outside the authorized scopes"}))
    item_id = await add(h.store, h.config, h.clock, platform="mastodon", platform_id="https://m/s/2",
                        source="mention", handle="p@m", extra={"id": "2"})
    await ask(h, item_id, "reply", text="Hello")
    await h.worker.flush()
    [row] = await h.rows(item_id)
    assert row["status"] == "failed" and row["last_error"].startswith("this token lacks write:statuses")


async def test_bluesky_reply_has_a_fixed_record_key(h: Harness) -> None:
    uri = "at://did:plc:parent/app.bsky.feed.post/3kabc"
    h.fake.on("POST", "/xrpc/com.atproto.server.createSession",
              Reply(json={"accessJwt": "jwt", "refreshJwt": "r", "did": "did:plc:school", "handle": "oak"}))
    h.fake.on("GET", "/xrpc/app.bsky.feed.getPosts", Reply(json={"posts": [{
        "uri": uri, "cid": "bafyparent", "author": {"did": "did:plc:parent", "handle": "p.bsky.social"},
        "record": {"text": "hi", "createdAt": "2026-03-02T09:00:00Z",
                   "reply": {"root": {"uri": "at://did:plc:school/app.bsky.feed.post/root", "cid": "bafyroot"},
                             "parent": {"uri": "at://x", "cid": "y"}}}}]}))
    h.fake.on("POST", "/xrpc/com.atproto.repo.createRecord",
              Reply(json={"uri": "at://did:plc:school/app.bsky.feed.post/3kzzz", "cid": "bafynew"}),
              Reply(status=400, json={"error": "InvalidRequest", "message": "Record already exists"}))
    item_id = await add(h.store, h.config, h.clock, platform="bluesky", platform_id=uri, source="mention",
                        handle="p.bsky.social", extra={"cid": "bafyparent"})
    action_id, _ = await ask(h, item_id, "reply", text="Thank you")
    await h.worker.flush()
    [create] = h.fake.calls("/xrpc/com.atproto.repo.createRecord", "POST")
    body = create.json()
    assert body["record"]["reply"] == {"root": {"uri": "at://did:plc:school/app.bsky.feed.post/root",
                                                "cid": "bafyroot"}, "parent": {"uri": uri, "cid": "bafyparent"}}
    assert body["repo"] == "did:plc:school" and len(body["rkey"]) == 13
    # a stop mid-call: the same record key comes back, the PDS refuses a second post, and that counts as done
    assert action_id is not None
    await h.store.write(lambda db: db.execute(
        "UPDATE platform_actions SET status = 'sending' WHERE id = ?", [action_id]))
    restarted = h.new_worker()
    await restarted.recover()
    await restarted.flush()
    second = h.fake.calls("/xrpc/com.atproto.repo.createRecord", "POST")[1].json()
    assert second["rkey"] == body["rkey"]
    [row] = await h.rows(item_id)
    assert row["status"] == "done"
