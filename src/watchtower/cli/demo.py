"""``watchtower demo``: see Watchtower work end to end with no accounts and no network."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "demo", help="run the real daemon on built-in sample sources and a local mail catcher"
    )
    p.add_argument("--keep-db", type=Path, default=None, help="keep the demo database at this path")
    p.set_defaults(func=_main)


def _main(args: argparse.Namespace) -> int:
    from watchtower.demo import run_demo
    from watchtower.logging import configure

    configure(level="warning", fmt="console")
    return asyncio.run(run_demo(keep_db=args.keep_db))
