"""Two daemons on one PostgreSQL database through a burst of posts, one SIGKILLed mid-burst (issue 16).

    .venv/bin/python bench/two_daemons.py                     # 20,000 posts over 40 feeds, lease_seconds = 30
    .venv/bin/python bench/two_daemons.py --posts 4000 --lease 6

A real PostgreSQL (tests/pg_server.py: Debian's binaries, a temporary cluster on a free loopback port), two real
``watchtower run`` processes with one config, ``bench/_fakes.FeedHub`` serving every post of each feed, a real
aiosmtpd catcher. Once the daemons have split the sources, the burst is published in ten rounds; after the fifth,
the daemon holding the first feed is SIGKILLed. Measured: the takeover (kill -> the survivor holds every source
lease), the time to settle (every post stored and classified, no alert pending), posts stored once, alerts
delivered once per (Message-ID, recipient). Prints one JSON object and writes it to ``bench/two_daemons.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import email
import json
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "scripts"), str(HERE)]

from _fakes import FeedHub  # noqa: E402
from _texts import PostTexts  # noqa: E402
from soak import DaemonProcess, free_port, wait_until  # noqa: E402

from pg_server import PostgresServer  # noqa: E402
from school_toml import rss_source, two_daemons_toml  # noqa: E402
from watchtower.store import connect  # noqa: E402
from watchtower.store.db import Db  # noqa: E402
from watchtower.store.leases import lease_table  # noqa: E402


class Catcher:
    def __init__(self) -> None:
        self.got: list[tuple[str, str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        mid = str(email.message_from_bytes(envelope.content)["Message-ID"])
        self.got.extend((mid, r.lower()) for r in envelope.rcpt_tos)
        return "250 OK"


def _leases(db: Db) -> dict[str, tuple[int | None, bool]]:
    return {str(r["name"]): (int(str(r["holder"]).split(":")[-2]) if r["holder"] else None, not r["expired"])
            for r in lease_table(db) if str(r["name"]).startswith("source:")}


def run(posts: int, feeds: int, lease: float, workdir: Path) -> dict[str, Any]:
    pg = PostgresServer()
    pg.start()
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    hub = FeedHub(window=posts // feeds + 1)
    asyncio.run_coroutine_threadsafe(hub.start(), loop).result(10)
    catcher = Catcher()
    smtp = Controller(catcher, hostname="127.0.0.1", port=free_port())
    smtp.start()
    daemons: list[DaemonProcess] = []
    try:
        url = pg.url(pg.create_database())
        db = connect(url)
        names = [f"feed{i:02d}" for i in range(feeds)]
        cfg = workdir / "watchtower.toml"
        cfg.write_text(two_daemons_toml(
            url,
            [rss_source(hub.url(n), name=n, source="mention", interval_seconds=10, timeout_seconds=20,
                        max_entries=posts // feeds + 1)
             for n in names],
            smtp_port=smtp.port, smtp_timeout=10, max_backoff=8, lease_seconds=lease))
        daemons = [DaemonProcess(cfg, workdir / f"daemon{i}.log") for i in range(2)]
        for d in daemons:
            d.start()
        for d in daemons:
            d.wait_ready(timeout=120)
        pids = {d.proc.pid for d in daemons if d.proc is not None}
        assert wait_until(lambda: {h for h, fresh in _leases(db).values() if fresh} == pids, timeout=4 * lease)
        texts = PostTexts(seed=16)
        victim_pid = _leases(db)[f"source:{names[0]}"][0]
        victim = next(d for d in daemons if d.proc is not None and d.proc.pid == victim_pid)
        survivor = next(d for d in daemons if d is not victim)
        assert survivor.proc is not None
        rounds = 10
        t0 = time.monotonic()
        killed_at = 0.0
        for r in range(rounds):
            def publish(r: int = r) -> None:
                for i in range(posts // rounds):
                    hub.add(names[(r * (posts // rounds) + i) % feeds], texts.text())

            loop.call_soon_threadsafe(publish)
            if r == rounds // 2:
                time.sleep(1.0)
                victim.kill()
                killed_at = time.monotonic()
            time.sleep(2.0)
        burst_s = time.monotonic() - t0
        assert wait_until(lambda: all(h == survivor.proc.pid and fresh  # type: ignore[union-attr]
                                      for h, fresh in _leases(db).values()), timeout=3 * lease, step=0.2)
        takeover = time.monotonic() - killed_at

        def settled() -> bool:
            return bool(db.scalar("SELECT COUNT(*) FROM items") >= posts
                        and db.scalar("SELECT COUNT(*) FROM items WHERE classified_at IS NULL") == 0
                        and db.scalar("SELECT COUNT(*) FROM alerts WHERE status = 'pending'") == 0)

        ok = wait_until(settled, timeout=1800, step=1.0)
        settle = time.monotonic() - t0
        stored = db.scalar("SELECT COUNT(*) FROM items")
        distinct = db.scalar("SELECT COUNT(DISTINCT platform_id) FROM items")
        missing = len(set(hub.posted) - {r[0] for r in db.execute("SELECT platform_id FROM items")})
        alerts = db.rows("SELECT message_id, recipient, status FROM alerts")
        got = Counter(catcher.got)
        expected = {(str(a["message_id"]), str(a["recipient"]).lower()) for a in alerts if a["status"] == "sent"}
        in_doubt = db.scalar("SELECT COUNT(*) FROM audit WHERE action = 'email_resent_in_doubt'")
        result = {
            "posts": posts, "feeds": feeds, "lease_seconds": lease, "settled": ok,
            "burst_seconds": round(burst_s, 1),
            "takeover_seconds": round(takeover, 1), "takeover_bound_seconds": round(lease * 4 / 3, 1),
            "settled_seconds_from_burst_start": round(settle, 1),
            "posts_per_second": round(posts / settle, 1),
            "stored_rows": stored, "distinct_platform_ids": distinct, "missing": missing,
            "alerts": len(alerts), "alerts_sent": sum(1 for a in alerts if a["status"] == "sent"),
            "delivered_distinct": len(set(got)), "delivered_total": sum(got.values()),
            "undelivered": len(expected - set(got)), "unaccounted": len(set(got) - expected),
            "delivered_twice": sum(1 for n in got.values() if n > 1), "in_doubt_resends": in_doubt,
            "critical_items": db.scalar("SELECT COUNT(*) FROM items WHERE severity >= 3"),
        }
        db.close()
        survivor.terminate(timeout=60)
        return result
    finally:
        for d in daemons:
            d.kill_if_running()
        smtp.stop()
        asyncio.run_coroutine_threadsafe(hub.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        pg.stop()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--posts", type=int, default=20_000)
    ap.add_argument("--feeds", type=int, default=40)
    ap.add_argument("--lease", type=float, default=30.0)
    ap.add_argument("--out", type=Path, default=HERE / "two_daemons.json")
    args = ap.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory(prefix="wt-two-daemons-") as tmp:
        result = run(args.posts, args.feeds, args.lease, Path(tmp))
    print(json.dumps(result, indent=2))
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0 if result["settled"] and not result["missing"] and not result["undelivered"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
