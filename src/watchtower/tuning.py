"""Threshold advice from the moderators' own judgements ("not a concern" marks and recorded actions).

Every model-driven decision stores its score and the threshold it passed in its reason, e.g.
``model:offensive=0.71>=0.54 + target '@jones'``. Items a moderator marked "not a concern" are false
positives; items someone recorded a real action on (replied, hid, reported, referred...) are confirmed.
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
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from watchtower.classify.config import CATEGORY_HEADS, ClassifierConfig
from watchtower.classify.rules import RULE_CATEGORY, SCHOOL_TARGET_NOTE
from watchtower.models import ACTIONS

#: actions that say the item was a real concern: every recorded action but "no action needed" and plain notes
CONFIRMING_ACTIONS = tuple(a for a in ACTIONS if a not in ("no_action", "note"))
_MODEL_REASON = re.compile(rf"^model:(offensive|hate|{'|'.join(CATEGORY_HEADS)})=(\d+(?:\.\d+)?)>=(\d+(?:\.\d+)?)")
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


def threshold_key(category: str, head: str, used: float, cfg: ClassifierConfig, reason: str = "") -> str | None:
    """Which ``[classifier]`` key a model reason in ``category`` depended on (None: not a tunable one)."""
    if head == "hate" and category == "hate":
        # "model:hate=0.72>=0.60 + offensive=0.93 at '@jones'": the stricter bar for posts aimed at a person
        return "hate_at_person_threshold" if " at '" in reason else "hate_threshold"
    if head in CATEGORY_HEADS:
        return f"{head}_threshold" if category == head else None
    if head != "offensive":
        return None
    if category == "offensive":
        return "offensive_threshold"
    if category == "harassment":
        if SCHOOL_TARGET_NOTE in reason:
            return "school_target_threshold"
        # reasons stored before the note existed: tell the two apart by the bar that was passed
        if math.isclose(used, cfg.school_target_threshold) and not math.isclose(used, cfg.harassment_threshold):
            return "school_target_threshold"
        return "harassment_threshold"
    return None


def decisions(
    rows: Iterable[tuple[int, int, int, str, str, str]], cfg: ClassifierConfig
) -> dict[str, list[Judged]]:
    """``rows``: (item id, not_concern, confirmed, categories, reasons, scores; JSON) of each item's latest triage.

    The score is the model head's stored score (4 decimals); the reason's own figure (2 decimals) is the
    fallback, so that advice never rounds a confirmed item's score up past the value it advises.

    A category counts against a key only when the model was its only reason: a rule-flagged category does not
    go away when a threshold rises.
    """
    out: dict[str, list[Judged]] = {}
    for item_id, not_concern, confirmed, categories_json, reasons_json, scores_json in rows:
        categories = json.loads(categories_json or "[]")
        reasons = json.loads(reasons_json or "[]")
        scores = json.loads(scores_json or "{}")
        verdict = "false_positive" if not_concern else "confirmed" if confirmed else "unjudged"
        for category in categories:
            mine = [r for r in reasons if _belongs(r, category)]
            model = [m for r in mine if (m := _MODEL_REASON.match(r))]
            if not model or len(model) != len(mine) or "(idiom" in " ".join(mine):
                continue  # a rule flagged it too, or an idiom gate applied: the threshold alone did not decide
            head, used = model[0].group(1), float(model[0].group(3))
            score = float(scores.get(head, model[0].group(2)))
            if key := threshold_key(category, head, used, cfg, mine[0]):
                out.setdefault(key, []).append(Judged(item_id, score, verdict))
    return out


def _belongs(reason: str, category: str) -> bool:
    """Reasons are stored flat; which category a reason served is recoverable from its wording."""
    if reason.startswith("model:hate="):
        return category == "hate"
    for head in CATEGORY_HEADS:
        if reason.startswith(f"model:{head}="):
            return category == head
    if reason.startswith("model:offensive="):
        return category == ("harassment" if "+ target" in reason else "offensive")
    return RULE_CATEGORY.get(reason.split(" ", 1)[0].split(":", 1)[-1]) == category




def advise(by_key: dict[str, list[Judged]], cfg: ClassifierConfig, *, min_marks: int) -> list[Advice]:
    """One :class:`Advice` per tunable threshold, with a suggestion where the marks support one."""
    keys = ("offensive_threshold", "harassment_threshold", "school_target_threshold", "hate_threshold",
            "hate_at_person_threshold", *(f"{head}_threshold" for head in CATEGORY_HEADS))
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
