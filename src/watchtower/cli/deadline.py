"""``watchtower deadline``: print an item's acknowledgement deadline (design.md, command-line contract).

    watchtower deadline --received ISO8601 --severity SEV [--source own|mention] [--category CAT ...]
                        [--config FILE] [--explain]

Output on stdout, one line: the deadline as ISO 8601 UTC with a ``Z`` and whole seconds
(``2026-03-09T17:00:00Z``), or ``none`` when no acknowledgement is owed. ``--explain`` adds the reason on
stderr, so stdout stays the contract.

``--received`` accepts ``Z`` and ``+01:00``-style offsets. A time without an offset is local time in the
configured time zone (Europe/London by default), because that is what a member of staff reading a
timestamp off a post means; a local time that does not exist (the spring-forward hour) or happens twice
(the autumn fall-back hour) is refused with a request for an offset.

``--config`` reads only the ``[deadlines]`` table of watchtower.toml (other tables are ignored here and
validated by ``watchtower check-config``). Without ``--config``: ``$WATCHTOWER_CONFIG`` or the default
config file if one exists, else the built-in defaults.

Bad input prints one line on stderr and exits 2. Computation is :func:`watchtower.deadlines.compute_deadline`,
the daemon's own code; pydantic and holidays are imported only when the command runs.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from watchtower.cli._common import add_config_arg, config_path
from watchtower.exceptions import ConfigError, WatchtowerError

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from watchtower.deadlines import DeadlineConfig

SEVERITIES = ("none", "normal", "high", "critical")
SOURCES = ("own", "mention")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "deadline",
        help="print an item's acknowledgement deadline (ISO 8601 UTC) or 'none'",
        description="Print when an item must be acknowledged by, as ISO 8601 UTC "
        "(e.g. 2026-03-09T17:00:00Z), or 'none' when no acknowledgement is owed. "
        "Uses the daemon's own rules.",
    )
    # Validation happens in the handler so that every mistake is one line on stderr and exit 2.
    parser.add_argument(
        "--received",
        metavar="ISO8601",
        help="when the item was received, e.g. 2026-03-06T16:59:59Z or 2026-03-06T16:59:59+00:00; "
        "without an offset: local time in the configured time zone (Europe/London)",
    )
    parser.add_argument("--severity", metavar="SEV", help="none, normal, high or critical")
    parser.add_argument("--source", metavar="own|mention", default="own", help="item source (default: own)")
    parser.add_argument(
        "--category",
        metavar="CAT",
        action="append",
        default=[],
        help="a category of the item (repeatable); media_enquiry has its own clock",
    )
    add_config_arg(parser)
    parser.add_argument("--explain", action="store_true", help="also print the reason on stderr")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from watchtower.deadlines import compute_deadline, format_utc, no_deadline_reason
    from watchtower.models import CATEGORIES

    if not args.received:
        raise WatchtowerError("--received is required (ISO 8601, e.g. 2026-03-06T16:59:59Z)")
    if not args.severity:
        raise WatchtowerError(f"--severity is required: use one of {', '.join(SEVERITIES)}")
    severity = args.severity.strip().lower()
    if severity not in SEVERITIES:
        raise WatchtowerError(f"unknown severity {args.severity!r}: use one of {', '.join(SEVERITIES)}")
    if args.source not in SOURCES:
        raise WatchtowerError(f"unknown source {args.source!r}: use own or mention")
    unknown = [c for c in args.category if c not in CATEGORIES]
    if unknown:
        raise WatchtowerError(f"unknown category {unknown[0]!r}: use one of {', '.join(CATEGORIES)}")

    policy = load_deadline_config(args.config)
    received = parse_received(args.received, policy.zone)
    try:
        decision = compute_deadline(received, severity, args.source, args.category, policy)
    except ValueError as exc:  # e.g. closure dates leave no working day to move a deadline to
        raise WatchtowerError(str(exc)) from None
    if decision is None:
        print("none")
        if args.explain:
            print(no_deadline_reason(severity, args.source), file=sys.stderr)
    else:
        print(format_utc(decision.due_at))
        if args.explain:
            print(decision.reason, file=sys.stderr)
    return 0


def parse_received(text: str, zone: ZoneInfo) -> datetime:
    """An ISO 8601 date-time: ``Z`` or an offset as given, otherwise local time in ``zone`` (module doc)."""
    value = text.strip()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise WatchtowerError(
            f"--received {text!r} is not an ISO 8601 date-time: use e.g. 2026-03-06T16:59:59Z"
        ) from None
    if len(value) <= 10:  # a bare date: fromisoformat would silently read it as midnight
        raise WatchtowerError(f"--received {text!r} has no time of day: use e.g. {value}T09:00:00Z")
    if parsed.tzinfo is not None:
        return parsed
    first = parsed.replace(tzinfo=zone, fold=0)
    second = parsed.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        round_trip = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
        what = "does not exist" if round_trip != parsed else "happens twice"
        raise WatchtowerError(
            f"--received {text!r} {what} in {zone.key} (clock change): give an offset, e.g. "
            f"{parsed.isoformat()}{_offset(first.utcoffset())}"
        )
    return first


def _offset(delta: timedelta | None) -> str:
    minutes = int((delta or timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def load_deadline_config(given: Path | None) -> DeadlineConfig:
    """The ``[deadlines]`` table of the config file, validated; defaults when there is no file to read."""
    import tomllib

    from pydantic import ValidationError

    from watchtower.deadlines import DeadlineConfig

    path = config_path(given)
    if given is None and not path.exists():
        return DeadlineConfig()
    try:
        with path.open("rb") as fh:
            document = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} not found") from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    table = document.get("deadlines", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [deadlines] must be a table")
    try:
        return DeadlineConfig.model_validate(table)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {describe_validation_error(exc, 'deadlines')}") from None


def describe_validation_error(exc: Any, table: str) -> str:
    """A pydantic ``ValidationError`` as one line: ``deadlines.nation: unknown nation ...; ...``."""
    parts = []
    for error in exc.errors():
        key = ".".join(str(p) for p in (table, *error["loc"]))
        message = str(error["msg"]).removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown key (check the spelling; see the documented keys)"
        parts.append(f"{key}: {message}")
    return "; ".join(parts)


def main(argv: list[str] | None = None) -> int:
    """``python -m watchtower.cli.deadline ...``: this command alone, without loading the others."""
    import sys

    parser = argparse.ArgumentParser(prog="watchtower")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["deadline", *(sys.argv[1:] if argv is None else argv)])
    try:
        return run(args)
    except WatchtowerError as exc:
        print(f"watchtower deadline: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
