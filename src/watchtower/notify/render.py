"""Turning outbox rows into email messages. Post text is attacker-controlled: it never reaches a header, and the
HTML part escapes it (jinja2 autoescape). Every value shown goes through ``watchtower.display.safe_display`` (bidi
overrides, ANSI escapes and control characters neutralised); the store keeps the original."""

from __future__ import annotations

import json
import re
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any
from zoneinfo import ZoneInfo

import jinja2

from watchtower.access import TextPolicy, may_read_text, redact
from watchtower.display import finalize, safe_display
from watchtower.models import CATEGORY_SEVERITY, Severity
from watchtower.people import Recipient
from watchtower.store.rows import ItemRow, with_categories_list
from watchtower.timeutil import local_text

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


def header_safe(text: str, limit: int = 200) -> str:
    """No CR/LF or control characters in a header, whatever the source."""
    return _HEADER_UNSAFE.sub(" ", text).strip()[:limit]


def local(dt: datetime | None, tz: ZoneInfo) -> str:
    return local_text(dt, tz, "full")


def can_read_text(item: dict[str, Any], recipient: Recipient, moderators_see_safeguarding: bool) -> bool:
    """Whether this recipient reads the item's text: ``watchtower.access`` decides, as for every channel."""
    return may_read_text(recipient, item, TextPolicy(moderators_see_safeguarding))


def _local_dt(dt: datetime | None, tz: ZoneInfo) -> datetime | None:
    return None if dt is None else dt.astimezone(tz)


def _possible(item: dict[str, Any]) -> list[str]:
    """The categories an item is a possible concern for (``items.possible``, JSON), e.g. ``["safeguarding"]``."""
    raw = item.get("possible")
    if isinstance(raw, list | tuple):
        return [str(c) for c in raw]
    try:
        found = json.loads(raw) if raw else []
    except ValueError:
        return []
    return [str(c) for c in found] if isinstance(found, list) else []


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
    from watchtower.classify._script import unread_of  # not at import: it loads the classifier's package
    from watchtower.timeutil import maybe_ts

    cats = item.get("categories_list", [])
    sev = Severity(item.get("severity") or 0)
    readable = can_read_text(item, recipient, moderators_see_safeguarding)
    # withheld text never enters the template at all, nor does the link (a news URL's slug often tells the story)
    shown = item if readable else redact(item)
    text = safe_display(shown.get("text"))
    url = safe_display(shown.get("url"))
    handle = safe_display(item.get("author_handle"))
    name = safe_display(item.get("author_name"))
    author = f"{name} (@{handle})" if name and handle else (name or (f"@{handle}" if handle else "unknown"))
    own_note = "nothing harmful was found; every comment on the school's own accounts is acknowledged"
    unread, recognised = unread_of(item.get("title"), item.get("text"), list(item.get("reasons_list") or []),
                                   item.get("decisions_list"))
    view = {
        # a post the classifier was not built to read was not checked, flagged or not: said first, in words, above
        # the reasons
        "unread_note": "" if unread is None else (
            f"Written mostly in {unread}, which Watchtower's classifier was not built to read: "
            + ("only the words quoted under 'Why flagged' were recognised" if recognised
               else "it was not checked")
            + ", so please read it yourself."),
        # an own-account comment nothing was found in is here only because every one owes an acknowledgement: its
        # heading says "not flagged" and "Why flagged" says so, rather than "NONE" and "(no reason recorded)"
        "heading": sev.shown,
        "unflagged_note": "" if sev != Severity.NONE else (
            own_note if item.get("source") == "own" else "nothing harmful was found"),
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
        "reasons": [safe_display(r) for r in shown.get("reasons_list", [])],
        "deadline_local": local(maybe_ts(item.get("deadline_at")), tz),
        "deadline_dt": _local_dt(maybe_ts(item.get("deadline_at")), tz),
        "possible": _possible(item),
        "categories_plain": [plain(c) for c in cats],
        "deadline_reason": item.get("deadline_reason") or "",
        "also_told": ", ".join(also_told),
        "ack_url": ack_url,
        "item_url": item_url,
    }
    view["what"] = _what(view)  # "harassment, possible safeguarding concern"
    return view


PLATFORM_NAMES = {
    "facebook": "Facebook", "instagram": "Instagram", "x": "X", "youtube": "YouTube", "mastodon": "Mastodon",
    "bluesky": "Bluesky", "reddit": "Reddit", "rss": "a news feed",
}


def plain(category: str) -> str:
    """A category as people say it: ``personal_data`` -> ``personal data``."""
    return category.replace("_", " ")


def platform_name(platform: str) -> str:
    return PLATFORM_NAMES.get(platform, platform.replace("_", " ").title() or "an unknown site")


def step_kind(step_reason: str) -> str:
    """REMINDER (a fraction of the time gone) or OVERDUE (the deadline passed) from an escalation step's reason
    (``escalation._candidates`` words them so); "" for the first notice."""
    if "without acknowledgement" not in step_reason:
        return ""
    return "REMINDER" if "of the time to the deadline" in step_reason else "OVERDUE"


def _when(deadline: datetime | None, now: datetime | None) -> str:
    """14:05 today, Tue 14:05 this week, 3 Mar 14:05 later."""
    if deadline is None:
        return ""
    if now is None:
        return deadline.strftime("%a %H:%M")
    today = now.astimezone(deadline.tzinfo).date()
    days = (deadline.date() - today).days
    if days == 0:
        return deadline.strftime("%H:%M")
    if -6 <= days <= 6:
        return deadline.strftime("%a %H:%M")
    return f"{deadline.day} {deadline.strftime('%b %H:%M')}"


def _what(view: dict[str, Any]) -> str:
    words = [plain(c) for c in view["categories"]]
    words += [f"possible {plain(c)} concern" for c in view.get("possible", []) if c not in view["categories"]]
    return ", ".join(words)


def item_subject(views: list[dict[str, Any]], items: list[dict[str, Any]], now: datetime | None = None) -> str:
    """Short and plain, for a phone's inbox: "CRITICAL: threat on Facebook — acknowledge by 14:05"; REMINDER or
    OVERDUE first when the email is one; "7 new comments on your accounts, none flagged" for a batch nobody
    flagged. Only the item's severity, categories, platform and deadline: never its text or author."""
    worst = max(items, key=lambda i: (i.get("severity") or 0))
    sev = Severity(worst.get("severity") or 0)
    kinds = {step_kind(v.get("step_reason", "")) for v in views} - {""}
    kind = "OVERDUE" if "OVERDUE" in kinds else ("REMINDER" if kinds else "")
    deadlines = sorted(v["deadline_dt"] for v in views if v.get("deadline_dt") is not None)
    due = _when(deadlines[0], now) if deadlines else ""
    tail = (" — was due " if kind == "OVERDUE" else " — acknowledge by ") + due if due else ""
    lead = f"{kind}, " if kind else ""
    if sev == Severity.NONE:
        # own-account comments nobody flagged: they still owe an acknowledgement under the 24-hour rule
        what = "1 new comment" if len(items) == 1 else f"{len(items)} new comments"
        if kind:
            what = "1 comment" if len(items) == 1 else f"{len(items)} comments"
        return header_safe(f"{kind + ': ' if kind else ''}{what} on your accounts, none flagged{tail}", 250)
    if len(items) == 1:
        v = views[0]
        where = platform_name(v["platform"])
        if v["source_label"] != "school account":
            where += " (public post)"
        elif v["platform"] == "rss":
            where = "the school's own feed"  # an own-account feed (a blog's comments), not "a news feed"
        subject = f"{lead}{sev.label.upper()}: {_what(v) or 'an item'} on {where}{tail}"
    else:
        order = list(CATEGORY_SEVERITY)
        cats = sorted({c for v in views for c in v["categories"]}, key=order.index)
        unflagged = sum(1 for v in views if not v["categories"] and not v.get("possible"))
        named = ", ".join(plain(c) for c in cats) or "possible concerns"
        subject = f"{lead}{sev.label.upper()}: {len(items)} items ({named})"
        if unflagged:
            subject += f" ({unflagged} not flagged)"
        if due:
            subject += " — first " + ("was due " if kind == "OVERDUE" else "due ") + due
    return header_safe(subject, 250)


def build_item_email(
    *,
    school: str,
    from_address: str,
    recipient: Recipient,
    views: list[dict[str, Any]],
    items: list[dict[str, Any]],
    now: datetime,
    name_school: bool = False,
) -> EmailMessage:
    """The email about these items. ``name_school``: the instance serves several schools, so the subject starts
    with the school's name (the body always names it)."""
    subject = item_subject(views, items, now)
    if name_school:
        subject = header_safe(f"[{school}] {subject}", 250)
    ctx = {"school": school, "items": views, "subject": subject}
    msg = EmailMessage()
    msg["From"] = from_address
    msg["To"] = recipient.email
    msg["Subject"] = subject
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid(domain="watchtower.local")
    msg["Auto-Submitted"] = "auto-generated"
    # ", ": a batch of many ids folds at the spaces; "1,2,...,400" has nowhere to fold and is sent RFC 2047-encoded
    msg["X-Watchtower-Items"] = ", ".join(str(i["id"]) for i in items)
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


def decode_item(row: ItemRow) -> dict[str, Any]:
    """An item as the email templates read it: the row with ``categories_list``."""
    return with_categories_list(row.as_dict())
