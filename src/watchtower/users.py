"""Dashboard users: accounts, argon2 password hashes, lockout after repeated failures, and sessions.

Plain functions of a ``Db`` (``watchtower.store.db``) (like ``store.repo``; their SQL is in ``store/users.py``) so the
dashboard runs them through the store's writer thread and ``watchtower user`` runs them on its own connection.
Passwords are hashed with argon2id (argon2-cffi): memory-hard, salted, with its parameters inside the hash so they
can be raised later (``needs_rehash``). A session token is random; only its SHA-256 is stored, so a copy of the
database cannot be used to log in.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from watchtower.exceptions import WatchtowerError
from watchtower.models import ALL_SCHOOLS, DEFAULT_SCHOOL, ROLES, TRUST_ROLES
from watchtower.store import users as store_users
from watchtower.store.db import Db
from watchtower.store.users import list_users as list_users
from watchtower.timeutil import maybe_ts

#: failures in a row that lock an account, and for how long
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 10

_hasher = PasswordHasher()
#: verified against when the username is unknown, so a wrong username takes as long as a wrong password
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class UserError(WatchtowerError):
    """A user command or form that cannot be carried out, with a message saying why."""


@dataclass(frozen=True)
class User:
    id: int
    username: str
    name: str
    email: str | None
    role: str
    disabled: bool
    #: the schools whose items this person sees (ids; ``("*",)``: every school, a trust-wide account)
    schools: tuple[str, ...] = (DEFAULT_SCHOOL,)

    @property
    def trust_wide(self) -> bool:
        return ALL_SCHOOLS in self.schools

    @property
    def audit_school(self) -> str:
        """The school an audit line about this person (a login) belongs to: theirs, or ``*`` when several."""
        return self.schools[0] if len(self.schools) == 1 else ALL_SCHOOLS

    @property
    def actor(self) -> str:
        """How this person is named in the audit log and on acknowledgements (as email links name them)."""
        return self.email or self.username


@dataclass(frozen=True)
class LoginResult:
    user: User | None
    #: "ok", "bad_credentials", "locked", "disabled"
    outcome: str
    locked_until: datetime | None = None


def _user(row: dict[str, Any]) -> User:
    return User(
        id=int(row["id"]),
        username=row["username"],
        name=row["name"],
        email=row["email"],
        role=row["role"],
        disabled=bool(row["disabled"]),
        schools=parse_schools(row.get("school")),
    )


def parse_schools(value: str | None) -> tuple[str, ...]:
    """A users row's ``school``: one id, ids separated by commas, or ``*``."""
    found = tuple(dict.fromkeys(s.strip() for s in (value or DEFAULT_SCHOOL).split(",") if s.strip()))
    return (ALL_SCHOOLS,) if ALL_SCHOOLS in found else (found or (DEFAULT_SCHOOL,))


def check_schools(role: str, schools: list[str] | tuple[str, ...], known: list[str] | tuple[str, ...] | None) -> str:
    """The users row's ``school`` for these schools, checked: ids the config has (``known``; None: not checked),
    or ``*`` (every school). A trust role belongs to every school."""
    wanted = [s.strip() for s in schools if s.strip()]
    if role in TRUST_ROLES:
        if wanted and wanted != [ALL_SCHOOLS]:
            raise UserError(f"the role {role} belongs to every school of the trust: leave --school out")
        return ALL_SCHOOLS
    if not wanted:
        if known is not None and len(known) > 1:
            raise UserError("this Watchtower serves several schools: say which with --school ID (one of "
                            f"{', '.join(known)}; repeat it for several, or --school '*' for every school)")
        return known[0] if known else DEFAULT_SCHOOL
    if ALL_SCHOOLS in wanted:
        return ALL_SCHOOLS
    if known is not None:
        unknown = [s for s in wanted if s not in known]
        if unknown:
            raise UserError(f"no school has the id {unknown[0]!r}: use one of {', '.join(known)}")
    return ",".join(dict.fromkeys(wanted))


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"the password is too short: use at least {MIN_PASSWORD_LENGTH} characters")


def hash_password(password: str) -> str:
    check_password_strength(password)
    return _hasher.hash(password)


def _check_role(role: str) -> None:
    if role not in ROLES and role not in TRUST_ROLES:
        raise UserError(f"unknown role {role!r}: use one of {', '.join((*ROLES, *TRUST_ROLES))}")


def _check_username(username: str) -> str:
    u = username.strip()
    if not u or len(u) > 64 or any(c.isspace() for c in u):
        raise UserError("a username needs 1 to 64 characters and no spaces")
    return u


def add_user(
    db: Db, username: str, *, name: str, email: str | None, role: str, password_hash: str, now: datetime,
    by: str = "cli", channel: str = "cli", school: str | None = None,
) -> User:
    """Create a user from an already computed hash (hash outside the write transaction: it is slow on purpose).

    ``school``: the users row's school (:func:`check_schools` makes it); default: the default school, or every
    school for a trust role."""
    from watchtower.store import repo

    username = _check_username(username)
    _check_role(role)
    if not name.strip():
        raise UserError("give the person's full name (--name)")
    if store_users.user_exists(db, username):
        raise UserError(f"there is already a user called {username!r}")
    if school is None:
        school = check_schools(role, [], None)
    elif role in TRUST_ROLES and school != ALL_SCHOOLS:
        raise UserError(f"the role {role} belongs to every school of the trust, not to {school!r}")
    user_id = store_users.insert_user(db, username, name=name.strip(), email=(email or "").strip() or None, role=role,
                                      password_hash=password_hash, now=now, school=school)
    repo.audit(db, actor=by, action="user_added", channel=channel, now=now, username=username, role=role,
               schools=school, school=school if "," not in school else ALL_SCHOOLS)
    row = store_users.user_by_id(db, user_id)
    assert row is not None
    return _user(row)


def set_password(db: Db, username: str, password_hash: str, *, now: datetime, by: str = "cli",
                 channel: str = "cli") -> None:
    from watchtower.store import repo

    if not store_users.update_password(db, username, password_hash):
        raise UserError(f"no user called {username!r}")
    # a new password ends every session made with the old one
    store_users.end_user_sessions(db, username)
    repo.audit(db, actor=by, action="user_password_changed", channel=channel, now=now, username=username)


def set_disabled(db: Db, username: str, disabled: bool, *, now: datetime, by: str = "cli",
                 channel: str = "cli") -> None:
    from watchtower.store import repo

    if not store_users.update_disabled(db, username, disabled):
        raise UserError(f"no user called {username!r}")
    if disabled:
        store_users.end_user_sessions(db, username)
    repo.audit(db, actor=by, action="user_disabled" if disabled else "user_enabled", channel=channel, now=now,
               username=username)


# --- logging in ------------------------------------------------------------------------------


def login_record(db: Db, username: str) -> dict[str, Any] | None:
    return store_users.user_by_username(db, username.strip())


def verify_password(password_hash: str | None, password: str) -> bool:
    """Constant work whether or not the user exists (argon2 verify against a dummy hash)."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def record_login(db: Db, username: str, *, ok: bool, now: datetime, ip: str) -> LoginResult:
    """Apply a verified (or failed) password check: lockout bookkeeping and the audit line, in one transaction."""
    from watchtower.store import repo

    row = login_record(db, username)
    if row is None:
        repo.audit(db, actor=username[:64] or "?", action="login_failed", channel="dashboard", now=now,
                   reason="unknown user", ip=ip)
        return LoginResult(None, "bad_credentials")
    user = _user(row)
    locked_until = maybe_ts(row["locked_until"])
    if locked_until is not None and locked_until > now:
        repo.audit(db, actor=user.actor, action="login_failed", channel="dashboard", now=now, reason="locked", ip=ip,
                   school=user.audit_school)
        return LoginResult(None, "locked", locked_until)
    if user.disabled:
        repo.audit(db, actor=user.actor, action="login_failed", channel="dashboard", now=now, reason="disabled",
                   ip=ip, school=user.audit_school)
        return LoginResult(None, "disabled")
    if not ok:
        failures = int(row["failed_logins"]) + 1
        until = None
        if failures >= MAX_FAILED_LOGINS:
            until = now + LOCKOUT
            failures = 0
        store_users.record_failed_login(db, user.id, failures=failures, locked_until=until)
        repo.audit(db, actor=user.actor, action="login_failed", channel="dashboard", now=now,
                   reason="wrong password", ip=ip, locked=until is not None, school=user.audit_school)
        return LoginResult(None, "locked" if until else "bad_credentials", until)
    store_users.record_good_login(db, user.id, now=now)
    repo.audit(db, actor=user.actor, action="login", channel="dashboard", now=now, ip=ip, school=user.audit_school)
    return LoginResult(user, "ok")


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


# --- sessions ----------------------------------------------------------------------------------


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_session(db: Db, user_id: int, *, now: datetime, lifetime: timedelta) -> tuple[str, str]:
    """A new session: returns (cookie token, CSRF token). Only the token's SHA-256 is stored."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    store_users.insert_session(db, token_hash(token), user_id, csrf=csrf, now=now, expires_at=now + lifetime)
    return token, csrf


def session_user(db: Db, token: str, *, now: datetime) -> tuple[User, str] | None:
    """The user and CSRF token of a live session, or None (unknown, expired, or the user is disabled)."""
    row = store_users.live_session(db, token_hash(token), now=now)
    if row is None:
        return None
    return _user(row), str(row["csrf_token"])


def end_session(db: Db, token: str) -> None:
    store_users.delete_session(db, token_hash(token))
