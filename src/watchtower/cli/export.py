"""``watchtower export --author HANDLE``: a subject access request, as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from watchtower.cli._common import add_config_arg, open_config_and_database


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "export", help="subject access request: every item by one author, with classifications and actions (JSON)"
    )
    add_config_arg(p)
    p.add_argument("--author", required=True, help="the author's handle (or name, where the platform has no handle)")
    p.add_argument("--out", type=Path, default=None, help="write to this file (created 0600) instead of stdout")
    p.set_defaults(func=_main)


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to a new or truncated file readable by its owner only."""
    import os

    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(path, 0o600)


def _main(args: argparse.Namespace) -> int:
    from watchtower.dataprotection import export_author
    from watchtower.models import utcnow

    _, db = open_config_and_database(args, "export")
    try:
        data = export_author(db, args.author, now=utcnow())
    finally:
        db.close()
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    if args.out:
        write_private(args.out, text)
        print(f"{len(data['items'])} item(s) by {args.author} written to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
