"""Who is who: the school's people from config, and who is told what (by role, the digest, the operators).

A :class:`Roster` is built from a :class:`~watchtower.config.Config` (``Roster.from_config``); it is the one place
that turns roles into people. The escalation chain (``pipeline``), the notifier (``notify.outbox``), the watchers,
the digest and the dashboard ask it, never the daemon.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from watchtower.config import Config, Person

__all__ = ["DIGEST_ROLES", "Recipient", "Roster", "Routed", "operators", "route"]

#: Who receives the DSL's daily digest.
DIGEST_ROLES: tuple[str, ...] = ("dsl", "deputy_dsl")


@dataclass(frozen=True)
class Routed:
    """One person told about something, and the role they are told in."""

    email: str
    name: str
    role: str


@dataclass(frozen=True)
class Recipient:
    """Who an email is for, with every role they hold (what they may read depends on it: ``access``)."""

    email: str
    name: str
    roles: frozenset[str]


@dataclass(frozen=True)
class Roster:
    people: tuple[Person, ...]
    operator_email: str | None = None

    @classmethod
    def from_config(cls, config: Config) -> Roster:
        return cls(tuple(config.people), config.school.operator_email)

    def with_role(self, role: str) -> list[Person]:
        return [p for p in self.people if role in p.roles]

    def route(self, roles: Iterable[str]) -> list[Routed]:
        """The people holding ``roles``, each once (a person with two of the roles gets one email)."""
        out: dict[str, Routed] = {}
        for role in roles:
            for p in self.with_role(role):
                out.setdefault(p.email.lower(), Routed(p.email, p.name, role))
        return list(out.values())

    def operators(self) -> list[tuple[str, str]]:
        """Who hears about failing sources and undeliverable email: operator_email, else admins, else moderators."""
        if self.operator_email:
            return [(self.operator_email, "Operator")]
        admins = self.with_role("admin") or self.with_role("moderator")
        return [(p.email, p.name) for p in admins]

    def digest_recipients(self) -> list[Routed]:
        """The DSL and deputy DSL, each person once."""
        return self.route(DIGEST_ROLES)

    def person(self, email: str) -> Person | None:
        return next((p for p in self.people if p.email.lower() == email.lower()), None)

    def recipient(self, email: str) -> Recipient:
        """The person with this address as an email recipient; someone not in the config holds no role."""
        p = self.person(email)
        if p is None:
            return Recipient(email, email, frozenset())
        return Recipient(p.email, p.name, frozenset(p.roles))


def route(config: Config, roles: Sequence[str]) -> list[Routed]:
    """``Roster.from_config(config).route(roles)``."""
    return Roster.from_config(config).route(roles)


def operators(config: Config) -> list[tuple[str, str]]:
    """``Roster.from_config(config).operators()``."""
    return Roster.from_config(config).operators()
