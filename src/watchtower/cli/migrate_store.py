"""``watchtower migrate-store --to postgresql://...``: copy the configured SQLite store into an empty PostgreSQL
database, verify it table by table, and say what to put in ``[store]`` (docs/operations.md, "Moving an existing
install to PostgreSQL"). Stop the daemon first; the SQLite file is left as it was."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from watchtower.cli._common import add_config_arg, config_path
from watchtower.exceptions import WatchtowerError


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "migrate-store", help="copy the SQLite store into an empty PostgreSQL database (stop the daemon first)",
        description="Copy every table of the configured SQLite store into an empty PostgreSQL database, in id "
        "order, keeping the ids; verify the rows of every table and print them. The SQLite file is not changed.",
    )
    add_config_arg(p)
    p.add_argument("--to", required=True, metavar="URL",
                   help="the empty PostgreSQL database, e.g. postgresql://watchtower@db.trust.example/watchtower "
                   "(no password in it)")
    p.add_argument("--password-secret", metavar="NAME", default=None,
                   help="the secret (environment variable or credential) holding the database password; without "
                   "it, libpq's own ways apply (PGPASSWORD, ~/.pgpass, a trusted socket)")
    p.add_argument("--force", action="store_true", help="copy even though a process has the SQLite file open")
    p.set_defaults(func=_main)


def _main(args: argparse.Namespace) -> int:
    from watchtower.backup import holders
    from watchtower.config import StoreConfig, load_config
    from watchtower.exceptions import StoreError
    from watchtower.store import connect
    from watchtower.store.copy import copy_store

    config = load_config(config_path(args.config))
    if config.store.path is None:
        raise WatchtowerError(f"the configured store is already PostgreSQL ({config.store.describe()}): "
                              "migrate-store copies a SQLite store (store.path)")
    try:
        target_store = StoreConfig(url=args.to, password_secret=args.password_secret)
    except ValueError as exc:
        raise WatchtowerError(f"--to / --password-secret: {_first_error(exc)}") from None
    path = config.store.path
    if not path.is_file():
        raise WatchtowerError(f"no database at {path}: nothing to copy")
    busy = holders(path)
    if busy and not args.force:
        raise WatchtowerError(f"{path} is open in process {', '.join(map(str, busy))} (the daemon?): stop it first "
                              "(sudo systemctl stop watchtower), so that nothing is written during the copy, or "
                              "pass --force")
    target_location = target_store.location(os.environ)
    print(f"copying {path} to {target_store.describe()} ...", flush=True)
    source = connect(path)
    try:
        try:
            target = connect(target_location, migrate=False)
        except StoreError as exc:
            raise WatchtowerError(str(exc)) from None
        try:
            counts = copy_store(source, target, progress=_progress)
        except StoreError as exc:
            raise WatchtowerError(f"{exc} (the target is unchanged: fix it and run the command again)") from None
        finally:
            target.close()
    finally:
        source.close()
    width = max(len(c.table) for c in counts)
    print(f"\n{'table':<{width}}  {'SQLite':>10}  {'PostgreSQL':>10}")
    for c in counts:
        print(f"{c.table:<{width}}  {c.source:>10}  {c.target:>10}")
    total = sum(c.source for c in counts)
    print(f"\nverified: {len(counts)} tables, {total} rows, the same on both sides.")
    print("Now put the new store in the config (instead of path) and start Watchtower:\n\n[store]")
    print(f'url = "{args.to}"')
    if args.password_secret:
        print(f'password_secret = "{args.password_secret}"')
    print(f"\nThe SQLite file {path} is unchanged: keep it as a backup until you are satisfied.")
    return 0


def _progress(table: str, copied: int) -> None:
    if copied % 50_000 == 0:
        print(f"  {table}: {copied} rows", file=sys.stderr, flush=True)


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        return str(first.get("msg", exc)).removeprefix("Value error, ")
    return str(exc)
