"""Acting on items from a shell: ``watchtower ack``, ``action``, ``resolve`` and ``queue``.

    watchtower ack ID [--by NAME] [--note TEXT]          acknowledge: stops the item's escalation chain
    watchtower action ID ACTION [--by NAME] [--note TEXT] record what was done (replied, hidden, deleted, ...)
    watchtower resolve ID [--by NAME]                     close the item
    watchtower queue                                      list open items, soonest deadline first

``--by`` is who acted, as the audit log records it: a person in the config's ``[[people]]`` (full name or email
address) or the login of whoever runs the command (``$SUDO_USER`` under sudo), which is also the default. Any
other name is refused, so the audit log cannot record someone who does not exist.

Safe while the daemon runs: the database is WAL with a busy timeout, and each command writes in one
``BEGIN IMMEDIATE`` transaction. Everything is written to the audit log with channel ``cli``.
``queue`` never prints safeguarding text, and shows post text through ``watchtower.display.safe_display``
(escape sequences, control and bidi-override characters made visible and inert) so a post cannot drive the terminal.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from watchtower.cli import platform
from watchtower.cli._common import (
    add_config_arg,
    add_item_id_arg,
    config_path,
    item_id,
    open_config_and_database,
)
from watchtower.display import safe_display
from watchtower.exceptions import WatchtowerError

if TYPE_CHECKING:  # `watchtower classify` loads no store
    from watchtower.access import ItemLike
    from watchtower.store.rows import ItemRow

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+")
EXCERPT_CHARS = 60
BY_HELP = ("who acted, recorded in the audit log: a configured person's full name or email, or your own login "
           "(the default)")


def register(sub: Any) -> None:
    from watchtower.models import ACTIONS

    p = sub.add_parser("ack", help="acknowledge an item (stops its escalation chain)")
    add_item_id_arg(p)
    p.add_argument("--by", default=None, metavar="NAME", help=BY_HELP)
    p.add_argument("--note", default=None, help="an optional note")
    add_config_arg(p)
    p.set_defaults(func=_ack)

    p = sub.add_parser(
        "action",
        help="record an action taken on an item",
        description="Record what was done about an item. ACTION is one of: "
        + "; ".join(f"{k} ({v})" for k, v in ACTIONS.items()),
    )
    add_item_id_arg(p)
    p.add_argument("action", metavar="ACTION", nargs="?", default=None, help=", ".join(ACTIONS))
    p.add_argument("--by", default=None, metavar="NAME", help=BY_HELP)
    p.add_argument("--note", default=None)
    platform.add_arguments(p)
    add_config_arg(p)
    p.set_defaults(func=_action)

    p = sub.add_parser("resolve", help="mark an item resolved (stops its escalation chain)")
    add_item_id_arg(p)
    p.add_argument("--by", default=None, metavar="NAME", help=BY_HELP)
    add_config_arg(p)
    p.set_defaults(func=_resolve)

    p = sub.add_parser("queue", help="list open items awaiting acknowledgement, soonest deadline first")
    p.add_argument("--school", default=None, metavar="ID", help="only this school's items (a trust's config)")
    add_config_arg(p)
    p.set_defaults(func=_queue)


def _open(args: argparse.Namespace) -> tuple[Any, Any]:
    return open_config_and_database(args, "queue")


def os_login(environ: Mapping[str, str] | None = None) -> str:
    """Who is at the keyboard: the sudo caller where there is one, else this process's user."""
    env = os.environ if environ is None else environ
    sudo_user = env.get("SUDO_USER")
    if sudo_user and sudo_user != "root":
        return sudo_user
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())


def actor(config: Any, given: str | None, *, login: str | None = None) -> str:
    """The name the audit log records: a configured person (by full name or email) or the OS login."""
    me = login if login is not None else os_login()
    if given is None:
        return me
    by = " ".join(_UNSAFE.sub(" ", given).split())
    if not by:
        raise WatchtowerError("--by needs a name")
    for person in config.all_people:
        if by.casefold() in (person.name.casefold(), person.email.casefold()):
            return str(person.name)
    if by == me:
        return me
    names = ", ".join(p.name for p in config.all_people)
    raise WatchtowerError(
        f"--by {by!r} is neither a person in the config nor your login ({me}): give a configured person's full "
        f"name or email ({names}), or leave --by out to record your login"
    )


def _by(args: argparse.Namespace) -> str:
    from watchtower.config import load_config

    return actor(load_config(config_path(args.config)), args.by)


def _write(args: argparse.Namespace, fn: Any) -> Any:
    from watchtower.models import utcnow
    from watchtower.store import immediate

    _, db = _open(args)
    try:
        with immediate(db):
            return fn(db, utcnow())
    except KeyError:
        raise WatchtowerError(f"no item {args.item_id}: see `watchtower queue`") from None
    finally:
        db.close()


def _ack(args: argparse.Namespace) -> int:
    from watchtower import actions
    from watchtower.store import repo

    args.item_id = item_id(args.item_id)
    by = _by(args)

    def work(db: Any, now: datetime) -> tuple[bool, ItemRow | None]:
        first = actions.acknowledge(db, args.item_id, by=by, channel="cli", now=now, note=args.note)
        return first, repo.get_item(db, args.item_id)

    first, item = _write(args, work)
    if first:
        print(f"item {args.item_id} acknowledged by {by}: its escalation chain has stopped")
    else:
        assert item is not None
        print(f"item {args.item_id} was already acknowledged by {safe_display(item.acknowledged_by)} "
              f"at {item.acknowledged_at}; your acknowledgement is recorded too")
    return 0


def _action(args: argparse.Namespace) -> int:
    from watchtower import actions

    args.item_id = item_id(args.item_id)
    if args.on_platform:
        return platform.run(args, _by(args))
    if args.action not in actions.ACTIONS:
        raise WatchtowerError(f"unknown action {args.action!r}: use one of {', '.join(actions.ACTIONS)}")
    by = _by(args)
    _write(args, lambda db, now: actions.act(db, args.item_id, args.action, by=by, channel="cli", now=now,
                                             note=args.note))
    print(f"item {args.item_id}: recorded '{actions.ACTIONS[args.action]}' by {by}")
    return 0


def _resolve(args: argparse.Namespace) -> int:
    from watchtower import actions

    args.item_id = item_id(args.item_id)
    by = _by(args)
    _write(args, lambda db, now: actions.resolve(db, args.item_id, by=by, channel="cli", now=now))
    print(f"item {args.item_id} resolved by {by}")
    return 0


def countdown(deadline: datetime, now: datetime) -> str:
    """``in 3h20m`` or ``OVERDUE 2h05m`` (minutes rounded down)."""
    delta = deadline - now
    minutes = int(abs(delta) / timedelta(minutes=1))
    days, rest = divmod(minutes, 24 * 60)
    text = (f"{days}d" if days else "") + f"{rest // 60}h{rest % 60:02d}m"
    return f"in {text}" if delta > timedelta(0) else f"OVERDUE {text}"


def excerpt(row: ItemLike, limit: int = EXCERPT_CHARS, *, reader: Any = (), settings: Any = None) -> str:
    """One safe line of the post: never control or bidi characters, and no safeguarding text for ``reader``
    (by default a terminal, which is nobody in particular: the service user holds no role that reads it)."""
    from watchtower.access import TextPolicy, may_read_text

    if not may_read_text(reader, row, settings or TextPolicy()):
        return "[safeguarding: text withheld, see the dashboard]"
    text = " ".join(safe_display(row.get("text") if isinstance(row, Mapping) else row.text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_queue(rows: list[ItemRow], now: datetime, *, schools: bool = False) -> list[str]:
    """The queue as lines of text; ``schools``: with each item's school (a trust). An own-account comment nothing
    was found in reads "not flagged", as on the dashboard and in the email, and a post in a language or script the
    classifier was not built to read starts "[not read: Polish]", as its card does."""
    from watchtower.classify._script import unread_item
    from watchtower.timeutil import parse_ts

    school = f"{'SCHOOL':<12}  " if schools else ""
    lines = [f"{'ID':>6}  {school}{'SEVERITY':<11}  {'DEADLINE':<14}  {'PLATFORM':<10}  {'CATEGORIES':<28}  TEXT"]
    for r in rows:
        school = f"{r.school[:12]:<12}  " if schools else ""
        due = countdown(parse_ts(r.deadline_at), now) if r.deadline_at else ""
        unread = unread_item(r.title, r.text)
        lines.append(
            f"{r.id:>6}  {school}{r.severity.shown:<11}  {due:<14}  "
            f"{r.platform[:10]:<10}  {', '.join(r.categories)[:28]:<28}  "
            f"{f'[not read: {unread}] ' if unread else ''}{excerpt(r)}"
        )
    return lines


def _queue(args: argparse.Namespace) -> int:
    from watchtower.models import utcnow
    from watchtower.store import repo

    config, db = _open(args)
    if args.school is not None and args.school not in [s.id for s in config.all_schools]:
        db.close()
        raise WatchtowerError(f"--school {args.school!r}: use one of {', '.join(s.id for s in config.all_schools)}")
    try:
        rows = repo.open_items_detail(db, schools=None if args.school is None else [args.school])
    finally:
        db.close()
    if not rows:
        print("no open items: nothing is waiting for acknowledgement")
        return 0
    for line in format_queue(rows, utcnow(), schools=config.multi_school):
        print(line)
    return 0
