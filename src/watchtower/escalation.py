"""The escalation chain: who is told about an item, and when (design.md, "Escalation chain").

The chain is config (:class:`EscalationConfig`, the ``[escalation]`` table); the decisions are pure
functions of an item's state, the policy and ``now``. They never read the clock and never send anything:
the daemon records each returned step (persist first, then act) and the notify pipeline resolves roles to
people, batches and sends.

Steps and their ids (stable: they are stored in ``done_steps`` and the audit log):

``seen``
    The first notice, from the ``on_seen`` rules: every rule that matches the item adds its roles
    (critical → moderators + headteacher + AHT; safeguarding → also DSL + deputy DSL; media enquiry →
    headteacher + AHT; high → moderators; normal or none own-account → moderators, batched). Due at
    ``received_at``.
``<level id>`` (defaults ``reminder_75``, ``safeguarding_75``, ``overdue_aht``, ``safeguarding_overdue``,
``overdue_moderators``, ``overdue_headteacher``)
    The ``levels``: each is due at a fraction of the item's deadline window (``at_fraction = 0.75``:
    received + 75 % of (deadline − received)) or a fixed number of hours after the deadline
    (``after_deadline_hours``, optionally per severity: the headteacher is told 24 h after a missed
    deadline, 1 h for a critical item). Items without a deadline have no levels. A safeguarding item is
    chased with the DSL and deputy DSL (who may read it) at 75 % and at the deadline, then the headteacher;
    an own-account ``none`` item only reminds the moderators at its deadline.

Rules the functions keep (each has a test):
  - Idempotent: a step whose id is in ``done_steps`` is never returned again, so a restart repeats nothing.
  - A resolved item yields nothing.
  - Acknowledging stops the chain: no level is returned once ``acknowledged_at <= now``, and a
    batched (non-urgent) ``seen`` notice is dropped too. An *urgent* ``seen`` notice is still returned
    after an acknowledgement: it tells the people who must know (the DSL about safeguarding, the
    headteacher about a threat), it does not chase a reply, and a moderator clicking "acknowledge" in
    the dashboard before the first email went out must not keep a safeguarding item from the DSL.
  - Catch-up: after an outage every step whose time has passed is returned at once, each exactly once,
    in the order of their due times (config order on ties); the reason says how late it is.
  - ``urgent`` steps never wait for batching; every step of a critical item is urgent.
  - Times are elapsed time (UTC arithmetic), so a clock change neither adds nor loses an hour.

The DSL digest (:func:`digest_due`, :func:`next_digest_at`) fires once a day at ``digest_time`` local,
once after downtime however long, never twice for the same day, and at the right UTC instant on both sides
of a clock change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import Literal, get_args
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from watchtower.deadlines import effective_severity
from watchtower.models import CATEGORIES, Severity, Source
from watchtower.models import ROLES as _ALL_ROLES
from watchtower.timeutil import local_text

__all__ = [
    "ROLES",
    "EscalationConfig",
    "ItemState",
    "Level",
    "Role",
    "SeenRule",
    "Step",
    "digest_due",
    "due_steps",
    "last_digest_slot",
    "next_digest_at",
    "next_due_at",
]

#: The roles the chain may tell: every role in ``models.ROLES`` but ``admin`` (who runs the system, not the school's
#: response). Checked against that one list below, so a role added there is added here or refused on purpose.
Role = Literal["moderator", "aht", "headteacher", "dsl", "deputy_dsl"]
ROLES: tuple[str, ...] = get_args(Role)
if set(ROLES) != set(_ALL_ROLES) - {"admin"}:
    raise ImportError("escalation.Role disagrees with models.ROLES")
SeverityName = Literal["none", "normal", "high", "critical"]

#: The id of the first notice. Level ids may not use it.
SEEN = "seen"

_ROLE_LABEL = {
    "moderator": "moderators",
    "aht": "AHT",
    "headteacher": "headteacher",
    "dsl": "DSL",
    "deputy_dsl": "deputy DSL",
}


def _check_categories(values: list[str]) -> list[str]:
    unknown = [c for c in values if c not in CATEGORIES]
    if unknown:
        raise ValueError(f"unknown category {unknown[0]!r}: use one of {', '.join(CATEGORIES)}")
    return values


class SeenRule(BaseModel):
    """One row of the "when an item is seen" table: if it matches, its roles are told.

    A rule matches when every filter given matches: the item's severity is in ``severities``, it has at
    least one of ``categories``, its source is in ``sources``. An empty filter matches everything.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    roles: list[Role] = Field(min_length=1, description="Who is told: " + ", ".join(ROLES) + ".")
    severities: list[SeverityName] = Field(
        default_factory=list, description="Match items of these severities (empty: any)."
    )
    categories: list[str] = Field(
        default_factory=list, description="Match items with at least one of these categories (empty: any)."
    )
    sources: list[Source] = Field(
        default_factory=lambda: list[Source](["own", "mention"]),
        description="Match items from these sources: own, mention.",
    )
    urgent: bool = Field(
        default=True,
        description="Send at once; false lets moderator notices be batched (see batch_minutes). "
        "Critical items are always urgent.",
    )

    @field_validator("categories")
    @classmethod
    def _known_categories(cls, value: list[str]) -> list[str]:
        return _check_categories(value)

    def matches(self, severity: Severity, categories: Iterable[str], source: str) -> bool:
        if self.severities and severity.label not in self.severities:
            return False
        if self.categories and not set(self.categories) & set(categories):
            return False
        return source in self.sources


class Level(BaseModel):
    """One rung of the chain after the first notice, told only while the item is unacknowledged.

    Give exactly one of ``at_fraction`` (of the deadline window, e.g. 0.75) and ``after_deadline_hours``
    (0 = the moment the deadline passes). ``after_deadline_hours_by_severity`` overrides the latter per
    severity, e.g. ``{ critical = 1 }``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        description="Stable step id recorded in the audit log, e.g. overdue_aht (lower case, digits, _).",
    )
    roles: list[Role] = Field(min_length=1, description="Who is told: " + ", ".join(ROLES) + ".")
    at_fraction: float | None = Field(
        default=None, gt=0, le=1,
        description="Due when this fraction of the time from receipt to deadline has passed (0 < f <= 1).",
    )
    after_deadline_hours: float | None = Field(
        default=None, ge=0, description="Due this many hours after the deadline (0: as it passes)."
    )
    after_deadline_hours_by_severity: dict[SeverityName, float] = Field(
        default_factory=dict,
        description="Per-severity override of after_deadline_hours, e.g. { critical = 1 }.",
    )
    severities: list[SeverityName] = Field(
        default_factory=list, description="Only for items of these severities (empty: any)."
    )
    categories: list[str] = Field(
        default_factory=list, description="Only for items with one of these categories (empty: any)."
    )
    urgent: bool = Field(
        default=True, description="Send at once rather than batched. Critical items are always urgent."
    )

    @field_validator("categories")
    @classmethod
    def _known_categories(cls, value: list[str]) -> list[str]:
        return _check_categories(value)

    @model_validator(mode="after")
    def _one_timing(self) -> Level:
        if (self.at_fraction is None) == (self.after_deadline_hours is None):
            raise ValueError(f"level {self.id!r}: give exactly one of at_fraction and after_deadline_hours")
        if self.after_deadline_hours_by_severity and self.after_deadline_hours is None:
            raise ValueError(
                f"level {self.id!r}: after_deadline_hours_by_severity needs after_deadline_hours "
                "as the default"
            )
        if any(h < 0 for h in self.after_deadline_hours_by_severity.values()):
            raise ValueError(f"level {self.id!r}: after_deadline_hours_by_severity values must be >= 0")
        if self.id == SEEN:
            raise ValueError("level id 'seen' is reserved for the first notice: choose another id")
        return self

    def applies(self, severity: Severity, categories: Iterable[str]) -> bool:
        if self.severities and severity.label not in self.severities:
            return False
        return not self.categories or bool(set(self.categories) & set(categories))

    def due_at(self, severity: Severity, received_at: datetime, deadline_at: datetime) -> datetime:
        if self.at_fraction is not None:
            return received_at + (deadline_at - received_at) * self.at_fraction
        label: SeverityName = severity.label  # type: ignore[assignment]  # Severity.label is one of the four names
        hours = self.after_deadline_hours_by_severity.get(label, self.after_deadline_hours)
        assert hours is not None  # guaranteed by _one_timing
        return deadline_at + timedelta(hours=hours)


def _default_on_seen() -> list[SeenRule]:
    return [
        SeenRule(severities=["critical"], roles=["moderator", "headteacher", "aht"]),
        SeenRule(categories=["safeguarding"], roles=["dsl", "deputy_dsl"]),
        SeenRule(categories=["media_enquiry"], roles=["headteacher", "aht"]),
        SeenRule(categories=["threat", "hate"], roles=["headteacher", "aht"]),
        SeenRule(severities=["high"], roles=["moderator"]),
        # every own-account comment owes an acknowledgement (design.md): harmless ones reach the
        # moderators in their batched email, never one email each
        SeenRule(severities=["normal", "none"], sources=["own"], roles=["moderator"], urgent=False),
    ]


#: The moderators' reminder when the configured levels have none (design.md's 75 %).
DEFAULT_REMINDER_FRACTION = 0.75

#: Every severity that climbs the whole chain; an own-account ``none`` item only reminds the moderators.
_FLAGGED: list[SeverityName] = ["normal", "high", "critical"]


def _default_levels() -> list[Level]:
    return [
        Level(id="reminder_75", at_fraction=0.75, roles=["moderator"], severities=_FLAGGED, urgent=False),
        # safeguarding stays with the people who may read it: the DSL and deputy are told again
        Level(id="safeguarding_75", at_fraction=0.75, roles=["dsl", "deputy_dsl"], categories=["safeguarding"]),
        Level(id="overdue_aht", after_deadline_hours=0, roles=["aht"], severities=_FLAGGED),
        Level(id="safeguarding_overdue", after_deadline_hours=0, roles=["dsl", "deputy_dsl"],
              categories=["safeguarding"]),
        Level(id="overdue_moderators", after_deadline_hours=0, roles=["moderator"], severities=["none"],
              urgent=False),
        Level(
            id="overdue_headteacher",
            after_deadline_hours=24,
            after_deadline_hours_by_severity={"critical": 1},
            roles=["headteacher"],
            severities=_FLAGGED,
        ),
    ]


class EscalationConfig(BaseModel):
    """The ``[escalation]`` table of watchtower.toml. Every key is optional; the defaults are design.md's.

    .. code-block:: toml

        [escalation]
        batch_minutes = 15        # at most one batched (non-urgent) email per person per 15 minutes
        digest_time = "07:30"     # DSL digest, local time ([deadlines] timezone)

        # Replacing on_seen or levels replaces the whole list; the defaults are:
        [[escalation.on_seen]]
        severities = ["critical"]
        roles = ["moderator", "headteacher", "aht"]
        [[escalation.on_seen]]
        categories = ["safeguarding"]
        roles = ["dsl", "deputy_dsl"]
        [[escalation.on_seen]]
        categories = ["media_enquiry"]
        roles = ["headteacher", "aht"]
        [[escalation.on_seen]]
        categories = ["threat", "hate"]
        roles = ["headteacher", "aht"]
        [[escalation.on_seen]]
        severities = ["high"]
        roles = ["moderator"]
        [[escalation.on_seen]]
        severities = ["normal", "none"]
        sources = ["own"]
        roles = ["moderator"]
        urgent = false

        [[escalation.levels]]
        id = "reminder_75"
        at_fraction = 0.75
        roles = ["moderator"]
        severities = ["normal", "high", "critical"]
        urgent = false
        [[escalation.levels]]
        id = "safeguarding_75"
        at_fraction = 0.75
        roles = ["dsl", "deputy_dsl"]
        categories = ["safeguarding"]
        [[escalation.levels]]
        id = "overdue_aht"
        after_deadline_hours = 0
        roles = ["aht"]
        severities = ["normal", "high", "critical"]
        [[escalation.levels]]
        id = "safeguarding_overdue"
        after_deadline_hours = 0
        roles = ["dsl", "deputy_dsl"]
        categories = ["safeguarding"]
        [[escalation.levels]]
        id = "overdue_moderators"
        after_deadline_hours = 0
        roles = ["moderator"]
        severities = ["none"]
        urgent = false
        [[escalation.levels]]
        id = "overdue_headteacher"
        after_deadline_hours = 24
        after_deadline_hours_by_severity = { critical = 1 }
        roles = ["headteacher"]
        severities = ["normal", "high", "critical"]
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    batch_minutes: float = Field(
        default=15, ge=0,
        description="Batched notices go to each person at most once per this many minutes (0: no batching).",
    )
    digest_time: time = Field(
        default=time(7, 30), description='Local time of the daily DSL digest ("HH:MM").'
    )
    on_seen: list[SeenRule] = Field(
        default_factory=_default_on_seen,
        description="Who is told when an item is first seen; every matching rule adds its roles.",
    )
    levels: list[Level] = Field(
        default_factory=_default_levels,
        description="Reminders and escalations while an item stays unacknowledged, in order.",
    )

    @field_validator("digest_time")
    @classmethod
    def _plain_time(cls, value: time) -> time:
        if value.tzinfo is not None:
            raise ValueError('digest_time is a local time without an offset, e.g. "07:30"')
        return value

    @field_validator("levels")
    @classmethod
    def _unique_ids(cls, levels: list[Level]) -> list[Level]:
        seen: set[str] = set()
        for level in levels:
            if level.id in seen:
                raise ValueError(f"two levels have the id {level.id!r}: every level needs its own id")
            seen.add(level.id)
        return levels

    def reminder_fraction(self) -> float:
        """The fraction of the deadline window at which the moderators are first reminded (the dashboard's amber):
        the first ``at_fraction`` level that tells moderators; 0.75 when no level does."""
        for level in self.levels:
            if level.at_fraction is not None and "moderator" in level.roles:
                return level.at_fraction
        return DEFAULT_REMINDER_FRACTION


@dataclass(frozen=True, slots=True)
class ItemState:
    """What the escalation decisions need to know about one item. Every time is timezone-aware.

    ``deadline_at`` is :func:`watchtower.deadlines.compute_deadline`'s ``due_at`` (``None``: none owed).
    ``done_steps`` holds the ids of steps already recorded for this item.
    """

    severity: Severity
    categories: tuple[str, ...]
    source: Source
    received_at: datetime
    deadline_at: datetime | None = None
    acknowledged_at: datetime | None = None
    resolved_at: datetime | None = None
    done_steps: frozenset[str] = field(default_factory=frozenset)
    #: possible concerns (design.md): critical categories with inconclusive evidence; they route the item as
    #: those categories would (a possible safeguarding concern reaches the DSL), at the item's own severity
    possible: tuple[str, ...] = ()

    @property
    def routing_categories(self) -> tuple[str, ...]:
        """The categories the on_seen rules and levels match: the item's own and its possible concerns."""
        return self.categories + tuple(c for c in self.possible if c not in self.categories)

    def __post_init__(self) -> None:
        for name in ("received_at", "deadline_at", "acknowledged_at", "resolved_at"):
            value = getattr(self, name)
            if value is not None and value.utcoffset() is None:
                raise ValueError(f"ItemState.{name} must be timezone-aware")
        if self.source not in ("own", "mention"):
            raise ValueError(f"source must be 'own' or 'mention', not {self.source!r}")


@dataclass(frozen=True, slots=True)
class Step:
    """One notice that is due: record ``step_id`` for the item, then tell ``roles``.

    ``due_at`` (UTC) is when it became due; ``urgent`` steps never wait for batching.
    """

    step_id: str
    roles: tuple[str, ...]
    urgent: bool
    due_at: datetime
    reason: str


def _roles_text(roles: Sequence[str]) -> str:
    return ", ".join(_ROLE_LABEL.get(r, r) for r in roles)


def _local(moment: datetime, zone: tzinfo) -> str:
    return local_text(moment, zone, "short")


def _clock(moment: datetime, zone: tzinfo) -> str:
    return local_text(moment, zone, "clock")


def _late(due: datetime, now: datetime, zone: tzinfo) -> str:
    """Nothing when on time (within 5 minutes), else how late and when, for catch-up after an outage."""
    late = now - due
    if late < timedelta(minutes=5):
        return ""
    minutes = int(late.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [f"{days} d"] if days else []
    if hours:
        parts.append(f"{hours} h")
    if minutes and not days:
        parts.append(f"{minutes} min")
    return f" — caught up {' '.join(parts)} late, at {_local(now, zone)}"


def _zone(tz: tzinfo | str) -> tzinfo:
    return ZoneInfo(tz) if isinstance(tz, str) else tz


#: Placeholder in a level's reason for the moment the decision was taken ("passed at 14:00:05").
_AT = " at {now}"


def _candidates(state: ItemState, policy: EscalationConfig, zone: tzinfo) -> list[Step]:
    """Every step the item will ever have under ``policy``, in due order, ignoring ``now``."""
    severity = effective_severity(state.severity, state.categories)
    critical = severity == Severity.CRITICAL
    received = state.received_at.astimezone(UTC)
    steps: list[tuple[datetime, int, Step]] = []

    roles: list[str] = []
    urgent = False
    routing = state.routing_categories
    for rule in policy.on_seen:
        if rule.matches(severity, routing, state.source):
            roles.extend(r for r in rule.roles if r not in roles)
            urgent = urgent or rule.urgent
    if roles:
        urgent = urgent or critical
        who = "own-account" if state.source == "own" else "public-mention"
        cats = f" ({', '.join(state.categories)})" if state.categories else ""
        if state.possible:
            cats += f" (possible {', '.join(state.possible)} concern)"
        how = "at once" if urgent else f"batched, at most one email per {policy.batch_minutes:g} min each"
        steps.append((received, 0, Step(
            step_id=SEEN,
            roles=tuple(roles),
            urgent=urgent,
            due_at=received,
            reason=f"{severity.shown} {who} item{cats} seen {_local(received, zone)} "
            f"→ {_roles_text(roles)} ({how})",
        )))

    if state.deadline_at is not None:
        deadline = state.deadline_at.astimezone(UTC)
        for order, level in enumerate(policy.levels, start=1):
            if not level.applies(severity, routing):
                continue
            due = level.due_at(severity, received, deadline)
            if level.at_fraction is not None:
                when = f"{level.at_fraction:.0%} of the time to the deadline {_local(deadline, zone)} passed"
            elif due == deadline:
                when = f"deadline {_local(deadline, zone)} passed"
            else:
                hours = (due - deadline) / timedelta(hours=1)
                when = f"deadline {_local(deadline, zone)} + {hours:g} h passed"
            when += _AT  # filled in with the time of the decision by due_steps
            steps.append((due, order, Step(
                step_id=level.id,
                roles=tuple(level.roles),
                urgent=level.urgent or critical,
                due_at=due,
                reason=f"{when} without acknowledgement → {_roles_text(level.roles)}",
            )))
    steps.sort(key=lambda s: (s[0], s[1]))
    return [s[2] for s in steps]


def _stopped(state: ItemState, step: Step, now: datetime) -> bool:
    """Whether acknowledgement or resolution means ``step`` is no longer sent (module docstring)."""
    if state.resolved_at is not None and state.resolved_at <= now:
        return True
    if state.acknowledged_at is not None and state.acknowledged_at <= now:
        return not (step.step_id == SEEN and step.urgent)
    return False


def due_steps(
    state: ItemState, policy: EscalationConfig, now: datetime, *, tz: tzinfo | str = "Europe/London"
) -> list[Step]:
    """The steps due for ``state`` at ``now`` and not yet done, in the order to record and send them.

    ``tz`` is only for the local times in reasons; pass ``[deadlines] timezone``.
    """
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    zone = _zone(tz)
    out = []
    for step in _candidates(state, policy, zone):
        if step.step_id in state.done_steps or step.due_at > now or _stopped(state, step, now):
            continue
        late = _late(step.due_at, now, zone)
        reason = step.reason.replace(_AT, "" if late else f" at {_clock(now, zone)}") + late
        out.append(Step(step.step_id, step.roles, step.urgent, step.due_at, reason))
    return out


def next_due_at(state: ItemState, policy: EscalationConfig, now: datetime) -> datetime | None:
    """When the item's next step falls due after ``now`` (for the scheduler to wake), or ``None``.

    Ignores steps already due (``due_steps`` returns those) and assumes the item stays unacknowledged
    and unresolved; an item already acknowledged or resolved by ``now`` has no next step.
    """
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    for step in _candidates(state, policy, UTC):
        if step.step_id in state.done_steps or step.due_at <= now or _stopped(state, step, now):
            continue
        return step.due_at
    return None


# --- the DSL digest ----------------------------------------------------------------------------


def last_digest_slot(
    now: datetime, policy: EscalationConfig, *, tz: tzinfo | str = "Europe/London"
) -> datetime:
    """The latest scheduled digest time at or before ``now``, in UTC.

    The slot is ``digest_time`` on a local date. A ``digest_time`` inside the spring-forward gap is read
    with the offset before the change (one hour later on the new clock); one inside the repeated autumn
    hour is its first occurrence. Either way each local date has exactly one slot.
    """
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    zone = _zone(tz)
    day = now.astimezone(zone).date()
    for back in range(3):
        slot = datetime.combine(day - timedelta(days=back), policy.digest_time, tzinfo=zone)
        if slot <= now:
            return slot.astimezone(UTC)
    raise AssertionError("unreachable: a slot two days back is always in the past")  # pragma: no cover


def next_digest_at(
    now: datetime, policy: EscalationConfig, *, tz: tzinfo | str = "Europe/London"
) -> datetime:
    """The first scheduled digest time strictly after ``now``, in UTC."""
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    zone = _zone(tz)
    day = now.astimezone(zone).date()
    for ahead in range(3):
        slot = datetime.combine(day + timedelta(days=ahead), policy.digest_time, tzinfo=zone)
        if slot > now:
            return slot.astimezone(UTC)
    raise AssertionError("unreachable: a slot two days ahead is always in the future")  # pragma: no cover


def digest_due(
    last_digest_at: datetime | None,
    now: datetime,
    policy: EscalationConfig,
    *,
    tz: tzinfo | str = "Europe/London",
) -> bool:
    """Whether to send the DSL digest now.

    Due when no digest has been sent since the latest slot (:func:`last_digest_slot`): once a day at
    ``digest_time``; after downtime of any length, once on start-up (not once per missed day); never twice
    for the same slot. ``last_digest_at`` is when the previous digest was sent; ``None`` (never sent, a new
    install) is due, so the DSL sees at once that the digest works.
    """
    if last_digest_at is None:
        return True
    if last_digest_at.utcoffset() is None:
        raise ValueError("last_digest_at must be timezone-aware")
    return last_digest_at < last_digest_slot(now, policy, tz=tz)
