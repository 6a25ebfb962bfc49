"""Scale: one daemon watching ``schools x per_school`` RSS sources on loopback at a realistic posting rate;
CPU (% of one core, psutil, the daemon process with all its threads) over a fixed window after start-up settles."""

from __future__ import annotations

import asyncio
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil
from _fakes import FeedHub, TimedMailCatcher
from _harness import Child, Smtp, peek, proc_status, rss_source, school_config
from _texts import PostTexts


async def run_scale(*, schools: int, per_school: int, interval: float, posts_per_source_hour: float,
                    window: float, seed_posts: int = 3) -> dict[str, Any]:
    n = schools * per_school
    names = [f"s{s:02d}-src{k}" for s in range(schools) for k in range(per_school)]
    hub = FeedHub(window=20)
    texts = PostTexts(seed=50)
    for name in names:
        for _ in range(seed_posts):
            hub.add(name, texts.text(), record=False)
    await hub.start()
    rng = random.Random(50)
    with Smtp(TimedMailCatcher()) as smtp, tempfile.TemporaryDirectory(prefix="wt-bench-scale-") as tmp:
        work = Path(tmp)
        db = work / "watchtower.db"
        sources = [rss_source(name, hub.url(name), interval) for name in names]
        child = Child(work, school_config(sources, smtp_port=smtp.port, db_path=db))
        try:
            ready = await child.start()
            # settle: every source polled once and its first items triaged
            t_ready = time.time()
            while time.time() - t_ready < 300:
                await asyncio.sleep(1)
                if hub.requests >= n and not peek(db, "SELECT COUNT(*) FROM items WHERE classified_at IS NULL"):
                    break
            settle = time.time() - t_ready
            await asyncio.sleep(2)
            proc = psutil.Process(child.pid)
            rate = n * posts_per_source_hour / 3600  # posts/s across all sources
            requests0, posts = hub.requests, 0
            cpu0, t0 = proc.cpu_times(), time.monotonic()
            next_post = t0 + rng.expovariate(rate)
            while (now := time.monotonic()) - t0 < window:
                if now >= next_post:
                    hub.add(rng.choice(names), texts.text())
                    posts += 1
                    next_post += rng.expovariate(rate)
                await asyncio.sleep(min(0.25, max(0.0, next_post - time.monotonic())))
            cpu1, t1 = proc.cpu_times(), time.monotonic()
            mem = proc_status(child.pid)
        finally:
            await child.stop()
            await hub.stop()
        busy = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)
        return {
            "sources": n,
            "schools": schools,
            "interval_seconds": interval,
            "posts_per_source_hour": posts_per_source_hour,
            "window_seconds": t1 - t0,
            "settle_seconds": settle,
            "cpu_percent_one_core": 100 * busy / (t1 - t0),
            "polls_in_window": hub.requests - requests0,
            "posts_in_window": posts,
            "peak_rss_mb": mem.get("VmHWM"),
            "rss_mb": mem.get("VmRSS"),
            "startup_seconds": ready.get("startup_seconds"),
            "items": peek(db, "SELECT COUNT(*) FROM items"),
        }
