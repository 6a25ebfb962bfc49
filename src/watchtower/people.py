"""Who is who: each school's people from config, the trust's people, and who is told what (by role, the digest, the
operators).

A :class:`Roster` is one school's people with the trust's people beside them, built from a
:class:`~watchtower.config.Config` (``Roster.from_config(config, school)``); a :class:`Directory` holds every school's
roster (``Directory.from_config``). They are the one place that turns roles into people. The escalation chain
(``pipeline``), the notifier (``notify.outbox``), the watchers, the digest and the dashboard ask them, never the
daemon.

Across schools (design.md "Many schools"): a school's notices go to that school's people only; the trust
safeguarding lead is told about every school's safeguarding items (:func:`step_roles`), and the trust operator about
every school's sources and undeliverable email (:meth:`Roster.operators`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from watchtower.models import DEFAULT_SCHOOL

if TYPE_CHECKING:
    from watchtower.config import Config, Person, TrustPerson

__all__ = [
    "DIGEST_ROLES",
    "TRUST_LEAD",
    "TRUST_OPERATOR",
    "Directory",
    "Recipient",
    "Roster",
    "Routed",
    "operators",
    "route",
    "step_roles",
]

#: Who receives a school's daily digest.
DIGEST_ROLES: tuple[str, ...] = ("dsl", "deputy_dsl")
#: The roles of trust-level people, as the chain, the outbox and the dashboard name them (``models.TRUST_ROLES``),
#: and the ``[trust]`` config role each one is.
TRUST_LEAD = "trust_safeguarding_lead"
TRUST_OPERATOR = "trust_operator"
_TRUST_CONFIG_ROLE = {TRUST_LEAD: "safeguarding_lead", TRUST_OPERATOR: "operator"}
#: A step that tells these roles about a safeguarding item tells the trust safeguarding lead too.
_SAFEGUARDING_ROLES = frozenset({"dsl", "deputy_dsl"})


@dataclass(frozen=True)
class Routed:
    """One person told about something, and the role they are told in."""

    email: str
    name: str
    role: str


@dataclass(frozen=True)
class Recipient:
    """Who an email is for, with every role they hold in ``school`` (what they may read depends on it: ``access``).

    ``school`` is the school the roles are for; ``None``: every role they hold anywhere (a one-school instance)."""

    email: str
    name: str
    roles: frozenset[str]
    school: str | None = None


def step_roles(roles: Sequence[str], routing_categories: Iterable[str]) -> list[str]:
    """The roles an escalation step tells: its own, and the trust safeguarding lead when it is a safeguarding
    step (the item is, or may be, safeguarding, and the step tells the DSL or deputy: the first notice and each
    re-escalation to them)."""
    out = list(roles)
    if "safeguarding" in set(routing_categories) and _SAFEGUARDING_ROLES & set(roles) and TRUST_LEAD not in out:
        out.append(TRUST_LEAD)
    return out


@dataclass(frozen=True)
class Roster:
    """One school's people, and the trust-level people beside them."""

    people: tuple[Person, ...]
    operator_email: str | None = None
    school: str = DEFAULT_SCHOOL
    trust_people: tuple[TrustPerson, ...] = field(default=())

    @classmethod
    def from_config(cls, config: Config, school: str | None = None) -> Roster:
        """The roster of ``school`` (its id); of the only school when ``None`` (a one-school config). A school no
        longer in the config has no people of its own: only the trust's."""
        trust = tuple(config.trust.people) if config.trust else ()
        if school is None:
            if config.multi_school:
                raise ValueError("this config has several schools: name the school")
            school = config.all_schools[0].id
        try:
            s = config.school_by_id(school)
        except KeyError:
            return cls((), None, school, trust)
        return cls(s.people, s.operator_email, s.id, trust)

    def with_role(self, role: str) -> list[Person | TrustPerson]:
        if role in _TRUST_CONFIG_ROLE:
            wanted = _TRUST_CONFIG_ROLE[role]
            return [p for p in self.trust_people if wanted in p.roles]
        return [p for p in self.people if role in p.roles]

    def route(self, roles: Iterable[str]) -> list[Routed]:
        """The people holding ``roles`` (a trust role names the trust's people), each once (a person with two of
        the roles gets one email)."""
        out: dict[str, Routed] = {}
        for role in roles:
            for p in self.with_role(role):
                out.setdefault(p.email.lower(), Routed(p.email, p.name, role))
        return list(out.values())

    def operators(self) -> list[tuple[str, str]]:
        """Who hears about failing sources and undeliverable email: the school's operator_email, else its admins,
        else its moderators; and the trust operator."""
        out: dict[str, tuple[str, str]] = {}
        if self.operator_email:
            out[self.operator_email.lower()] = (self.operator_email, "Operator")
        else:
            for p in self.with_role("admin") or self.with_role("moderator"):
                out.setdefault(p.email.lower(), (p.email, p.name))
        for p in self.with_role(TRUST_OPERATOR):
            out.setdefault(p.email.lower(), (p.email, p.name))
        return list(out.values())

    def digest_recipients(self) -> list[Routed]:
        """The school's DSL and deputy DSL, each person once."""
        return self.route(DIGEST_ROLES)

    def person(self, email: str) -> Person | TrustPerson | None:
        e = email.lower()
        found: Person | TrustPerson | None = next((p for p in self.people if p.email.lower() == e), None)
        return found or next((p for p in self.trust_people if p.email.lower() == e), None)

    def recipient(self, email: str, school: str | None = None) -> Recipient:
        """The person with this address as an email recipient, with the roles they hold in this school (and the
        trust); someone not in the config holds no role. ``school`` is accepted for the notifier's signature: a
        roster is one school's."""
        e = email.lower()
        roles: set[str] = set()
        name: str | None = None
        for p in self.people:
            if p.email.lower() == e:
                roles |= set(p.roles)
                name = name or p.name
        for tp in self.trust_people:
            if tp.email.lower() == e:
                roles |= {r for r, c in _TRUST_CONFIG_ROLE.items() if c in tp.roles}
                name = name or tp.name
        found = self.person(email)
        return Recipient(found.email if found else email, name or email, frozenset(roles), self.school)


@dataclass(frozen=True)
class Directory:
    """Every school's roster: the instance's people (the daemon's ``recipient`` and ``person``)."""

    rosters: dict[str, Roster]
    trust_people: tuple[TrustPerson, ...] = ()

    @classmethod
    def from_config(cls, config: Config) -> Directory:
        return cls({s.id: Roster.from_config(config, s.id) for s in config.all_schools},
                   tuple(config.trust.people) if config.trust else ())

    def for_school(self, school: str) -> Roster:
        return self.rosters.get(school) or Roster((), None, school, self.trust_people)

    def with_role(self, role: str) -> list[Person | TrustPerson]:
        """Everyone with ``role`` in any school (or the trust), each address once."""
        out: dict[str, Person | TrustPerson] = {}
        for roster in self.rosters.values():
            for p in roster.with_role(role):
                out.setdefault(p.email.lower(), p)
        return list(out.values())

    def person(self, email: str) -> Person | TrustPerson | None:
        for roster in self.rosters.values():
            found = roster.person(email)
            if found is not None:
                return found
        e = email.lower()
        return next((p for p in self.trust_people if p.email.lower() == e), None)

    def recipient(self, email: str, school: str | None = None) -> Recipient:
        """The recipient with their roles in ``school``; with ``None``, in a one-school instance that school,
        otherwise their name and no role (roles are per school: what they may read is decided per item)."""
        if school is not None:
            return self.for_school(school).recipient(email)
        if len(self.rosters) == 1:
            return next(iter(self.rosters.values())).recipient(email)
        person = self.person(email)
        return Recipient(person.email if person else email, person.name if person else email, frozenset(), None)


def route(config: Config, roles: Sequence[str], school: str | None = None) -> list[Routed]:
    """``Roster.from_config(config, school).route(roles)``."""
    return Roster.from_config(config, school).route(roles)


def operators(config: Config, school: str | None = None) -> list[tuple[str, str]]:
    """``Roster.from_config(config, school).operators()``."""
    return Roster.from_config(config, school).operators()
