"""The inbox: acting on many items at once, who is on an item, and the queue's self-refresh.

``POST /bulk`` acknowledges (or marks "seen, nothing to do") the selected items, one audit line each; a form post
returns to the same queue view, a script's post (``Accept: application/json``) gets counts. ``POST
/items/{id}/claim`` claims, assigns or releases an item. ``GET /queue/fragment`` is the queue's list as HTML in
JSON, for ``static/inbox.js`` to swap in every 15 s.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from aiohttp import web

from watchtower import actions
from watchtower.people import Roster
from watchtower.store.db import Db
from watchtower.web import _queries as q
from watchtower.web._context import USER, current_user, dash, reads_safeguarding
from watchtower.web._items import queue_view
from watchtower.web._security import allow, form_str, my_item_ids, of_my_school


def _back(value: str) -> str:
    """The queue view to return to: only our own filter parameters survive (no open redirect)."""
    f = q.QueueFilter.from_query(dict(parse_qsl(value[:2000])))
    query = urlencode(f.params())
    return "/?" + query if query else "/"


@allow("act")
async def bulk_post(request: web.Request) -> web.StreamResponse:
    d = dash(request)
    user = request[USER]
    form = await request.post()
    do = form_str(form, "do", 20)
    if do not in actions.BULK_ACTIONS:
        raise web.HTTPBadRequest(text="Choose Acknowledge or Seen, nothing to do.")
    try:
        ids = [int(str(v)) for v in form.getall("item", [])][: actions.BULK_LIMIT]
    except ValueError:
        raise web.HTTPBadRequest(text="The list of items was damaged: reload the page.") from None
    rs = reads_safeguarding(user, d.daemon.config)
    now = d.now()

    def work(db: Db) -> actions.BulkResult:
        mine = my_item_ids(db, user, ids)  # another school's items are skipped, as if they were not there
        done = actions.bulk(db, mine, do, by=user.actor, channel="dashboard", now=now, may_read_safeguarding=rs)
        return actions.BulkResult(done.done, done.skipped + len(set(ids)) - len(set(mine)))

    result = await d.daemon.store.write(work)
    if "application/json" in request.headers.get("Accept", ""):
        return web.json_response({"done": result.done, "skipped": result.skipped})
    back = _back(form_str(form, "back", 2000))
    sep = "&" if "?" in back else "?"
    raise web.HTTPSeeOther(f"{back}{sep}done={do}-{result.done}-{result.skipped}")


@allow("act")
async def claim_post(request: web.Request) -> web.StreamResponse:
    """Claim (``do=claim``), assign to a configured person (``do=assign``, ``person``), or let go (``release``)."""
    d = dash(request)
    user = request[USER]
    try:
        item_id = int(request.match_info["item_id"])
    except ValueError:
        raise web.HTTPNotFound() from None
    form = await request.post()
    do = form_str(form, "do", 20)
    person: str | None
    if do == "claim":
        person = user.actor
    elif do == "release":
        person = None
    elif do == "assign":
        wanted = form_str(form, "person", 200).lower()
        # one of the item's own school's people
        row = await d.daemon.store.read(lambda db: db.execute("SELECT school FROM items WHERE id = ?",
                                                                [item_id]).fetchone())
        people = Roster.from_config(d.daemon.config, str(row[0])).people if row is not None else ()
        found = next((p.email for p in people if p.email.lower() == wanted), None)
        if found is None:
            raise web.HTTPBadRequest(text="Choose someone from the list.")
        person = found
    else:
        raise web.HTTPBadRequest(text="Unknown action.")
    now = d.now()
    try:
        await d.daemon.store.write(of_my_school(
            user, item_id, lambda db: actions.claim(db, item_id, person, by=user.actor, channel="dashboard", now=now)))
    except KeyError:
        raise web.HTTPNotFound(text="There is no item with that number.") from None
    if form_str(form, "back", 10) == "queue":
        raise web.HTTPSeeOther("/")
    raise web.HTTPSeeOther(f"/items/{item_id}?done=claim#result")


@allow("view")
async def queue_fragment(request: web.Request) -> web.StreamResponse:
    """The queue's list for the current filters, as ``{"total", "ids", "html"}``."""
    d = dash(request)
    view = await queue_view(request, platforms=False)
    html = d.env.get_template("_queue_list.html").render(items=view.items, user=current_user(request),
                                                         show_school=view.show_school)
    return web.json_response({
        "total": view.total,
        "pages": view.pages,
        "ids": [i["id"] for i in view.items],
        "html": html,
    })
