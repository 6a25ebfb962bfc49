"""Watchers: patterns no single item shows, checked against the database once a minute.

- **Spike** (a pile-on): one post or thread (``items.parent_id`` within a platform) draws ``[watch]
  spike_replies`` flagged replies within ``spike_minutes`` → moderators + AHT, urgent, once per burst. A burst
  is a run of flagged replies to the thread with no gap longer than ``spike_minutes``; it is named by its
  first reply, so a pile-on that goes on for hours is one alert, and a new one next week is another.
- **Dormant school account**: a source whose newest own post is older than ``dormant_days`` → the
  moderators, once per dormancy episode (named by that newest post: posting again ends the episode).
- **Silent or failing source**: no successful poll for longer than the source's ``silent_after_hours`` (or
  ``[watch] silent_after_hours``) → the operators, once per episode (named by the last successful poll).

The decisions are pure functions with ``now`` passed in; :func:`check` applies them to the database and
queues outbox rows whose ``dedup_key`` names the episode, so restarts and the 60-second timer never repeat a
notice. The notices carry counts, categories and links, never post text (a pile-on may be safeguarding).
"""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from watchtower.config import Config
from watchtower.jobs import JobContext, queue_pass, wait_or_stop
from watchtower.logging import get_logger
from watchtower.models import DEFAULT_SCHOOL
from watchtower.notify.notice import Notice
from watchtower.people import Roster
from watchtower.poller import silent_sources
from watchtower.store import repo
from watchtower.store.db import Db
from watchtower.timeutil import local_text, maybe_ts, parse_ts, ts

__all__ = [
    "Dormant",
    "Reply",
    "Silent",
    "Spike",
    "check",
    "dormant_accounts",
    "find_spikes",
    "run_watchers",
    "silent_episodes",
]

CHECK_INTERVAL_SECONDS = 60.0
#: how far back flagged replies are read for spikes
SPIKE_LOOKBACK = timedelta(hours=24)


# --- spikes --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    platform: str
    parent_id: str
    at: datetime
    item_id: int
    categories: tuple[str, ...] = ()
    #: the item's school: in a trust a reply two schools' sources saw is an item of each (migration m013), and each
    #: school's pile-on is counted from its own items
    school: str = DEFAULT_SCHOOL


@dataclass(frozen=True)
class Spike:
    platform: str
    parent_id: str
    burst_start: datetime
    first_at: datetime  # the first of the replies that made the spike
    reached_at: datetime  # the reply that made it a spike
    count: int  # flagged replies in the burst up to now
    item_ids: tuple[int, ...]
    categories: tuple[tuple[str, int], ...]
    school: str = DEFAULT_SCHOOL

    @property
    def episode(self) -> str:
        """Named as before schools counted apart (so an upgrade repeats no notice): two schools' spikes on one
        thread share the name, and are told to each school's own people (the outbox keys each notice by person)."""
        return f"spike:{self.platform}:{self.parent_id}:{ts(self.burst_start)}"


def find_spikes(replies: Iterable[Reply], now: datetime, *, replies_needed: int, minutes: float) -> list[Spike]:
    """Threads where ``replies_needed`` flagged replies fell within ``minutes`` of each other, one per burst, and
    per school (each school's items of the thread).

    Replies after ``now`` are ignored (clock skew between platforms and us).
    """
    window = timedelta(minutes=minutes)
    threads: dict[tuple[str, str, str], list[Reply]] = {}
    for r in replies:
        if r.at <= now:
            threads.setdefault((r.platform, r.parent_id, r.school), []).append(r)
    out: list[Spike] = []
    for (platform, parent, school), rs in sorted(threads.items()):
        rs.sort(key=lambda r: (r.at, r.item_id))
        bursts: list[list[Reply]] = [[rs[0]]]
        for prev, cur in itertools.pairwise(rs):
            if cur.at - prev.at > window:
                bursts.append([])
            bursts[-1].append(cur)
        for burst in bursts:
            for i in range(len(burst) - replies_needed + 1):
                first, last = burst[i], burst[i + replies_needed - 1]
                if last.at - first.at <= window:
                    cats = Counter(c for r in burst for c in r.categories)
                    out.append(
                        Spike(
                            platform=platform,
                            parent_id=parent,
                            burst_start=burst[0].at,
                            first_at=first.at,
                            reached_at=last.at,
                            count=len(burst),
                            item_ids=tuple(r.item_id for r in burst),
                            categories=tuple(cats.most_common()),
                            school=school,
                        )
                    )
                    break
    return out


# --- dormant accounts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dormant:
    source_name: str
    last_post_at: datetime
    days: float

    @property
    def episode(self) -> str:
        return f"dormant:{self.source_name}:{ts(self.last_post_at)}"


def dormant_accounts(
    newest_own_post: dict[str, datetime], sources: Sequence[str], now: datetime, *, days: float
) -> list[Dormant]:
    """Of ``sources``, those whose newest own post is more than ``days`` old. A source that has never shown
    an own post is not judged (it may not carry the school's posts at all)."""
    out = []
    for name in sources:
        last = newest_own_post.get(name)
        if last is not None and now - last > timedelta(days=days):
            out.append(Dormant(name, last, (now - last).total_seconds() / 86400))
    return out


# --- silent sources --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Silent:
    source_name: str
    hours: float
    last_success_at: datetime | None
    status: str
    error: str

    @property
    def episode(self) -> str:
        since = ts(self.last_success_at) if self.last_success_at else "never"
        return f"silent:{self.source_name}:{since}"


def silent_episodes(
    health: list[dict[str, Any]], thresholds: dict[str, float], now: datetime, started_at: datetime
) -> list[Silent]:
    """Sources with no successful poll for longer than their threshold (``poller.silent_sources``), each
    with what identifies the episode (its last success) and its current status and error."""
    by_name = {h["source_name"]: h for h in health}
    out = []
    for name, hours in silent_sources(health, thresholds, now, started_at):
        h = by_name.get(name, {})
        out.append(
            Silent(
                source_name=name,
                hours=hours,
                last_success_at=maybe_ts(h.get("last_success_at")),
                status=str(h.get("status") or "never polled"),
                error=str(h.get("last_error") or ""),
            )
        )
    return out


# --- applying them ---------------------------------------------------------------------------------


def _local(dt: datetime | None, config: Config) -> str:
    return local_text(dt, config.deadlines.zone, "full", none="never")


def _tag(config: Config, school: str) -> str:
    """Names the school at the start of a subject and body, in a trust."""
    return f"[{config.school_named(school)}] " if config.multi_school else ""


def _queue(
    db: Db,
    people: Iterable[tuple[str, str, str]],
    *,
    episode: str,
    step: str,
    subject: str,
    body: str,
    urgent: bool,
    now: datetime,
    config: Config,
    school: str,
) -> int:
    tag = _tag(config, school)
    if tag:
        body = f"School: {config.school_named(school)}\n\n{body}"
    notice = Notice.episode_notice(episode, step, subject=tag + subject, body=body, urgent=urgent, school=school)
    return len(notice.enqueue(db, people, now))


def _spike_notice(db: Db, config: Config, spike: Spike) -> tuple[str, str]:
    parent = repo.item_by_platform_id(db, spike.platform, spike.parent_id, school=spike.school)
    where = parent.url if parent and parent.url else f"{spike.platform} post {spike.parent_id}"
    cats = ", ".join(f"{c} {n}" for c, n in spike.categories) or "none recorded"
    base = config.dashboard.public_url.rstrip("/")
    minutes = config.watch.spike_minutes
    subject = f"Watchtower [URGENT] pile-on: {spike.count} flagged replies to one {spike.platform} post"
    body = (
        f"{spike.count} flagged replies to one {spike.platform} post or thread, "
        f"{config.watch.spike_replies} of them within {minutes} minutes "
        f"({_local(spike.first_at, config)} to {_local(spike.reached_at, config)}).\n\n"
        f"The post: {where}\n"
        f"Categories: {cats}\n\n"
        "Consider hiding replies, limiting who can comment, or turning comments off while it is dealt with.\n"
        "The replies (text in the dashboard):\n"
        + "".join(f"  {base}/items/{i}\n" for i in spike.item_ids)
    )
    return subject, body


def check(db: Db, config: Config, now: datetime, started_at: datetime) -> int:
    """Run every watcher against the database at ``now`` and queue what is new; returns rows queued. Each notice goes
    to the people of the school it is about (a thread's replies', a source's), the trust's operator beside the
    school's for a silent source."""
    queued = 0
    w = config.watch

    rows = repo.flagged_replies_since(db, now - SPIKE_LOOKBACK)
    replies = [Reply(r.platform, r.parent_id or "", parse_ts(r.created_at), r.id, r.categories, r.school)
               for r in rows]
    for spike in find_spikes(replies, now, replies_needed=w.spike_replies, minutes=w.spike_minutes):
        school = spike.school
        roster = Roster.from_config(config, school)
        spike_people = [(p.email, p.name, p.role) for p in roster.route(["moderator", "aht"])]
        subject, body = _spike_notice(db, config, spike)
        queued += _queue(db, spike_people, episode=spike.episode, step="spike", subject=subject, body=body,
                         urgent=True, now=now, config=config, school=school)

    newest = {name: parse_ts(v) for name, v in repo.newest_own_posts(db).items() if v}
    school_of_source = {s.name: sch.id for sch in config.all_schools for s in sch.sources if s.enabled}
    enabled = list(school_of_source)
    for d in dormant_accounts(newest, enabled, now, days=w.dormant_days):
        school = school_of_source[d.source_name]
        moderators = [(p.email, p.name, p.role) for p in Roster.from_config(config, school).route(["moderator"])]
        subject = f"Watchtower: the school account on {d.source_name} has not posted for {int(d.days)} days"
        body = (
            f"The school's newest post seen on {d.source_name} was on {_local(d.last_post_at, config)}, "
            f"{int(d.days)} days ago.\n\nPolicy: school accounts must not go dormant. Post something, or, if the "
            "account is no longer used, close it and remove the source from Watchtower's config.\n"
        )
        queued += _queue(db, moderators, episode=d.episode, step="dormant_account", subject=subject, body=body,
                         urgent=False, now=now, config=config, school=school)

    thresholds = {s.name: s.silent_after_hours or w.silent_after_hours for s in config.all_sources if s.enabled}
    for s in silent_episodes(repo.source_health(db), thresholds, now, started_at):
        school = school_of_source[s.source_name]
        ops = [(e, n, "operator") for e, n in Roster.from_config(config, school).operators()]
        subject = f"Watchtower: {s.source_name} has not been read for {s.hours:.0f} hours"
        body = (
            f"Watchtower has had no successful poll of {s.source_name} for {s.hours:.0f} hours "
            f"(last success: {_local(s.last_success_at, config)}; status: {s.status.replace('_', ' ')}).\n"
            + (f"Last error: {s.error}\n" if s.error else "")
            + "\nUntil this is fixed, posts on this source are not being watched. Check the network, the "
            "source's credentials and `journalctl -u watchtower`.\n"
        )
        queued += _queue(db, ops, episode=s.episode, step="source_silent", subject=subject, body=body,
                         urgent=True, now=now, config=config, school=school)
    return queued


async def run_watchers(ctx: JobContext, stop: asyncio.Event) -> None:
    """Background job: run :func:`check` every minute."""
    log = get_logger(component="watchers")
    while not stop.is_set():
        await queue_pass(ctx, lambda db, config, now: check(db, config, now, ctx.started_at), log=log,
                         event="watcher_notices_queued", counted="alerts")
        await wait_or_stop(stop, CHECK_INTERVAL_SECONDS)
