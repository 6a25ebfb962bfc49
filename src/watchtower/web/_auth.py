"""Logging in and out: argon2 password check off the event loop, lockout per account, a limiter per address,
and every attempt in the audit log."""

from __future__ import annotations

import asyncio
import secrets
from datetime import timedelta

from aiohttp import web

from watchtower import users
from watchtower.store import repo
from watchtower.store.db import Db
from watchtower.web._context import SESSION_TOKEN, USER, dash, render
from watchtower.web._security import (
    allow,
    clear_session_cookie,
    client_ip,
    form_str,
    public,
    safe_next,
    set_session_cookie,
)

LOGIN_CSRF_COOKIE = "wt_login"
LOGIN_FAILED = (
    f"Wrong username or password. After {users.MAX_FAILED_LOGINS} failed logins an account is locked for "
    f"{int(users.LOCKOUT.total_seconds() // 60)} minutes: wait and try again, or ask an administrator to set a new "
    "password."
)


def _login_page(request: web.Request, *, status: int = 200, error: str = "", username: str = "",
                next_url: str = "/") -> web.Response:
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(24)
    resp = render(request, "login.html", status=status, title="Log in", error=error, username=username,
                  next_url=next_url, login_csrf=token)
    resp.set_cookie(LOGIN_CSRF_COOKIE, token, path="/login", httponly=True, samesite="Strict",
                    secure=dash(request).secure_cookies, max_age=3600)
    return resp


@public
async def login_form(request: web.Request) -> web.StreamResponse:
    if request.get(USER) is not None:
        raise web.HTTPFound(safe_next(request.query.get("next")))
    return _login_page(request, next_url=safe_next(request.query.get("next")))


@public
async def login(request: web.Request) -> web.StreamResponse:
    d = dash(request)
    form = await request.post()
    next_url = safe_next(form_str(form, "next", 500))
    if not d.login_csrf_ok(request.cookies.get(LOGIN_CSRF_COOKIE), form_str(form, "csrf", 200)):
        raise web.HTTPForbidden(text="This login form has expired: reload the page and try again.")
    username = form_str(form, "username", 64)
    password = str(form.get("password", ""))[:1024]
    ip = client_ip(request)
    now = d.now()
    if d.ip_limiter.blocked(ip):
        await d.daemon.store.write(lambda db: repo.audit(
            db, actor=username or "?", action="login_failed", channel="dashboard", now=now, reason="rate limited",
            ip=ip))
        return _login_page(request, status=429, username=username, next_url=next_url,
                           error="Too many failed logins from this computer. Wait 15 minutes and try again.")
    record = await d.daemon.store.read(lambda db: users.login_record(db, username)) if username else None
    stored_hash = record["password_hash"] if record else None
    ok = await asyncio.get_running_loop().run_in_executor(None, users.verify_password, stored_hash, password)
    result = await d.daemon.store.write(lambda db: users.record_login(db, username, ok=ok, now=now, ip=ip))
    if result.user is None:
        d.ip_limiter.failed(ip)
        # one answer for a wrong password, an unknown name, a locked or a disabled account: anything else would tell
        # a stranger which usernames exist (a locked account is the lockout's own proof that it exists)
        return _login_page(request, status=401, error=LOGIN_FAILED, username=username, next_url=next_url)
    lifetime = timedelta(hours=d.daemon.config.dashboard.session_hours)
    user_id = result.user.id
    token, _csrf = await d.daemon.store.write(
        lambda db: users.create_session(db, user_id, now=now, lifetime=lifetime))
    resp = web.HTTPSeeOther(next_url)
    set_session_cookie(resp, request, token, int(lifetime.total_seconds()))
    resp.del_cookie(LOGIN_CSRF_COOKIE, path="/login")
    raise resp


@allow("view")
async def logout(request: web.Request) -> web.StreamResponse:
    d = dash(request)
    token = request[SESSION_TOKEN]
    user = request[USER]
    now = d.now()

    def work(db: Db) -> None:
        users.end_session(db, token)
        repo.audit(db, actor=user.actor, action="logout", channel="dashboard", now=now)

    await d.daemon.store.write(work)
    resp = web.HTTPSeeOther("/login")
    clear_session_cookie(resp, request)
    raise resp
