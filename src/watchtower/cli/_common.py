"""Helpers shared by sub-commands."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

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
