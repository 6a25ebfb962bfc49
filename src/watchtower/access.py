"""Need-to-know: which schools' items a person sees, who may read an item's text, and what everyone else is shown
instead. The one home of these rules; every channel asks this module: emails (``notify.render``), the dashboard's
item page, queue, search, review and reports (``web``), the command line (``cli.ack``).

design.md: safeguarding items are need-to-know. The DSL, the deputy DSL and the headteacher always read the text;
moderators only where the config allows (``[dashboard] moderators_see_safeguarding_text``); nobody else (the AHT,
an admin, a command line run by the service user).

"Many schools": a person sees only their own schools' items (:func:`may_see`, :func:`school_sql`), and their roles
are their roles in the item's school, so a school's DSL never reads another school's safeguarding text; the trust
safeguarding lead (every school) does. A view that reaches a school through the trust rather than as one of its
people is a cross-school view (:func:`cross_school`), and the dashboard audits each one.

A person's schools: a dashboard ``User`` has ``schools`` (ids, or ``*`` for every school of the trust); an email
``Recipient`` has the one ``school`` its roles are for; anything else (a role name, a config ``Person``) is not
scoped to a school.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

from watchtower.models import ALL_SCHOOLS, DEFAULT_SCHOOL

if TYPE_CHECKING:
    from watchtower.store.rows import ItemRow

#: An item as the channels hold it: the store's typed row, or a dict a template reads.
ItemLike: TypeAlias = "ItemRow | Mapping[str, Any]"

__all__ = [
    "SAFEGUARDING_READERS",
    "AccessSettings",
    "TextPolicy",
    "cross_school",
    "is_safeguarding",
    "item_school",
    "may_read_text",
    "may_see",
    "reads_safeguarding",
    "redact",
    "roles_of",
    "school_sql",
    "schools_of",
    "search_text_sql",
    "withhold_quotes",
]

#: Roles that always read safeguarding text (in their own schools; the trust's lead in every school).
SAFEGUARDING_READERS: frozenset[str] = frozenset({"dsl", "deputy_dsl", "headteacher", "trust_safeguarding_lead"})
#: The one other role that may, where the config allows.
_FLAG_READERS: frozenset[str] = frozenset({"moderator"})
#: Withheld with the text: a URL's slug or a title often tells the story.
_TEXT_FIELDS = ("text", "title", "url")
_QUOTES = "'\"‘’“”"


class AccessSettings(Protocol):
    """What the rule reads from the config (``config.dashboard`` is one)."""

    @property
    def moderators_see_safeguarding_text(self) -> bool: ...


@dataclass(frozen=True)
class TextPolicy:
    """:class:`AccessSettings` for callers that hold the flag alone (the notifier's settings)."""

    moderators_see_safeguarding_text: bool = False


def roles_of(person: Any) -> frozenset[str]:
    """The roles of a person in any of the shapes the channels hold: an email ``Recipient`` (``roles``), a
    dashboard ``User`` (``role``), a config ``Person`` (``roles``), one role name, or an iterable of role names."""
    if person is None:
        return frozenset()
    if isinstance(person, str):
        return frozenset({person})
    roles = getattr(person, "roles", None)
    if roles is not None:
        return frozenset(str(r) for r in roles)
    role = getattr(person, "role", None)
    if role is not None:
        return frozenset({str(role)})
    if isinstance(person, Iterable):
        return frozenset(str(r) for r in person)
    raise TypeError(f"cannot tell the roles of {type(person).__name__}")


def reads_safeguarding(person: Any, settings: AccessSettings) -> bool:
    """Whether this person reads safeguarding items' text (need-to-know, design.md)."""
    roles = roles_of(person)
    if roles & SAFEGUARDING_READERS:
        return True
    return bool(roles & _FLAG_READERS) and bool(settings.moderators_see_safeguarding_text)


def is_safeguarding(item: ItemLike) -> bool:
    """Whether an item (a typed row, a dict with ``categories_list``, or the raw ``categories`` JSON) is a
    safeguarding item."""
    if not isinstance(item, Mapping):
        return "safeguarding" in item.categories
    cats = item.get("categories_list")
    if cats is None:
        raw = item.get("categories")
        if isinstance(raw, str):
            try:
                cats = json.loads(raw) if raw else []
            except ValueError:
                cats = [raw]  # unreadable: treat the worst way, as safeguarding if it says so
        else:
            cats = raw or []
    return "safeguarding" in cats


def schools_of(person: Any) -> frozenset[str] | None:
    """The schools whose items ``person`` sees; ``None``: every school (a trust-wide account, or a person not scoped
    to a school: a role name, a config person)."""
    schools = getattr(person, "schools", None)
    if schools is not None and not isinstance(schools, str):
        found = frozenset(str(s) for s in schools)
        return None if ALL_SCHOOLS in found else found
    school = getattr(person, "school", None)
    if isinstance(school, str):
        return None if school == ALL_SCHOOLS else frozenset({school})
    return None


def item_school(item: ItemLike) -> str:
    """The school an item (a row) belongs to; a row from before schools belongs to the default school."""
    if not isinstance(item, Mapping):
        return item.school
    return str(item.get("school") or DEFAULT_SCHOOL)


def may_see(person: Any, item: ItemLike) -> bool:
    """Whether ``person`` may see that ``item`` exists at all: it belongs to one of their schools."""
    mine = schools_of(person)
    return mine is None or item_school(item) in mine


def cross_school(person: Any) -> bool:
    """Whether what ``person`` sees reaches schools through the trust (a trust-wide account), not as one of a
    school's people: each such view is audited."""
    schools = getattr(person, "schools", None)
    return schools is not None and not isinstance(schools, str) and ALL_SCHOOLS in schools


def may_read_text(person: Any, item: ItemLike, settings: AccessSettings) -> bool:
    """Whether ``person`` may read ``item``'s text, title, link and the words its reasons quote: the item is one of
    their schools', and it is not safeguarding or they read safeguarding text (with their roles in that school)."""
    return may_see(person, item) and (not is_safeguarding(item) or reads_safeguarding(person, settings))


def school_sql(person: Any, column: str = "school") -> tuple[str, list[Any]]:
    """The SQL condition that keeps a query to ``person``'s schools, and its parameters (every dashboard query
    that lists items or counts them adds it)."""
    mine = schools_of(person)
    if mine is None:
        return "1 = 1", []
    if not mine:
        return "1 = 0", []
    return f"{column} IN ({', '.join('?' * len(mine))})", sorted(mine)


def withhold_quotes(reasons: Iterable[str]) -> list[str]:
    """Reasons without the words they quote from the post, for people who may not read a safeguarding item:
    ``rule:self_harm 'kill myself'`` becomes ``rule:self_harm (quoted words withheld)``."""
    out = []
    for r in reasons:
        if any(q in r for q in _QUOTES):
            out.append(r.split(None, 1)[0].rstrip(":") + " (quoted words withheld)")
        else:
            out.append(r)
    return out


def redact(item: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``item`` as shown to someone who may not read it: no text, title or link, reasons
    (``reasons_list`` on items, ``reasons`` on classifications) without the words they quote, and none of the
    decision records behind them."""
    out = dict(item)
    for key in _TEXT_FIELDS:
        if key in out:
            out[key] = ""
    for key in ("reasons_list", "reasons"):
        if isinstance(out.get(key), list | tuple):
            out[key] = withhold_quotes(out[key])
    for key in ("decisions_list", "decisions"):  # the records behind the reasons keep the quotes: not shown at all
        if key in out:
            out[key] = None
    return out


#: LIKE pattern of a categories JSON array that holds "safeguarding"
_SAFEGUARDING_LIKE = '%"safeguarding"%'


def search_text_sql(text_match: str, *, reads: bool) -> tuple[str, list[Any]]:
    """The SQL condition for a text search by someone who does (``reads``) or does not read safeguarding text:
    those who may not read it must not find safeguarding items by what they say. Returns the condition and the
    parameters it adds after ``text_match``'s own."""
    if reads:
        return text_match, []
    return f"(({text_match}) AND COALESCE(categories, '') NOT LIKE ?)", [_SAFEGUARDING_LIKE]
