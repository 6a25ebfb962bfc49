#!/usr/bin/env python3
"""Soak and fault test: the REAL daemon (``watchtower run`` as a subprocess, the real classifier) for a while against
fake sources on loopback, with faults injected, then an audit of what it stored and sent.

    .venv/bin/python scripts/soak.py --duration 600 --json soak.json

Faults: the RSS feed keeps gaining items and sometimes answers 500, 429 (Retry-After), garbage bytes or an HTML
error page, or hangs; the SMTP server (aiosmtpd) answers 421 for a while, then its port is closed for a while;
the daemon is SIGKILLed mid-poll (feed hanging) and mid-send (SMTP holding DATA) and restarted; the database
filesystem fills up (a small tmpfs mounted here when run as root; otherwise ``RLIMIT_FSIZE`` on the daemon, with
SIGXFSZ ignored so writes fail with EFBIG, the report says which); a broken config is sent with SIGHUP, then a
good one.

Checks: every item the feed published is stored exactly once and classified; every alert the daemon queued was
delivered (its Message-ID reached the SMTP server), and SMTP messages not recorded as sent (the at-least-once
window across a SIGKILL between the server's 250 and the database commit) are counted as duplicates; overdue
escalation steps came within the escalation tick plus a poll interval of the deadline (or of the restart, if the
daemon was down then); RSS did not grow without bound (psutil samples). tests/test_soak.py runs a short version.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import email
import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import psutil
from aiohttp import web
from aiosmtpd.controller import Controller

from watchtower.demo import free_port, serve_loopback

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from school_toml import STAFF, local_smtp, rss_source, school_toml  # tests/ holds the one config builder

BENIGN = [
    "Well done to year 6 on a brilliant sports day, the relay was amazing",
    "What time does the christmas fair start on saturday?",
    "Lovely to see the choir at the town hall last night",
    "Is the school closed tomorrow because of the snow?",
    "Thank you to the PTA for organising the disco",
    "Great result for the under 14s football team this weekend",
]
FLAGGED = [
    "I'll k1ll u tomorrow after school, watch your back",
    "Mr Jones is a useless fat idiot and everyone hates him",
    "I am going to bring a knife to school and stab him",
    "my stepdad hits me and I don't want to go home tonight",
    "I'm a reporter at the Echo, can the head comment on the exclusions story by 5pm?",
]
FAULTS = ("500", "429", "garbage", "html")
# Secrets that must never appear in logs (tests/test_logging_privacy.py looks for them).
LINK_KEY = "soak-link-key-" + "k" * 32


# --- fake sources ----------------------------------------------------------------------------------


@dataclass
class FeedItem:
    guid: str
    title: str
    text: str
    author: str
    published: datetime

    @property
    def link(self) -> str:
        return f"https://school.example/c/{self.guid}"

    @property
    def key(self) -> str:
        """What the RSS connector keys an item by (``platform_id``): its guid, a URN here (unique by itself)."""
        return f"urn:watchtower-soak:{self.guid}"


class FeedServer:
    """An RSS 2.0 feed on loopback that keeps gaining items and answers with faults on request."""

    def __init__(self, *, seed: int = 1, flagged_share: float = 0.3) -> None:
        self.items: list[FeedItem] = []
        self.faults: list[str] = []
        self.hang = threading.Event()  # while set, requests hang (a poll in flight)
        self.in_request = threading.Event()
        self.requests = 0
        self.fault_responses: Counter[str] = Counter()
        self.rng = random.Random(seed)
        self.flagged_share = flagged_share
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self.port = 0
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/feed.rss"

    def start(self) -> FeedServer:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_get("/feed.rss", self._handle)
        self._runner, self.port = await serve_loopback(app)

    def stop(self) -> None:
        self.hang.clear()
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def add(self, n: int = 1, *, text: str | None = None, author: str | None = None) -> list[FeedItem]:
        with self._lock:
            out = []
            for _ in range(n):
                k = len(self.items) + 1
                body = text or (
                    self.rng.choice(FLAGGED) if self.rng.random() < self.flagged_share else self.rng.choice(BENIGN)
                )
                it = FeedItem(f"soak-{k}", f"Comment {k}", f"{body} (#{k})", author or f"user{k % 7}",
                              datetime.now(UTC))
                self.items.append(it)
                out.append(it)
            return out

    def inject(self, *faults: str) -> None:
        with self._lock:
            self.faults.extend(faults)

    def render(self) -> str:
        with self._lock:
            items = list(self.items[-500:])
        entries = "".join(
            f"<item><title>{i.title}</title><link>{i.link}</link>"
            f"<guid isPermaLink=\"false\">{i.key}</guid><author>{i.author}</author>"
            f"<pubDate>{format_datetime(i.published)}</pubDate><description>{i.text}</description></item>"
            for i in reversed(items)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Website comments</title>'
            f"<link>https://school.example/</link><description>comments</description>{entries}</channel></rss>"
        )

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.requests += 1
        self.in_request.set()
        while self.hang.is_set():
            await asyncio.sleep(0.1)
        with self._lock:
            fault = self.faults.pop(0) if self.faults else None
        if fault:
            self.fault_responses[fault] += 1
        if fault == "500":
            return web.Response(status=500, text="Internal Server Error")
        if fault == "429":
            return web.Response(status=429, headers={"Retry-After": "2"}, text="slow down")
        if fault == "garbage":
            return web.Response(body=os.urandom(2048), content_type="application/rss+xml")
        if fault == "html":
            return web.Response(text="<html><body><h1>502 Bad Gateway</h1></body></html>", content_type="text/html")
        return web.Response(text=self.render(), content_type="application/rss+xml")


@dataclass
class Received:
    recipient: str
    message_id: str
    item_ids: list[int]
    subject: str


@dataclass
class MailServer:
    """aiosmtpd on loopback: records what it accepts; can refuse (421), hold DATA, or close its port."""

    port: int = field(default_factory=free_port)
    messages: list[Received] = field(default_factory=list)
    refuse: bool = False
    hold_seconds: float = 0.0
    in_data: threading.Event = field(default_factory=threading.Event)
    refused: int = 0
    controller: Controller | None = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse:
            self.refused += 1
            return "421 4.3.2 soak test: service not available, try again later"
        self.in_data.set()
        if self.hold_seconds:
            await asyncio.sleep(self.hold_seconds)
        msg = email.message_from_bytes(envelope.content)
        items = [int(x) for x in str(msg.get("X-Watchtower-Items", "")).split(",") if x.strip()]
        for rcpt in envelope.rcpt_tos:
            self.messages.append(Received(rcpt.lower(), str(msg["Message-ID"]), items, str(msg["Subject"])))
        return "250 OK"

    def start(self) -> MailServer:
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


# --- the daemon under test -------------------------------------------------------------------------


def config_toml(*, feed_url: str, smtp_port: int, db_path: Path, interval: float = 10,
                critical_hours: float = 0.03, high_hours: float = 0.05) -> str:
    """The whole staff, one RSS source, short deadlines, no batching, quick SMTP retries, JSON logs."""
    return school_toml(
        db_path, staff=STAFF, aliases=["Oakfield School"],
        sources=[rss_source(feed_url, interval_seconds=interval, timeout_seconds=4)],
        deadlines={"critical_hours": critical_hours, "high_hours": high_hours, "media_enquiry_hours": critical_hours},
        escalation={"batch_minutes": 0},
        smtp=local_smtp(smtp_port, timeout_seconds=5),
        notify={"first_backoff_seconds": 1, "max_backoff_seconds": 8},
        dashboard={"enabled": False, "public_url": "https://watchtower.oakfield.example"},
        logging={"level": "info", "format": "json"},
    )


def _ignore_sigxfsz_and_limit(limit: int | None) -> Any:
    def pre() -> None:
        os.setsid()
        if limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return pre


class DaemonProcess:
    """``watchtower run`` in a subprocess, logs to a file, RSS sampled with psutil."""

    def __init__(self, config: Path, log: Path, env: dict[str, str] | None = None) -> None:
        self.config = config
        self.log = log
        self.env = {**os.environ, "WATCHTOWER_LINK_KEY": LINK_KEY, **(env or {})}
        self.env.pop("NOTIFY_SOCKET", None)
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0
        self.rss_samples: list[tuple[int, float, int]] = []  # (start number, seconds since that start, bytes)
        self.started_at = 0.0
        self.down_intervals: list[tuple[float, float]] = []  # wall-clock (epoch) periods the daemon was down
        self._down_since: float | None = time.time()

    def start(self, *, fsize_limit: int | None = None) -> None:
        self.starts += 1
        logf = open(self.log, "ab")  # noqa: SIM115 - handed to the child
        self.proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "watchtower", "run", "--config", str(self.config)],
            stdout=logf, stderr=subprocess.STDOUT, env=self.env,
            preexec_fn=_ignore_sigxfsz_and_limit(fsize_limit),
        )
        logf.close()
        self.started_at = time.monotonic()

    def wait_ready(self, timeout: float = 90) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"daemon exited with {self.proc.returncode}:\n{self.tail()}")
            if self.log.exists() and self.log.read_text(errors="replace").count('"daemon_ready"') >= self.starts:
                if self._down_since is not None:
                    self.down_intervals.append((self._down_since, time.time()))
                    self._down_since = None
                return
            time.sleep(0.1)
        raise TimeoutError(f"daemon not ready after {timeout} s:\n{self.tail()}")

    def sample(self) -> int:
        if self.proc is None or self.proc.poll() is not None:
            return 0
        try:
            rss = int(psutil.Process(self.proc.pid).memory_info().rss)
        except psutil.Error:
            return 0
        self.rss_samples.append((self.starts, time.monotonic() - self.started_at, rss))
        return rss

    def signal(self, sig: int) -> None:
        assert self.proc is not None
        self.proc.send_signal(sig)

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(10)
        self._down_since = time.time()

    def kill_if_running(self) -> None:
        """SIGKILL it if it is still running: the clean-up after a test or a benchmark, whatever happened."""
        if self.proc is not None and self.proc.poll() is None:
            self.kill()

    def terminate(self, timeout: float) -> tuple[int, float]:
        assert self.proc is not None
        t0 = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        rc = self.proc.wait(timeout)
        self._down_since = time.time()
        return rc, time.monotonic() - t0

    def tail(self, n: int = 40) -> str:
        if not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])

    def log_events(self) -> Counter[str]:
        c: Counter[str] = Counter()
        for line in self.log.read_text(errors="replace").splitlines():
            with contextlib.suppress(ValueError):
                c[json.loads(line).get("event", "?")] += 1
        return c


def _db(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)


def wait_until(pred: Any, timeout: float, step: float = 0.25) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with contextlib.suppress(sqlite3.Error):
            if pred():
                return True
        time.sleep(step)
    return False


# --- the audit --------------------------------------------------------------------------------------


def audit(db_path: Path, feed: FeedServer, mail: MailServer, daemon: DaemonProcess, *,
          escalation_tick: float, poll_interval: float) -> dict[str, Any]:
    conn = _db(db_path)
    try:
        stored = Counter(r[0] for r in conn.execute("SELECT platform_id FROM items"))
        unclassified = conn.execute("SELECT COUNT(*) FROM items WHERE classified_at IS NULL").fetchone()[0]
        flagged = conn.execute("SELECT COUNT(*) FROM items WHERE severity > 0").fetchone()[0]
        alerts = conn.execute(
            "SELECT id, item_id, step, recipient, status, message_id, kind FROM alerts"
        ).fetchall()
        deadlines = conn.execute(
            "SELECT i.id, i.deadline_at, s.at FROM items i JOIN escalation_steps s ON s.item_id = i.id "
            "AND s.step = 'overdue_aht' WHERE i.deadline_at IS NOT NULL"
        ).fetchall()
        overdue_missing = conn.execute(
            "SELECT COUNT(*) FROM items i WHERE deadline_at IS NOT NULL AND deadline_at < ? AND acknowledged_at IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM escalation_steps s WHERE s.item_id = i.id AND s.step = 'overdue_aht')",
            [(datetime.now(UTC) - timedelta(seconds=escalation_tick + poll_interval)).strftime(
                "%Y-%m-%dT%H:%M:%S.%fZ")],
        ).fetchone()[0]
    finally:
        conn.close()
    published = [i.key for i in feed.items]
    missing = [g for g in published if stored[g] == 0]
    twice = [g for g, n in stored.items() if n > 1]
    item_alerts = [a for a in alerts if a[6] == "item"]
    not_sent = [a for a in item_alerts if a[4] != "sent"]
    smtp_ids = Counter(m.message_id for m in mail.messages)
    recorded_ids = {a[5] for a in alerts if a[5]}
    lost = [a for a in item_alerts if a[4] == "sent" and a[5] not in smtp_ids]
    # per (item, recipient): emails at the server vs distinct emails the database recorded
    at_server: Counter[tuple[int, str]] = Counter()
    for m in mail.messages:
        for i in m.item_ids:
            at_server[(i, m.recipient)] += 1
    recorded: dict[tuple[int, str], set[str]] = {}
    for _, item_id, _, rcpt, status, mid, kind in alerts:
        if kind == "item" and status == "sent" and item_id is not None:
            recorded.setdefault((item_id, rcpt.lower()), set()).add(mid)
    duplicates = sum(max(0, n - len(recorded.get(k, ()))) for k, n in at_server.items())
    unrecorded_messages = [m for m in mail.messages if m.message_id not in recorded_ids]

    def parse(s: str) -> float:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()

    lateness = []
    for _, due, took in deadlines:
        d, t = parse(due), parse(took)
        # if the daemon was down at the deadline, count from when it came back
        for down_from, down_to in daemon.down_intervals:
            if down_from <= d <= down_to:
                d = down_to
        lateness.append(t - d)
    by_start: dict[int, list[int]] = {}
    for start, _, rss in daemon.rss_samples:
        by_start.setdefault(start, []).append(rss)
    longest = max(by_start.values(), key=len) if by_start else []
    q = max(1, len(longest) // 4)
    return {
        "items_published": len(published),
        "items_stored": sum(stored.values()),
        "items_missing": len(missing),
        "items_stored_twice": len(twice),
        "items_unclassified": unclassified,
        "items_flagged": flagged,
        "alerts_queued": len(item_alerts),
        "alerts_not_sent": len(not_sent),
        "alerts_lost": len(lost),
        "smtp_messages": len(mail.messages),
        "smtp_refused": mail.refused,
        "duplicate_deliveries": duplicates,
        "unrecorded_messages": len(unrecorded_messages),
        "deadlines_checked": len(lateness),
        "deadline_max_lateness_s": round(max(lateness), 1) if lateness else None,
        "overdue_without_escalation": overdue_missing,
        "rss_peak_mb": round(max((s[2] for s in daemon.rss_samples), default=0) / 2**20, 1),
        "rss_first_quarter_mb": round(sum(longest[:q]) / q / 2**20, 1) if longest else None,
        "rss_last_quarter_mb": round(sum(longest[-q:]) / q / 2**20, 1) if longest else None,
        "daemon_starts": daemon.starts,
        "feed_requests": feed.requests,
        "feed_faults": dict(feed.fault_responses),
        "log_events": {k: v for k, v in daemon.log_events().items() if k in (
            "source_failed", "source_recovered", "smtp_failing", "smtp_recovered", "config_reload_refused",
            "config_reloaded", "poll_store_failed", "classifier_failed", "job_crashed", "triage_recovering")},
    }


# --- the scenario ------------------------------------------------------------------------------------


class DiskFull:
    """A small tmpfs for the database (root only); else None and RLIMIT_FSIZE is used."""

    def __init__(self, base: Path, size_mb: int = 24) -> None:
        self.mount = base / "dbfs"
        self.mount.mkdir()
        self.mode = "rlimit_fsize"
        if os.geteuid() == 0 and shutil.which("mount"):
            res = subprocess.run(  # noqa: S603
                ["mount", "-t", "tmpfs", "-o", f"size={size_mb}m,mode=0700", "tmpfs", str(self.mount)],  # noqa: S607
                capture_output=True,
            )
            if res.returncode == 0:
                self.mode = "tmpfs"
        self.filler = self.mount / "filler"

    def fill(self) -> None:
        # suppress outermost: closing the file flushes its buffer, which fails too once the disk is full
        with contextlib.suppress(OSError), open(self.filler, "wb") as f:
            while True:
                f.write(b"\0" * 65536)
                f.flush()

    def free(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.filler.unlink()

    def close(self) -> None:
        if self.mode == "tmpfs":
            subprocess.run(["umount", "-l", str(self.mount)], capture_output=True)  # noqa: S603, S607


def run_soak(duration: float, workdir: Path, *, seed: int = 7, log: Any = print) -> dict[str, Any]:
    """Run the scenario for about ``duration`` seconds (at least ~120) and return the audit."""
    rng = random.Random(seed)
    interval = 10.0
    feed = FeedServer(seed=seed).start()
    mail = MailServer().start()
    disk = DiskFull(workdir)
    db_path = disk.mount / "watchtower.db"
    cfg = workdir / "watchtower.toml"
    good = config_toml(feed_url=feed.url, smtp_port=mail.port, db_path=db_path, interval=interval)
    cfg.write_text(good)
    daemon = DaemonProcess(cfg, workdir / "daemon.log")
    faults: list[str] = []
    t_start = time.monotonic()
    try:
        feed.add(5)
        daemon.start()
        daemon.wait_ready()
        # phases are fractions of the run; each fault once, more of the random ones if there is time
        plan = [
            # the 421 phase comes first: after the feed faults the poller may back off past its whole window
            (0.04, "smtp 421"), (0.15, "feed faults"), (0.30, "smtp closed"), (0.40, "kill mid-poll"),
            (0.50, "kill mid-send"), (0.62, "disk full"), (0.75, "bad reload"), (0.82, "good reload"),
        ]
        next_add = time.monotonic()
        next_sample = time.monotonic()
        smtp_back_at: float | None = None
        refuse_cap = 0.0
        disk_free_at: float | None = None
        while plan or time.monotonic() - t_start < duration:
            now = time.monotonic()
            frac = (now - t_start) / duration
            if now >= next_add:
                feed.add(rng.randint(1, 3))
                next_add = now + rng.uniform(2, 6)
                if rng.random() < 0.15:
                    feed.inject(rng.choice(FAULTS))
            if now >= next_sample:
                daemon.sample()
                next_sample = now + 2
            if smtp_back_at and now >= smtp_back_at and mail.refuse and mail.refused == 0 and now < refuse_cap:
                # the 421 phase must really refuse an email: the poller may still be backing off from the feed
                # faults, so hold the refusal until one has been refused (or a minute has passed)
                smtp_back_at = now + 1
            if smtp_back_at and now >= smtp_back_at:
                mail.refuse = False
                if mail.controller is None:
                    mail.start()
                smtp_back_at = None
            if disk_free_at and now >= disk_free_at:
                disk.free()
                disk_free_at = None
            if plan and frac >= plan[0][0]:
                _, what = plan.pop(0)
                log(f"[{now - t_start:6.1f}s] fault: {what}")
                faults.append(what)
                if what == "feed faults":
                    feed.inject(*FAULTS)
                elif what == "smtp 421":
                    mail.refuse = True
                    feed.add(3, text=FLAGGED[0])
                    smtp_back_at = now + min(60, duration * 0.12)
                    refuse_cap = now + 60
                elif what == "smtp closed":
                    mail.stop()
                    feed.add(2, text=FLAGGED[2])
                    smtp_back_at = now + min(60, duration * 0.08)
                elif what == "kill mid-poll":
                    feed.in_request.clear()
                    feed.hang.set()
                    feed.add(2)
                    if wait_until(feed.in_request.is_set, 75, 0.05):  # the poller may be backing off
                        daemon.kill()
                    else:
                        faults.append("kill mid-poll: no poll seen")
                        daemon.kill()
                    feed.hang.clear()
                    daemon.start()
                    daemon.wait_ready()
                elif what == "kill mid-send":
                    mail.in_data.clear()
                    mail.hold_seconds = 3.0
                    feed.add(2, text=FLAGGED[1])
                    if wait_until(mail.in_data.is_set, interval * 3 + 10, 0.02):
                        time.sleep(1.0)  # in DATA: the server will accept; the daemon will not record it
                    else:
                        faults.append("kill mid-send: no send seen")
                    daemon.kill()
                    mail.hold_seconds = 0.0
                    daemon.start()
                    daemon.wait_ready()
                elif what == "disk full":
                    if disk.mode == "tmpfs":
                        disk.fill()
                    else:  # restart the daemon under a file size limit just above the database's size
                        daemon.terminate(90)
                        daemon.start(fsize_limit=db_path.stat().st_size + 64 * 1024)
                        daemon.wait_ready()
                    feed.add(4)
                    disk_free_at = now + min(30, duration * 0.08)
                    if disk.mode != "tmpfs":
                        time.sleep(min(30, duration * 0.08))
                        daemon.terminate(90)
                        daemon.start()
                        daemon.wait_ready()
                        disk_free_at = None
                elif what == "bad reload":
                    cfg.write_text(good.replace("[[people]]", "[[people", 1))
                    daemon.signal(signal.SIGHUP)
                    time.sleep(1)
                elif what == "good reload":
                    cfg.write_text(good.replace("timeout_seconds = 4", "timeout_seconds = 5"))
                    daemon.signal(signal.SIGHUP)
            if daemon.proc is not None and daemon.proc.poll() is not None:
                raise RuntimeError(f"the daemon died (rc {daemon.proc.returncode}):\n{daemon.tail()}")
            time.sleep(0.1)
        # settle: faults off, one more batch, then wait for a clean poll, triage and an empty outbox
        disk.free()
        mail.refuse = False
        if mail.controller is None:
            mail.start()
        feed.faults.clear()
        feed.add(2)
        last_link = feed.items[-1].key

        def settled() -> bool:
            conn = _db(db_path)
            try:
                seen = conn.execute("SELECT 1 FROM items WHERE platform_id = ?", [last_link]).fetchone()
                busy = conn.execute(
                    "SELECT (SELECT COUNT(*) FROM items WHERE classified_at IS NULL) + "
                    "(SELECT COUNT(*) FROM alerts WHERE status = 'pending')"
                ).fetchone()[0]
            finally:
                conn.close()
            return bool(seen) and busy == 0

        ok = wait_until(settled, 120, 0.5)
        daemon.sample()
        rc, stop_seconds = daemon.terminate(90)
        report = audit(db_path, feed, mail, daemon, escalation_tick=30.0, poll_interval=interval)
        report.update({
            "duration_s": round(time.monotonic() - t_start, 1),
            "settled": ok,
            "final_exit_code": rc,
            "final_stop_seconds": round(stop_seconds, 1),
            "disk_full_mode": disk.mode,
            "faults_injected": faults,
        })
        return report
    finally:
        if daemon.proc is not None and daemon.proc.poll() is None:
            daemon.proc.kill()
        feed.stop()
        mail.stop()
        disk.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--duration", type=float, default=600, help="seconds of faults and traffic (default 600)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", type=Path, default=None, help="keep the database and log here")
    ap.add_argument("--json", type=Path, default=None, help="write the figures to this file")
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="watchtower-soak-"))
    work.mkdir(parents=True, exist_ok=True)
    report = run_soak(max(120.0, args.duration), work, seed=args.seed)
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")
    print(f"workdir (log, config): {work}", file=sys.stderr)
    bad = report["items_missing"] or report["items_stored_twice"] or report["alerts_lost"] or not report["settled"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
