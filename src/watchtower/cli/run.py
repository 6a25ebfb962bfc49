"""``watchtower run``: the daemon, as systemd runs it."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from watchtower.cli._common import add_config_arg, config_path


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("run", help="run the daemon (what the systemd service runs)")
    add_config_arg(p)
    p.set_defaults(func=_main)


def _main(args: argparse.Namespace) -> int:
    from watchtower.config import load_config
    from watchtower.daemon import Daemon, Overrides
    from watchtower.logging import configure

    path = config_path(args.config)
    config = load_config(path)
    configure(level=config.logging.level, fmt=config.logging.format)
    asyncio.run(Daemon(config, Overrides(config_path=path)).run())
    return 0
