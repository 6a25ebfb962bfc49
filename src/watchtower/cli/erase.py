"""``watchtower erase --author HANDLE --by NAME``: the right to erasure. Audited with counts, never the text."""

from __future__ import annotations

import argparse
from typing import Any

from watchtower.cli._common import add_config_arg, open_config_and_database


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("erase", help="delete every item by one author (right to erasure)")
    add_config_arg(p)
    p.add_argument("--author", required=True, help="the author's handle (or name, where the platform has no handle)")
    p.add_argument("--by", required=True, help="who authorised the erasure (recorded in the audit log)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=_main)


def _main(args: argparse.Namespace) -> int:
    from watchtower.dataprotection import author_item_ids, erase_author
    from watchtower.models import utcnow
    from watchtower.store import immediate

    _, db = open_config_and_database(args, "erase")
    try:
        n = len(author_item_ids(db, args.author))
        if n and not args.yes:
            answer = input(f"Delete {n} item(s) by {args.author}? This cannot be undone. [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                print("nothing deleted")
                return 1
        with immediate(db):
            counts = erase_author(db, args.author, by=args.by, now=utcnow())
    finally:
        db.close()
    print(f"erased {counts['items']} item(s) by {args.author}: "
          + ", ".join(f"{k} {v}" for k, v in counts.items() if k != "items"))
    return 0
