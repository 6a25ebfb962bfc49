"""``watchtower purge``: apply the retention policy now (the daemon also does it daily at retention.purge_time)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from watchtower.cli._common import add_config_arg, open_config_and_database


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("purge", help="delete items older than the retention policy allows")
    add_config_arg(p)
    p.add_argument("--dry-run", action="store_true", help="count what would be deleted, delete nothing")
    p.set_defaults(func=_main)


def _main(args: argparse.Namespace) -> int:
    from watchtower.models import utcnow
    from watchtower.retention import purge
    from watchtower.store import immediate

    config, db = open_config_and_database(args, "purge")
    try:
        with immediate(db):
            counts = purge(db, config.retention, now=utcnow(), dry_run=args.dry_run, channel="cli")
    finally:
        db.close()
    r = config.retention
    verb = "would delete" if args.dry_run else "deleted"
    print(f"{verb} {counts.unflagged_items} unflagged item(s) older than {r.unflagged_days} days and "
          f"{counts.flagged_items} flagged item(s) older than {r.flagged_days} days")
    for k, v in asdict(counts).items():
        if k not in ("unflagged_items", "flagged_items"):
            print(f"  {k}: {v}")
    return 0
