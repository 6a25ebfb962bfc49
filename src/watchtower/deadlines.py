"""An item's acknowledgement deadline (design.md, "Deadlines (the 24-hour rule)").

One pure function, :func:`compute_deadline`, used by the daemon and by ``watchtower deadline``. It never
reads the clock: everything it needs is passed in, and it returns the moment plus a reason to print.

The rules
---------
Who owes an acknowledgement:
  every ``critical`` or ``high`` item, from any source; every ``own``-source item, whatever its severity
  (the policy: "any comments, queries or complaints"; a comment the classifier misses is still seen by a
  person). Own-source ``none`` items follow the ``normal`` rule. Public-mention ``normal`` and ``none``
  items owe nothing (they appear in the DSL digest): :func:`compute_deadline` returns ``None`` for them.

``critical``, ``high`` and media enquiries run on the clock, weekends and bank holidays included:
  received + ``critical_hours`` (1) / ``high_hours`` (4) / ``media_enquiry_hours`` (1). When more than one
  applies (a critical item that is also a media enquiry), the earliest wins.

``normal`` items, the 24-hour rule:
  - received on a working day: received + ``normal_hours`` (24); if that moment falls on a non-working day,
    the end of the next working day after it instead;
  - received on a non-working day: the end of the next working day.

Decisions on the edges (each has a test):
  - Hours are elapsed hours, not wall-clock hours: "+24 h" is 24 real hours, so across the spring clock
    change it ends an hour later on the wall clock (e.g. 10:00 GMT + 72 h = 11:00 BST), and across the
    autumn change an hour earlier. The end of a working day is a wall-clock time (17:00 local, whichever
    offset is in force that day).
  - Only non-working days move a deadline. A working-day item whose +24 h lands on a working day but
    after the end of the day (received Mon 18:00, due Tue 18:00) keeps its +24 h: the policy says
    "within 24 hours", and pulling it to Tue 17:00 would give the school less than 24 hours.
  - The end of the working day does not matter on receipt either: Friday 16:59:59 and Friday 17:00:00
    are both received on a working day; both +24 h land on Saturday, so both are due Monday 17:00.
  - "Working day" is decided on the local (Europe/London) date of the moment in question.
  - The severity used is the worst of the given severity and the severity of the given categories, so a
    caller that passes ``normal`` with ``media_enquiry`` still gets the media-enquiry clock.
  - Bank holidays falling at a weekend are weekend days anyway; their substitute weekdays (Boxing Day
    observed on Monday 28 December 2026) are what the ``holidays`` library reports and are non-working.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator

from watchtower._calendar import NATION_SUBDIVISIONS, WorkingCalendar
from watchtower.models import CATEGORY_SEVERITY, Severity, Source, severity_of
from watchtower.timeutil import local_text, maybe_ts

__all__ = [
    "DeadlineConfig",
    "DeadlineDecision",
    "Nation",
    "compute_deadline",
    "effective_severity",
    "format_utc",
    "needs_acknowledgement",
    "no_deadline_reason",
]

Nation = Literal["england", "wales", "scotland", "northern_ireland"]

#: The category whose own clock overrides its severity's (design.md: media enquiries 1 hour).
MEDIA_ENQUIRY = "media_enquiry"

#: an item first seen more than this after it was posted counts as received when it was seen (a backlog at
#: install, or an old article found late), so it does not arrive already overdue
LATE_DISCOVERY = timedelta(hours=24)


def received_at(created_at: datetime, first_seen_at: datetime) -> tuple[datetime, str]:
    """When the school "received" an item, where its deadline's clock starts, and how that was decided."""
    if first_seen_at - created_at > LATE_DISCOVERY:
        return first_seen_at, "counted from when Watchtower first saw it (posted more than 24 h earlier)"
    return min(created_at, first_seen_at), "counted from when it was posted"


def clock_start(created_at: str | None, first_seen_at: str | None, now: datetime) -> datetime:
    """:func:`received_at` from a stored row's times (``first_seen_at`` missing: ``now``)."""
    seen = maybe_ts(first_seen_at) or now
    return received_at(maybe_ts(created_at) or seen, seen)[0]


class DeadlineConfig(BaseModel):
    """The ``[deadlines]`` table of watchtower.toml. Every key is optional; the defaults are design.md's.

    .. code-block:: toml

        [deadlines]
        nation = "england"            # england | wales | scotland | northern_ireland
        timezone = "Europe/London"
        end_of_day = "17:00"
        closure_dates = [2026-07-20, 2026-12-21]
        normal_hours = 24
        high_hours = 4
        critical_hours = 1
        media_enquiry_hours = 1
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    nation: Nation = Field(
        default="england",
        description="The school's UK nation, whose bank holidays are not working days: "
        "england, wales, scotland or northern_ireland.",
    )
    timezone: str = Field(
        default="Europe/London",
        description="IANA time zone in which working days and the end of the day are reckoned.",
    )
    end_of_day: time = Field(
        default=time(17, 0),
        description='Local time a working day ends ("HH:MM"); '
        "deadlines moved off a non-working day fall here.",
    )
    closure_dates: list[date] = Field(
        default_factory=list,
        description="Extra dates the school is closed (not counted as working days), e.g. [2026-07-20]. "
        "Term holidays are working days: list only days nobody monitors.",
    )
    normal_hours: float = Field(
        default=24, gt=0, description="Hours to acknowledge a normal own-account item (the 24-hour rule)."
    )
    high_hours: float = Field(
        default=4, gt=0, description="Hours to acknowledge a high item, weekends included."
    )
    critical_hours: float = Field(
        default=1, gt=0, description="Hours to acknowledge a critical item, weekends included."
    )
    media_enquiry_hours: float = Field(
        default=1, gt=0, description="Hours to acknowledge a media enquiry, weekends included."
    )

    @field_validator("nation", mode="before")
    @classmethod
    def _normalise_nation(cls, value: object) -> object:
        if isinstance(value, str):
            spelled = value.strip().lower().replace(" ", "_").replace("-", "_")
            if spelled not in NATION_SUBDIVISIONS:
                raise ValueError(
                    f"unknown nation {value!r}: use one of {', '.join(NATION_SUBDIVISIONS)}"
                )
            return spelled
        return value

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r}: use an IANA name such as 'Europe/London'"
            ) from None
        return value

    @field_validator("end_of_day")
    @classmethod
    def _plain_time(cls, value: time) -> time:
        if value.tzinfo is not None:
            raise ValueError('end_of_day is a local time without an offset, e.g. "17:00"')
        return value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def calendar(self) -> WorkingCalendar:
        return WorkingCalendar(self.nation, self.closure_dates)


@dataclass(frozen=True, slots=True)
class DeadlineDecision:
    """When an item must be acknowledged by, and why.

    ``due_at`` is timezone-aware UTC. ``rule`` is a stable id for code and tests: ``"clock"`` (critical,
    high, media enquiry), ``"plus_hours"`` (normal, received + 24 h), ``"moved_to_end_of_day"`` (normal,
    +24 h fell on a non-working day), ``"next_working_day"`` (normal, received on a non-working day).
    ``severity`` is the severity the rule was chosen by.
    """

    due_at: datetime
    reason: str
    rule: Literal["clock", "plus_hours", "moved_to_end_of_day", "next_working_day"]
    severity: Severity


def effective_severity(severity: Severity | str, categories: Sequence[str] = ()) -> Severity:
    """The worst of the given severity and the severity of the given categories (unknown ones refused)."""
    unknown = sorted(set(categories) - set(CATEGORY_SEVERITY))
    if unknown:
        raise ValueError(f"unknown categories: {', '.join(unknown)}: use {', '.join(CATEGORY_SEVERITY)}")
    return max(Severity.parse(severity), severity_of(list(categories)))


def needs_acknowledgement(severity: Severity | str, source: Source) -> bool:
    """design.md: every critical or high item from any source, and every own-source item whatever its severity."""
    sev = Severity.parse(severity)
    return sev >= Severity.HIGH or source == "own"


def no_deadline_reason(severity: Severity | str, source: Source) -> str:
    """Why an item owes no acknowledgement (for ``watchtower deadline --explain``)."""
    sev = Severity.parse(severity)
    return f"public-mention {sev.shown} items owe no acknowledgement (they appear in the DSL digest)"


def format_utc(moment: datetime) -> str:
    """ISO 8601 UTC with a ``Z`` and whole seconds, e.g. ``2026-03-09T17:00:00Z`` (fractions dropped)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _local(moment: datetime, zone: tzinfo) -> str:
    return local_text(moment, zone, "full")


def _hours(hours: float) -> str:
    return f"{hours:g} h"


def compute_deadline(
    received_at: datetime,
    severity: Severity | str,
    source: Source,
    categories: Sequence[str] = (),
    policy: DeadlineConfig | None = None,
) -> DeadlineDecision | None:
    """The acknowledgement deadline of an item received at ``received_at``, or ``None`` if none is owed.

    ``received_at`` must be timezone-aware. The rules and the decisions on their edges are in this
    module's docstring.
    """
    if received_at.tzinfo is None or received_at.utcoffset() is None:
        raise ValueError("received_at must be timezone-aware")
    if source not in ("own", "mention"):
        raise ValueError(f"source must be 'own' or 'mention', not {source!r}")
    policy = policy if policy is not None else DeadlineConfig()
    sev = effective_severity(severity, categories)
    if not needs_acknowledgement(sev, source):
        return None

    zone = policy.zone
    received_utc = received_at.astimezone(UTC)
    who = "own-account" if source == "own" else "public-mention"
    raised = "" if sev == Severity.parse(severity) else f" (raised to {sev.label} by its categories)"

    if sev >= Severity.HIGH:
        clocks: list[tuple[float, str]] = []
        if sev == Severity.CRITICAL:
            clocks.append((policy.critical_hours, "critical"))
        else:
            clocks.append((policy.high_hours, "high"))
        if MEDIA_ENQUIRY in categories:
            clocks.append((policy.media_enquiry_hours, "media enquiry"))
        hours, label = min(clocks, key=lambda c: c[0])
        due = received_utc + timedelta(hours=hours)
        return DeadlineDecision(
            due_at=due,
            reason=f"{sev.shown} {who} item{raised} received {_local(received_utc, zone)}: "
            f"{label} clock {_hours(hours)}, weekends included: {_local(due, zone)}",
            rule="clock",
            severity=sev,
        )

    calendar = policy.calendar()
    received_local = received_utc.astimezone(zone)
    rule_of = "" if sev == Severity.NORMAL else " (the 24-hour rule: every own-account comment is acknowledged)"
    head = f"{sev.shown} {who} item{raised}{rule_of} received {_local(received_utc, zone)}"
    off = calendar.non_working_reason(received_local.date())
    if off is not None:
        day = calendar.next_working_day(received_local.date())
        due = _end_of_day(day, policy, zone)
        return DeadlineDecision(
            due_at=due,
            reason=f"{head} (non-working day: {off}): end of next working day "
            f"{_local(due, zone)}",
            rule="next_working_day",
            severity=sev,
        )

    plus = received_utc + timedelta(hours=policy.normal_hours)
    plus_local = plus.astimezone(zone)
    off = calendar.non_working_reason(plus_local.date())
    if off is None:
        return DeadlineDecision(
            due_at=plus,
            reason=f"{head} (working day): + {_hours(policy.normal_hours)} = "
            f"{_local(plus, zone)}",
            rule="plus_hours",
            severity=sev,
        )
    day = calendar.next_working_day(plus_local.date())
    due = _end_of_day(day, policy, zone)
    return DeadlineDecision(
        due_at=due,
        reason=f"{head} (working day): + {_hours(policy.normal_hours)} = {_local(plus, zone)} "
        f"falls on a non-working day ({off}): end of next working day {_local(due, zone)}",
        rule="moved_to_end_of_day",
        severity=sev,
    )


def _end_of_day(day: date, policy: DeadlineConfig, zone: ZoneInfo) -> datetime:
    """``end_of_day`` local on ``day``, in UTC. An end of day inside a spring-forward gap is read with
    the offset before the change (zoneinfo's ``fold=0``), i.e. one hour later on the new wall clock."""
    return datetime.combine(day, policy.end_of_day, tzinfo=zone).astimezone(UTC)
