"""One-click acknowledgement from an email: ``/ack/{token}``.

The signed link is the credential (no login). GET only looks: it verifies the link and shows a confirmation page
with a POST form, so a mail scanner opening the link changes nothing. POST acknowledges as the person the link
names (channel ``email-link``) and records the link's nonce, so the link acts once. The form's CSRF token is an
HMAC of the link itself. When someone else is logged in on the browser that opens the link, the page says so before
anything is recorded, and the acknowledgement records both people.
"""

from __future__ import annotations

import hmac

from aiohttp import web

from watchtower import actions
from watchtower.exceptions import LinkError
from watchtower.links import LinkClaim, LinkSigner
from watchtower.store import repo
from watchtower.store.db import Db
from watchtower.store.rows import ItemRow
from watchtower.timeutil import parse_ts
from watchtower.users import User
from watchtower.web import _queries as q
from watchtower.web._context import USER, dash, render
from watchtower.web._security import form_str, public


def _verify(request: web.Request) -> tuple[str, LinkClaim | None, str]:
    d = dash(request)
    token = request.match_info["token"][:1000]
    try:
        return token, d.daemon.signer.verify(token, now=d.now()), ""
    except LinkError as exc:
        return token, None, str(exc)


def _bad_link(request: web.Request, reason: str) -> web.Response:
    return render(request, "ack_result.html", status=400, title="This link cannot be used", heading=
                  "This link cannot be used", message=reason[:1].upper() + reason[1:] + ".", ok=False)


def _already_resolved(request: web.Request, item: ItemRow, *, acknowledged: bool) -> web.Response:
    d = dash(request)
    who = d.env.filters["who"](item.resolved_by or "")
    when = d.env.filters["local"](item.resolved_at)
    message = f"{who or 'Someone'} resolved it on {when}: nothing more to do." + (
        " Your acknowledgement is recorded." if acknowledged else "")
    return render(request, "ack_result.html", title="Already resolved", heading="This item was already resolved",
                  message=message, ok=True, item_id=item.id)


def _person(request: web.Request, claim: LinkClaim) -> str | None:
    """The address the link was sent to: its token carries only an opaque ref (``links.py``)."""
    signer: LinkSigner = dash(request).daemon.signer
    return signer.resolve_person(claim, (p.email for p in dash(request).daemon.config.all_people))


def _someone_else(request: web.Request, address: str) -> User | None:
    """The dashboard user logged in on this browser, when that is not the person the link was sent to."""
    user = request.get(USER)
    return user if user is not None and user.actor != address else None


def _already(request: web.Request, item: ItemRow | None) -> str:
    """"Already acknowledged by Amy Clarke at 10:02" (the day too when not today), or "" while nobody has."""
    if not item or not item.acknowledged_at:
        return ""
    d = dash(request)
    at = parse_ts(item.acknowledged_at).astimezone(d.tz)
    when = at.strftime("%H:%M") if at.date() == d.now().astimezone(d.tz).date() else at.strftime("%H:%M on %a %d %b")
    by = item.acknowledged_by or ""
    person = d.daemon.person(by) if "@" in by else None
    return f"Already acknowledged by {person.name if person else by} at {when}"


@public
async def ack_confirm(request: web.Request) -> web.StreamResponse:
    d = dash(request)
    token, claim, error = _verify(request)
    if claim is None:
        return _bad_link(request, error)

    def read(db: Db) -> tuple[ItemRow | None, str | None]:
        return repo.get_item(db, claim.item_id), q.link_used(db, claim.nonce)

    item, used_at = await d.daemon.store.read(read)
    if item is None:
        return _bad_link(request, "the item this link is about no longer exists (it may have been purged)")
    if used_at is not None:
        return render(request, "ack_result.html", status=409, title="Link already used", heading=
                      "This link has already been used", message=f"It acknowledged item {claim.item_id}. Nothing "
                      "more to do here.", ok=False, item_id=claim.item_id)
    if item.resolved_at:
        return _already_resolved(request, item, acknowledged=False)
    address = _person(request, claim)
    if address is None:
        return _bad_link(request, "the person this link was sent to is no longer in Watchtower's list of people")
    person = d.daemon.recipient(address)
    return render(request, "ack_confirm.html", title="Acknowledge this item?", claim=claim, person=person,
                  item=item, token=token, link_csrf=d.link_csrf(token), already=_already(request, item),
                  someone_else=_someone_else(request, address))


@public
async def ack_act(request: web.Request) -> web.StreamResponse:
    d = dash(request)
    token, claim, error = _verify(request)
    if claim is None:
        return _bad_link(request, error)
    form = await request.post()
    if not hmac.compare_digest(form_str(form, "csrf", 200), d.link_csrf(token)):
        raise web.HTTPForbidden(text="This confirmation form did not come from this link: open the link again.")
    address = _person(request, claim)
    if address is None:
        return _bad_link(request, "the person this link was sent to is no longer in Watchtower's list of people")
    now = d.now()
    # the link names who acknowledges; someone else logged in on this browser used it: the record says both
    other = _someone_else(request, address)
    used_by = other.actor if other is not None else None

    def work(db: Db) -> tuple[str, ItemRow | None]:
        item = repo.get_item(db, claim.item_id)
        outcome = actions.ack_by_link(db, claim.item_id, nonce=claim.nonce, person=address, now=now)
        if used_by is not None and outcome != "missing":
            repo.audit(db, actor=used_by, action="email_link_used_by_other", channel="email-link", now=now,
                       item_id=claim.item_id, link_person=address, logged_in=used_by, outcome=outcome)
        return outcome, item

    outcome, item = await d.daemon.store.write(work)
    if outcome == "missing":
        return _bad_link(request, "the item this link is about no longer exists (it may have been purged)")
    if outcome == "used":
        return render(request, "ack_result.html", status=409, title="Link already used", heading=
                      "This link has already been used", message=f"It acknowledged item {claim.item_id}. Nothing "
                      "more to do here.", ok=False, item_id=claim.item_id)
    if item is not None and item.resolved_at:
        return _already_resolved(request, item, acknowledged=True)
    if outcome == "acknowledged":
        message = "Thank you. The reminders for this item have stopped. Record what you did in the dashboard."
    else:
        message = f"{_already(request, item) or 'Someone had already acknowledged it'}; yours is recorded too."
    return render(request, "ack_result.html", title="Acknowledged", heading="Acknowledged", message=message,
                  ok=True, item_id=claim.item_id)
