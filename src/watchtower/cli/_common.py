"""Helpers shared by sub-commands."""

from __future__ import annotations

import argparse
import os
import sqlite3
from pathlib import Path
from typing import Any

from watchtower.exceptions import WatchtowerError

DEFAULT_CONFIG_CANDIDATES = (
    Path("/etc/watchtower/watchtower.toml"),
    Path("config/watchtower.toml"),
)


def add_config_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        help="config file (default: $WATCHTOWER_CONFIG, /etc/watchtower/watchtower.toml, config/watchtower.toml)",
    )


def config_path(given: Path | None) -> Path:
    """The config file to use: the one given, $WATCHTOWER_CONFIG, or the first default that exists."""
    if given is not None:
        return given
    env = os.environ.get("WATCHTOWER_CONFIG")
    if env:
        return Path(env)
    for candidate in DEFAULT_CONFIG_CANDIDATES:
        if candidate.exists():
            return candidate
    return DEFAULT_CONFIG_CANDIDATES[-1]


def open_database(path: Path, *, migrate: bool = True, command: str = "") -> Any:
    """The store's connection to ``path``, or a WatchtowerError saying in one sentence why it cannot be opened
    (most often: run as a user who may not read /var/lib/watchtower)."""
    from watchtower.store import connect

    run_as = f"sudo -u watchtower /opt/watchtower/venv/bin/watchtower {command}".rstrip()
    try:
        path.stat()
    except FileNotFoundError:
        if migrate:
            pass  # connect() creates it
        else:
            raise WatchtowerError(f"no database at {path}: has the daemon ever started?") from None
    except PermissionError:
        raise WatchtowerError(
            f"cannot read the database {path}: permission denied; run this as the service user ({run_as})"
        ) from None
    try:
        return connect(path, migrate=migrate)
    except PermissionError:
        raise WatchtowerError(
            f"cannot open the database {path}: permission denied; run this as the service user ({run_as})"
        ) from None
    except sqlite3.OperationalError as exc:
        raise WatchtowerError(
            f"cannot open the database {path} ({exc}): check that it exists and that you run this as the service "
            f"user ({run_as})"
        ) from None
