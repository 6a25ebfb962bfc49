"""The daemon under test, in its own process (so its CPU and RSS are its own), driven by ``bench/run.py``.

    python bench/_child.py SPEC.json

SPEC: ``{"config": {...parse_config data...}, "environ": {...}, "classifier": "real"|"trivial",
"log": path, "webhook": {"port", "verify_token", "app_secret", "page_id", "record"} | null,
"serve": "daemon"|"dashboard"}``. ``"dashboard"``: only what serves the dashboard (``Daemon.start()`` with the
dashboard on its configured address: store, users, sessions, the real aiohttp app), none of the daemon's loops
(no polling, escalation, outbox or retention purge), so a benchmark's seeded database stays as it was seeded.

Prints JSON lines on stdout: ``{"event": "ready", ...}`` once the daemon is ready, ``{"event": "stopped", ...}``
at the end. Stops on SIGTERM like the real service. Logging is the daemon's JSON lines at INFO, to ``log``.
"""

from __future__ import annotations

import asyncio
import json
import resource
import signal
import sys
import time
from pathlib import Path
from typing import Any

T_EXEC = time.time()

from aiohttp import web  # noqa: E402

from watchtower.config import parse_config  # noqa: E402
from watchtower.daemon import Daemon, Overrides  # noqa: E402
from watchtower.logging import configure  # noqa: E402
from watchtower.models import Classification, Item, utcnow  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))


class TrivialClassifier:
    """A REFERENCE, not Watchtower's classifier: every text gets no categories (so the classifier's share of the
    pipeline's time shows by difference)."""

    version = "bench-trivial"

    def classify_batch(self, texts: list[str], sources: list[str | None] | None = None) -> list[Classification]:
        return [Classification(categories=[], scores={}, reasons=[], model_version=self.version) for _ in texts]


def emit(**data: Any) -> None:
    print(json.dumps(data), flush=True)


async def _webhook(daemon: Daemon, spec: dict[str, Any]) -> tuple[web.AppRunner, list[tuple[str, float]]]:
    """Meta webhook routes on their own port, handing items to the pipeline as the daemon's pollers do:
    store (upsert) then ``triage.submit``. Records when each item was handed over."""
    from watchtower.connectors.webhooks import meta_webhook_routes
    from watchtower.store import repo

    handed: list[tuple[str, float]] = []

    async def on_items(items: list[Item]) -> None:
        now = utcnow()
        ids = await daemon.store.write(lambda db: repo.ingest(db, items, source_name="meta-webhook", now=now))
        assert daemon.triage is not None
        if ids:
            await daemon.triage.submit(ids)
        t = time.time()
        handed.extend((it.platform_id, t) for it in items)

    app = web.Application()
    app.add_routes(
        meta_webhook_routes(
            verify_token=spec["verify_token"], app_secret=spec["app_secret"], on_items=on_items,
            page_id=spec["page_id"],
        )
    )
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", int(spec["port"])).start()
    return runner, handed


async def serve_dashboard(config: Any, spec: dict[str, Any]) -> None:
    """``Daemon.start()`` with the dashboard on, until SIGTERM; none of the daemon's loops run."""
    daemon = Daemon(config, Overrides(environ=spec["environ"], classifier=TrivialClassifier(), start_dashboard=True))
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    await daemon.start()
    emit(event="ready", startup_seconds=daemon.startup_seconds, since_exec=time.time() - T_EXEC, sources=0)
    try:
        await stop.wait()
    finally:
        await daemon._close()


async def main(spec: dict[str, Any]) -> list[tuple[str, float]]:
    """Run the daemon until SIGTERM; returns the webhook hand-over times."""
    config = parse_config(spec["config"], path="<bench>")
    if spec.get("serve") == "dashboard":
        await serve_dashboard(config, spec)
        return []
    classifier = TrivialClassifier() if spec.get("classifier") == "trivial" else None
    daemon = Daemon(
        config,
        Overrides(environ=spec["environ"], classifier=classifier, escalation_interval=30.0, start_dashboard=False),
    )
    task = asyncio.create_task(daemon.run())
    ready = asyncio.ensure_future(daemon.ready.wait())
    await asyncio.wait({task, ready}, return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        task.result()
    hook: tuple[web.AppRunner, list[tuple[str, float]]] | None = None
    if spec.get("webhook"):
        hook = await _webhook(daemon, spec["webhook"])
    emit(event="ready", startup_seconds=daemon.startup_seconds, since_exec=time.time() - T_EXEC,
         sources=len(daemon.pollers))
    await task
    if hook is None:
        return []
    await hook[0].cleanup()
    return hook[1]


if __name__ == "__main__":
    SPEC = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    with Path(SPEC["log"]).open("a", encoding="utf-8") as LOG:
        configure(level="info", fmt="json", stream=LOG)
        HANDED = asyncio.run(main(SPEC))
    if SPEC.get("webhook"):
        Path(SPEC["webhook"]["record"]).write_text(json.dumps(HANDED), encoding="utf-8")
    emit(event="stopped", maxrss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
