"""Detection latency: a post appears at a fake source -> its alert email is accepted by a real SMTP server.

One daemon watches RSS feeds and Facebook Pages (Graph API shape) on loopback; a Meta webhook endpoint
(``meta_webhook_routes``, mounted by ``_child.py`` beside the daemon because the daemon does not serve it yet)
hands items to the same store and triage. Posts are urgent texts (high/critical: sent at once, not batched)
mixed with as many harmless ones, at random times over ``duration`` seconds.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import random
import secrets
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp
from _fakes import FeedHub, GraphHub, TimedMailCatcher
from _harness import Child, Smtp, peek, percentile, proc_status, rows, rss_source, school_config
from _texts import PostTexts

from watchtower.demo import free_port

PAGE_ID = "111000111"


def _stats(values: list[float]) -> dict[str, Any]:
    if not values:
        return {"n": 0}
    return {"n": len(values), "median": statistics.median(values), "p95": percentile(values, 95),
            "max": max(values)}


async def run_latency(*, rss_posts: int, fb_posts: int, webhook_posts: int, duration: float,
                      rss_feeds: int = 10, rss_interval: float = 10, fb_pages: int = 2,
                      fb_interval: float = 30) -> dict[str, Any]:
    rng = random.Random(7)
    texts = PostTexts(seed=7)
    hub, graph = FeedHub(window=50), GraphHub()
    await hub.start()
    await graph.start()
    catcher = TimedMailCatcher()
    app_secret, verify = secrets.token_hex(16), secrets.token_hex(8)
    hook_port = free_port()
    sent: dict[str, float] = {}  # webhook comment id -> when the POST started
    with Smtp(catcher) as smtp, tempfile.TemporaryDirectory(prefix="wt-bench-lat-") as tmp:
        work = Path(tmp)
        db = work / "watchtower.db"
        sources = [rss_source(f"feed{i}", hub.url(f"feed{i}"), rss_interval) for i in range(rss_feeds)]
        pages = [f"{PAGE_ID}{i}" for i in range(fb_pages)]
        for i, page in enumerate(pages):
            graph.pages[page] = []
            sources.append({
                "type": "facebook", "name": f"fb{i}", "page_id": page, "token_secret": "FACEBOOK_PAGE_TOKEN",
                "api_base": f"http://127.0.0.1:{graph.port}", "comments": False, "tagged": False,
                "interval_seconds": fb_interval, "timeout_seconds": 10,
            })
        record = work / "webhook.json"
        child = Child(
            work, school_config(sources, smtp_port=smtp.port, db_path=db),
            environ={"FACEBOOK_PAGE_TOKEN": "bench-token"},
            webhook={"port": hook_port, "verify_token": verify, "app_secret": app_secret, "page_id": PAGE_ID,
                     "record": str(record)},
        )
        try:
            ready = await child.start()
            await asyncio.sleep(min(12.0, rss_interval + 2))  # every source polled once; idle
            idle = proc_status(child.pid)

            events: list[tuple[float, str]] = (
                [(rng.uniform(0, duration), "rss") for _ in range(rss_posts)]
                + [(rng.uniform(0, duration), "fb") for _ in range(fb_posts)]
                + [(rng.uniform(0, duration), "hook") for _ in range(webhook_posts)]
                + [(rng.uniform(0, duration), "harmless") for _ in range(rss_posts)]
            )
            events.sort()
            t_start = time.monotonic()
            async with aiohttp.ClientSession() as http:
                for n, (at, kind) in enumerate(events):
                    await asyncio.sleep(max(0.0, at - (time.monotonic() - t_start)))
                    if kind == "rss":
                        hub.add(f"feed{rng.randrange(rss_feeds)}", texts.urgent())
                    elif kind == "harmless":
                        hub.add(f"feed{rng.randrange(rss_feeds)}", texts.harmless())
                    elif kind == "fb":
                        graph.add(rng.choice(pages), texts.urgent())
                    else:
                        cid = f"{PAGE_ID}_9{n:06d}"
                        body = json.dumps({"object": "page", "entry": [{"id": PAGE_ID, "time": int(time.time()),
                            "changes": [{"field": "feed", "value": {
                                "item": "comment", "verb": "add", "comment_id": cid, "post_id": f"{PAGE_ID}_1",
                                "message": texts.urgent(), "created_time": int(time.time()),
                                "from": {"id": "4242", "name": "A Visitor"}}}]}]}).encode()
                        sig = "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
                        sent[cid] = time.time()
                        async with http.post(f"http://127.0.0.1:{hook_port}/webhooks/meta", data=body,
                                             headers={"X-Hub-Signature-256": sig,
                                                      "Content-Type": "application/json"}) as resp:
                            resp.raise_for_status()
            # let the last posts be polled, classified and sent
            settle_until = time.time() + max(rss_interval, fb_interval) * 1.2 + 30
            while time.time() < settle_until:
                await asyncio.sleep(1)
                fetched_all = len(hub.fetched) >= len(hub.posted) and len(graph.fetched) >= len(graph.posted)
                if fetched_all and not peek(db, "SELECT COUNT(*) FROM items WHERE classified_at IS NULL") and not peek(
                    db, "SELECT COUNT(*) FROM alerts WHERE status = 'pending' AND urgent = 1"
                ):
                    break
            soak_seconds = time.time() - child.started_at
            soak = proc_status(child.pid)
        finally:
            await child.stop()
            await hub.stop()
            await graph.stop()
        handed = dict(json.loads(record.read_text())) if record.exists() else {}
        first_mail: dict[str, float] = {}
        for pid, msgid in rows(
            db, "SELECT i.platform_id, a.message_id FROM alerts a JOIN items i ON i.id = a.item_id "
            "WHERE a.status = 'sent' AND a.urgent = 1",
        ):
            t = catcher.accepted.get(str(msgid).strip())
            if t is not None:
                first_mail[pid] = min(t, first_mail.get(pid, t))

        def measure(posted: dict[str, float], fetched: dict[str, float]) -> dict[str, Any]:
            keys = [k for k in posted if k in first_mail]
            total = [first_mail[k] - posted[k] for k in keys]
            after = [first_mail[k] - fetched[k] for k in keys if k in fetched]
            return {"posted": len(posted), "alerted": len(keys), "total": _stats(total),
                    "after_poll": _stats(after)}

        result = {
            "rss": measure(hub.posted, hub.fetched),
            "facebook": measure(graph.posted, graph.fetched),
            "webhook": {
                "posted": len(sent),
                "alerted": sum(1 for k in sent if k in first_mail),
                "to_pipeline": _stats([handed[k] - sent[k] for k in sent if k in handed]),
                "to_smtp": _stats([first_mail[k] - sent[k] for k in sent if k in first_mail]),
            },
            "rss_interval": rss_interval,
            "fb_interval": fb_interval,
            "duration": duration,
            "idle_rss_mb": idle.get("VmRSS"),
            "idle_peak_rss_mb": idle.get("VmHWM"),
            "soak_seconds": soak_seconds,
            "soak_peak_rss_mb": soak.get("VmHWM"),
            "soak_rss_mb": soak.get("VmRSS"),
            "startup_seconds": ready.get("startup_seconds"),
            "process_start_to_ready": ready.get("wall_to_ready"),
            "emails": catcher.count,
        }
        # harmless RSS posts are in hub.posted too but never alert: count only urgent ones as "posted"
        result["rss"]["posted"] = rss_posts
        return result
