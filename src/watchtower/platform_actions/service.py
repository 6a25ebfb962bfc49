"""Asking for an action: the rules (who, what, where), the evidence snapshot, the confirmation text, the row.

``request_action`` runs inside one write transaction: it checks, snapshots, writes the row and its audit line; the
worker does the call later. ``offer`` says what the item page and the CLI may offer this person on this item.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from watchtower.config import Config
from watchtower.dataprotection import evidence
from watchtower.platform_actions.model import (
    ACTORS,
    CAPABILITIES,
    EVIDENCE_FIRST,
    MENTION_KINDS,
    SAFEGUARDING_DELETERS,
    ActionSpec,
    NotPossible,
)
from watchtower.platform_actions.registry import acting_source, build_client
from watchtower.store import repo
from watchtower.store.db import Db
from watchtower.timeutil import maybe_ts

MAX_REPLY_CHARS = 2000
#: toggles: a new hide is a new action once the last hide/unhide has finished
TOGGLES = ("hide", "unhide")
PLATFORM_NAMES = {"facebook": "Facebook", "instagram": "Instagram", "youtube": "YouTube", "x": "X",
                  "mastodon": "Mastodon", "bluesky": "Bluesky"}


@dataclass(frozen=True)
class Offer:
    kind: str
    label: str
    allowed: bool
    why_not: str | None = None


def _categories(item: dict[str, Any]) -> list[str]:
    cats = item.get("categories")
    if isinstance(cats, list):
        return [str(c) for c in cats]
    try:
        return list(json.loads(cats or "[]"))
    except ValueError:
        return []


def offer(item: dict[str, Any], role: str) -> list[Offer]:
    """What may be done on the platform for this item by this role, hiding first."""
    caps = CAPABILITIES.get(item["platform"], {})
    out = []
    safeguarding = "safeguarding" in _categories(item)
    for kind in ("hide", "unhide", "reply", "delete", "ban"):
        if kind not in caps:
            continue
        why = _refusal(item, kind, role, safeguarding)
        out.append(Offer(kind, caps[kind], why is None, why))
    return out


def _refusal(item: dict[str, Any], kind: str, role: str, safeguarding: bool) -> str | None:
    if role not in ACTORS:
        return "your role can see items but not act on them"
    if item["source"] != "own" and kind not in MENTION_KINDS:
        return "this is a public mention, not a post on the school's own account: only a reply is possible"
    if kind == "delete" and safeguarding and role not in SAFEGUARDING_DELETERS:
        return "on a safeguarding item only the DSL or the headteacher may delete: hide it instead"
    return None


def fill_template(template: str, item: dict[str, Any], config: Config, *, reason: str = "") -> str:
    deadline = maybe_ts(item.get("deadline_at"))
    when = deadline.astimezone(ZoneInfo(config.deadlines.timezone)).strftime("%a %-d %b %H:%M") if deadline \
        else "the end of the next working day"
    school = config.school_named(str(item.get("school") or config.all_schools[0].id))
    values = {"deadline": when, "school": school, "reason": reason or "it broke our community rules"}
    return template.format_map(values)


def acting_source_name(config: Config, item: dict[str, Any]) -> str:
    """The configured source whose token acts on ``item``: the one that saw it, else its school's first of its
    platform (an item kept under a name no source has, such as the old shared ``webhook:meta``); NotPossible when
    the item's school has none (another school's token is never used)."""
    return str(acting_source(config, item["platform"], item["source_name"], item.get("school")).name)


def plan_text(config: Config, item: dict[str, Any], kind: str, text: str | None) -> str:
    """What will happen, on which platform, by which call: shown before confirming, kept in the row."""
    source = acting_source_name(config, item)
    client = build_client(config, item["platform"], source, None, None, planning=True, school=item.get("school"))
    spec = ActionSpec(0, kind, item["platform"], source, str(item["platform_id"]), "",
                      text=text, author_handle=item.get("author_handle"), extra=_extra(item))
    what = CAPABILITIES[item["platform"]][kind]
    said = f' saying "{text}"' if text else ""
    dry = " DRY RUN: nothing will be sent." if config.actions.dry_run else ""
    return (f"{PLATFORM_NAMES.get(item['platform'], item['platform'])}: {what}{said}, as the school's account "
            f"(source {source}). Call: {client.plan(spec)}.{dry}")


def _extra(item: dict[str, Any]) -> dict[str, Any]:
    extra = item.get("extra")
    if isinstance(extra, dict):
        return extra
    try:
        value = json.loads(extra or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def dedup_key(db: Db, item_id: int, kind: str, params: dict[str, Any]) -> str:
    """(item, action, parameters, generation): the same request twice is one row. The generation moves on when an
    earlier one failed (so it can be asked again) and, for hide/unhide, when the last toggle finished."""
    digest = hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()[:16]
    if kind in TOGGLES:
        generation = repo.count_platform_actions(db, item_id, TOGGLES, ("done", "failed", "dry_run", "uncertain"))
    else:
        generation = repo.count_platform_actions(db, item_id, (kind,), ("failed", "uncertain", "dry_run"))
    return f"{item_id}:{kind}:{digest}:{generation}"


def request_action(
    db: Db,
    config: Config,
    item_id: int,
    kind: str,
    *,
    actor: str,
    role: str,
    channel: str,
    now: datetime,
    text: str | None = None,
    template: str | None = None,
    reason: str | None = None,
) -> tuple[int | None, str]:
    """Check, snapshot (delete, ban), write the row and audit it. Returns (row id or None if already asked, plan).

    Raises ``KeyError`` for an unknown item and ``NotPossible`` (with the reason) for a refused request."""
    if not config.actions.enabled:
        raise NotPossible("actions on the platform are switched off ([actions] enabled = false)")
    row = repo.get_item(db, item_id)
    if row is None:
        raise KeyError(item_id)
    item = row.as_dict()  # offer(), plan_text() and fill_template() read the dashboard's dicts too
    caps = CAPABILITIES.get(item["platform"])
    if caps is None:
        raise NotPossible(f"Watchtower cannot act on {item['platform']}: record what you did instead")
    if kind not in caps:
        raise NotPossible(f"{PLATFORM_NAMES.get(item['platform'], item['platform'])}'s API does not let the "
                          f"school {kind} this: see connectors/{item['platform']}.md")
    why = _refusal(item, kind, role, "safeguarding" in _categories(item))
    if why:
        raise NotPossible(why)
    params: dict[str, Any] = {}
    if kind == "reply":
        if template in ("acknowledgement", "removed"):
            body = getattr(config.actions.templates, template)
            text = fill_template(body, item, config, reason=(reason or "").strip())
            params["template"] = template
        text = (text or "").strip()
        if not text:
            raise NotPossible("a reply needs text (--text, or a template)")
        if len(text) > MAX_REPLY_CHARS:
            raise NotPossible(f"the reply is longer than {MAX_REPLY_CHARS} characters")
        params["text"] = text
    plan = plan_text(config, item, kind, params.get("text"))
    key = dedup_key(db, item_id, kind, params)
    if db.execute("SELECT 1 FROM platform_actions WHERE dedup_key = ?", [key]).fetchone() is not None:
        repo.audit(db, actor=actor, action=f"platform:{kind}:requested", channel=channel, now=now, item_id=item_id,
                   plan=plan, duplicate=True)
        return None, plan
    snap = None
    if kind in EVIDENCE_FIRST:
        snap = evidence(db, item_id, by=actor, now=now, channel=channel)
    action_id = repo.enqueue_platform_action(
        db, dedup_key=key, item_id=item_id, platform=item["platform"], source_name=acting_source_name(config, item),
        kind=kind,
        target_id=str(item["platform_id"]), params=params, plan=plan, requested_by=actor, channel=channel, now=now,
        evidence=snap)
    repo.audit(db, actor=actor, action=f"platform:{kind}:requested", channel=channel, now=now, item_id=item_id,
               plan=plan, action_id=action_id, duplicate=action_id is None,
               evidence_sha256=None if snap is None else snap["content_sha256"],
               dry_run=config.actions.dry_run)
    return action_id, plan
