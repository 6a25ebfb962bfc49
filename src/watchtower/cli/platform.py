"""``watchtower action ID --on-platform hide|unhide|delete|reply|ban [--text ...] --by NAME``.

Queues the action (a row, audited, evidence first for delete and ban) for the running daemon's worker, which does
it within seconds; prints exactly what will happen on which platform. ``--by`` must be someone in the config's
people (name or email): their roles decide, as on the dashboard (a safeguarding item: only the DSL or the
headteacher may delete).
"""

from __future__ import annotations

import argparse
from typing import Any

from watchtower.exceptions import WatchtowerError

#: the role that decides when a person has several: the widest first
ROLE_ORDER = ("dsl", "headteacher", "deputy_dsl", "aht", "moderator", "admin")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--on-platform", dest="on_platform", choices=("hide", "unhide", "delete", "reply", "ban"),
                   default=None, help="do it on the platform with the school's token (instead of recording it)")
    p.add_argument("--text", default=None, help="the reply's text (with --on-platform reply)")
    p.add_argument("--template", choices=("acknowledgement", "removed"), default=None,
                   help="reply with a template from [actions.templates]")
    p.add_argument("--reason", default=None, help="the {reason} in the 'removed' template")


def run(args: argparse.Namespace, by: str) -> int:
    from watchtower.cli._common import config_path
    from watchtower.config import load_config
    from watchtower.models import utcnow
    from watchtower.people import Roster
    from watchtower.platform_actions.model import NotPossible
    from watchtower.platform_actions.service import request_action
    from watchtower.store import connect, immediate, repo

    config = load_config(config_path(args.config))
    db = connect(config.store.location())
    try:
        item = repo.get_item(db, args.item_id)
        school = item.school if item else config.all_schools[0].id
        # the person acts with their roles in the item's school: one school's people act on its accounts only
        roster = Roster.from_config(config, school)
        person = next((p for p in roster.people if by.lower() in (p.name.lower(), p.email.lower())), None)
        if person is None:
            where = f" of {config.school_named(school)}" if config.multi_school else ""
            raise WatchtowerError(f"--by {by!r} is not one of the people{where} in the config (give their name "
                                  "or email)")
        role = next((r for r in ROLE_ORDER if r in person.roles), "moderator")
        with immediate(db):
            action_id, plan = request_action(
                db, config, args.item_id, args.on_platform, actor=person.email, role=role, channel="cli",
                now=utcnow(), text=args.text, template=args.template, reason=args.reason)
    except KeyError:
        raise WatchtowerError(f"no item {args.item_id}: see `watchtower queue`") from None
    except NotPossible as exc:
        raise WatchtowerError(str(exc)) from None
    finally:
        db.close()
    print(plan)
    if action_id is None:
        print("already asked for: it is done once (see the item's page for its state)")
    else:
        print(f"queued as platform action {action_id}: the running daemon does it now and records the answer")
    return 0


def state_lines(rows: list[dict[str, Any]]) -> list[str]:
    return [f"{r['id']}: {r['kind']} on {r['platform']}: {r['status']}" + (f" ({r['last_error']})"
                                                                            if r["last_error"] else "")
            for r in rows]
