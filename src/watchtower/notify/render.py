"""Turning outbox rows into email messages. Post text is attacker-controlled: it never reaches a header, and the
HTML part escapes it (jinja2 autoescape). Every value shown goes through ``watchtower.display.safe_display`` (bidi
overrides, ANSI escapes and control characters neutralised); the store keeps the original."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any
from zoneinfo import ZoneInfo

import jinja2

from watchtower.display import finalize, safe_display
from watchtower.models import CATEGORY_SEVERITY, Severity

_env_text = jinja2.Environment(
    loader=jinja2.PackageLoader("watchtower.notify", "templates"),
    autoescape=False,  # noqa: S701 - plain-text part; nothing here is rendered as HTML
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    finalize=finalize,
)
_env_html = jinja2.Environment(
    loader=jinja2.PackageLoader("watchtower.notify", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    finalize=finalize,
)

COLOURS = {Severity.CRITICAL: "#b91c1c", Severity.HIGH: "#c2410c", Severity.NORMAL: "#1d4ed8", Severity.NONE: "#6b7280"}
_HEADER_UNSAFE = re.compile(r"[\r\n\x00-\x1f\x7f]+")
SAFEGUARDING_READERS = frozenset({"dsl", "deputy_dsl", "headteacher"})


def withhold_quotes(reasons: list[str]) -> list[str]:
    """Reasons without the words they quote from the post, for people who may not read a safeguarding item:
    ``rule:self_harm 'kill myself'`` becomes ``rule:self_harm (quoted words withheld)``."""
    out = []
    for r in reasons:
        if any(q in r for q in "'\"‘’“”"):
            out.append(r.split(None, 1)[0].rstrip(":") + " (quoted words withheld)")
        else:
            out.append(r)
    return out


def header_safe(text: str, limit: int = 200) -> str:
    """No CR/LF or control characters in a header, whatever the source."""
    return _HEADER_UNSAFE.sub(" ", text).strip()[:limit]


def local(dt: datetime | None, tz: ZoneInfo) -> str:
    if dt is None:
        return ""
    return dt.astimezone(tz).strftime("%a %d %b %Y %H:%M %Z")


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str
    roles: frozenset[str]


def can_read_text(item: dict[str, Any], recipient: Recipient, moderators_see_safeguarding: bool) -> bool:
    """Safeguarding items are need-to-know: DSLs and the headteacher see the text; others only if config allows."""
    if "safeguarding" not in item.get("categories_list", []):
        return True
    return bool(recipient.roles & SAFEGUARDING_READERS) or moderators_see_safeguarding


def item_view(
    item: dict[str, Any],
    *,
    recipient: Recipient,
    step_reason: str,
    also_told: list[str],
    ack_url: str,
    item_url: str,
    tz: ZoneInfo,
    moderators_see_safeguarding: bool,
) -> dict[str, Any]:
    from watchtower.timeutil import maybe_ts

    cats = item.get("categories_list", [])
    sev = Severity(item.get("severity") or 0)
    readable = can_read_text(item, recipient, moderators_see_safeguarding)
    # withheld text never enters the template at all, nor does the link (a news URL's slug often tells the story)
    text = safe_display(item.get("text")) if readable else ""
    url = safe_display(item.get("url")) if readable else ""
    handle = safe_display(item.get("author_handle"))
    name = safe_display(item.get("author_name"))
    author = f"{name} (@{handle})" if name and handle else (name or (f"@{handle}" if handle else "unknown"))
    return {
        "severity_label": sev.label,
        "colour": COLOURS[sev],
        "categories": cats,
        "step_reason": step_reason,
        "platform": item.get("platform", ""),
        "source_label": "school account" if item.get("source") == "own" else "public mention",
        "author": author,
        "created_local": local(maybe_ts(item.get("created_at")), tz),
        "url": url,
        "url_safe": url.startswith(("https://", "http://")),
        "show_text": readable,
        "text": text,
        "text_quoted": "\n".join("  > " + line for line in (text.splitlines() or [""])),
        "reasons": [safe_display(r) for r in (item.get("reasons_list", []) if readable
                                              else withhold_quotes(item.get("reasons_list", [])))],
        "deadline_local": local(maybe_ts(item.get("deadline_at")), tz),
        "deadline_reason": item.get("deadline_reason") or "",
        "also_told": ", ".join(also_told),
        "ack_url": ack_url,
        "item_url": item_url,
    }


def item_subject(views: list[dict[str, Any]], items: list[dict[str, Any]]) -> str:
    worst = max(items, key=lambda i: (i.get("severity") or 0))
    sev = Severity(worst.get("severity") or 0)
    if sev == Severity.NONE:
        # own-account comments nobody flagged: they still owe an acknowledgement under the 24-hour rule
        dues = sorted(v["deadline_local"] for v in views if v["deadline_local"])
        what = "1 new comment" if len(items) == 1 else f"{len(items)} new comments"
        subject = f"{what} on your accounts, none flagged" + (f": acknowledge by {dues[0]}" if dues else "")
        return header_safe("Watchtower: " + subject, 250)
    if len(items) == 1:
        cats = ", ".join(views[0]["categories"]) or "item"
        where = f"{views[0]['platform']} {views[0]['source_label']}"
        due = views[0]["deadline_local"]
        subject = f"[{sev.label.upper()}] {cats} on {where}" + (f", acknowledge by {due}" if due else "")
    else:
        cats = sorted({c for v in views for c in v["categories"]}, key=list(CATEGORY_SEVERITY).index)
        unflagged = sum(1 for v in views if not v["categories"])
        subject = f"[{sev.label.upper()}] {len(items)} items: {', '.join(cats) or 'items'}"
        if unflagged:
            subject += f" ({unflagged} not flagged)"
        dues = sorted(v["deadline_local"] for v in views if v["deadline_local"])
        if dues:
            subject += f", first due {dues[0]}"
    return header_safe("Watchtower " + subject, 250)


def build_item_email(
    *,
    school: str,
    from_address: str,
    recipient: Recipient,
    views: list[dict[str, Any]],
    items: list[dict[str, Any]],
    now: datetime,
) -> EmailMessage:
    subject = item_subject(views, items)
    ctx = {"school": school, "items": views, "subject": subject}
    msg = EmailMessage()
    msg["From"] = from_address
    msg["To"] = recipient.email
    msg["Subject"] = subject
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid(domain="watchtower.local")
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Watchtower-Items"] = ",".join(str(i["id"]) for i in items)
    msg.set_content(_env_text.get_template("item_alert.txt.j2").render(ctx))
    msg.add_alternative(_env_html.get_template("item_alert.html.j2").render(ctx), subtype="html")
    return msg


def build_plain_email(
    *, from_address: str, to: str, subject: str, body: str, now: datetime, html: str | None = None
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = from_address
    msg["To"] = to
    msg["Subject"] = header_safe(subject, 250)
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid(domain="watchtower.local")
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(body)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    return msg


def decode_item(row: dict[str, Any]) -> dict[str, Any]:
    """An items row with its JSON columns decoded for templates."""
    out = dict(row)
    out["categories_list"] = json.loads(row.get("categories") or "[]")
    return out
