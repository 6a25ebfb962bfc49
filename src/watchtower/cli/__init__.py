"""The ``watchtower`` command. Each sub-command lives in its own module with a ``register`` function.

Heavy imports (the model, aiohttp) happen inside the handlers so that ``watchtower classify`` and
``watchtower deadline`` start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
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
    "watchtower.cli.migrate_store",
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


#: exit status when the reader of our output went away (``watchtower digest --preview | head``), as for SIGPIPE
EXIT_BROKEN_PIPE = 141


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Exit 0 done, 1 as the command documents, 2 a problem stated in one sentence on stderr
    (never a traceback for something a person can fix), 130 interrupted, 141 output pipe closed."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not as "Exception ignored" at exit
        return code
    except WatchtowerError as exc:
        print(f"watchtower {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except PermissionError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        print(f"watchtower {args.command}: permission denied{where}: run it as the service user, "
              f"e.g. sudo -u watchtower /opt/watchtower/venv/bin/watchtower {args.command} ...", file=sys.stderr)
        return 2
    except OSError as exc:
        if not exc.filename:
            raise
        print(f"watchtower {args.command}: {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2
    except EOFError:
        print(f"watchtower {args.command}: the input ended before it was complete: nothing was changed",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush does not complain about the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit
