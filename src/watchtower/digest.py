"""The DSL's daily digest (design.md, "Escalation chain": every day at 07:30).

Built from the database, never from memory: items flagged in the last 24 hours by severity and category,
open items and their deadlines, breaches (deadline passed unacknowledged; acknowledged late), items awaiting
the DSL's review, and sources failing or silent. It goes out on quiet days too: "nothing flagged in the last
24 hours" is news the DSL needs, and a missing digest is how they notice Watchtower has stopped.

When: :func:`watchtower.escalation.digest_due` / ``last_digest_slot`` / ``next_digest_at`` decide (once per
local day at ``[escalation] digest_time``, once after downtime however long, right across clock changes).
How: persist first. The digest is rendered once, when it is queued, and stored in the outbox row
(``kind = "digest"``, ``body`` = JSON ``{"text": ..., "html": ...}``), one row per person, with
``dedup_key = "digest:<local date of the slot>:<email>"``, so a restart can never send the same day's digest
twice. The notifier then delivers it like any other row (retry, backoff, permanent failure -> operator).

Safeguarding items are shown in full: the digest goes only to the DSL and deputy DSL.

In a trust each school's DSL and deputy get their own school's digest (its items, its sources), and the trust
safeguarding lead gets one more: every school's safeguarding items (flagged, open, overdue, awaiting review), each
marked with its school (:func:`build_trust_digest`).
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import jinja2

from watchtower import access
from watchtower.classify._script import unread_item
from watchtower.config import Config, School
from watchtower.display import finalize
from watchtower.escalation import digest_due, last_digest_slot, next_digest_at
from watchtower.jobs import JobContext, queue_pass, wait_or_stop
from watchtower.logging import get_logger
from watchtower.models import ALL_SCHOOLS, CATEGORIES, Severity
from watchtower.notify.notice import Notice
from watchtower.people import DIGEST_ROLES, TRUST_LEAD, Roster
from watchtower.poller import silent_sources
from watchtower.store import repo
from watchtower.store.db import Db
from watchtower.store.rows import ItemRow
from watchtower.timeutil import local_text, maybe_ts, parse_ts, ts

__all__ = [
    "DIGEST_ROLES",
    "Digest",
    "build_digest",
    "build_trust_digest",
    "digest_recipients",
    "digest_tick",
    "digests_of",
    "queue_digest",
    "queue_digests",
    "render_digest",
    "run_digest",
]

#: meta key: when the last scheduled digest was queued (UTC)
META_LAST_DIGEST = "digest_last_queued_at"
WINDOW = timedelta(hours=24)
REVIEW_LIST_LIMIT = 50
#: posts not flagged and not read (a language or script the classifier was not built to read) listed in full; the
#: rest are counted
UNREAD_LIST_LIMIT = 50
#: the job re-reads the clock at least this often, so a clock jump or a suspended VM is noticed
MAX_SLEEP_SECONDS = 60.0

_LOADER = jinja2.PackageLoader("watchtower.notify", "templates")
_env_text = jinja2.Environment(
    loader=_LOADER,
    autoescape=False,  # noqa: S701 - the plain-text part; the HTML part uses the autoescaping environment
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
    finalize=finalize,  # post text is shown, never obeyed: bidi overrides, ANSI escapes and NUL made inert
)
_env_html = jinja2.Environment(loader=_LOADER, autoescape=True, undefined=jinja2.StrictUndefined, finalize=finalize)


@dataclass(frozen=True)
class DigestItem:
    id: int
    severity: str
    categories: list[str]
    platform: str
    source_label: str
    author: str
    posted_local: str
    url: str
    url_safe: bool
    text: str
    deadline_local: str
    due: str  # "due in 3 h 20 min", "overdue by 2 h", "acknowledged 1 h 5 min late by X", ""
    school: str = ""  # the school's name, in a digest that spans schools (the trust's)
    unread: str = ""  # "Arabic script", "Polish": written mostly in what the classifier was not built to read


@dataclass(frozen=True)
class SourceProblem:
    name: str
    status: str
    detail: str


@dataclass
class Digest:
    school: str
    generated_local: str
    window_start_local: str
    flagged: list[DigestItem] = field(default_factory=list)
    by_severity: list[tuple[str, int]] = field(default_factory=list)
    by_category: list[tuple[str, int]] = field(default_factory=list)
    open_items: list[DigestItem] = field(default_factory=list)
    #: the dashboard's public address, for the digest's links ("" when none is configured)
    dashboard_url: str = ""
    #: own-account comments nobody flagged that still await an acknowledgement, and how many are overdue
    unflagged_open: int = 0
    unflagged_overdue: int = 0
    overdue: list[DigestItem] = field(default_factory=list)
    late_acks: list[DigestItem] = field(default_factory=list)
    awaiting_review: list[DigestItem] = field(default_factory=list)
    awaiting_review_total: int = 0
    sources: list[SourceProblem] = field(default_factory=list)
    #: posts of the last 24 hours nothing was flagged in because the classifier was not built to read them (written
    #: mostly in Arabic or Cyrillic script, Polish, Somali...): the first UNREAD_LIST_LIMIT, how many in all, and how
    #: many in each
    unread: list[DigestItem] = field(default_factory=list)
    unread_total: int = 0
    unread_scripts: list[tuple[str, int]] = field(default_factory=list)
    #: the start of the subject in a trust: "[Elm Park Primary] " (the school), "[Northfield Trust] " (the trust's)
    tag: str = ""
    #: the trust safeguarding lead's digest: safeguarding items of every school
    trust_wide: bool = False
    #: the first digest of a new install, queued as the daemon starts: before its first poll is classified, so an
    #: empty list means "not read yet", never "nothing there"
    first: bool = False

    @property
    def subject(self) -> str:
        if self.flagged:
            head = f"{len(self.flagged)} flagged in the last 24 hours"
        elif self.first:
            head = "first digest: Watchtower has just started watching"
        else:
            head = "nothing flagged in the last 24 hours"
        parts = [head]
        if self.overdue:
            parts.append(f"{len(self.overdue)} overdue")
        if self.unread_total:
            parts.append(f"{self.unread_total} not read (not in English)")
        if self.awaiting_review_total:
            parts.append(f"{self.awaiting_review_total} awaiting your review")
        if self.sources:
            parts.append(f"{len(self.sources)} source(s) not working")
        what = "safeguarding digest (every school)" if self.trust_wide else "daily digest"
        return f"{self.tag}Watchtower {what}, {self.generated_local}: " + ", ".join(parts)


def _span(delta: timedelta) -> str:
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days} d"] if days else []
    if hours:
        parts.append(f"{hours} h")
    if not days and (mins or not hours):
        parts.append(f"{mins} min")
    return " ".join(parts)


def _local(dt: datetime | None, zone: ZoneInfo) -> str:
    return local_text(dt, zone, "full")


def _item(row: ItemRow, zone: ZoneInfo, now: datetime, school: str = "") -> DigestItem:
    deadline = maybe_ts(row.deadline_at)
    acked = maybe_ts(row.acknowledged_at)
    due = ""
    if deadline is not None:
        if acked is not None:
            late = acked - deadline
            who = row.acknowledged_by or "someone"
            due = f"acknowledged {_span(late)} late by {who}" if late > timedelta(0) else f"acknowledged by {who}"
        elif row.resolved_at:
            due = "resolved"
        elif deadline <= now:
            due = f"overdue by {_span(now - deadline)}"
        else:
            due = f"due in {_span(deadline - now)}"
    handle = row.author_handle or ""
    name = row.author_name or ""
    author = f"{name} (@{handle})" if name and handle else (name or (f"@{handle}" if handle else "unknown"))
    url = row.url or ""
    title = (row.title or "").strip()
    text = (row.text or "").strip()
    if title and not text.startswith(title):
        text = f"{title}\n{text}" if text else title
    return DigestItem(
        id=row.id,
        severity=row.severity.label,
        categories=list(row.categories),
        platform=row.platform or "",
        source_label="school account" if row.source == "own" else "public mention",
        author=author,
        posted_local=_local(maybe_ts(row.created_at), zone),
        url=url,
        url_safe=url.startswith(("https://", "http://")),
        text=text,
        deadline_local=_local(deadline, zone),
        due=due,
        school=school,
    )


def _overdue(row: ItemRow, now: datetime) -> bool:
    """Whether an open item's deadline has passed."""
    return row.deadline_at is not None and parse_ts(row.deadline_at) <= now


def _source_problems(db: Db, config: Config, now: datetime, school: School) -> list[SourceProblem]:
    health = {h["source_name"]: h for h in repo.source_health(db)}
    enabled = [s for s in school.sources if s.enabled]
    thresholds = {s.name: s.silent_after_hours or config.watch.silent_after_hours for s in enabled}
    # a source never polled counts from now here: the digest cannot know when the daemon started
    silent = dict(silent_sources(list(health.values()), thresholds, now, started_at=now))
    out: list[SourceProblem] = []
    for src in enabled:
        h = health.get(src.name)
        if h is None:  # not polled yet (just added, or the daemon just started): the watchers judge that
            continue
        status = str(h.get("status") or "ok")
        last_ok = maybe_ts(h.get("last_success_at"))
        zone = config.deadlines.zone
        since = f"last successful poll {_local(last_ok, zone)}" if last_ok else "never polled successfully"
        if status != "ok":
            error = (h.get("last_error") or "").strip()
            out.append(SourceProblem(src.name, status.replace("_", " "), f"{since}; {error}" if error else since))
        elif src.name in silent:
            out.append(SourceProblem(src.name, "silent", f"{since} ({silent[src.name]:.0f} h ago)"))
    return out


def _school(config: Config, school: str | None) -> School:
    if school is None:
        if config.multi_school:
            raise ValueError("this config has several schools: name the school")
        return config.all_schools[0]
    return config.school_by_id(school)


def build_digest(db: Db, config: Config, now: datetime, school: str | None = None) -> Digest:
    """``school``'s digest (its id; ``None``: the only school's) as of ``now``, read from the database (pure apart
    from the reads)."""
    sch = _school(config, school)
    zone = config.deadlines.zone
    start = now - WINDOW
    only = [sch.id]
    flagged_rows = repo.flagged_between(db, start, now, schools=only)
    flagged = [_item(r, zone, now) for r in flagged_rows]
    every_open = repo.open_items_detail(db, schools=only)
    # unflagged own-account comments owe an acknowledgement too, but they are the moderators' inbox: the DSL's
    # digest counts them and lists only flagged items
    open_rows = [r for r in every_open if r.severity]
    unflagged = [r for r in every_open if not r.severity]
    open_items = [_item(r, zone, now) for r in open_rows]
    overdue = [_item(r, zone, now) for r in open_rows if _overdue(r, now)]
    late = [_item(r, zone, now) for r in repo.acknowledged_late_between(db, start, now, schools=only)]
    review_rows, review_total = repo.awaiting_dsl_review(db, REVIEW_LIST_LIMIT, schools=only)
    # a post in a language or script the classifier was not built to read was not checked: "nothing flagged" must
    # not hide it, on the school's accounts (perhaps acknowledged in bulk) or in a public mention (owed nothing)
    unread_rows = [(r, s) for r in repo.unflagged_between(db, start, now, schools=only)
                   if (s := unread_item(r.title, r.text))]
    unread = [replace(_item(r, zone, now), unread=s) for r, s in unread_rows[:UNREAD_LIST_LIMIT]]
    return _digest(
        config,
        now,
        flagged,
        school=sch.name,
        tag=f"[{sch.name}] " if config.multi_school else "",
        open_items=open_items,
        unflagged_open=len(unflagged),
        unflagged_overdue=sum(1 for r in unflagged if _overdue(r, now)),
        overdue=overdue,
        late_acks=late,
        awaiting_review=[_item(r, zone, now) for r in review_rows],
        awaiting_review_total=review_total,
        sources=_source_problems(db, config, now, sch),
        unread=unread,
        unread_total=len(unread_rows),
        unread_scripts=Counter(s for _, s in unread_rows).most_common(),
    )


Tally = list[tuple[str, int]]


def _digest(config: Config, now: datetime, flagged: list[DigestItem], **parts: Any) -> Digest:
    """A digest of the ``WINDOW`` up to ``now`` (a school's or the trust's): the dashboard link, the times and the
    flagged items' tallies filled in here, the rest given."""
    zone = config.deadlines.zone
    by_severity, by_category = _tallies(flagged)
    return Digest(
        dashboard_url=config.dashboard.public_url.rstrip("/"),
        generated_local=_local(now, zone),
        window_start_local=_local(now - WINDOW, zone),
        flagged=flagged,
        by_severity=by_severity,
        by_category=by_category,
        **parts,
    )


def _tallies(flagged: list[DigestItem]) -> tuple[Tally, Tally]:
    """The flagged items counted by severity (worst first) and by category (design.md's order), zeros left out."""
    sev = Counter(i.severity for i in flagged)
    cat = Counter(c for i in flagged for c in i.categories)
    return ([(s.label, sev[s.label]) for s in sorted(Severity, reverse=True) if sev[s.label]],
            [(c, cat[c]) for c in CATEGORIES if cat[c]])


#: the most safeguarding items awaiting review the trust digest reads (it lists REVIEW_LIST_LIMIT of them)
_TRUST_REVIEW_SCAN = 5000


def build_trust_digest(db: Db, config: Config, now: datetime) -> Digest:
    """The trust safeguarding lead's digest: every school's safeguarding items (flagged in the last 24 hours, open,
    overdue, acknowledged late, awaiting review), each marked with its school. Sources are the operators'."""
    zone = config.deadlines.zone
    start = now - WINDOW

    def items(rows: list[ItemRow]) -> list[DigestItem]:
        return [_item(r, zone, now, config.school_named(access.item_school(r))) for r in rows
                if access.is_safeguarding(r)]

    flagged = items(repo.flagged_between(db, start, now))
    open_rows = [r for r in repo.open_items_detail(db) if r.severity]
    review_rows, _ = repo.awaiting_dsl_review(db, _TRUST_REVIEW_SCAN)
    review = items(review_rows)
    name = config.display_name
    return _digest(
        config,
        now,
        flagged,
        school=f"{name}: safeguarding items of every school",
        tag=f"[{name}] ",
        trust_wide=True,
        open_items=items(open_rows),
        overdue=items([r for r in open_rows if _overdue(r, now)]),
        late_acks=items(repo.acknowledged_late_between(db, start, now)),
        awaiting_review=review[:REVIEW_LIST_LIMIT],
        awaiting_review_total=len(review),
    )


def render_digest(digest: Digest) -> tuple[str, str, str]:
    """(subject, text, html). Post text is escaped in the HTML part by jinja2's autoescape."""
    ctx = {"d": digest, "subject": digest.subject}
    text = _env_text.get_template("digest.txt.j2").render(ctx)
    html = _env_html.get_template("digest.html.j2").render(ctx)
    return digest.subject, text, html


def digest_recipients(config: Config, school: str | None = None) -> list[tuple[str, str, str]]:
    """(email, name, role) of the school's DSL and deputy DSL (``school``: its id; ``None``: the only school's; ``*``:
    the trust safeguarding leads, for the trust's digest), each person once."""
    if school == ALL_SCHOOLS:
        return [(p.email, p.name, TRUST_LEAD) for p in config.trust_people_with("safeguarding_lead")]
    return [(p.email, p.name, p.role) for p in Roster.from_config(config, school).digest_recipients()]


def slot_date(now: datetime, config: Config) -> date:
    """The local date of the latest digest slot at or before ``now``: the digest's identity."""
    slot = last_digest_slot(now, config.escalation, tz=config.deadlines.zone)
    return slot.astimezone(config.deadlines.zone).date()


def digests_of(config: Config) -> list[str]:
    """The digests an instance sends, by school id: each school's, and ``*`` (the trust safeguarding lead's) in a
    trust that has one."""
    out = [s.id for s in config.all_schools]
    if config.multi_school and config.trust_people_with("safeguarding_lead"):
        out.append(ALL_SCHOOLS)
    return out


def queue_digest(db: Db, config: Config, now: datetime, *, key: str, school: str | None = None,
                 first: bool = False) -> list[str]:
    """Render the digest of ``school`` (``None``: the only school; ``*``: the trust's) and queue one outbox row per
    recipient with ``dedup_key = f"{key}:{email}"``. ``first``: the new install's first digest (:attr:`Digest.first`).

    Returns the dedup keys (rows already queued under a key are left as they are: never sent twice).
    """
    digest = build_trust_digest(db, config, now) if school == ALL_SCHOOLS else build_digest(db, config, now, school)
    digest.first = first
    subject, text, html = render_digest(digest)
    body = json.dumps({"text": text, "html": html})
    notice = Notice.digest(key, subject=subject, body=body,
                           school=school or config.all_schools[0].id)
    people = digest_recipients(config, school)
    notice.enqueue(db, people, now)
    return [notice.key(email) for email, _, _ in people]


def queue_digests(db: Db, config: Config, now: datetime, *, key: Callable[[str], str],
                  first: bool = False) -> list[str]:
    """Every digest of the instance (:func:`digests_of`), ``key(school)`` naming each one; returns the dedup keys."""
    return [k for school in digests_of(config)
            for k in queue_digest(db, config, now, key=key(school), school=school, first=first)]


def digest_tick(db: Db, config: Config, now: datetime) -> int:
    """Queue the scheduled digests if they are due at ``now``; returns the number of rows queued (0 if not due).

    Run inside one write transaction: the decision, the rows and the record of sending are one unit.
    """
    last = maybe_ts(repo.get_meta(db, META_LAST_DIGEST))
    if not digest_due(last, now, config.escalation, tz=config.deadlines.zone):
        return 0
    day = slot_date(now, config).isoformat()

    def key(school: str) -> str:
        return Notice.digest_key(day, school)

    before = len(repo.alert_ids_by_keys(db, [Notice.dedup_key(key(s), e) for s in digests_of(config)
                                             for e, _, _ in digest_recipients(config, s)]))
    # a new install's first digest goes out as the daemon starts (the DSL sees at once that it works), before the
    # first poll is classified: it says so, instead of a "nothing flagged" that reads as an all-clear
    keys = queue_digests(db, config, now, key=key, first=last is None)
    repo.set_meta(db, META_LAST_DIGEST, ts(now))
    return len(repo.alert_ids_by_keys(db, keys)) - before


async def run_digest(ctx: JobContext, stop: asyncio.Event) -> None:
    """Background job: queue the digest when due, then sleep until the next slot (re-checking every minute)."""
    log = get_logger(component="digest")
    while not stop.is_set():
        config, now = await queue_pass(ctx, digest_tick, log=log, event="digest_queued", counted="recipients")
        wait = (next_digest_at(now, config.escalation, tz=config.deadlines.zone) - now).total_seconds()
        await wait_or_stop(stop, max(0.5, min(MAX_SLEEP_SECONDS, wait)))
