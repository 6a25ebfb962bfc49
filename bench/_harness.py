"""Shared pieces of the benchmark runs: a school config, the daemon child process, SMTP, database peeks."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import signal
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from watchtower.demo import demo_school, free_port

HERE = Path(__file__).resolve().parent



def school_config(sources: list[dict[str, Any]], *, smtp_port: int, db_path: Path) -> dict[str, Any]:
    """The demo school's config (same people and escalation defaults), with the benchmark's sources."""
    return demo_school(sources, smtp_port=smtp_port, db_path=db_path)


def school_people(domain: str) -> list[dict[str, Any]]:
    """A school's people: two moderators (one also admin), AHT, headteacher, DSL and deputy, all at ``domain``."""
    return [
        {"name": f"Mod One {domain}", "email": f"mod1@{domain}", "roles": ["moderator"]},
        {"name": f"Mod Two {domain}", "email": f"mod2@{domain}", "roles": ["moderator", "admin"]},
        {"name": f"AHT {domain}", "email": f"aht@{domain}", "roles": ["aht"]},
        {"name": f"Head {domain}", "email": f"head@{domain}", "roles": ["headteacher"]},
        {"name": f"DSL {domain}", "email": f"dsl@{domain}", "roles": ["dsl"]},
        {"name": f"Deputy {domain}", "email": f"deputy@{domain}", "roles": ["deputy_dsl"]},
    ]


def trust_config(schools: list[tuple[str, list[dict[str, Any]]]], *, smtp_port: int, store: dict[str, Any],
                 dashboard: dict[str, Any] | None = None) -> dict[str, Any]:
    """A multi-academy trust's config (``[trust]`` and ``[[schools]]``, docs/operations.md section 11): each
    ``(school id, sources)`` a school with six people at ``<id>.example``; a trust safeguarding lead and a trust
    operator; ``store``: the ``[store]`` section (a SQLite ``path`` or a PostgreSQL ``url``)."""
    return {
        "trust": {"name": "Bench Learning Trust", "people": [
            {"name": "Grace Adeyemi", "email": "safeguarding@bench-trust.example", "roles": ["safeguarding_lead"]},
            {"name": "Trust IT", "email": "it@bench-trust.example", "roles": ["operator"]},
        ]},
        "schools": [
            {"id": sid, "name": f"School {sid.upper()}", "aliases": [f"{sid.upper()} Academy"],
             "people": school_people(f"{sid}.example"), "sources": sources, "operator_email": f"it@{sid}.example"}
            for sid, sources in schools
        ],
        "deadlines": {"nation": "england"},
        "smtp": {"host": "127.0.0.1", "port": smtp_port, "security": "none",
                 "from_address": "watchtower@bench-trust.example", "timeout_seconds": 10},
        "dashboard": dashboard or {"enabled": False, "public_url": "https://watchtower.bench-trust.example"},
        "store": store,
    }


def rss_source(name: str, url: str, interval: float) -> dict[str, Any]:
    return {"type": "rss", "name": name, "url": url, "source": "mention", "interval_seconds": interval,
            "timeout_seconds": 10}


class Smtp:
    """A real aiosmtpd server on loopback (its own thread in this process)."""

    def __init__(self, handler: Any) -> None:
        self.port = free_port()
        self.controller = Controller(handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> Smtp:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


def proc_status(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM (peak RSS so far) of ``pid`` in MB, from /proc."""
    out: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0]) / 1024
    return out


class Child:
    """``bench/_child.py``: the real daemon in its own process."""

    def __init__(self, workdir: Path, config: dict[str, Any], *, classifier: str = "real",
                 webhook: dict[str, Any] | None = None, environ: dict[str, str] | None = None,
                 serve: str = "daemon") -> None:
        self.workdir = workdir
        self.spec = {
            "config": config,
            "environ": {"WATCHTOWER_LINK_KEY": secrets.token_urlsafe(32), **(environ or {})},
            "classifier": classifier,
            "log": str(workdir / "daemon.log"),
            "webhook": webhook,
            "serve": serve,
        }
        self.proc: asyncio.subprocess.Process | None = None
        self.ready: dict[str, Any] = {}
        self.stopped: dict[str, Any] = {}
        self.started_at = 0.0

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    async def start(self, limit_seconds: float = 120) -> dict[str, Any]:
        spec = self.workdir / "spec.json"
        spec.write_text(json.dumps(self.spec), encoding="utf-8")
        err = (self.workdir / "child.stderr").open("ab")
        self.started_at = time.time()
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, str(HERE / "_child.py"), str(spec), stdout=asyncio.subprocess.PIPE, stderr=err,
            env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
        )
        err.close()
        self.ready = await asyncio.wait_for(self._line("ready"), limit_seconds)
        self.ready["wall_to_ready"] = time.time() - self.started_at
        return self.ready

    async def _line(self, event: str) -> dict[str, Any]:
        assert self.proc is not None and self.proc.stdout is not None
        while True:
            raw = await self.proc.stdout.readline()
            if not raw:
                tail = (self.workdir / "child.stderr").read_text(errors="replace")[-3000:]
                raise RuntimeError(f"daemon child exited before {event!r}:\n{tail}")
            try:
                data = json.loads(raw)
            except ValueError:
                continue
            if isinstance(data, dict) and data.get("event") == event:
                return data

    async def stop(self, limit_seconds: float = 90) -> dict[str, Any]:
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.stopped = await asyncio.wait_for(self._line("stopped"), limit_seconds)
            finally:
                if self.proc.returncode is None:
                    try:
                        await asyncio.wait_for(self.proc.wait(), 10)
                    except TimeoutError:
                        self.proc.kill()
                        await self.proc.wait()
        return self.stopped


def peek(db_path: Path, sql: str, params: tuple[Any, ...] = ()) -> Any:
    """One value from the daemon's database, read on a separate connection (WAL: never blocks the daemon)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
    try:
        row = conn.execute(sql, params).fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def rows(db_path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
    try:
        return list(conn.execute(sql, params).fetchall())
    finally:
        conn.close()


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    s = sorted(values)
    k = max(0, min(len(s) - 1, round(q / 100 * len(s) + 0.5) - 1))
    return s[k]


def db_bytes(db_path: Path) -> int:
    """The database file's size once its WAL is checkpointed into it (call after the daemon stopped)."""
    conn = sqlite3.connect(str(db_path), timeout=10)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return sum(p.stat().st_size for p in (db_path, Path(f"{db_path}-wal")) if p.exists())
