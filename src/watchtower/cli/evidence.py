"""``watchtower evidence ID --out FILE``: a snapshot of one item for the police or CEOP, with a SHA-256."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import Any

from watchtower.cli._common import (
    add_config_arg,
    add_item_id_arg,
    item_id,
    open_config_and_database,
)


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "evidence", help="export one item as evidence (content, classification, audit trail, SHA-256) to a JSON file"
    )
    add_config_arg(p)
    add_item_id_arg(p, help="the item's number (as in the dashboard and emails)")
    p.add_argument("--out", type=Path, required=True, help="the JSON file to write (created 0600)")
    p.add_argument("--by", default=None, help="who is exporting it (default: your login name); audited")
    p.set_defaults(func=_main)


def _main(args: argparse.Namespace) -> int:
    from watchtower.cli.export import write_private
    from watchtower.dataprotection import evidence
    from watchtower.models import utcnow
    from watchtower.store import immediate

    args.item_id = item_id(args.item_id)
    _, db = open_config_and_database(args, "evidence")
    try:
        with immediate(db):
            try:
                snap = evidence(db, args.item_id, by=args.by or getpass.getuser(), now=utcnow())
            except KeyError:
                print(f"watchtower evidence: no item {args.item_id} (purged or erased?)", file=sys.stderr)
                return 1
    finally:
        db.close()
    write_private(args.out, json.dumps(snap, indent=2, ensure_ascii=False, default=str) + "\n")
    if not snap["flagged"]:
        print(f"note: item {args.item_id} was not flagged by Watchtower", file=sys.stderr)
    print(f"item {args.item_id} written to {args.out}; content SHA-256 {snap['content_sha256']}")
    return 0
