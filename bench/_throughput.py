"""Throughput: a backlog of ``feeds x per_feed`` posts through the whole daemon (fetch, parse, store, classify,
deadline, escalation steps and alert rows), timed from READY to the last item classified."""

from __future__ import annotations

import asyncio
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _fakes import FeedHub, TimedMailCatcher
from _harness import Child, Smtp, db_bytes, peek, proc_status, rss_source, school_config
from _texts import PostTexts


async def run_backlog(*, feeds: int, per_feed: int, classifier: str, limit_seconds: float = 900,
                      classifier_config: dict[str, Any] | None = None) -> dict[str, Any]:
    """``classifier``: "real" (the shipped one) or "trivial" (the reference); ``classifier_config``: a
    ``[classifier]`` table for the daemon's config (a variant of the shipped defaults)."""
    total = feeds * per_feed
    hub = FeedHub(window=per_feed)
    texts = PostTexts(seed=20)
    now = datetime.now(UTC)
    for f in range(feeds):
        for i in range(per_feed):
            # spread over the last 6 hours, oldest first (as a feed fills up)
            created = now - timedelta(seconds=6 * 3600 * (per_feed - i) / per_feed)
            hub.add(f"feed{f:03d}", texts.text(), created=created, record=False)
    await hub.start()
    catcher = TimedMailCatcher()
    with Smtp(catcher) as smtp, tempfile.TemporaryDirectory(prefix="wt-bench-tp-") as tmp:
        work = Path(tmp)
        db = work / "watchtower.db"
        sources = [rss_source(f"feed{f:03d}", hub.url(f"feed{f:03d}"), 600) for f in range(feeds)]
        config = school_config(sources, smtp_port=smtp.port, db_path=db)
        if classifier_config:
            config["classifier"] = classifier_config
        child = Child(work, config, classifier=classifier)
        try:
            ready = await child.start()
            t0 = time.time()
            stored_at: float | None = None
            classified = 0
            while time.time() - t0 < limit_seconds:
                await asyncio.sleep(0.25)
                if stored_at is None and (peek(db, "SELECT COUNT(*) FROM items") or 0) >= total:
                    stored_at = time.time()
                classified = peek(db, "SELECT COUNT(*) FROM items WHERE classified_at IS NOT NULL") or 0
                if classified >= total:
                    break
            t1 = time.time()
            mem = proc_status(child.pid)
            # the pollers start within 0-5 s of READY (jitter, by design): time from the first fetch
            t_first = min(hub.fetched.values(), default=t0)
        finally:
            await child.stop()
            await hub.stop()
        n_items = peek(db, "SELECT COUNT(*) FROM items")
        return {
            "classifier": classifier,
            "classifier_config": classifier_config or {},
            "feeds": feeds,
            "per_feed": per_feed,
            "posts": total,
            "items_stored": n_items,
            "items_classified": classified,
            "seconds_from_ready": t1 - t0,
            "seconds": t1 - t_first,
            "posts_per_s": classified / (t1 - t_first),
            "fetch_store_seconds": (stored_at - t0) if stored_at else None,
            "flagged": peek(db, "SELECT COUNT(*) FROM items WHERE severity > 0"),
            "high_or_critical": peek(db, "SELECT COUNT(*) FROM items WHERE severity >= 2"),
            "alert_rows": peek(db, "SELECT COUNT(*) FROM alerts"),
            "emails_accepted": catcher.count,
            "db_bytes": db_bytes(db),
            "db_bytes_per_100k_items": db_bytes(db) / max(1, n_items or 0) * 100_000,
            "peak_rss_mb": mem.get("VmHWM"),
            "startup_seconds": ready.get("startup_seconds"),
        }
