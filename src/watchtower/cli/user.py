"""``watchtower user add|passwd|disable|enable|list``: manage dashboard logins (the IT technician's job).

Passwords are typed twice at a hidden prompt (getpass), or read from stdin with ``--password-stdin`` for scripts;
never taken as an argument, where they would land in the shell history and the process list.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from watchtower.cli._common import add_config_arg, open_config_and_database


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("user", help="add, change or disable dashboard logins")
    usub = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)

    add = usub.add_parser("add", help="add a dashboard user")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="the person's full name, shown in the audit log")
    add.add_argument("--email", default=None, help="their address (links their logins to their alert emails)")
    from watchtower.models import ROLES, TRUST_ROLES

    add.add_argument("--role", required=True, choices=(*ROLES, *TRUST_ROLES), help="what they may see and do "
                     "(trust_safeguarding_lead and trust_operator: every school of a trust)")
    add.add_argument("--school", action="append", default=[], metavar="ID",
                     help="a trust's school whose items they see (its [[schools]] id); repeat it for several, or "
                     "'*' for every school. Needed when the config has several schools")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add_config_arg(add)
    add.set_defaults(func=_add)

    pw = usub.add_parser("passwd", help="set a new password (ends the user's sessions, clears a lockout)")
    pw.add_argument("username")
    pw.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add_config_arg(pw)
    pw.set_defaults(func=_passwd)

    dis = usub.add_parser("disable", help="stop a user logging in (ends their sessions)")
    dis.add_argument("username")
    add_config_arg(dis)
    dis.set_defaults(func=_disable)

    en = usub.add_parser("enable", help="let a disabled user log in again")
    en.add_argument("username")
    add_config_arg(en)
    en.set_defaults(func=_enable)

    ls = usub.add_parser("list", help="list dashboard users")
    add_config_arg(ls)
    ls.set_defaults(func=_list)


def _db(args: argparse.Namespace) -> Any:
    return _open(args)[1]


def _open(args: argparse.Namespace) -> tuple[Any, Any]:
    return open_config_and_database(args, "user")


def _read_password(args: argparse.Namespace) -> str:
    from watchtower.users import UserError, check_password_strength

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        try:
            password = getpass.getpass("Password: ")
            again = getpass.getpass("Password again: ")
        except EOFError:  # no terminal, and nothing (more) on stdin
            raise UserError(
                "no terminal to type the password at: run it in a terminal, or pipe the password in with "
                "--password-stdin, e.g. printf '%s\\n' \"$PASSWORD\" | watchtower user add USERNAME ... "
                "--password-stdin"
            ) from None
        if again != password:
            raise UserError("the two passwords differ: nothing was changed")
    check_password_strength(password)
    return password


def _add(args: argparse.Namespace) -> int:
    from watchtower.models import utcnow
    from watchtower.store import immediate
    from watchtower.users import add_user, check_schools, hash_password

    config, db = _open(args)
    school = check_schools(args.role, args.school, [s.id for s in config.all_schools])
    password_hash = hash_password(_read_password(args))
    with immediate(db):
        user = add_user(db, args.username, name=args.name, email=args.email, role=args.role,
                        password_hash=password_hash, now=utcnow(), school=school)
    where = ""
    if config.multi_school:
        where = ", every school" if user.trust_wide else ", " + ", ".join(config.school_named(s) for s in user.schools)
    print(f"added {user.username} ({user.name}, {user.role}{where})")
    return 0


def _passwd(args: argparse.Namespace) -> int:
    from watchtower.models import utcnow
    from watchtower.store import immediate
    from watchtower.users import hash_password, set_password

    db = _db(args)
    password_hash = hash_password(_read_password(args))
    with immediate(db):
        set_password(db, args.username, password_hash, now=utcnow())
    print(f"password changed for {args.username}; their sessions have ended")
    return 0


def _set_disabled(args: argparse.Namespace, disabled: bool) -> int:
    from watchtower.models import utcnow
    from watchtower.store import immediate
    from watchtower.users import set_disabled

    db = _db(args)
    with immediate(db):
        set_disabled(db, args.username, disabled, now=utcnow())
    print(f"{args.username} {'disabled' if disabled else 'enabled'}")
    return 0


def _disable(args: argparse.Namespace) -> int:
    return _set_disabled(args, True)


def _enable(args: argparse.Namespace) -> int:
    return _set_disabled(args, False)


def _list(args: argparse.Namespace) -> int:
    from watchtower.users import list_users

    config, db = _open(args)
    rows = list_users(db)
    if not rows:
        print("no users yet: add one with `watchtower user add USERNAME --name ... --role ...`")
        return 0
    for r in rows:
        state = "disabled" if r["disabled"] else ("locked" if r["locked_until"] else "active")
        schools = f" school {r['school']}" if config.multi_school else ""
        print(f"{r['username']:<20} {r['role']:<12} {state:<9} {r['name']} <{r['email'] or '-'}>{schools} "
              f"last login {r['last_login_at'] or 'never'}")
    return 0
