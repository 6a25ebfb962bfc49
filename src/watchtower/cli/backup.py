"""``watchtower backup PATH``: a consistent copy of the live database (safe while the daemon runs)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from watchtower.cli._common import add_config_arg, config_path


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("backup", help="copy the database to PATH (a file or a folder), 0600")
    add_config_arg(p)
    p.add_argument("path", type=Path, metavar="PATH")
    p.set_defaults(func=_main)


def _main(args: argparse.Namespace) -> int:
    from watchtower.backup import backup, refuse_postgresql
    from watchtower.config import load_config

    config = load_config(config_path(args.config))
    refuse_postgresql(config.store, "backup")
    assert config.store.path is not None
    res = backup(config.store.path, args.path)
    print(f"backed up {config.store.path} to {res.path} ({res.bytes} bytes, {res.seconds:.1f} s, "
          f"schema {res.migrations[-1]})")
    return 0
