"""The domain's records: what an item is, its categories and severity (design.md)."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, get_args

Source = Literal["own", "mention"]

#: The roles a person can hold (config ``people[].roles``, dashboard accounts): the one list of them.
Role = Literal["moderator", "aht", "headteacher", "dsl", "deputy_dsl", "admin"]
ROLES: tuple[str, ...] = get_args(Role)

#: The roles a trust-level person holds (config ``[trust]`` people, dashboard accounts of every school): the trust
#: safeguarding lead reads every school's safeguarding items and is told about them; the trust operator is told
#: about every school's sources and undeliverable email.
TrustRole = Literal["trust_safeguarding_lead", "trust_operator"]
TRUST_ROLES: tuple[str, ...] = get_args(TrustRole)

#: The school of a one-school config (``[school]``), and of every row stored before schools existed (migration
#: m009). A trust that grows out of a one-school install gives that school ``id = "default"`` to keep its history.
DEFAULT_SCHOOL = "default"
#: A user or audit row that belongs to every school of the instance (the trust).
ALL_SCHOOLS = "*"

#: What a moderator can record having done about an item, and how the dashboard and emails say it.
ACTIONS: dict[str, str] = {
    "replied": "Replied",
    "hidden": "Hid the post or comment",
    "deleted": "Deleted it",
    "blocked_reported": "Blocked or reported the author",
    "parent_asked": "Asked a parent to remove a post",
    "complaints_procedure": "Referred to the complaints procedure",
    "referred_dsl": "Referred to the DSL",
    "police_ceop": "Reported to police / CEOP",
    "no_action": "No action needed",
    "note": "Note",
}


class Severity(enum.IntEnum):
    """Ordered so that ``max()`` gives the worst."""

    NONE = 0
    NORMAL = 1
    HIGH = 2
    CRITICAL = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def shown(self) -> str:
        """The words people read: 'not flagged' for an item nothing was found in (an own-account comment is there
        only because every one owes an acknowledgement), else the label. Config, CSS classes and JSON keep ``label``."""
        return "not flagged" if self is Severity.NONE else self.label

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r}: use one of none, normal, high, critical"
            ) from None


#: Every category in design.md with its severity, in the order emails and the dashboard list them.
CATEGORY_SEVERITY: dict[str, Severity] = {
    "threat": Severity.CRITICAL,
    "hate": Severity.CRITICAL,
    "safeguarding": Severity.CRITICAL,
    "harassment": Severity.HIGH,
    "sexual": Severity.HIGH,
    "personal_data": Severity.HIGH,
    "media_enquiry": Severity.HIGH,
    "complaint": Severity.NORMAL,
    "query": Severity.NORMAL,
    "offensive": Severity.NORMAL,
}
CATEGORIES: tuple[str, ...] = tuple(CATEGORY_SEVERITY)


def severity_of(categories: list[str] | tuple[str, ...] | set[str]) -> Severity:
    """An item's severity is the highest of its categories; with none it is ``none``."""
    return max((CATEGORY_SEVERITY[c] for c in categories), default=Severity.NONE)


def sort_categories(categories: set[str] | list[str]) -> list[str]:
    """Categories in design.md order (worst first), unknown names refused."""
    unknown = set(categories) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"unknown categories: {sorted(unknown)}")
    return [c for c in CATEGORIES if c in categories]


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Item:
    """One post, comment or article as a connector saw it (design.md: "An item keeps ...").

    ``platform`` + ``platform_id`` identify it: the same post seen twice is one item (of each school that sees it).
    ``own_post`` marks the school's own outgoing posts (checked for personal data, used to notice dormancy).
    """

    platform: str
    source: Source
    platform_id: str
    url: str | None
    author_handle: str | None
    author_name: str | None
    text: str
    created_at: datetime
    has_media: bool = False
    parent_id: str | None = None
    own_post: bool = False
    title: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.source not in ("own", "mention"):
            raise ValueError(f"source must be 'own' or 'mention', not {self.source!r}")
        if self.created_at.tzinfo is None:
            raise ValueError("created_at must be timezone-aware (UTC)")


#: The categories whose evidence, when real but not conclusive, makes a possible concern (design.md).
CRITICAL_CATEGORIES: tuple[str, ...] = tuple(c for c, s in CATEGORY_SEVERITY.items() if s == Severity.CRITICAL)

DecidedBy = Literal["rule", "list", "model"]
Tier = Literal["alert", "possible", "noted"]

#: The note on a post written mostly in a language or a script the classifier was not built to read
#: (``classify._script``): a record of no category (it is about the whole post), by the rule ``not_english``, that
#: raises nothing. Its reason reads "noted, raises nothing: rule:not_english (written mostly in Arabic script, which
#: the classifier was not built to read: a person must read it)", or "... in Polish, ..."; :func:`unread_in` finds
#: what it names again in the reasons an item keeps.
UNREAD = ""
UNREAD_RULE = "not_english"
_UNREAD_PREFIX = f"noted, raises nothing: rule:{UNREAD_RULE} (written mostly in "
_UNREAD_SUFFIX = ", which the classifier was not built to read: a person must read it)"


def unread_detail(what: str) -> str:
    """The ``detail`` of the note on a post written mostly in ``what`` ("Arabic script", "Polish")."""
    return f"(written mostly in {what}{_UNREAD_SUFFIX}"


def unread_in(reasons: list[str]) -> str | None:
    """What a not-English note among an item's stored ``reasons`` names ("Arabic script", "Polish"), or None: what
    the email and the dashboard say instead of "nothing harmful was found"."""
    for r in reasons:
        if r.startswith(_UNREAD_PREFIX) and r.endswith(_UNREAD_SUFFIX):
            return r[len(_UNREAD_PREFIX):-len(_UNREAD_SUFFIX)] or None
    return None


def words_recognised(reasons: list[str]) -> bool:
    """Whether a rule or a list entry raised the item on its words ("list:cs_i_will_kill_or_hurt 'zabijem ta'"): in
    a post the classifier was not built to read, those words were recognised and the rest was not read, which the
    email and the item's page say instead of "nothing in it was checked"."""
    return any(r.startswith(("list:", "rule:")) for r in reasons)


def recognised_in(reasons: list[str], decisions: Sequence[Decision] | None) -> bool:
    """:func:`words_recognised`, read from the decision records where a classification has them (an alerting rule or
    list entry), else from its printed reasons."""
    if decisions is not None:
        return any(d.by in ("rule", "list") and d.tier == "alert" for d in decisions)
    return words_recognised(reasons)


def unread_note(reasons: list[str], decisions: Sequence[Decision] | None) -> tuple[str | None, bool]:
    """What a stored classification says about a post the classifier was not built to read: the language or script
    it names (None for a post it reads) and whether a rule or a list entry raised it on its words. Read from its
    decision records (``about`` of the ``not_english`` note, the tier and ``by`` of the rest); a classification
    stored before they carried ``about`` is read from its printed reasons, as :func:`unread_in` and
    :func:`words_recognised` do."""
    if decisions is not None:
        notes = [d for d in decisions if d.by == "rule" and d.name == UNREAD_RULE]
        if notes and all(d.about for d in notes):
            return notes[0].about, recognised_in(reasons, decisions)
        if not notes:
            return None, False
    return unread_in(reasons), words_recognised(reasons)


@dataclass(frozen=True, slots=True)
class Decision:
    """One piece of evidence the classifier acted on: the structured record behind a printed reason.

    ``by`` says what decided (a ``rule``, an entry of an editable ``list``, or a ``model`` head); ``name`` is the
    rule's name, the list entry's id or the head. A model decision records its ``score`` and the
    ``threshold_key`` (the ``[classifier]`` key) and ``threshold`` it was held to. ``tier`` is ``alert`` (the
    category is raised), ``possible`` (evidence for a critical category that is real but not conclusive:
    the item is raised to ``high`` for a person to check) or ``noted`` (evidence shown with the item that
    raises nothing: a loose threat rule the model read as play). ``detail`` is the rest of the printed reason (a
    quote, a target, a gate that applied).
    """

    category: str
    by: DecidedBy
    name: str
    score: float = 1.0
    threshold_key: str | None = None
    threshold: float | None = None
    tier: Tier = "alert"
    detail: str = ""
    #: what a note is about, for a reader of the record rather than the printed reason: the language or script of a
    #: post the classifier was not built to read ("Arabic script", "Polish")
    about: str | None = None

    @property
    def reason(self) -> str:
        """The printed reason, e.g. ``model:threat=0.93>=0.90`` or ``rule:threat_phrase 'going to shoot'``."""
        if self.by == "model":
            core = f"model:{self.name}={self.score:.2f}"
            if self.threshold is not None:
                core += f">={self.threshold:.2f}"
        else:
            core = f"{self.by}:{self.name}"
        text = f"{core} {self.detail}".rstrip() if self.detail else core
        if self.tier == "possible":
            return f"possible {self.category} concern, please check: {text}"
        if self.tier == "noted":
            return f"noted, raises nothing: {text}"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "category": self.category, "by": self.by, "name": self.name, "score": round(float(self.score), 4),
            "threshold_key": self.threshold_key, "threshold": self.threshold, "tier": self.tier,
            "detail": self.detail, **({"about": self.about} if self.about is not None else {}),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Decision:
        return cls(category=d["category"], by=d["by"], name=d["name"], score=float(d.get("score", 1.0)),
                   threshold_key=d.get("threshold_key"), threshold=d.get("threshold"),
                   tier=d.get("tier", "alert"), detail=d.get("detail", ""), about=d.get("about"))


@dataclass(frozen=True, slots=True)
class Classification:
    """The classifier's decision on one text, with the reasons behind it.

    ``possible`` holds the critical categories with real but inconclusive evidence (design.md "Possible
    concern"): they are not among ``categories``, but they raise the item to at least ``high`` and route it
    to the people those categories reach. ``decisions`` are the structured records the reasons render.
    """

    categories: list[str]
    scores: dict[str, float]
    reasons: list[str]
    model_version: str = ""
    possible: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)

    @property
    def severity(self) -> Severity:
        return max(severity_of(self.categories), Severity.HIGH if self.possible else Severity.NONE)

    def as_contract(self, item_id: Any = None) -> dict[str, Any]:
        """The ``watchtower classify`` output line (design.md, command-line contract)."""
        return {
            "id": item_id,
            "categories": list(self.categories),
            "severity": self.severity.label,
            "scores": {k: round(float(v), 4) for k, v in self.scores.items()},
            "reasons": list(self.reasons),
            "possible": list(self.possible),
        }
