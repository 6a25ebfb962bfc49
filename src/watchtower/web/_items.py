"""The queue and the item page, and what people do to an item (acknowledge, act, note, resolve, not a concern,
DSL review). Each act is ``watchtower.actions``'s (shared with the CLI and email links; it writes the audit
line), run on the store's writer thread."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlencode

from aiohttp import web

from watchtower import access, actions
from watchtower.classify._script import unread_item, unread_of
from watchtower.people import Roster
from watchtower.store import repo
from watchtower.store.db import Db
from watchtower.store.rows import triage_columns
from watchtower.web import _platform
from watchtower.web import _queries as q
from watchtower.web._context import (
    USER,
    audit_cross_school,
    can,
    can_read,
    current_user,
    dash,
    deadline_state,
    reads_safeguarding,
    render,
    scope,
)
from watchtower.web._security import allow, form_str, item_id_from, of_my_school

EXCERPT_CHARS = 180
T = TypeVar("T")


def _excerpt(text: str) -> str:
    t = " ".join(text.split())
    return t if len(t) <= EXCERPT_CHARS else t[: EXCERPT_CHARS - 1].rstrip() + "…"


def _author(item: dict[str, Any]) -> str:
    name, handle = item.get("author_name") or "", item.get("author_handle") or ""
    if name and handle:
        return f"{name} (@{handle})"
    return name or (f"@{handle}" if handle else "unknown")


def bulk_flash(done: str) -> str:
    """The queue's message after a bulk action: ``done`` is ``ack-12-3`` (action, acted on, skipped)."""
    parts = done.split("-")
    if len(parts) != 3 or parts[0] not in actions.BULK_ACTIONS or not (parts[1].isdigit() and parts[2].isdigit()):
        return ""
    n, skipped = int(parts[1]), int(parts[2])
    what = "Acknowledged" if parts[0] == "ack" else "Marked seen, nothing to do:"
    msg = f"{what} {n} item{'' if n == 1 else 's'}."
    if skipped:
        msg += (f" {skipped} skipped (already acknowledged or resolved" +
                (", or flagged or not read by the classifier: open those to close them with a reason"
                 if parts[0] == "seen" else "") + ").")
    return msg


def _view_row(item: dict[str, Any], request: web.Request) -> dict[str, Any]:
    d = dash(request)
    user = current_user(request)
    readable = can_read(item, user, d.daemon.config)
    return {
        "id": item["id"],
        "severity": item.get("severity") or 0,
        "categories": item.get("categories_list", []),
        # "possible safeguarding" on the card: a HIGH with no category says nothing to someone scanning the queue
        "possible": [c for c in triage_columns(item).possible if c not in item.get("categories_list", [])],
        "platform": item["platform"],
        "source": item["source"],
        "source_name": item["source_name"],
        "author": _author(item),
        "excerpt": _excerpt(item.get("text") or "") if readable else None,
        "readable": readable,
        # "not read: Arabic script" or "not read: Polish" on the card: the classifier's own test (classify._script),
        # so a post it could not read is not taken for one it checked when a page of comments is triaged at once
        "unread": unread_item(item.get("title"), item.get("text")) if readable else None,
        "first_seen_at": item["first_seen_at"],
        "deadline": deadline_state(item, d.now(), d.daemon.config.escalation.reminder_fraction()),
        "acknowledged_at": item.get("acknowledged_at"),
        "resolved_at": item.get("resolved_at"),
        "not_concern": bool(item.get("not_concern")),
        "dsl_reviewed_at": item.get("dsl_reviewed_at"),
        "claimed_by": item.get("claimed_by"),
        "claimed_at": item.get("claimed_at"),
        "school": item.get("school") or "",
        "school_name": d.daemon.config.school_named(str(item.get("school") or "")),
    }


@dataclass(frozen=True)
class QueueView:
    """One page of the queue as this request asks for it (its filters, its scope), read and audited."""

    f: q.QueueFilter
    items: list[dict[str, Any]]
    total: int
    pages: int
    platforms: list[str]
    show_school: bool


async def queue_view(request: web.Request, *, platforms: bool) -> QueueView:
    """The queue for this request: the page and its 15 s refresh (``_inbox.queue_fragment``) read it here, and
    each is a queue view for the cross-school audit. ``platforms``: also the platforms the filter offers."""
    d = dash(request)
    user = current_user(request)
    f = q.QueueFilter.from_query(request.query)
    rs = reads_safeguarding(user, d.daemon.config)
    sc = scope(request)
    schools = sc.sql()

    def read(db: Db) -> tuple[list[dict[str, Any]], int, list[str]]:
        rows, total = q.queue(db, f, reads_safeguarding=rs, schools=schools)
        return rows, total, q.platforms(db, schools=schools) if platforms else []

    rows, total, plats = await d.daemon.store.read(read)
    await audit_cross_school(request, "queue", schools=sc.schools(d.daemon.config), school=sc.chosen)
    return QueueView(f, [_view_row(r, request) for r in rows], total, max(1, math.ceil(total / q.PAGE_SIZE)), plats,
                     sc.spans(d.daemon.config))


@allow("view")
async def queue(request: web.Request) -> web.StreamResponse:
    d = dash(request)
    view = await queue_view(request, platforms=True)
    f, pages = view.f, view.pages
    return render(
        request,
        "queue.html",
        title="Queue",
        items=view.items,
        total=view.total,
        f=f,
        page=f.page,
        pages=pages,
        prev_url="/?" + urlencode(f.params(page=f.page - 1)) if f.page > 1 else None,
        next_url="/?" + urlencode(f.params(page=f.page + 1)) if f.page < pages else None,
        platforms=view.platforms,
        statuses=q.STATUSES,
        severities=q.SEVERITY_FILTERS,
        now=d.now(),
        query=urlencode(f.params()),
        flash=bulk_flash(request.query.get("done", "")),
        show_school=view.show_school,
    )


def _readable_classification(cls: dict[str, Any] | None, readable: bool) -> dict[str, Any] | None:
    """A safeguarding item's reasons quote the post: whoever may not read the text does not read them either."""
    if cls is None or readable:
        return cls
    return access.redact(cls)


@allow("view")
async def item_page(request: web.Request) -> web.StreamResponse:
    d = dash(request)
    user = current_user(request)
    item_id = item_id_from(request)
    def read(db: Db) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        # one snapshot for the whole page: the platform actions shown "done" and the audit trail that records them
        # are read together, never a moment apart while the worker finishes an action
        with db.transaction(readonly=True):
            found = q.item_detail(db, item_id)
            return found, repo.platform_actions_for_item(db, item_id) if found else []

    detail, platform_rows = await d.daemon.store.read(read)
    if detail is None or not access.may_see(user, detail["item"]):
        # another school's item is not there for this person: the same answer as for no item at all
        raise web.HTTPNotFound(text="There is no item with that number (it may have been purged).")
    item = detail["item"]
    readable = can_read(item, user, d.daemon.config)
    await audit_cross_school(request, "item", item_id=item_id, school=access.item_school(item))
    if "safeguarding" in item["categories_list"]:
        now = d.now()
        await d.daemon.store.write(lambda db: repo.audit(
            db, actor=user.actor, action="view_safeguarding", channel="dashboard", now=now, item_id=item_id,
            text_shown=readable))
    url = ((item if readable else access.redact(item)).get("url") or "")  # a URL's slug often tells the story
    classification = detail["classification"] or {}
    unread, recognised = unread_of(item.get("title"), item.get("text"), list(classification.get("reasons") or []),
                                   classification.get("decisions"))
    return render(
        request,
        "item.html",
        title=f"Item {item_id}",
        item=item if readable else access.redact(item),  # withheld text never enters the template
        row=_view_row(item, request),
        readable=readable,
        url=url,
        url_safe=url.startswith(("https://", "http://")),
        cls=_readable_classification(detail["classification"], readable),
        # a post mostly in a language or script the classifier was not built to read: said above the post, not left
        # to "not flagged", and whether a rule or a list entry recognised some of its words ("zabijem ťa")
        unread=unread,
        words_recognised=recognised,
        thread=[_view_row(t, request) | {"is_parent": t["is_parent"]} for t in detail["thread"]],
        steps=detail["steps"],
        alerts=detail["alerts"],
        acks=detail["acks"],
        actions=[a for a in detail["actions"] if a["action"] != "note"],
        notes=[a for a in detail["actions"] if a["action"] == "note"],
        audit=detail["audit"],
        action_labels=repo.ACTIONS,
        action_choices={k: v for k, v in repo.ACTIONS.items() if k != "note"},
        flash=_DONE.get(request.query.get("done", ""), ""),
        platform=_platform.panel(request, item, platform_rows),  # issue 17: web/templates/_platform_actions.html
        # who the item can be assigned to: its own school's people
        people=list(Roster.from_config(d.daemon.config, access.item_school(item)).people),
        show_school=d.daemon.config.multi_school,
    )


_DONE = {
    "ack": "Acknowledged: the reminders for this item have stopped.",
    "action": "Action recorded.",
    "note": "Note added.",
    "resolve": "Resolved.",
    "not_concern": "Marked as not a concern (counted as a false positive for its categories).",
    "reviewed": "Marked as reviewed.",
    "already": "It was already acknowledged; your acknowledgement is recorded too.",
    "claim": "Saved: the queue shows who is on it.",
}


@allow("act")
async def item_post(request: web.Request) -> web.StreamResponse:
    """One endpoint per item for its buttons: the form's ``do`` says which."""
    d = dash(request)
    user = request[USER]
    item_id = item_id_from(request)
    form = await request.post()
    do = form_str(form, "do", 40)
    note = form_str(form, "note", 4000) or None
    now = d.now()
    by = user.actor
    ch = "dashboard"
    done = do

    def mine(fn: Callable[[Db], T]) -> Callable[[Db], T]:
        return of_my_school(user, item_id, fn)

    try:
        if do == "ack":
            first = await d.daemon.store.write(mine(
                lambda db: actions.acknowledge(db, item_id, by=by, channel=ch, now=now, note=note)))
            done = "ack" if first else "already"
        elif do == "action":
            action = form_str(form, "action", 40)
            if action not in actions.ACTIONS or action == "note":
                raise web.HTTPBadRequest(text="Choose one of the listed actions.")
            await d.daemon.store.write(mine(
                lambda db: actions.act(db, item_id, action, by=by, channel=ch, now=now, note=note)))
        elif do == "note":
            if not note:
                raise web.HTTPBadRequest(text="The note is empty.")
            await d.daemon.store.write(mine(
                lambda db: actions.act(db, item_id, "note", by=by, channel=ch, now=now, note=note)))
        elif do == "resolve":
            await d.daemon.store.write(mine(lambda db: actions.resolve(db, item_id, by=by, channel=ch, now=now)))
        elif do == "not_concern":
            await d.daemon.store.write(mine(
                lambda db: actions.not_concern(db, item_id, by=by, channel=ch, now=now, note=note)))
        elif do == "reviewed":
            if not can(user, "review"):
                raise web.HTTPForbidden(text="Only the DSL and deputy DSL mark items as reviewed.")
            await d.daemon.store.write(mine(
                lambda db: actions.mark_reviewed(db, [item_id], by=by, comment=note, channel=ch, now=now)))
        else:
            raise web.HTTPBadRequest(text="Unknown action.")
    except KeyError:
        raise web.HTTPNotFound(text="There is no item with that number.") from None
    raise web.HTTPSeeOther(f"/items/{item_id}?done={done}#result")
