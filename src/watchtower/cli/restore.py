"""``watchtower restore PATH``: replace the database with a checked backup (stop the daemon first)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from watchtower.cli._common import add_config_arg, config_path


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "restore", help="restore the database from a backup (checks it first; stop the daemon first)"
    )
    add_config_arg(p)
    p.add_argument("path", type=Path, metavar="PATH", help="a file made by `watchtower backup`")
    p.add_argument("--force", action="store_true", help="restore even though a process has the database open")
    p.set_defaults(func=_main)


def _main(args: argparse.Namespace) -> int:
    from watchtower.backup import refuse_postgresql, restore
    from watchtower.config import load_config

    config = load_config(config_path(args.config))
    refuse_postgresql(config.store, "restore")
    assert config.store.path is not None
    kept = restore(args.path, config.store.path, force=args.force)
    print(f"restored {config.store.path} from {args.path}")
    if kept:
        print(f"the previous database was kept as {kept} (delete it once you are satisfied)")
    return 0
