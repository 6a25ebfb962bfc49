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
from watchtower.models import ROLES
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
    )


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"the password is too short: use at least {MIN_PASSWORD_LENGTH} characters")


def hash_password(password: str) -> str:
    check_password_strength(password)
    return _hasher.hash(password)


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")


def _check_username(username: str) -> str:
    u = username.strip()
    if not u or len(u) > 64 or any(c.isspace() for c in u):
        raise UserError("a username needs 1 to 64 characters and no spaces")
    return u


def add_user(
    db: Db, username: str, *, name: str, email: str | None, role: str, password_hash: str, now: datetime,
    by: str = "cli", channel: str = "cli",
) -> User:
    """Create a user from an already computed hash (hash outside the write transaction: it is slow on purpose)."""
    from watchtower.store import repo

    username = _check_username(username)
    _check_role(role)
    if not name.strip():
        raise UserError("give the person's full name (--name)")
    if store_users.user_exists(db, username):
        raise UserError(f"there is already a user called {username!r}")
    user_id = store_users.insert_user(db, username, name=name.strip(), email=(email or "").strip() or None, role=role,
                                      password_hash=password_hash, now=now)
    repo.audit(db, actor=by, action="user_added", channel=channel, now=now, username=username, role=role)
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
        repo.audit(db, actor=user.actor, action="login_failed", channel="dashboard", now=now, reason="locked", ip=ip)
        return LoginResult(None, "locked", locked_until)
    if user.disabled:
        repo.audit(db, actor=user.actor, action="login_failed", channel="dashboard", now=now, reason="disabled",
                   ip=ip)
        return LoginResult(None, "disabled")
    if not ok:
        failures = int(row["failed_logins"]) + 1
        until = None
        if failures >= MAX_FAILED_LOGINS:
            until = now + LOCKOUT
            failures = 0
        store_users.record_failed_login(db, user.id, failures=failures, locked_until=until)
        repo.audit(db, actor=user.actor, action="login_failed", channel="dashboard", now=now,
                   reason="wrong password", ip=ip, locked=until is not None)
        return LoginResult(None, "locked" if until else "bad_credentials", until)
    store_users.record_good_login(db, user.id, now=now)
    repo.audit(db, actor=user.actor, action="login", channel="dashboard", now=now, ip=ip)
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
