"""``watchtower thresholds``: advice on the classifier's thresholds from the moderators' own marks.

Reads the database only (works with the daemon stopped) and changes nothing: it prints, for each model
threshold in ``[classifier]``, what raising it would have changed on the items people have judged
("not a concern" marks against recorded actions), and the line to put in watchtower.toml where the marks
support a change. See :mod:`watchtower.tuning` for the rule.

Exit 0 (advice or not), 2 when the database cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from watchtower.cli._common import add_config_arg, config_path, open_database


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "thresholds",
        help="advise on [classifier] thresholds from 'not a concern' marks and recorded actions (read-only)",
    )
    add_config_arg(p)
    p.add_argument("--min-marks", type=int, default=10, metavar="N",
                   help="'not a concern' marks a threshold needs before any change is advised (default 10)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=_main)


def collect(db: Any, classifier: Any, min_marks: int) -> list[Any]:
    from watchtower import tuning

    marks = ",".join("?" * len(tuning.CONFIRMING_ACTIONS))
    rows = db.execute(
        "SELECT i.id, i.not_concern, "
        f" EXISTS (SELECT 1 FROM actions a WHERE a.item_id = i.id AND a.action IN ({marks})), "
        " c.decisions "
        "FROM items i JOIN classifications c ON c.id = "
        " (SELECT MAX(id) FROM classifications WHERE item_id = i.id) "
        "WHERE i.severity > 0",
        list(tuning.CONFIRMING_ACTIONS),
    ).fetchall()
    return tuning.advise(tuning.decisions(rows, classifier), classifier, min_marks=min_marks)


def _print(advice: list[Any]) -> None:
    print("Threshold advice from moderators' judgements (nothing is changed; edit [classifier] yourself)")
    for a in advice:
        print(f"\n{a.key} = {a.current:.2f}: {a.total('false_positive')} not a concern, "
              f"{a.total('confirmed')} confirmed, {a.total('unjudged')} not judged")
        print(f"  {a.why}")
        if a.decisions:
            print("  raised to   false positives gone   confirmed lost   not-judged no longer flagged")
            for r in a.table():
                mark = "  <- advised" if r["threshold"] == a.suggested else ""
                print(f"  {r['threshold']:>9.2f}   {r['false_positives_removed']:>20}   {r['confirmed_lost']:>14}"
                      f"   {r['unjudged_no_longer_flagged']:>29}{mark}")
    changes = [a for a in advice if a.suggested is not None]
    print()
    if changes:
        print("To apply, in watchtower.toml:\n[classifier]")
        for a in changes:
            print(f"{a.key} = {a.suggested:.2f}")
        print("then restart the daemon (sudo systemctl restart watchtower): classifier settings load at start.")
    else:
        print("No change advised.")


def _main(args: argparse.Namespace) -> int:
    from watchtower.config import load_config

    if args.min_marks < 1:
        print("watchtower thresholds: --min-marks must be at least 1", file=sys.stderr)
        return 2
    config = load_config(config_path(args.config))
    if config.store.path is not None and not config.store.path.exists():
        print(f"watchtower thresholds: no database at {config.store.path}: has the daemon ever started?",
              file=sys.stderr)
        return 2
    db = open_database(config.store, migrate=False, command="thresholds")
    try:
        advice = collect(db, config.classifier, args.min_marks)
    finally:
        db.close()
    if args.json:
        print(json.dumps([{"key": a.key, "current": a.current, "suggested": a.suggested, "why": a.why,
                           "false_positives": a.total("false_positive"), "confirmed": a.total("confirmed"),
                           "unjudged": a.total("unjudged"), "table": a.table()} for a in advice], indent=2))
    else:
        _print(advice)
    return 0
