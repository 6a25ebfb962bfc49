"""Acting on the platform from the item page (issue 17): the panel's data, the confirmation, the POST that queues.

Every action is a POST with the session's CSRF token (checked by ``_security.authenticate``), in two steps: the
first shows exactly what will happen on which platform (the call itself); ``confirm=1`` queues the row and wakes the
worker. Rules (roles, safeguarding, own accounts) are ``platform_actions.service``'s, the same as the CLI's.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from watchtower.platform_actions import worker
from watchtower.platform_actions.model import CAPABILITIES, CEOP_URL, NotPossible
from watchtower.platform_actions.service import PLATFORM_NAMES, offer, plan_text, request_action
from watchtower.store import repo
from watchtower.store.db import Db
from watchtower.store.rows import ItemRow, triage_columns
from watchtower.web._context import USER, can, dash, render
from watchtower.web._security import allow, form_str, item_id_from, of_my_school

STATUS_WORDS = {"pending": "waiting to be sent", "sending": "being sent now", "done": "done",
                "failed": "failed", "dry_run": "dry run: nothing was sent", "uncertain": "check the platform"}


def panel(request: web.Request, item: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """What ``_platform_actions.html`` shows: the offers for this person, the actions so far (``rows``, read by the
    item page in the same snapshot as its audit trail), the policy links."""
    d = dash(request)
    user = request.get(USER)
    categories = item.get("categories_list") or list(triage_columns(item).categories)
    return {
        "supported": item["platform"] in CAPABILITIES and bool(user and can(user, "act")),
        "platform_name": PLATFORM_NAMES.get(item["platform"], item["platform"]),
        "offers": offer({**item, "categories": categories}, user.role) if user else [],
        "rows": [{**r, "status_words": STATUS_WORDS.get(r["status"], r["status"])} for r in rows],
        "dry_run": d.daemon.config.actions.dry_run,
        "safeguarding": "safeguarding" in categories,
        "ceop_url": CEOP_URL,
        "has_evidence": any(r["evidence_sha256"] for r in rows),
        "flash": {"queued": "Queued: Watchtower is doing it on the platform now. Its state is below.",
                  "duplicate": "That was already asked for: it is done once."}.get(
                      request.query.get("platform", ""), ""),
    }


class _Preview(Exception):
    def __init__(self, item: ItemRow, plan: str) -> None:
        super().__init__("preview")
        self.item, self.plan = item, plan


@allow("act")
async def platform_post(request: web.Request) -> web.StreamResponse:
    d = dash(request)
    user = request[USER]
    item_id = item_id_from(request)
    form = await request.post()
    kind = form_str(form, "do", 20)
    text = form_str(form, "text", 2000) or None
    template = form_str(form, "template", 20) or None
    reason = form_str(form, "reason", 500) or None
    if template not in (None, "acknowledgement", "removed"):
        raise web.HTTPBadRequest(text="Unknown reply template.")
    config = d.daemon.config
    if form_str(form, "confirm", 2) != "1":
        def preview(db: Db) -> None:
            item = repo.get_item(db, item_id)
            if item is None:
                raise KeyError(item_id)
            # checked exactly as on confirming, then rolled back: nothing is written or snapshotted by a preview
            _, plan = request_action(db, config, item_id, kind, actor=user.actor, role=user.role,
                                     channel="dashboard", now=d.now(), text=text, template=template, reason=reason)
            raise _Preview(item, plan)

        try:
            await d.daemon.store.write(of_my_school(user, item_id, preview))
            raise AssertionError("unreachable")
        except _Preview as p:
            item, plan = p.item, p.plan
        except KeyError:
            raise web.HTTPNotFound(text="There is no item with that number.") from None
        except NotPossible as exc:
            raise web.HTTPForbidden(text=f"Not possible: {exc}") from None
        return render(request, "platform_confirm.html", title=f"Confirm: item {item_id}", item=item, plan=plan,
                      kind=kind, text=text or "", reply_template=template or "", reason=reason or "")
    try:
        action_id, _ = await d.daemon.store.write(of_my_school(user, item_id, lambda db: request_action(
            db, config, item_id, kind, actor=user.actor, role=user.role, channel="dashboard", now=d.now(),
            text=text, template=template, reason=reason)))
    except KeyError:
        raise web.HTTPNotFound(text="There is no item with that number.") from None
    except NotPossible as exc:
        raise web.HTTPForbidden(text=f"Not possible: {exc}") from None
    worker.wake(d.daemon)
    done = "queued" if action_id is not None else "duplicate"
    raise web.HTTPSeeOther(f"/items/{item_id}?platform={done}#platform-actions")


__all__ = ["panel", "plan_text", "platform_post"]
