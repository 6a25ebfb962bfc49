"""The other pages: DSL review, sources, reports, the health endpoint, and user administration."""

from __future__ import annotations

import asyncio
from datetime import datetime, time
from typing import Any

from aiohttp import web

from watchtower import access, actions, users
from watchtower.models import ALL_SCHOOLS, CATEGORIES, ROLES, TRUST_ROLES, Severity
from watchtower.store.db import Db
from watchtower.web import _queries as q
from watchtower.web._context import USER, audit_cross_school, can_read, current_user, dash, render, scope
from watchtower.web._security import allow, form_str, my_item_ids, public
from watchtower.web._svg import SEVERITY_COLOURS, ack_time_chart, bar_chart
from watchtower.web.health import health_snapshot

# --- DSL review ----------------------------------------------------------------------------------


@allow("review")
async def review_page(request: web.Request) -> web.StreamResponse:
    d = dash(request)
    user = current_user(request)
    sc = scope(request)
    schools = sc.sql()

    def read(db: Db) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        return q.awaiting_review(db, schools=schools), q.review_history(db, schools=schools)

    items, history = await d.daemon.store.read(read)
    await audit_cross_school(request, "review", schools=sc.schools(d.daemon.config), school=sc.chosen)
    from watchtower.web._items import _view_row

    rows = [_view_row(i, request) | {"text": i["text"] if can_read(i, user, d.daemon.config) else None}
            for i in items]
    done = request.query.get("done", "")
    return render(request, "review.html", title="DSL review", items=rows, history=history,
                  ids=",".join(str(i["id"]) for i in items), show_school=sc.spans(d.daemon.config),
                  flash=f"Marked {done} item(s) as reviewed." if done.isdigit() else "")


@allow("review")
async def review_post(request: web.Request) -> web.StreamResponse:
    d = dash(request)
    user = request[USER]
    form = await request.post()
    try:
        ids = sorted({int(x) for x in form_str(form, "item_ids", 20_000).split(",") if x.strip()})
    except ValueError:
        raise web.HTTPBadRequest(text="The list of items was damaged: reload the page.") from None
    comment = form_str(form, "comment", 4000) or None
    now = d.now()
    n = await d.daemon.store.write(lambda db: actions.mark_reviewed(
        db, my_item_ids(db, user, ids), by=user.actor, comment=comment, channel="dashboard", now=now))
    raise web.HTTPSeeOther(f"/review?done={n}")


# --- sources -------------------------------------------------------------------------------------------


def _local_midnight(now: datetime, tz: Any) -> datetime:
    return datetime.combine(now.astimezone(tz).date(), time(0), tzinfo=tz)


@allow("view")
async def sources_page(request: web.Request) -> web.StreamResponse:
    d = dash(request)
    since = _local_midnight(d.now(), d.tz)
    sc = scope(request)
    schools = sc.sql()
    rows = await d.daemon.store.read(lambda db: q.sources(db, since=since, schools=schools))
    config = d.daemon.config
    for r in rows:
        r["school_name"] = config.school_named(str(r["school"]))
    known = {r["source_name"] for r in rows}
    mine = set(sc.schools(config))
    configured = [s for sch in config.all_schools if sch.id in mine for s in sch.sources
                  if s.enabled and s.name not in known]
    return render(request, "sources.html", title="Sources", sources=rows, not_polled=configured,
                  show_school=sc.spans(config))


# --- reports --------------------------------------------------------------------------------------------


@allow("view")
async def reports_page(request: web.Request) -> web.StreamResponse:
    d = dash(request)
    now = d.now()
    sc = scope(request)
    schools = sc.sql()
    r = await d.daemon.store.read(lambda db: q.reports(db, now=now, tz=d.tz, schools=schools))
    await audit_cross_school(request, "reports", schools=sc.schools(d.daemon.config), school=sc.chosen)
    config = d.daemon.config
    per_school = [{"id": k, "name": config.school_named(k), **v,
                   "breaches_total": sum(v["breaches"].values())} for k, v in r["per_school"].items()]
    days = r["days"]
    short = [x[5:] for x in days]  # MM-DD
    sev_names = ["critical", "high", "normal", "none"]
    # the chart's legend in the words shown (the tables use the sev_text filter): an item nothing was found in is
    # "not flagged" (an own-account comment still owes its acknowledgement), never "none"
    sev_shown = {n: Severity.parse(n).shown for n in sev_names}
    per_day = bar_chart(
        "Items per day by severity, last 30 days",
        short,
        {sev_shown[n]: [r["per_day_severity"][day][n] for day in days] for n in sev_names},
        colours={sev_shown[n]: SEVERITY_COLOURS[n] for n in sev_names},
        label_every=5,
    )
    cats = [c for c in CATEGORIES if r["per_category"][c]]
    per_cat = bar_chart(
        "Flagged items per day by category, last 30 days",
        short,
        {c.replace("_", " "): [r["per_day_category"][day][c] for day in days] for c in cats}
        or {"nothing flagged": [0] * len(days)},
        label_every=5,
    )
    breaches = bar_chart(
        "Deadlines missed per month",
        r["months"],
        {"breaches": [r["breaches"][m] for m in r["months"]]},
        colours={"breaches": "#b91c1c"},
    )
    fp_cats = list(CATEGORIES)
    fps = bar_chart(
        "False positives ('not a concern') per category",
        [c.replace("_", " ") for c in fp_cats],
        {"false positives": [r["false_positives"][c] for c in fp_cats]},
        colours={"false positives": "#6b7280"},
    )
    weeks = r["weeks"]
    ack_weeks = ack_time_chart(
        "Hours to acknowledge per week, against the 24-hour rule",
        [datetime.fromisoformat(w["week"]).strftime("%d %b") for w in weeks],
        [w["median_hours"] for w in weeks],
        [w["worst_hours"] for w in weeks],
    )
    return render(request, "reports.html", title="Reports", r=r, charts={
        "per_day": per_day, "per_cat": per_cat, "breaches": breaches, "fps": fps, "ack_weeks": ack_weeks},
        sev_names=sev_names,
        categories=CATEGORIES,
        per_school=per_school if sc.spans(config) else [])


# --- health ---------------------------------------------------------------------------------------------


@public
async def healthz(request: web.Request) -> web.StreamResponse:
    snap = await health_snapshot(dash(request).daemon)
    return web.json_response(snap, status=503 if snap["status"] == "failing" else 200)


# --- users ------------------------------------------------------------------------------------------------


def _manages(admin: users.User, schools: tuple[str, ...]) -> bool:
    """Whether ``admin`` administers an account of these schools: every one of them is the admin's (a trust-wide
    account only by a trust-wide admin)."""
    return all(access.may_see(admin, {"school": s}) for s in schools) and (
        ALL_SCHOOLS not in schools or admin.trust_wide)


def _users_page(request: web.Request, rows: list[dict[str, Any]], **ctx: Any) -> web.Response:
    """The users an admin manages, and the schools and roles they may give a new one."""
    me = current_user(request)
    config = dash(request).daemon.config
    mine = [r | {"schools": users.parse_schools(r.get("school"))} for r in rows]
    mine = [r | {"school_names": ", ".join("every school" if s == ALL_SCHOOLS else config.school_named(s)
                                          for s in r["schools"])}
            for r in mine if _manages(me, r["schools"])]
    choices = [(s.id, s.name) for s in config.all_schools if access.may_see(me, {"school": s.id})]
    if me.trust_wide and config.multi_school:
        choices.append((ALL_SCHOOLS, "every school (the trust)"))
    roles = [*ROLES, *(TRUST_ROLES if me.trust_wide and config.multi_school else ())]
    return render(request, "admin_users.html", title="Users", users=mine, roles=roles,
                  school_choices=choices if config.multi_school else [], **ctx)


@allow("admin")
async def admin_users(request: web.Request) -> web.StreamResponse:
    d = dash(request)
    rows = await d.daemon.store.read(users.list_users)
    return _users_page(request, rows, flash=request.query.get("msg", "")[:200], error="", form={})


@allow("admin")
async def admin_users_post(request: web.Request) -> web.StreamResponse:
    d = dash(request)
    me = request[USER]
    form = await request.post()
    do = form_str(form, "do", 20)
    username = form_str(form, "username", 64)
    now = d.now()
    try:
        if do == "add":
            password = str(form.get("password", ""))[:1024]
            if password != str(form.get("password2", ""))[:1024]:
                raise users.UserError("the two passwords differ")
            pw_hash = await asyncio.get_running_loop().run_in_executor(None, users.hash_password, password)
            name, email, role = form_str(form, "name", 200), form_str(form, "email", 200), form_str(form, "role", 30)
            config = d.daemon.config
            chosen = [str(v)[:40] for v in form.getall("school", [])]
            if not chosen and not me.trust_wide:
                chosen = list(me.schools)  # a school's admin adds people to their own school
            school = users.check_schools(role, chosen, [s.id for s in config.all_schools])
            if not _manages(me, users.parse_schools(school)):
                raise users.UserError("you can add people to your own school(s) only")
            await d.daemon.store.write(lambda db: users.add_user(
                db, username, name=name, email=email or None, role=role, password_hash=pw_hash, now=now,
                by=me.actor, channel="dashboard", school=school))
            msg = f"Added {username}."
        elif do in ("disable", "enable"):
            if do == "disable" and username == me.username:
                raise users.UserError("you cannot disable your own account")
            target = await d.daemon.store.read(lambda db: users.login_record(db, username))
            if target is None or not _manages(me, users.parse_schools(target.get("school"))):
                raise users.UserError(f"no user called {username!r}")
            await d.daemon.store.write(lambda db: users.set_disabled(
                db, username, do == "disable", now=now, by=me.actor, channel="dashboard"))
            msg = f"{'Disabled' if do == 'disable' else 'Enabled'} {username}."
        else:
            raise web.HTTPBadRequest(text="Unknown action.")
    except users.UserError as exc:
        rows = await d.daemon.store.read(users.list_users)
        return _users_page(request, rows, status=400, flash="", error=str(exc)[:1].upper() + str(exc)[1:] + ".",
                           form={k: form_str(form, k, 200) for k in ("username", "name", "email", "role")})
    from urllib.parse import quote

    raise web.HTTPSeeOther("/admin/users?msg=" + quote(msg))
