"""``watchtower demo``: see Watchtower work end to end with no accounts and no network.

With ``watchtower run``, one of the two commands that start a daemon: ``watchtower.demo`` serves the sample world
and reports, and is handed the daemon made here.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any

from watchtower.exceptions import WatchtowerError

if TYPE_CHECKING:
    from watchtower.config import Config
    from watchtower.daemon import Daemon


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "demo", help="run the real daemon on built-in sample sources and a local mail catcher"
    )
    p.add_argument("--keep-db", type=Path, default=None, help="keep the demo database at this path")
    p.set_defaults(func=_main)


def _main(args: argparse.Namespace) -> int:
    from watchtower.logging import configure

    try:
        from watchtower.demo import run_demo
    except ModuleNotFoundError as exc:
        if exc.name != "aiosmtpd":
            raise
        raise WatchtowerError(
            "the demo's local mail catcher (aiosmtpd) is not installed: a school's server has only what the service "
            "needs. Try the demo from a clone with `make demo`, or: pip install 'watchtower[dev]'"
        ) from None

    configure(level="warning", fmt="console")
    return asyncio.run(run_demo(_daemon, keep_db=args.keep_db))


def _daemon(config: Config, environ: dict[str, str]) -> Daemon:
    from watchtower.daemon import Daemon, Overrides
    from watchtower.demo import DEMO_ESCALATION_INTERVAL

    return Daemon(config, Overrides(environ=environ, escalation_interval=DEMO_ESCALATION_INTERVAL))
