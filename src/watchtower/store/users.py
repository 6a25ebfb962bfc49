"""Users and sessions: the SQL behind dashboard accounts.

The rules (username and role checks, argon2 hashing, lockout, random tokens, audit lines) live in
``watchtower/users.py``; this module only reads and writes the ``users`` and ``sessions`` tables.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from watchtower.models import DEFAULT_SCHOOL
from watchtower.store.db import Db
from watchtower.timeutil import ts


def _row(db: Db, sql: str, params: list[Any]) -> dict[str, Any] | None:
    cur = db.execute(sql, params)
    r = cur.fetchone()
    if r is None:
        return None
    return dict(zip([c[0] for c in cur.description], r, strict=True))


def user_exists(db: Db, username: str) -> bool:
    return _row(db, "SELECT id FROM users WHERE username = ?", [username]) is not None


def insert_user(
    db: Db, username: str, *, name: str, email: str | None, role: str, password_hash: str, now: datetime,
    school: str = DEFAULT_SCHOOL,
) -> int:
    """Insert a users row (``school``: one id, ids separated by commas, or ``*``); return its id."""
    row = db.execute(
        "INSERT INTO users (username, name, email, role, password_hash, created_at, school) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [username, name, email, role, password_hash, ts(now), school],
    ).fetchone()
    return int(row[0])


def user_by_id(db: Db, user_id: int) -> dict[str, Any] | None:
    return _row(db, "SELECT * FROM users WHERE id = ?", [user_id])


def user_by_username(db: Db, username: str) -> dict[str, Any] | None:
    return _row(db, "SELECT * FROM users WHERE username = ?", [username])


def update_password(db: Db, username: str, password_hash: str) -> bool:
    """Set a new hash and clear the lockout; False if there is no such user."""
    cur = db.execute(
        "UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE username = ?",
        [password_hash, username],
    )
    return cur.rowcount == 1


def update_disabled(db: Db, username: str, disabled: bool) -> bool:
    """False if there is no such user."""
    cur = db.execute("UPDATE users SET disabled = ? WHERE username = ?", [int(disabled), username])
    return cur.rowcount == 1


def list_users(db: Db) -> list[dict[str, Any]]:
    cur = db.execute(
        "SELECT id, username, name, email, role, disabled, created_at, last_login_at, failed_logins, locked_until, "
        "school FROM users ORDER BY username"
    )
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def record_failed_login(db: Db, user_id: int, *, failures: int, locked_until: datetime | None) -> None:
    db.execute(
        "UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?",
        [failures, ts(locked_until) if locked_until else None, user_id],
    )


def record_good_login(db: Db, user_id: int, *, now: datetime) -> None:
    db.execute(
        "UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?", [ts(now), user_id]
    )


# --- sessions ----------------------------------------------------------------------------------


def end_user_sessions(db: Db, username: str) -> None:
    db.execute("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?)", [username])


def insert_session(
    db: Db, token_hash: str, user_id: int, *, csrf: str, now: datetime, expires_at: datetime
) -> None:
    """Store a new session (by its token's hash), first dropping the expired ones."""
    db.execute("DELETE FROM sessions WHERE expires_at <= ?", [ts(now)])
    db.execute(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        [token_hash, user_id, csrf, ts(now), ts(expires_at)],
    )


def live_session(db: Db, token_hash: str, *, now: datetime) -> dict[str, Any] | None:
    """The users row (with ``csrf_token``) of an unexpired session of an enabled user."""
    return _row(
        db,
        "SELECT u.*, s.csrf_token AS csrf_token FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0",
        [token_hash, ts(now)],
    )


def delete_session(db: Db, token_hash: str) -> None:
    db.execute("DELETE FROM sessions WHERE token_hash = ?", [token_hash])
