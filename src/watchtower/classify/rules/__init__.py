"""Precise detectors: the categories where a rule is more trustworthy than a model score.

One module per category (``threat``, ``safeguarding``, ``hate``, ``sexual``, ``harassment``, ``personal_data``,
``media``, ``complaint``, ``query``), the gates that keep topic words and idioms from raising alerts
(``gates``), and what they share (``_base``: the :class:`Hit` record, anchor-word gating, quoting).

Each detector reads the normalised text (``_normalise.variants``) and, where digits matter, the original,
and returns :class:`Hit` records naming the category, the rule and its evidence; ``Hit.reason`` renders the
human-readable reason such as ``rule:threat_phrase 'going to shoot'``. Hard negatives ("this homework is
killing me", "the choir killed it", "knife and fork club", "anti-bullying week") are handled by requiring a
target or an intent, and by an awareness-context check that stops topic words in school announcements from
firing.
"""

from __future__ import annotations

from dataclasses import replace

from watchtower.classify._normalise import has_weapon_emoji, standard_reading
from watchtower.classify.rules._base import Hit, RuleSettings, quote
from watchtower.classify.rules.builtin import BUILTIN_RULE_CATEGORY
from watchtower.classify.rules.complaint import complaint_hits
from watchtower.classify.rules.gates import (
    IDIOM,
    PLAY,
    PROFANITY,
    SELF_IDIOM,
    STAFF_SAID,
    aware,
    grooming_aware,
    unquoted,
)
from watchtower.classify.rules.harassment import (
    ADDRESSEE,
    INSULT_WORD,
    NAMED_PERSON,
    PERSON,
    SCHOOL_TARGET_NOTE,
    TARGET,
    harassment_hits,
)
from watchtower.classify.rules.hate import IDENTITY, hate_hits
from watchtower.classify.rules.lists import list_hits, shipped
from watchtower.classify.rules.media import media_hits
from watchtower.classify.rules.personal_data import (
    child_protection_details,
    only_public_contacts,
    personal_data_hits,
)
from watchtower.classify.rules.query import query_hits
from watchtower.classify.rules.safeguarding import safeguarding_hits
from watchtower.classify.rules.sexual import minor_in_sexual_post, sexual_hits
from watchtower.classify.rules.threat import threat_hits

__all__ = [
    "ADDRESSEE",
    "BUILTIN_RULE_CATEGORY",
    "IDENTITY",
    "IDIOM",
    "INSULT_WORD",
    "NAMED_PERSON",
    "PERSON",
    "PLAY",
    "PROFANITY",
    "RULE_CATEGORY",
    "SCHOOL_TARGET_NOTE",
    "SELF_IDIOM",
    "STAFF_SAID",
    "TARGET",
    "Hit",
    "aware",
    "child_protection_details",
    "detect",
    "harassment_hits",
    "minor_in_sexual_post",
    "only_public_contacts",
    "quote",
    "unquoted",
]

#: Every rule or shipped list entry that flags 'offensive', 'harassment' or 'hate' without the model, by the name
#: in its reason ("rule:<name> ...", "list:<id> ..."): what `watchtower thresholds` needs to tell a rule's
#: decision from the model's. A school's own list entries (lists_file) are not known here.
RULE_CATEGORY: dict[str, str] = {
    **BUILTIN_RULE_CATEGORY,
    **{e.id: e.category for e in shipped() if e.category in ("offensive", "harassment", "hate")},
}


def _reading_hits(norm: str, raw: str, weapon_emoji: bool) -> list[Hit]:
    """The detectors that read every reading of a post (the others read only its first)."""
    return (threat_hits(norm, raw, weapon_emoji) + safeguarding_hits(norm) + hate_hits(norm) + sexual_hits(norm)
            + harassment_hits(norm))


def detect(raw: str, norms: list[str], source: str | None, cfg: RuleSettings) -> list[Hit]:
    """Every rule and list hit for one text, de-duplicated by reason, in a stable order (list hits last)."""
    weapon_emoji = has_weapon_emoji(raw)
    hits: list[Hit] = []
    for norm in norms:
        hits += _reading_hits(norm, raw, weapon_emoji)
    norm = norms[0]
    is_aware = aware(norm)
    hits += personal_data_hits(raw, norm, cfg)
    hits += media_hits(norm)
    hits += complaint_hits(norm)
    hits += query_hits(norm, source, cfg)
    # a list entry is a construction, not a topic word, and a show named is no lesson about it: under the photos of
    # the school musical is where a stranger calls a girl "so mature for 13", and a farewell thanks the cast first
    # ("... to my little brother Alfie you can have my room", round 163). Over 230,000 labelled posts, the posts that
    # only a performance made awareness posts held 13 critical posts an entry reads and no harmless one.
    lists_aware = is_aware and grooming_aware(norm)
    hits += list_hits(raw, norms, lists_aware, cfg.lists_file)
    standard = standard_reading(norm)
    if standard is not None and standard not in norms:
        # Scots, Geordie and Northern spellings in standard words ("ah'm comin for ye" is "i'm coming for you"):
        # what only this reading finds (a rule or entry the post's own words did not) is marked, so that a threat
        # found only here needs the threat head's agreement (threat_rule_floor): "we'll batter yous at the cross
        # country" is read as nothing
        found = {(h.category, h.name) for h in hits}
        extra = _reading_hits(standard, raw, weapon_emoji) + list_hits(raw, [standard], lists_aware, cfg.lists_file)
        hits += [replace(h, needs_head=True) for h in extra if (h.category, h.name) not in found]
    seen: set[tuple[str, str]] = set()
    out = []
    for h in hits:
        if (h.category, h.reason) not in seen:
            seen.add((h.category, h.reason))
            out.append(h)
    return out
