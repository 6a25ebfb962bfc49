# ruff: noqa: E501 -- the regular expressions below read better as whole alternations than split mid-word
"""What every rule module shares: the :class:`Hit` record, the anchor-word gate, quoting, and the vocabulary
of schools, staff and targets that several categories' patterns are built from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol


class RuleSettings(Protocol):
    """What the rules read of the classifier's settings. ``classify.config.ClassifierConfig`` is one; the rules
    do not import it, because that config imports the rules' lists to check a school's ``lists_file``."""

    @property
    def allowed_phone_numbers(self) -> Sequence[str]: ...
    @property
    def public_email_domains(self) -> Sequence[str]: ...
    @property
    def flag_mention_questions(self) -> bool: ...
    @property
    def lists_file(self) -> Path | None: ...


@dataclass(frozen=True, slots=True)
class Hit:
    """One detector's decision: which category, by what (a rule or a list entry), which one, on what evidence.

    ``quote`` is the evidence shown after the name, already quoted (``'going to shoot'``, ``'a' + 'b'``,
    ``@example.com``), or empty. :attr:`reason` renders the record as the text people see in emails and on
    the dashboard: ``rule:threat_phrase 'going to shoot'``, ``list:code_1488 '1488'``, ``rule:home_address``.
    """

    category: str
    name: str
    quote: str = ""
    score: float = 1.0
    by: str = "rule"  # "rule" or "list"
    #: a loose threat rule or a list entry marked ``loose``: in play (a game, a match), the threat head must agree
    #: before it alerts
    loose: bool = False
    #: a threat the threat head must confirm at threat_rule_floor anywhere, not only in play: a weapon emoji aimed
    #: at someone, or a threat found only when dialect spellings were read as standard words
    #: (``_normalise.standard_reading``)
    needs_head: bool = False

    @property
    def reason(self) -> str:
        return f"{self.by}:{self.name} {self.quote}" if self.quote else f"{self.by}:{self.name}"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _not_after(*phrases: str) -> str:
    """Look-behinds that refuse a match straight after any of ``phrases`` and a space: one fixed-width look-behind
    each, as Python's look-behinds must be."""
    return "".join(f"(?<!{words} )" for words in phrases)


_WORDS = re.compile(r"[a-z0-9]+")
#: Set to False (tests only) to run every regular expression on every text, to check the gates lose nothing.
GATING = True


@lru_cache(maxsize=256)
def _tokens(norm: str) -> frozenset[str]:
    return frozenset(_WORDS.findall(norm))


class _Gated:
    """A pattern that is only searched when one of its anchor words (or substrings) is in the text.

    Python's ``re`` tries every alternative at every position; most posts contain none of a rule's
    anchor words, so a set lookup first makes the rules about ten times cheaper.
    """

    __slots__ = ("anchors", "pattern", "rx", "subs")

    def __init__(self, rx: re.Pattern[str], anchors: str, subs: str = "") -> None:
        self.rx = rx
        self.pattern = rx.pattern
        self.anchors = frozenset(anchors.split())
        self.subs = tuple(subs.split())

    def search(self, text: str) -> re.Match[str] | None:
        if GATING and self.anchors.isdisjoint(_tokens(text)) and not any(s in text for s in self.subs):
            return None
        return self.rx.search(text)


def _g(pattern: str, anchors: str, subs: str = "") -> _Gated:
    return _Gated(_rx(pattern), anchors, subs)


def quote(match: re.Match[str]) -> str:
    """The matched text, whitespace collapsed, cut at 60 characters, in single quotes: ``'going to shoot'``."""
    text = " ".join(match.group(0).split())
    return f"'{text[:60]}'"


class _Searches(Protocol):
    def search(self, text: str, /) -> re.Match[str] | None: ...


def named_hits(category: str, rules: Iterable[tuple[str, _Searches]], norm: str) -> list[Hit]:
    """A hit for each ``(name, pattern)`` rule whose pattern is found in ``norm``, in the rules' order, with the
    match quoted: the shape every category's detector reports in."""
    return [Hit(category, name, quote(m)) for name, rx in rules if (m := rx.search(norm))]


# --- shared vocabulary ----------------------------------------------------------------------------

#: A notice that names the reader's home as unsafe ("If you're not safe at home", "if you, or a child you know, is not
#: safe at home", round 97), never a child's "if you saw my bruises you'd know I'm not safe at home": the awareness gate
#: reads it as a notice, and the disclosure rule blanks it where help follows.
_READERS_HOME_NOT_SAFE = (r"\bif (?:you|u|anyone|any ?one|any child|a child|any pupil|a pupil|a young person|your child)"
                          r"(?:'re|re| are| is| feel| feels)?(?:,? or [^.?!\n]{1,30}?,?)?(?: are| is| feel| feels)? "
                          r"not safe at home\b")

#: a year group, as a school or a parent names pupils ("Year 9s", "Y10")
_YEAR = r"year \d+s?|y\d+s?"
#: the days of the school week, and of the whole week
_SCHOOL_DAYS = "monday|tuesday|wednesday|thursday|friday"
_DAYS = f"{_SCHOOL_DAYS}|saturday|sunday"
_SCHOOL = r"(?:school|sch(?:oo|o)?l|skool|skl|academy|college|classroom|class|building|canteen|playground|assembly)"
_STAFF = (
    r"(?:mr|mrs|miss|ms|sir|dr|teacher|teachers|head ?teacher|headmaster|headmistress|the head|deputy head|"
    r"governors?|senco|tutor|form tutor|staff|dinner lad(?:y|ies)|caretaker|coach|principal|ta|teaching assistant)"
)
#: the writer's own family, after "my" or "our": whom a parent or a sibling threatens over a household mishap ("I could
#: strangle our kid", "I am going to MURDER my son"), read by the play gate and the own-family threat check
_FAMILY_MEMBER = r"(?:son|daughter|kids?|lad|boy|girl|husband|hubby|wife|other half|brother|sister|dog)"
_PERSON_TARGET = (
    r"(?:you|u|ya|yer|yall|y'all|him|her|them|every ?(?:one|body|1)|every (?:single )?(?:teacher|kid|pupil|student|person|one of (?:you|u|them))|"
    r"all (?:the |of the )?(?:teachers|kids|pupils|students|staff)|all of (?:you|u|them|ya)|the lot of (?:you|ya)"
    r"|(?:the|that|this|ur|your|our|my) (?:whole )?(?:school|class|teachers?|head ?teacher|head|headmaster|staff|kids|pupils|students|form|family|son|daughter|kid|child)"
    r"|(?:mr|mrs|miss|ms|sir|dr)\.? ?[a-z]+|@\w+|[a-z]+ in year \d+|everyone in (?:this|that|the|my) (?:school|class)"
    r"|(?:the|that|this) [a-z]+ (?:kid|boy|girl|lad|lass|teacher|woman|man|bloke))"
)
#: what is sent, not fired: "shoot you an email", "shoot y'all a quick message" (after the verb and its object)
_SENDING = (
    r"(?:an? |over (?:an? )?|some |a quick )?(?:e-?mails?|messages?|msgs?|texts?|dms?|pms?|notes?|lines?|invites?|"
    r"links?|reply|replies|forms?|updates?|reminders?|details|whatsapps?)\b"
)
#: love, or a teacher's joke, not violence: "going to strangle him with hugs", "kill them with kindness", "kill them
#: with extra homework as a reward" (after the verb and its object)
_AFFECTION = (r"with (?:hugs|kisses|cuddles|love|kindness|(?:pure |sheer |happy )?(?:joy|happiness|gratitude|relief|pride)|"
              r"(?:extra |more )?(?:homework|praise|compliments|stickers|house points|merits|spellings))\b")
