"""Dashboard users: accounts, argon2 password hashes, lockout after repeated failures, and sessions.

Plain functions of a ``sqlite_utils.Database`` (like ``store.repo``) so the dashboard runs them through the store's
writer thread and ``watchtower user`` runs them on its own connection. Passwords are hashed with argon2id
(argon2-cffi): memory-hard, salted, with its parameters inside the hash so they can be raised later
(``needs_rehash``). A session token is random; only its SHA-256 is stored, so a copy of the database cannot be used
to log in.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlite_utils import Database

from watchtower.exceptions import WatchtowerError
from watchtower.models import ROLES
from watchtower.timeutil import maybe_ts, ts

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


def _row(db: Database, sql: str, params: list[Any]) -> dict[str, Any] | None:
    cur = db.execute(sql, params)
    r = cur.fetchone()
    if r is None:
        return None
    return dict(zip([c[0] for c in cur.description], r, strict=True))


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
    db: Database, username: str, *, name: str, email: str | None, role: str, password_hash: str, now: datetime,
    by: str = "cli", channel: str = "cli",
) -> User:
    """Create a user from an already computed hash (hash outside the write transaction: it is slow on purpose)."""
    from watchtower.store import repo

    username = _check_username(username)
    _check_role(role)
    if not name.strip():
        raise UserError("give the person's full name (--name)")
    if _row(db, "SELECT id FROM users WHERE username = ?", [username]) is not None:
        raise UserError(f"there is already a user called {username!r}")
    cur = db.execute(
        "INSERT INTO users (username, name, email, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        [username, name.strip(), (email or "").strip() or None, role, password_hash, ts(now)],
    )
    repo.audit(db, actor=by, action="user_added", channel=channel, now=now, username=username, role=role)
    row = _row(db, "SELECT * FROM users WHERE id = ?", [cur.lastrowid])
    assert row is not None
    return _user(row)


def set_password(db: Database, username: str, password_hash: str, *, now: datetime, by: str = "cli",
                 channel: str = "cli") -> None:
    from watchtower.store import repo

    cur = db.execute(
        "UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE username = ?",
        [password_hash, username],
    )
    if cur.rowcount != 1:
        raise UserError(f"no user called {username!r}")
    # a new password ends every session made with the old one
    db.execute("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?)", [username])
    repo.audit(db, actor=by, action="user_password_changed", channel=channel, now=now, username=username)


def set_disabled(db: Database, username: str, disabled: bool, *, now: datetime, by: str = "cli",
                 channel: str = "cli") -> None:
    from watchtower.store import repo

    cur = db.execute("UPDATE users SET disabled = ? WHERE username = ?", [int(disabled), username])
    if cur.rowcount != 1:
        raise UserError(f"no user called {username!r}")
    if disabled:
        db.execute("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?)", [username])
    repo.audit(db, actor=by, action="user_disabled" if disabled else "user_enabled", channel=channel, now=now,
               username=username)


def list_users(db: Database) -> list[dict[str, Any]]:
    cur = db.execute(
        "SELECT id, username, name, email, role, disabled, created_at, last_login_at, failed_logins, locked_until "
        "FROM users ORDER BY username"
    )
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


# --- logging in ------------------------------------------------------------------------------


def login_record(db: Database, username: str) -> dict[str, Any] | None:
    return _row(db, "SELECT * FROM users WHERE username = ?", [username.strip()])


def verify_password(password_hash: str | None, password: str) -> bool:
    """Constant work whether or not the user exists (argon2 verify against a dummy hash)."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def record_login(db: Database, username: str, *, ok: bool, now: datetime, ip: str) -> LoginResult:
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
        db.execute(
            "UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?",
            [failures, ts(until) if until else None, user.id],
        )
        repo.audit(db, actor=user.actor, action="login_failed", channel="dashboard", now=now,
                   reason="wrong password", ip=ip, locked=until is not None)
        return LoginResult(None, "locked" if until else "bad_credentials", until)
    db.execute(
        "UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?", [ts(now), user.id]
    )
    repo.audit(db, actor=user.actor, action="login", channel="dashboard", now=now, ip=ip)
    return LoginResult(user, "ok")


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


# --- sessions ----------------------------------------------------------------------------------


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_session(db: Database, user_id: int, *, now: datetime, lifetime: timedelta) -> tuple[str, str]:
    """A new session: returns (cookie token, CSRF token). Only the token's SHA-256 is stored."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    db.execute("DELETE FROM sessions WHERE expires_at <= ?", [ts(now)])
    db.execute(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        [token_hash(token), user_id, csrf, ts(now), ts(now + lifetime)],
    )
    return token, csrf


def session_user(db: Database, token: str, *, now: datetime) -> tuple[User, str] | None:
    """The user and CSRF token of a live session, or None (unknown, expired, or the user is disabled)."""
    row = _row(
        db,
        "SELECT u.*, s.csrf_token AS csrf_token FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0",
        [token_hash(token), ts(now)],
    )
    if row is None:
        return None
    return _user(row), str(row["csrf_token"])


def end_session(db: Database, token: str) -> None:
    db.execute("DELETE FROM sessions WHERE token_hash = ?", [token_hash(token)])
