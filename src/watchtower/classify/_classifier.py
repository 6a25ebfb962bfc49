"""The triage classifier: model scores and precise rules combined into one decision with reasons."""

from __future__ import annotations

import re
import threading

import numpy as np

from watchtower.classify import rules as _rules
from watchtower.classify._model import OnnxModel
from watchtower.classify._normalise import variants
from watchtower.classify.config import CATEGORY_HEADS, ClassifierConfig
from watchtower.models import CATEGORIES, Classification, sort_categories

SOURCES = ("own", "mention")
#: categories whose rules explain a post well enough that the threat and safeguarding heads must be surer
_EXPLAINED = {"complaint", "query", "media_enquiry", "personal_data", "harassment"}


def _names_pattern(names: list[str]) -> re.Pattern[str] | None:
    cleaned = [n.strip().lower().lstrip("@") for n in names if n.strip()]
    if not cleaned:
        return None
    alts = "|".join(re.escape(n) for n in sorted(cleaned, key=len, reverse=True))
    return re.compile(rf"(?<![\w])@?(?:{alts})(?![\w])")


class Classifier:
    """Loaded once (model, tokenizer, rules); :meth:`classify_batch` is safe to call from any one thread.

    A lock serialises calls, so sharing one instance between threads is also safe, just not parallel.
    """

    def __init__(self, config: ClassifierConfig | None = None) -> None:
        self.config = config or ClassifierConfig()
        self._model = OnnxModel(
            self.config.model_dir, max_length=self.config.max_length, threads=self.config.intra_op_threads
        )
        self.version: str = self._model.version
        self._head = {name: i for i, name in enumerate(self._model.heads)}
        self._category_heads = [h for h in CATEGORY_HEADS if h in self._head]
        self._names = _names_pattern(self.config.staff_names + self.config.school_names)
        self._lock = threading.Lock()
        _rules.detect("warm up", ["warm up"], None, self.config)  # compile the lexicons now, not on item 1

    def classify_batch(
        self, texts: list[str], sources: list[str | None] | None = None
    ) -> list[Classification]:
        """One :class:`Classification` per text, in order. ``sources``: "own", "mention" or None per text."""
        if sources is None:
            sources = [None] * len(texts)
        if len(sources) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(sources)} sources")
        for s in sources:
            if s is not None and s not in SOURCES:
                raise ValueError(f"source must be 'own', 'mention' or None, not {s!r}")
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        with self._lock:
            probs = self._model.predict(texts, self.config.batch_size)
            return [self._decide(t, s, probs[i]) for i, (t, s) in enumerate(zip(texts, sources, strict=True))]

    def _decide(self, text: str, source: str | None, p: np.ndarray) -> Classification:
        cfg = self.config
        p_off = float(p[self._head["offensive"]])
        p_hate = float(p[self._head["hate"]])
        norms = variants(text)
        norm = norms[0]
        hits = _rules.detect(text, norms, source, cfg)
        if self._names and self._names.search(norm):
            # configured staff and school names count as handles, so "okafor is a joke" is aimed at someone
            named = self._names.sub(lambda m: "@" + m.group(0).lstrip("@").replace(" ", "_"), norm)
            hits += [h for h in _rules.harassment_hits(named) if h not in hits]
        cats: dict[str, list[str]] = {}
        scores = dict.fromkeys(CATEGORIES, 0.0)
        for h in hits:
            cats.setdefault(h.category, []).append(h.reason)
            scores[h.category] = max(scores[h.category], h.score)

        profanity = _rules.PROFANITY.search(norm)
        idiom = None if profanity else _rules.IDIOM.search(norm)

        # model: threat and safeguarding heads (trained on posts the developers wrote, see training/data), quiet
        # in awareness posts ("assembly on knife crime") and where the only violent words are idioms: rules decide
        if self._category_heads and not idiom and not _rules.aware(norm):
            # a post a rule already explains (a complaint, a query, a phone number...) needs the head to be surer
            explained = bool(_EXPLAINED & set(cats))
            for head in self._category_heads:
                ph = float(p[self._head[head]])
                scores[head] = max(scores[head], ph)
                needed = getattr(cfg, f"{head}_threshold")
                if explained:
                    needed = max(needed, cfg.explained_post_threshold)
                if ph >= needed and head not in cats:
                    cats[head] = [f"model:{head}={ph:.2f}>={needed:.2f}"]

        # model: hate head, gated so that a topic alone ("immigration") is not a critical alert
        scores["hate"] = max(scores["hate"], p_hate)
        at_person = _rules.PERSON.search(norm)  # an @handle, "you", a staff title, a pupil by year
        if p_hate >= cfg.hate_threshold:
            ident = _rules.IDENTITY.search(norm)
            if ident:
                cats.setdefault("hate", []).append(
                    f"model:hate={p_hate:.2f}>={cfg.hate_threshold:.2f} + group '{ident.group(0)}'")
            elif p_off >= cfg.hate_needs_offensive and not _rules.NAMED_PERSON.search(norm):
                # no group named: an attack on a named teacher or pupil is harassment, not hate; one at an
                # @handle or "you" is hate only if the head is surer ("@user shut up b*tch", not "you clown")
                if not at_person:
                    cats.setdefault("hate", []).append(
                        f"model:hate={p_hate:.2f}>={cfg.hate_threshold:.2f} + offensive={p_off:.2f}")
                elif p_hate >= cfg.hate_at_person_threshold:
                    cats.setdefault("hate", []).append(
                        f"model:hate={p_hate:.2f}>={cfg.hate_at_person_threshold:.2f} + offensive={p_off:.2f} "
                        f"at '{at_person.group(0)}'")

        # model: offensive head, split by whether the post is aimed at someone identifiable
        person = at_person or (self._names.search(norm) if self._names else None)
        target = person or _rules.TARGET.search(norm)
        scores["offensive"] = p_off
        if person and "harassment" not in cats and any(r.startswith("rule:") for r in cats.get("hate", [])):
            cats["harassment"] = [f"rule:hate_aimed_at_person '{person.group(0)}'"]
            scores["harassment"] = 1.0
        off_needed = max(cfg.offensive_threshold, cfg.idiom_threshold) if idiom else cfg.offensive_threshold
        harass_needed = cfg.harassment_threshold if person else cfg.school_target_threshold
        if idiom:
            harass_needed = max(harass_needed, cfg.idiom_threshold)
        if "complaint" in cats and "harassment" not in cats and not _rules.INSULT_WORD.search(norm):
            # an angry complaint about a member of staff ("your officer was extremely rude to me") is a complaint;
            # the model must be as sure as for an attack on the school before it becomes harassment of a person
            harass_needed = max(harass_needed, cfg.school_target_threshold)
        worse = {"threat", "hate", "safeguarding", "harassment", "sexual"} & set(cats)
        if target:
            scores["harassment"] = max(scores["harassment"], p_off)
        if target and p_off >= harass_needed:
            cats.setdefault("harassment", []).append(
                f"model:offensive={p_off:.2f}>={harass_needed:.2f} + target '{target.group(0)}'"
                + ("" if person else f" {_rules.SCHOOL_TARGET_NOTE}")
                + (f" (idiom {_rules.quote(idiom)})" if idiom else ""))
        elif p_off >= off_needed and not worse:
            cats.setdefault("offensive", []).append(f"model:offensive={p_off:.2f}>={off_needed:.2f}"
                                                    + (f" (idiom {_rules.quote(idiom)})" if idiom else ""))
        elif profanity and not worse:
            cats.setdefault("offensive", []).append(f"rule:profanity '{profanity.group(0)}'")
            scores["offensive"] = max(p_off, 0.5)

        reasons = [r for c in CATEGORIES for r in cats.get(c, [])]
        return Classification(
            categories=sort_categories(set(cats)),
            scores={k: round(v, 4) for k, v in scores.items()},
            reasons=reasons,
            model_version=self.version,
        )
