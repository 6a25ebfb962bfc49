"""The ``watchtower`` command. Each sub-command lives in its own module with a ``register`` function.

Heavy imports (the model, aiohttp) happen inside the handlers so that ``watchtower classify`` and
``watchtower deadline`` start fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from watchtower import __version__
from watchtower.exceptions import WatchtowerError

#: Sub-command modules, in the order ``--help`` lists them. Each defines ``register(subparsers)``.
COMMAND_MODULES: tuple[str, ...] = (
    "watchtower.cli.run",
    "watchtower.cli.demo",
    "watchtower.cli.check_config",
    "watchtower.cli.classify",
    "watchtower.cli.deadline",
    "watchtower.cli.ack",
    "watchtower.cli.digest",
    "watchtower.cli.user",
    "watchtower.cli.status", "watchtower.cli.purge", "watchtower.cli.export", "watchtower.cli.erase",
    "watchtower.cli.evidence", "watchtower.cli.backup", "watchtower.cli.restore", "watchtower.cli.thresholds",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="watchtower",
        description="Watches a school's social media and makes sure a person acts in time.",
    )
    parser.add_argument("--version", action="version", version=f"watchtower {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except WatchtowerError as exc:
        print(f"watchtower {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
