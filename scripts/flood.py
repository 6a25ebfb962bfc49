#!/usr/bin/env python3
"""The daemon under a flood (issue 14): the REAL daemon (``watchtower run``, the real classifier) in a memory cap
like the unit's ``MemoryMax=1G``, against a 50 MB feed, a feed that pours out 20,000 new posts, and a quiet source
on which one critical post appears while the flood is being classified.

    .venv/bin/python scripts/flood.py --json flood.json            # 20,000 posts, about 3-10 minutes
    .venv/bin/python scripts/flood.py --flood 2000 --json f.json   # quicker

Measures: peak memory of the daemon and its feed-parser children (the cgroup's peak, and psutil's RSS samples),
whether the daemon stayed up, what the big feed's source health says, and how long after the critical post was
stored its "at once" email reached the SMTP server (and after it was published, which adds up to a poll interval).

The memory cap is a real memory cgroup when this process may make one (root, cgroup v1 or v2 with the memory
controller: the kernel's OOM killer acts as under systemd's MemoryMax); otherwise ``RLIMIT_DATA`` on the daemon
(children inherit it), which is per process and approximate. The report says which. tests/test_flood_memory.py
runs a short version.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import psutil
from aiohttp import web

from watchtower.demo import serve_loopback

sys.path.insert(0, str(Path(__file__).resolve().parent))
from soak import FLAGGED, DaemonProcess, FeedServer, MailServer, config_toml, wait_until

MB = 1_000_000


# --- the memory cap ----------------------------------------------------------------------------------


class MemoryCap:
    """A memory cgroup of ``limit`` bytes for the daemon and its children, else RLIMIT_DATA (``kind`` says)."""

    V1 = Path("/sys/fs/cgroup/memory")
    V2 = Path("/sys/fs/cgroup")

    def __init__(self, limit: int, name: str) -> None:
        self.limit = limit
        self.dir: Path | None = None
        self.kind = "rlimit_data"
        v2_controllers = self.V2 / "cgroup.controllers"
        try:
            if v2_controllers.exists() and "memory" in v2_controllers.read_text().split():
                d = self.V2 / name
                d.mkdir()
                (d / "memory.max").write_text(str(limit))
                (d / "memory.swap.max").write_text("0")
                self.dir, self.kind = d, "cgroup_v2"
            elif self.V1.is_dir() and os.access(self.V1, os.W_OK):
                d = self.V1 / name
                d.mkdir()
                (d / "memory.limit_in_bytes").write_text(str(limit))
                self.dir, self.kind = d, "cgroup_v1"
        except OSError:
            self._remove()
            self.dir, self.kind = None, "rlimit_data"

    def preexec(self) -> None:
        """In the child, before exec: join the cgroup (or limit the data segment)."""
        os.setsid()
        if self.dir is not None:
            (self.dir / "cgroup.procs").write_text(str(os.getpid()))
        else:
            resource.setrlimit(resource.RLIMIT_DATA, (self.limit, self.limit))

    def _read(self, *names: str) -> str | None:
        for n in names:
            with contextlib.suppress(OSError):
                return (self.dir / n).read_text() if self.dir else None
        return None

    def peak(self) -> int | None:
        raw = self._read("memory.peak", "memory.max_usage_in_bytes")
        return int(raw) if raw and raw.strip().isdigit() else None

    def oom_kills(self) -> int | None:
        raw = self._read("memory.events", "memory.oom_control")
        if raw is None:
            return None
        for line in raw.splitlines():
            key, _, value = line.partition(" ")
            if key == "oom_kill":
                return int(value)
        return 0

    def _remove(self) -> None:
        if self.dir is None:
            return
        for _ in range(50):
            try:
                self.dir.rmdir()
                return
            except OSError:
                time.sleep(0.1)

    def close(self) -> None:
        self._remove()


class CappedDaemon(DaemonProcess):
    """``watchtower run`` inside a MemoryCap; RSS of the daemon *and* its feed-parser children sampled."""

    def __init__(self, config: Path, log: Path, cap: MemoryCap) -> None:
        super().__init__(config, log, env={"MALLOC_ARENA_MAX": "2"})
        self.cap = cap
        self.peak_tree_rss = 0

    def start(self, *, fsize_limit: int | None = None) -> None:
        import subprocess

        self.starts += 1
        with open(self.log, "ab") as logf:
            self.proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                [sys.executable, "-m", "watchtower", "run", "--config", str(self.config)],
                stdout=logf, stderr=subprocess.STDOUT, env=self.env, preexec_fn=self.cap.preexec,
            )
        self.started_at = time.monotonic()

    def sample(self) -> int:
        if self.proc is None or self.proc.poll() is not None:
            return 0
        try:
            p = psutil.Process(self.proc.pid)
            rss = p.memory_info().rss + sum(c.memory_info().rss for c in p.children(recursive=True))
        except psutil.Error:
            return 0
        self.peak_tree_rss = max(self.peak_tree_rss, rss)
        return rss


@contextlib.contextmanager
def sampling(daemon: CappedDaemon, every: float = 0.1) -> Iterator[None]:
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            daemon.sample()
            stop.wait(every)

    t = threading.Thread(target=loop, daemon=True)
    t.start()
    try:
        yield
    finally:
        stop.set()
        t.join(5)


# --- feeds: one huge, one pouring ------------------------------------------------------------------


def rss_document(entries: list[tuple[str, str]]) -> bytes:
    now = format_datetime(datetime.now(UTC))
    items = "".join(
        f"<item><title>Post {guid}</title><link>https://news.example/{guid}</link>"
        f'<guid isPermaLink="false">{guid}</guid><pubDate>{now}</pubDate><description>{text}</description></item>'
        for guid, text in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Flood</title>'
        f"<link>https://news.example/</link><description>d</description>{items}</channel></rss>"
    ).encode()


def big_feed(megabytes: int) -> bytes:
    """An RSS document of about ``megabytes`` MB: 20,000 entries of ordinary text, padded."""
    n = 20_000
    pad = "Parents discussed the new school uniform policy at length. " * max(1, megabytes * MB // n // 60)
    return rss_document([(f"big-{i}", f"{pad} ({i})") for i in range(n)])


@dataclass
class FloodServer:
    """``/big.rss``: the same huge feed every time. ``/flood.rss``: ``per_request`` new posts a request until
    ``total`` have been served (a feed that suddenly pours out thousands of posts)."""

    big_mb: int = 50
    total: int = 0
    per_request: int = 5000
    served: int = 0
    big_requests: int = 0
    _big: bytes = b""
    _loop: asyncio.AbstractEventLoop = field(default_factory=asyncio.new_event_loop)
    port: int = 0
    _runner: web.AppRunner | None = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def start(self) -> FloodServer:
        self._big = big_feed(self.big_mb)
        threading.Thread(target=self._loop.run_forever, daemon=True).start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_get("/big.rss", self._handle_big)
        app.router.add_get("/flood.rss", self._handle_flood)
        self._runner, self.port = await serve_loopback(app)

    async def _handle_big(self, request: web.Request) -> web.StreamResponse:
        self.big_requests += 1
        resp = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        resp.content_length = len(self._big)
        await resp.prepare(request)
        view = memoryview(self._big)
        for start in range(0, len(view), 256 * 1024):
            try:
                await resp.write(view[start : start + 256 * 1024])
            except (ConnectionError, RuntimeError):  # the client stopped reading at its cap
                break
        return resp

    async def _handle_flood(self, request: web.Request) -> web.StreamResponse:
        n = min(self.per_request, self.total - self.served)
        entries = [(f"flood-{self.served + i}", f"Lovely to see the choir at the town hall ({self.served + i})")
                   for i in range(max(0, n))]
        self.served += max(0, n)
        # newest first, as feeds list them; once the flood is over the last page keeps being served
        body = rss_document(list(reversed(entries)) or [("flood-quiet", "quiet")])
        return web.Response(body=body, content_type="application/rss+xml")

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)


class TimedMail(MailServer):
    """MailServer that also notes when each message arrived (wall clock)."""

    arrived: list[tuple[float, list[int]]]

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        answer = await super().handle_DATA(server, session, envelope)
        if answer.startswith("250"):
            import email as _email

            msg = _email.message_from_bytes(envelope.content)
            items = [int(x) for x in str(msg.get("X-Watchtower-Items", "")).split(",") if x.strip()]
            self.arrived.append((time.time(), items))
        return answer


def extra_source(name: str, url: str, *, interval: float = 10, timeout: float = 4, **keys: Any) -> str:
    lines = [f'\n[[sources]]\ntype = "rss"\nname = "{name}"\nurl = "{url}"\nsource = "mention"',
             f"interval_seconds = {interval}", f"timeout_seconds = {timeout}"]
    lines += [f"{k} = {v}" for k, v in keys.items()]
    return "\n".join(lines) + "\n"


def query(db: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def health(db: Path, name: str) -> dict[str, Any]:
    rows = query(db, "SELECT status, consecutive_failures, last_error FROM source_health WHERE source_name = ?",
                 (name,))
    return dict(zip(("status", "consecutive_failures", "last_error"), rows[0], strict=True)) if rows else {}


# --- the measurement ------------------------------------------------------------------------------------


def run_flood(workdir: Path, *, flood: int, big_mb: int = 50, cap_mb: int = 1024,
              log: Any = print) -> dict[str, Any]:
    quiet = FeedServer(seed=5, flagged_share=0.0).start()
    quiet.add(2)
    server = FloodServer(big_mb=big_mb, total=flood).start()
    mail = TimedMail()
    mail.arrived = []
    mail.start()
    db = workdir / "watchtower.db"
    cfg = workdir / "watchtower.toml"
    toml = config_toml(feed_url=quiet.url, smtp_port=mail.port, db_path=db, interval=10)
    toml += extra_source("big-feed", server.url("big.rss"), max_body_mb=60, max_entries=5000, timeout=20)
    toml += extra_source("flood-feed", server.url("flood.rss"), max_body_mb=20, max_entries=5000, timeout=20)
    cfg.write_text(toml)
    cap = MemoryCap(cap_mb * 1024 * 1024, f"watchtower-flood-{os.getpid()}")
    daemon = CappedDaemon(cfg, workdir / "daemon.log", cap)
    report: dict[str, Any] = {"memory_cap": cap.kind, "cap_mb": cap_mb, "flood_posts": flood, "big_feed_mb": big_mb}
    try:
        with sampling(daemon):
            t0 = time.monotonic()
            daemon.start()
            daemon.wait_ready(180)
            report["startup_s"] = round(time.monotonic() - t0, 1)
            log(f"ready after {report['startup_s']} s ({cap.kind})")
            # the flood is stored and its triage under way
            assert wait_until(lambda: query(db, "SELECT COUNT(*) FROM items WHERE source_name = 'flood-feed' "
                                                "AND classified_at IS NOT NULL")[0][0] >= 200, 300), daemon.tail()
            backlog = query(db, "SELECT COUNT(*) FROM items WHERE classified_at IS NULL")[0][0]
            log(f"flood under way: {backlog} posts waiting for the model")
            published = time.time()
            [critical] = quiet.add(1, text=FLAGGED[0])
            assert wait_until(lambda: query(db, "SELECT COUNT(*) FROM items WHERE platform_id LIKE ?",
                                            (f"%{critical.guid}%",))[0][0] == 1, 60), daemon.tail()
            [(item_id, first_seen)] = query(db, "SELECT id, first_seen_at FROM items WHERE platform_id LIKE ?",
                                            (f"%{critical.guid}%",))
            stored = datetime.fromisoformat(first_seen.replace("Z", "+00:00")).timestamp()
            assert wait_until(lambda: any(item_id in items for _, items in mail.arrived), 600, 0.05), daemon.tail()
            arrived = min(t for t, items in mail.arrived if item_id in items)
            backlog_then = query(db, "SELECT COUNT(*) FROM items WHERE classified_at IS NULL")[0][0]
            report.update(
                critical_alert_after_stored_s=round(arrived - stored, 2),
                critical_alert_after_published_s=round(arrived - published, 2),
                flood_backlog_when_stored=backlog, flood_backlog_when_alert_arrived=backlog_then,
            )
            log(f"critical alert {report['critical_alert_after_stored_s']} s after it was stored "
                f"({backlog_then} flood posts still waiting)")
            # the rest of the flood, for the time it takes
            wait_until(lambda: query(db, "SELECT COUNT(*) FROM items WHERE classified_at IS NULL")[0][0] == 0
                       and server.served >= flood, 1800, 1.0)
            report["flood_classified_s"] = round(time.monotonic() - t0, 1)
            report["daemon_alive"] = daemon.proc is not None and daemon.proc.poll() is None
            report["big_feed_health"] = health(db, "big-feed")
            report["big_feed_requests"] = server.big_requests
            report["items_stored"] = query(db, "SELECT COUNT(*) FROM items")[0][0]
        rc, _ = daemon.terminate(120)
        report["exit_code"] = rc
    finally:
        if daemon.proc is not None and daemon.proc.poll() is None:
            daemon.proc.kill()
            daemon.proc.wait()
        report["peak_rss_daemon_and_children_mb"] = round(daemon.peak_tree_rss / MB)
        peak = cap.peak()
        report["cgroup_peak_mb"] = round(peak / MB) if peak else None
        report["oom_kills"] = cap.oom_kills()
        report["daemon_starts"] = daemon.log_events()["daemon_ready"] if daemon.log.exists() else 0
        cap.close()
        quiet.stop()
        server.stop()
        mail.stop()
    return report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--flood", type=int, default=20_000, help="posts the flood feed pours out (5,000 a poll)")
    ap.add_argument("--big-mb", type=int, default=50)
    ap.add_argument("--cap-mb", type=int, default=1024)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        report = run_flood(Path(tmp), flood=args.flood, big_mb=args.big_mb, cap_mb=args.cap_mb)
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
