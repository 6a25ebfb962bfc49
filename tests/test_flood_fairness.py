"""Head-of-line blocking (issue 14, "The daemon under a flood"): while one source's flood is triaged, a critical post
on another source gets its "at once" email within seconds, not after the whole flood.

Real parts: the SQLite file, the daemon's Triage and Notifier, SmtpSender and an aiosmtpd server. The classifier is
a stand-in that costs a fixed time per post in the model's single worker thread (the real model's cost, scaled
down so the test stays short); scripts/flood.py measures the same thing with the real daemon and model.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from conftest import SmtpServer, build_notifier
from watchtower.config import Config
from watchtower.models import Classification, Decision, Item, utcnow
from watchtower.pipeline import Triage
from watchtower.store import Store, repo

FLOOD = 1500
PER_ITEM_SECONDS = 0.002  # ~3 s for the flood in all


class SlowClassifier:
    """Flags "knife" as a threat; costs PER_ITEM_SECONDS a post, like a model would."""

    version = "stand-in"

    def __init__(self) -> None:
        self.seen = 0

    def classify_batch(self, texts: list[str], sources: list[str | None] | None = None) -> list[Classification]:
        time.sleep(PER_ITEM_SECONDS * len(texts))
        self.seen += len(texts)
        out = []
        for t in texts:
            cats = ["threat"] if "knife" in t else []
            out.append(Classification(cats, {c: 0.99 for c in cats}, [f"{c}: test" for c in cats] or ["none"],
                                      "stand-in", decisions=[Decision(c, "rule", "test") for c in cats]))
        return out


def _items(prefix: str, n: int, text: str, now: datetime) -> list[Item]:
    return [
        Item(platform="rss", source="mention", platform_id=f"{prefix}-{i}", url=f"https://news.example/{prefix}/{i}",
             author_handle="someone", author_name="Someone", text=f"{text} ({i})", created_at=now)
        for i in range(n)
    ]


async def test_a_critical_post_on_a_quiet_source_is_not_queued_behind_another_sources_flood(
    config: Config, store: Store, smtp: SmtpServer
) -> None:
    clock = utcnow
    notifier = build_notifier(config, store, clock)
    classifier = SlowClassifier()
    executor = ThreadPoolExecutor(max_workers=1)
    triage = Triage(store=store, classifier=classifier, config=config, executor=executor,
                    on_alerts=notifier.wake.set, clock=clock)
    stop = asyncio.Event()
    now = clock()
    flood_ids = await store.write(lambda db: repo.ingest(
        db, _items("flood", FLOOD, "Lovely to see the choir at the town hall", now), source_name="news-flood",
        now=now))
    tasks = [asyncio.create_task(triage.run(stop)), asyncio.create_task(notifier.run(stop))]
    try:
        await triage.submit(flood_ids)
        await asyncio.sleep(0.3)  # the flood is under way
        [critical] = await store.write(lambda db: repo.ingest(
            db, _items("quiet", 1, "I am going to bring a knife to school", now), source_name="website-comments",
            now=now))
        t0 = time.monotonic()
        await triage.submit([critical])
        while not any(str(critical) in str(m.message["X-Watchtower-Items"]) for m in smtp.messages):
            assert time.monotonic() - t0 < 30, "no alert email for the critical post"
            await asyncio.sleep(0.02)
        latency = time.monotonic() - t0
        flood_done = classifier.seen
    finally:
        stop.set()
        await asyncio.wait(tasks, timeout=10)
        executor.shutdown(wait=False, cancel_futures=True)
    print(f"critical alert {latency:.2f} s after it was stored; {flood_done}/{FLOOD} flood posts classified by then")
    # fairness, whatever the machine's speed: the quiet source's post did not wait for the flood to finish ...
    assert flood_done < FLOOD * 0.6, (latency, flood_done)
    # ... and its email came within about one batch of the flood, not the whole of it
    assert latency < FLOOD * PER_ITEM_SECONDS * 0.6 + 1.0, (latency, flood_done)
