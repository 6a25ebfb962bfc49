"""``watchtower check-config [FILE]``: validate the config and say what would be watched and who would be told."""

from __future__ import annotations

import argparse
import asyncio
import os
from pathlib import Path
from typing import Any

from watchtower.cli._common import config_path


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "check-config", help="validate a config file and show what would be watched and who would be told"
    )
    p.add_argument("file", nargs="?", type=Path, default=None, help="config file (default: as for run)")
    p.add_argument("--config", dest="config_opt", type=Path, default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=_main)


def _main(args: argparse.Namespace) -> int:
    from watchtower.config import load_config

    path = config_path(args.file or args.config_opt)
    config = load_config(path)
    problems = asyncio.run(_describe(config, path))
    return 1 if problems else 0


async def _describe(config: Any, path: Path) -> int:
    import aiohttp

    from watchtower.connectors import build_connector
    from watchtower.exceptions import ConfigError
    from watchtower.secrets import has_secret

    problems = 0
    print(f"{path}: valid")
    aliases = f" (also: {', '.join(config.school.aliases)})" if config.school.aliases else ""
    print(f"School: {config.school.name}{aliases}")
    print()
    print("Watching:")
    async with aiohttp.ClientSession() as session:
        for src in config.sources:
            if not src.enabled:
                print(f"  - {src.name} [{src.type}] disabled")
                continue
            try:
                conn = build_connector(src, session, school_names=config.school.names, environ=os.environ)
                print(f"  - {src.name} [{src.type}] every {src.interval_seconds:g}s: {conn.describe()}")
            except ConfigError as exc:
                problems += 1
                print(f"  - {src.name} [{src.type}] NOT READY: {exc}")
    if not config.sources:
        print("  (nothing)")
    print()
    print("People and roles:")
    for p in config.people:
        print(f"  - {p.name} <{p.email}>: {', '.join(p.roles)}")
    print()
    print("Who is told:")
    for rule in config.escalation.on_seen:
        print(f"  - {_rule_text(rule)}")
    for level in config.escalation.levels:
        print(f"  - {_level_text(level)}")
    print(f"  - DSL digest every day at {config.escalation.digest_time.strftime('%H:%M')} "
          f"({config.deadlines.timezone}) to: {', '.join(p.name for p in config.people_with('dsl'))}")
    print()
    d = config.deadlines
    print(f"Deadlines: critical {d.critical_hours:g} h, high {d.high_hours:g} h, media enquiry "
          f"{d.media_enquiry_hours:g} h, normal own-account {d.normal_hours:g} h (next working day at weekends; "
          f"{d.nation} bank holidays; end of day {d.end_of_day.strftime('%H:%M')})")
    print(f"Retention: unflagged items {config.retention.unflagged_days} days, flagged "
          f"{config.retention.flagged_days} days; audit log kept")
    print(f"Mail: {config.smtp.host}:{config.smtp.port} ({config.smtp.security}) from {config.smtp.from_address}")
    for name in filter(None, [config.smtp.password_secret, config.dashboard.link_secret]):
        if not has_secret(name):
            problems += 1
            print(f"  secret {name} is NOT SET (environment variable or systemd credential)")
    for w in config.warnings():
        print(f"Warning: {w}")
    if problems:
        print(f"\n{problems} problem(s): Watchtower would not start until they are fixed.")
    return problems


def _rule_text(rule: Any) -> str:
    what = []
    if getattr(rule, "severities", None):
        what.append("/".join(rule.severities))
    if getattr(rule, "categories", None):
        what.append("/".join(rule.categories))
    if getattr(rule, "sources", None):
        what.append("from " + "/".join(rule.sources))
    when = "at once" if getattr(rule, "urgent", False) else "batched"
    return f"{' '.join(what) or 'any'} item seen: {', '.join(rule.roles)} ({when})"


def _level_text(level: Any) -> str:
    if level.at_fraction is not None:
        when = f"{level.at_fraction:.0%} of the deadline passed"
    elif level.after_deadline_hours_by_severity:
        parts = ", ".join(f"{k} +{v:g} h" for k, v in level.after_deadline_hours_by_severity.items())
        when = f"deadline + {level.after_deadline_hours or 0:g} h ({parts})"
    elif level.after_deadline_hours is not None:
        when = f"deadline + {level.after_deadline_hours:g} h" if level.after_deadline_hours else "deadline passed"
    else:
        when = "?"
    return f"{when}, not acknowledged: {', '.join(level.roles)} [{level.id}]"
