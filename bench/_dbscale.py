"""Query times at scale: ``rows`` items (a year of posts) written into a real Watchtower database (the real schema
and indexes, from the migrations) with ``executemany`` in one transaction, then the real dashboard queue query
(``watchtower.web._queries.queue``) and the real daily digest (``watchtower.digest.build_digest``) timed on it.

Then the same without migration m003's partial indexes, and m010's that serve the queue's default view since
(dropped on the benchmark's copy only), to show their worth.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _harness import db_bytes
from _texts import PostTexts

from watchtower.demo import demo_config
from watchtower.digest import build_digest
from watchtower.store import connect
from watchtower.timeutil import ts
from watchtower.web._queries import QueueFilter, queue

#: the partial indexes of migration m003 (flagged items only, so they stay small); the benchmark also times the
#: queries without them, on its own copy, to show what they are worth
M003_INDEXES = (
    # queue, default view (flagged, unresolved): COUNT and the first page read only these rows
    "CREATE INDEX items_queue ON items (severity, deadline_at) WHERE severity > 0 AND resolved_at IS NULL",
    # digest: repo.flagged_between
    "CREATE INDEX items_flagged_classified ON items (classified_at) WHERE severity > 0",
    # digest: repo.awaiting_dsl_review
    "CREATE INDEX items_review ON items (first_seen_at) WHERE severity > 0 AND dsl_reviewed_at IS NULL",
    # digest: repo.acknowledged_late_between
    "CREATE INDEX items_acknowledged ON items (acknowledged_at) WHERE acknowledged_at IS NOT NULL",
)

#: one school's database (every item is the default school's): the queue's scope for a person who sees it all
EVERY_SCHOOL: tuple[str, list[Any]] = ("1 = 1", [])

#: migration m010's indexes (the queue's default view and platform list, the digest's review list per school;
#: issue 16): dropped with m003's
M010_INDEXES = ("items_inbox", "items_school_platform", "items_school_review")

_SEV_CATS = {0: "[]", 1: '["query"]', 2: '["harassment"]', 3: '["threat"]'}


def _generate(db_path: Path, n: int, now: datetime) -> float:
    rng = random.Random(1)
    texts = PostTexts(seed=1)
    pool = [texts.text() for _ in range(2000)]
    span = 365 * 86400
    t0 = time.perf_counter()
    db = connect(db_path)
    rows: list[tuple[Any, ...]] = []
    for i in range(n):
        age = span * (n - i) / n
        seen = now - timedelta(seconds=age)
        x = rng.random()
        sev = 3 if x < 0.01 else 2 if x < 0.03 else 1 if x < 0.08 else 0
        deadline = ack = resolved = reviewed = None
        if sev:
            deadline = ts(seen + timedelta(hours=1 if sev == 3 else 4 if sev == 2 else 48))
            if age > 3 * 86400 or rng.random() < 0.5:
                ack = ts(seen + timedelta(minutes=rng.uniform(5, 600)))
            if age > 14 * 86400:
                resolved = ts(seen + timedelta(days=1))
            if age > 7 * 86400:
                reviewed = ts(seen + timedelta(days=2))
        s = ts(seen)
        rows.append((
            "rss" if i % 3 else "facebook", f"p{i}", "mention" if i % 2 else "own", f"src{i % 8}",
            f"https://bench.example/p/{i}", f"@user{i % 5000}", f"User {i % 5000}", None, pool[i % len(pool)],
            s, s, "{}", s, _SEV_CATS[sev], sev, deadline, ack, "bench" if ack else None, resolved,
            "bench" if resolved else None, reviewed,
        ))
    with db.transaction():
        db.executemany(
            "INSERT INTO items (platform, platform_id, source, source_name, url, author_handle, author_name, title, "
            "text, created_at, first_seen_at, extra, classified_at, categories, severity, deadline_at, "
            "acknowledged_at, acknowledged_by, resolved_at, resolved_by, dsl_reviewed_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    db.execute("ANALYZE")
    db.close()
    return time.perf_counter() - t0


def _time(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm the page cache, as a running dashboard would be
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return statistics.median(out)


def run_dbscale(*, n: int, repeat: int = 5) -> dict[str, Any]:
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="wt-bench-db-") as tmp:
        path = Path(tmp) / "watchtower.db"
        gen = _generate(path, n, now)
        size = db_bytes(path)
        config = demo_config(feed_port=1, smtp_port=1, db_path=path)
        res: dict[str, Any] = {"items": n, "generate_seconds": gen, "db_bytes": size,
                               "db_bytes_per_100k_items": size / n * 100_000}
        for label in ("as_shipped", "without_m003_indexes"):
            db = connect(path, migrate=False)
            if label != "as_shipped":
                for sql in M003_INDEXES:
                    db.execute("DROP INDEX IF EXISTS " + sql.split()[2])
                for name in M010_INDEXES:  # they serve the default view now, in m003's place
                    db.execute("DROP INDEX IF EXISTS " + name)
            db.execute("ANALYZE")
            def ask(f: QueueFilter, reads: bool = True, db: Any = db) -> object:
                return queue(db, f, reads_safeguarding=reads, schools=EVERY_SCHOOL)

            queue_default = _time(lambda: ask(QueueFilter()), repeat)
            queue_page5 = _time(lambda: ask(QueueFilter(page=5)), repeat)
            queue_all = _time(lambda: ask(QueueFilter(severity="any", status="all")), repeat)
            queue_search = _time(lambda: ask(QueueFilter(q="knife"), reads=False), repeat)
            digest = _time(lambda db=db: build_digest(db, config, now), repeat)
            total = queue(db, QueueFilter(), reads_safeguarding=True, schools=EVERY_SCHOOL)[1]
            res[label] = {
                "queue_default_s": queue_default,
                "queue_default_total": total,
                "queue_page5_s": queue_page5,
                "queue_everything_s": queue_all,
                "queue_search_s": queue_search,
                "digest_s": digest,
            }
            db.close()
        return res
