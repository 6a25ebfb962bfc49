"""Helpers shared by sub-commands."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from watchtower.exceptions import WatchtowerError

if TYPE_CHECKING:
    from watchtower.config import Config, StoreConfig
    from watchtower.store.db import Db

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


#: The largest item number the store can hold (SQLite's INTEGER is a signed 64-bit number).
MAX_ITEM_ID = 2**63 - 1


def add_item_id_arg(parser: argparse.ArgumentParser, help: str = "the item's number (see `watchtower queue`)") -> None:
    """The ``ID`` argument, taken as text: ``item_id`` checks it in the handler, so that an odd one is the command's
    one-line error (exit 2) rather than argparse's usage text or, out of SQLite's range, a traceback."""
    parser.add_argument("item_id", metavar="ID", help=help)


def item_id(text: str) -> int:
    """``text`` as an item number: ASCII digits only (int() would take "1_0", " 7" and other scripts' digits),
    from 1 to ``MAX_ITEM_ID``; anything else is a WatchtowerError naming it (escaped, and cut short)."""
    if text.isascii() and text.isdigit() and 0 < int(text) <= MAX_ITEM_ID:
        return int(text)
    shown = ascii(text[:30]) + ("..." if len(text) > 30 else "")
    raise WatchtowerError(
        f"{shown} is not an item number: use the number shown by `watchtower queue`, the dashboard or the email"
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


def open_config_and_database(args: argparse.Namespace, command: str, *, migrate: bool = True) -> tuple[Config, Db]:
    """The config ``--config`` names (or the default) and its store, opened as :func:`open_database` does for the
    command ``command`` (the caller closes it)."""
    from watchtower.config import load_config

    config = load_config(config_path(args.config))
    return config, open_database(config.store, migrate=migrate, command=command)


def open_database(store: StoreConfig, *, migrate: bool = True, command: str = "") -> Db:
    """The store's connection (``[store]``: a SQLite file or a PostgreSQL database), or a WatchtowerError saying
    in one sentence why it cannot be opened (most often: run as a user who may not read /var/lib/watchtower)."""
    from watchtower.exceptions import StoreError
    from watchtower.store import connect

    run_as = f"sudo -u watchtower /opt/watchtower/venv/bin/watchtower {command}".rstrip()
    if store.path is None:
        try:
            db = connect(store.location(), migrate=migrate)
        except StoreError as exc:
            raise WatchtowerError(str(exc)) from None
        if not migrate and not db.has_table("items"):
            db.close()
            raise WatchtowerError(f"the database {store.describe()} has no Watchtower tables: has the daemon ever "
                                  "started?")
        return db
    path = store.path
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
    except StoreError as exc:
        raise WatchtowerError(
            f"{exc}: check that it exists and that you run this as the service user ({run_as})"
        ) from None
