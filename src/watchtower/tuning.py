"""Threshold advice from the moderators' own judgements ("not a concern" marks and recorded actions).

Every classification stores the structured record of its decisions (``watchtower.models.Decision``): for a
model decision, the head's score, the ``[classifier]`` key and the threshold it passed. Items a moderator marked
"not a concern" are false positives; items someone recorded a real action on (replied, hid, reported,
referred...) are confirmed.
For each model threshold this module counts, at higher values, how many false positives would no longer
have been flagged and how many confirmed items would have been lost, and suggests the highest value that
loses no confirmed item.

It only ever advises raising a threshold: a post the model scored too low was never shown to anyone, so
the store holds no evidence for lowering one. Rules (threats, self-harm, slurs, personal data...) do not
depend on these thresholds and are never affected.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from watchtower.classify.config import CATEGORY_HEADS, MODEL_THRESHOLD_KEYS, ClassifierConfig
from watchtower.models import ACTIONS, Decision

#: actions that say the item was a real concern: every recorded action but "no action needed" and plain notes
CONFIRMING_ACTIONS = tuple(a for a in ACTIONS if a not in ("no_action", "note"))
#: the keys of the possible-concern band: a "not a concern" mark on a possible concern tunes these (design.md)
POSSIBLE_KEYS = (*(f"{head}_concern_threshold" for head in CATEGORY_HEADS), "hate_possible_threshold",
                 "lexical_threshold")
#: thresholds above this would make the model all but silent; never advised
MAX_ADVISED = 0.95


@dataclass
class Judged:
    """One model-driven decision and what people made of it."""

    item_id: int
    score: float
    verdict: str  # "false_positive", "confirmed" or "unjudged"


@dataclass
class Advice:
    key: str
    current: float
    decisions: list[Judged] = field(default_factory=list)
    suggested: float | None = None
    why: str = ""

    def count(self, verdict: str, below: float) -> int:
        return sum(1 for d in self.decisions if d.verdict == verdict and d.score < below)

    def total(self, verdict: str) -> int:
        return sum(1 for d in self.decisions if d.verdict == verdict)

    def table(self, step: float = 0.05) -> list[dict[str, Any]]:
        """At each candidate value from the current one up: what raising the threshold there would change."""
        rows = []
        t = self.current
        values = []
        while t <= MAX_ADVISED + 1e-9:
            values.append(round(t, 2))
            t += step
        if self.suggested is not None and self.suggested not in values:
            values.append(self.suggested)
        for v in sorted(values):
            rows.append({
                "threshold": v,
                "false_positives_removed": self.count("false_positive", v),
                "confirmed_lost": self.count("confirmed", v),
                "unjudged_no_longer_flagged": self.count("unjudged", v),
            })
        return rows


def decisions(rows: Iterable[tuple[int, int, int, str | None]], cfg: ClassifierConfig) -> dict[str, list[Judged]]:
    """``rows``: (item id, not_concern, confirmed, decisions JSON) of each item's latest triage.

    The decisions are the classifier's structured records (``watchtower.models.Decision``): category, what decided
    (rule, list or model), the score, the ``[classifier]`` key and the threshold it was held to. A raised category
    or possible concern counts against a key only when the model alone decided it: a rule- or list-flagged
    category does not go away when a threshold rises, and a concern a gate lowered is not the threshold's doing.
    Classifications stored before the records existed (no decisions) are not counted.
    """
    del cfg  # the records carry their own keys and thresholds
    out: dict[str, list[Judged]] = {}
    for item_id, not_concern, confirmed, decisions_json in rows:
        verdict = "false_positive" if not_concern else "confirmed" if confirmed else "unjudged"
        by_category: dict[tuple[str, str], list[Decision]] = {}
        for raw in json.loads(decisions_json or "[]"):
            d = Decision.from_dict(raw)
            by_category.setdefault((d.category, d.tier), []).append(d)
        for (_category, tier), records in by_category.items():
            if any(d.by != "model" for d in records):
                continue
            first = records[0]
            key = first.threshold_key
            if key is None or (tier == "possible" and key not in POSSIBLE_KEYS):
                continue
            out.setdefault(key, []).append(Judged(item_id, first.score, verdict))
    return out


def advise(by_key: dict[str, list[Judged]], cfg: ClassifierConfig, *, min_marks: int) -> list[Advice]:
    """One :class:`Advice` per tunable threshold, with a suggestion where the marks support one."""
    keys = [key for key in MODEL_THRESHOLD_KEYS if getattr(cfg, key) is not None]
    out = []
    for key in keys:
        a = Advice(key=key, current=float(getattr(cfg, key)), decisions=by_key.get(key, []))
        fps = sorted(d.score for d in a.decisions if d.verdict == "false_positive")
        tps = sorted(d.score for d in a.decisions if d.verdict == "confirmed")
        if len(fps) < min_marks:
            a.why = f"{len(fps)} 'not a concern' mark(s); at least {min_marks} are needed before advising a change"
        elif not tps:
            a.why = ("no confirmed item (one with a recorded action) to show what a real concern scores: "
                     "raising this could hide real ones, so no advice")
        else:
            # the highest value (to 0.01, not above MAX_ADVISED) that keeps every confirmed item flagged
            best = min(math.floor(tps[0] * 100) / 100, MAX_ADVISED)
            removed = sum(1 for s in fps if s < best)
            if best <= a.current or removed == 0:
                a.why = (f"the false positives score as high as the confirmed items (lowest confirmed "
                         f"{tps[0]:.2f}): raising it would lose real concerns, so keep {a.current:.2f}")
            else:
                a.suggested = best
                a.why = (f"at {best:.2f}, {removed} of {len(fps)} false positive(s) would not have been flagged "
                         f"and none of the {len(tps)} confirmed item(s) would have been lost")
        out.append(a)
    return out
