"""A trust: one daemon watching ``schools x 8`` sources (issue 16), CPU and RSS over one steady poll cycle, and
every post stored once, under its own school.

Each school has the mix a school configures (six RSS feeds: Google Alerts on its name and on an alias, the local
news, a Mastodon tag, the comments of its website and of its blog; two Facebook Pages: the school's and the PTA's,
with comments and tagged posts on, as by default) at **the schema's default poll intervals** (RSS 600 s, Facebook
300 s) unless ``interval_scale`` shortens them. Posts trickle in at ``posts_per_source_hour`` per source.

The daemon polls each source for the first time within 5 s of starting, then every interval give or take 10 %
(a failed poll is tried again after a quarter of the interval). So the window is one cycle of the slowest
interval, starting a quarter of it after the daemon is ready (or once the start-up burst is over, if later: every
source polled successfully and its posts classified): every RSS feed is polled once in it and every Page twice,
whether its first poll worked or was retried. The hubs count the polls in the window and the result says whether
that held.

CPU is the daemon process's user + system time (all its threads) **and its children's**: each RSS body that is not
a 304 is parsed by ``feedparser`` in a child process of the daemon (``connectors/_feedparse.py``), which is the
daemon's work too. Both figures are kept (``cpu_percent_own``, ``cpu_percent_one_core`` with the children).
"""

from __future__ import annotations

import asyncio
import json
import random
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import psutil
from _fakes import FeedHub, GraphHub, TimedMailCatcher
from _harness import Child, Smtp, proc_status, trust_config
from _store import fresh_store
from _texts import PostTexts

#: each school's RSS feeds: (name suffix, "mention" | "own")
RSS_KINDS = (("alerts-name", "mention"), ("alerts-alias", "mention"), ("news", "mention"),
             ("mastodon-tag", "mention"), ("website-comments", "own"), ("blog-comments", "own"))
#: each school's Facebook Pages
FB_KINDS = ("page", "pta-page")
RSS_DEFAULT, FB_DEFAULT = 600.0, 300.0  # the schema's defaults (connectors/config.py), checked in run_trust


def _failed_polls(log: Path, w0: float, w1: float) -> dict[str, int]:
    """The daemon's ``source_failed`` log lines before the window (the start-up burst) and in it."""
    out = {"before": 0, "in": 0, "after": 0}
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if event.get("event") != "source_failed":
            continue
        at = datetime.fromisoformat(str(event["timestamp"]).replace("Z", "+00:00")).timestamp()
        out["before" if at < w0 else "in" if at < w1 else "after"] += 1
    return out


def _school_ids(n: int) -> list[str]:
    return [f"s{i:02d}" for i in range(n)]


async def run_trust(*, schools: int, posts_per_source_hour: float, interval_scale: float = 1.0,
                    seed_posts: int = 2, store: str | None = None) -> dict[str, Any]:
    from watchtower.connectors.config import FacebookSource, RssSource

    assert RssSource.model_fields["interval_seconds"].default == RSS_DEFAULT
    assert FacebookSource.model_fields["interval_seconds"].default == FB_DEFAULT
    rss_interval, fb_interval = RSS_DEFAULT * interval_scale, FB_DEFAULT * interval_scale
    slowest = max(rss_interval, fb_interval)
    lead, window = 0.25 * slowest, slowest

    rng = random.Random(16)
    texts = PostTexts(seed=16)
    hub, graph = FeedHub(window=50), GraphHub()
    await hub.start()
    await graph.start()
    school_of: dict[str, str] = {}  # feed name or page id -> school
    source_of: dict[str, str] = {}  # feed name or page id -> source name
    per_school: list[tuple[str, list[dict[str, Any]]]] = []
    page_no = 0
    for sid in _school_ids(schools):
        sources: list[dict[str, Any]] = []
        for suffix, kind in RSS_KINDS:
            name = f"{sid}-{suffix}"
            src: dict[str, Any] = {"type": "rss", "name": name, "url": hub.url(name), "source": kind}
            if interval_scale != 1.0:
                src["interval_seconds"] = rss_interval
            sources.append(src)
            school_of[name], source_of[name] = sid, name
        for suffix in FB_KINDS:
            page_no += 1
            page = f"{700_000_000 + page_no}"
            graph.pages[page] = []
            name = f"{sid}-{suffix}"
            src = {"type": "facebook", "name": name, "page_id": page, "token_secret": "FACEBOOK_PAGE_TOKEN",
                   "api_base": f"http://127.0.0.1:{graph.port}"}
            if interval_scale != 1.0:
                src["interval_seconds"] = fb_interval
            sources.append(src)
            school_of[page], source_of[page] = sid, name
        per_school.append((sid, sources))
    feeds = [k for k in school_of if not k.isdigit()]
    pages = [k for k in school_of if k.isdigit()]
    n_sources = len(feeds) + len(pages)

    def post(where: str, *, seed: bool = False) -> str:
        if where.isdigit():
            return graph.add(where, texts.text())
        return hub.add(where, texts.text(), record=not seed)

    school_by_post: dict[str, str] = {}
    for where in school_of:
        for _ in range(seed_posts):
            school_by_post[post(where, seed=True)] = school_of[where]
    seeded = len(school_by_post)

    catcher = TimedMailCatcher()
    with Smtp(catcher) as smtp, tempfile.TemporaryDirectory(prefix="wt-bench-trust-") as tmp, \
            fresh_store(store, Path(tmp), "trust") as target:
        work = Path(tmp)
        config = trust_config(per_school, smtp_port=smtp.port, store=target.config())
        child = Child(work, config, environ={"FACEBOOK_PAGE_TOKEN": "bench-token"})
        try:
            ready = await child.start(limit_seconds=300)
            t_ready = time.time()
            # the start-up burst: every source's first poll, its posts classified and their alerts sent
            while time.time() - t_ready < max(lead, 300):
                await asyncio.sleep(1)
                polled = target.scalar("SELECT COUNT(*) FROM source_health WHERE last_success_at IS NOT NULL")
                if polled >= n_sources and not target.scalar(
                        "SELECT COUNT(*) FROM items WHERE classified_at IS NULL"):
                    break
            settle = time.time() - t_ready
            await asyncio.sleep(max(0.0, t_ready + lead - time.time()))
            proc = psutil.Process(child.pid)
            rate = n_sources * posts_per_source_hour / 3600  # posts/s across all sources
            posts = 0
            cpu0, t0, w0 = proc.cpu_times(), time.monotonic(), time.time()
            next_post = t0 + rng.expovariate(rate)
            while (now := time.monotonic()) - t0 < window:
                if now >= next_post:
                    where = rng.choice(feeds + pages)
                    school_by_post[post(where)] = school_of[where]
                    posts += 1
                    next_post += rng.expovariate(rate)
                await asyncio.sleep(min(1.0, max(0.0, next_post - time.monotonic())))
            cpu1, t1, w1 = proc.cpu_times(), time.monotonic(), time.time()
            mem = proc_status(child.pid)
            # the window's last posts classified before the daemon stops
            for _ in range(60):
                if not target.scalar("SELECT COUNT(*) FROM items WHERE classified_at IS NULL"):
                    break
                await asyncio.sleep(1)
        finally:
            await child.stop()
            await hub.stop()
            await graph.stop()
        own = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)
        children = (cpu1.children_user - cpu0.children_user) + (cpu1.children_system - cpu0.children_system)
        failed = _failed_polls(work / "daemon.log", w0, w1)
        in_window = [w for at, w in hub.polls + graph.polls if w0 <= at < w1]
        rss_polls = sum(1 for w in in_window if not w.isdigit())
        fb_polls = len(in_window) - rss_polls
        # every post the daemon was served: stored once, under its source's school
        served = set(hub.fetched) | set(graph.fetched)
        stored = target.rows("SELECT platform_id, school, source_name FROM items")
        ids = [r[0] for r in stored]
        duplicates = len(ids) - len(set(ids))
        missing = sorted(served - set(ids))
        unexpected = sorted(set(ids) - set(school_by_post))
        expected_source = {p: source_of[p.split("/")[3] if p.startswith("https://") else p.split("_")[0]]
                           for p in school_by_post}
        wrong_school = [r[0] for r in stored if r[0] in school_by_post and r[1] != school_by_post[r[0]]]
        wrong_source = [r[0] for r in stored if r[0] in expected_source and r[2] != expected_source[r[0]]]
        alerts = dict(target.rows("SELECT status, COUNT(*) FROM alerts GROUP BY status"))
        severities = dict(target.rows("SELECT severity, COUNT(*) FROM items GROUP BY severity"))
        return {
            "store": target.kind,
            "schools": schools,
            "sources": n_sources,
            "rss_sources": len(feeds),
            "facebook_pages": len(pages),
            "rss_interval_seconds": rss_interval,
            "facebook_interval_seconds": fb_interval,
            "default_intervals": interval_scale == 1.0,
            "posts_per_source_hour": posts_per_source_hour,
            "window_seconds": t1 - t0,
            "window_starts_after_ready_seconds": w0 - t_ready,
            "settle_seconds": settle,
            "cpu_seconds_own": own,
            "cpu_seconds_children": children,
            "cpu_percent_own": 100 * own / (t1 - t0),
            "cpu_percent_one_core": 100 * (own + children) / (t1 - t0),
            "failed_polls_before_window": failed["before"],
            "failed_polls_in_window": failed["in"],
            "rss_polls_in_window": rss_polls,
            "facebook_polls_in_window": fb_polls,
            # one cycle of the slowest interval: each feed once, each Page slowest/fb_interval times
            "polls_one_cycle_expected": {"rss": round(len(feeds) * window / rss_interval),
                                         "facebook": round(len(pages) * window / fb_interval)},
            "graph_requests": graph.requests,
            "posts_seeded": seeded,
            "posts_in_window": posts,
            "posts_served": len(served),
            "items_stored": len(ids),
            "duplicates": duplicates,
            "served_not_stored": len(missing),
            "stored_not_posted": len(unexpected),
            "wrong_school": len(wrong_school),
            "wrong_source": len(wrong_source),
            "every_post_stored_once": not (duplicates or missing or unexpected or wrong_school or wrong_source),
            "items_by_severity": {str(k): v for k, v in severities.items()},
            "alerts_by_status": alerts,
            "emails_accepted": catcher.count,
            "peak_rss_mb": mem.get("VmHWM"),
            "rss_mb": mem.get("VmRSS"),
            "startup_seconds": ready.get("startup_seconds"),
        }
