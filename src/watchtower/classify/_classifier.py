"""The triage classifier: model scores and precise rules combined into one decision with reasons."""

from __future__ import annotations

import re
import threading
from dataclasses import replace

import numpy as np

from watchtower.classify import _lexical
from watchtower.classify import rules as _rules
from watchtower.classify._model import OnnxModel
from watchtower.classify._normalise import variants
from watchtower.classify._script import unread_as
from watchtower.classify.config import CATEGORY_HEADS, HEAD_CONFIRMED_RULES, WRITER_HEADS, ClassifierConfig
from watchtower.models import (
    CATEGORIES,
    CRITICAL_CATEGORIES,
    UNREAD,
    UNREAD_RULE,
    Classification,
    Decision,
    sort_categories,
    unread_detail,
)

SOURCES = ("own", "mention")
#: categories whose rules explain a post well enough that the threat and safeguarding heads must be surer
_EXPLAINED = {"complaint", "query", "media_enquiry", "personal_data", "harassment"}


def _noted(d: Decision, why: str, *, score: float | None = None, key: str | None = None,
           bar: float | None = None) -> Decision:
    """``d`` kept as evidence that raises nothing ("noted, raises nothing: ... (why)"); where a model head decided
    that, with the head's ``score`` and the ``key`` and ``bar`` it fell below."""
    if key is not None and score is not None:
        d = replace(d, score=score, threshold_key=key, threshold=bar)
    return replace(d, tier="noted", detail=f"{d.detail} ({why})".strip())


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
            self.config.model_dir, max_length=self.config.max_length, threads=self.config.intra_op_threads,
            max_windows=self.config.max_windows,
        )
        self.version: str = self._model.version
        # the lexical second opinion shipped beside the weights (None: a weights folder without one)
        self._lexical = _lexical.load(self._model.folder)
        self._head = {name: i for i, name in enumerate(self._model.heads)}
        self._category_heads = [h for h in CATEGORY_HEADS if h in self._head]
        self._writer_heads = [h for h in WRITER_HEADS if h in self._head]
        self._names = _names_pattern(self.config.staff_names + self.config.school_names)
        self._lock = threading.Lock()
        _rules.detect("warm up", ["warm up"], None, self.config)  # compile the lexicons now, not on item 1

    def with_settings(self, config: ClassifierConfig) -> Classifier:
        """This classifier with another school's settings (its names, staff, phone numbers and lists): the same
        model, loaded once, behind the same lock. The model's own settings (weights, length, threads) stay."""
        other = object.__new__(Classifier)
        other.__dict__.update(self.__dict__)
        other.config = config.model_copy(update={
            "model_dir": self.config.model_dir, "max_length": self.config.max_length,
            "max_windows": self.config.max_windows, "intra_op_threads": self.config.intra_op_threads})
        other._names = _names_pattern(config.staff_names + config.school_names)
        _rules.detect("warm up", ["warm up"], None, other.config)  # load this school's lists file now
        return other

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

    def _quoted_only(self, text: str, norms: list[str], source: str | None, hits: list[_rules.Hit],
                     head: dict[str, float], categories: tuple[str, ...]) -> dict[str, tuple[str, float]]:
        """The built-in rules of ``categories`` that found something only inside the post's quotations while their
        head scores below quoted_rule_floor: rule name -> (category, head score)."""
        floor = self.config.quoted_rule_floor
        wanted = {(h.category, h.name) for h in hits
                  if h.by == "rule" and h.category in categories and head.get(h.category, 1.0) < floor}
        if not wanted:
            return {}
        bare = [_rules.unquoted(n) for n in norms]
        if bare == norms:
            return {}
        found = {(h.category, h.name) for h in _rules.detect(text, bare, source, self.config)}
        return {name: (cat, head[cat]) for cat, name in sorted(wanted - found)}

    def _without_idioms(self, norm: str, name: str) -> float:
        """Head ``name`` on the post with every idiom that gates it blanked (safeguarding: the idioms about the
        writer's own death or hurt; the other heads: every idiom). One more model call, only for a post where an
        idiom meets a head at its alert threshold (27 of 90,020 labelled posts)."""
        rx = (_rules.SELF_IDIOM if name == "safeguarding" else _rules.IDIOM).rx
        bare = " ".join(rx.sub(" ", norm).split())
        return float(self._model.predict([bare], 1)[0][self._head[name]])

    def _decide(self, text: str, source: str | None, p: np.ndarray) -> Classification:
        """Rules, lists and model heads to one decision. Every piece of evidence is a :class:`Decision`."""
        cfg = self.config
        head = {name: float(p[i]) for name, i in self._head.items()}
        p_off, p_hate = head["offensive"], head["hate"]
        norms = variants(text)
        norm = norms[0]
        hits = _rules.detect(text, norms, source, cfg)
        if self._names and self._names.search(norm):
            # configured staff and school names count as handles, so "okafor is a joke" is aimed at someone
            named = self._names.sub(lambda m: "@" + m.group(0).lstrip("@").replace(" ", "_"), norm)
            hits += [h for h in _rules.harassment_hits(named) if h not in hits]
        cats: dict[str, list[Decision]] = {}
        possible: dict[str, list[Decision]] = {}
        scores = dict.fromkeys(CATEGORIES, 0.0)
        play = _rules.PLAY.search(norm)
        teaching = _rules.aware(norm)  # an awareness or teaching post
        # a lesson, assembly or campaign quotes the words it is about ("Year 8 wrote down what they've been called:
        # 'gyppo', 'ching chong'", "posters quote real messages: 'nobody would miss you'"): a built-in threat,
        # safeguarding or hate rule that read only those quotes needs its head at quoted_rule_floor (and its
        # harassment twin goes with it). Not the words outside the quotes: the head reads "anti-bullying week" as
        # harmless, and a disclosure under it ("... nobody would even notice if i was gone") still alerts. So do the
        # threat words a pupil or a parent quotes a teacher saying ("sir said 'I will end you' to the projector"),
        # unless the safeguarding head reads the post as an allegation against that teacher
        quoted_where = ""  # where quoted words were found, when the rules that read only them are quieted
        quoted_categories: tuple[str, ...] = ()
        if teaching:
            quoted_where, quoted_categories = "quoted in an awareness or teaching post", CRITICAL_CATEGORIES
        elif head["safeguarding"] < cfg.quoted_rule_floor and _rules.STAFF_SAID.search(norm):
            quoted_where, quoted_categories = "a member of staff quoted", ("threat",)
        quiet = self._quoted_only(text, norms, source, hits, head, quoted_categories) if quoted_where else {}
        noted: list[Decision] = []
        for h in hits:
            d = _from_hit(h)
            if h.by == "rule" and h.name in quiet and h.category in (*CRITICAL_CATEGORIES, "harassment"):
                cat, p_cat = quiet[h.name]
                noted.append(_noted(d, f"{quoted_where}, model {cat}={p_cat:.2f} < {cfg.quoted_rule_floor:.2f}",
                                    score=p_cat, key="quoted_rule_floor", bar=cfg.quoted_rule_floor))
                continue
            if h.category == "threat" and (h.loose or h.needs_head) and "threat" in head and cfg.threat_rule_floor:
                # a loose threat rule or list entry ("I'll END you on Tekken", "🔫 (water pistol)": Hit.loose) needs
                # the model's agreement in play; a weapon emoji, or a threat found only by reading dialect as
                # standard words (Hit.needs_head), needs threat_rule_floor anywhere (issue 13: jokes, games and emoji
                # were most of the rules' false alarms; "we'll batter yous" is mostly a fixture). A bare threat phrase
                # outside play stands on its own: the head misses short ones ("I'm going to shoot you": 0.01)
                p_threat, floor, bar = head["threat"], cfg.threat_rule_floor, cfg.threat_play_threshold
                if (play and p_threat < bar) or (not play and h.needs_head
                                                 and p_threat < floor and p_threat < cfg.threat_threshold):
                    key, bar = ("threat_play_threshold", bar) if play else ("threat_rule_floor", floor)
                    why = f"play {_rules.quote(play)}" if play else f"model threat={p_threat:.2f} < {floor:.2f}"
                    noted.append(_noted(d, why, score=p_threat, key=key, bar=bar))
                    continue
            if h.by == "rule" and h.category in HEAD_CONFIRMED_RULES and h.category in head:
                # a question or complaint rule needs its head's agreement (<category>_rule_floor): a question mark
                # alone is not a question for the school (a list entry, the school's own, decides alone)
                key = f"{h.category}_rule_floor"
                p_cat, floor = head[h.category], getattr(cfg, key)
                if p_cat < floor:
                    noted.append(_noted(d, f"model {h.category}={p_cat:.2f} < {floor:.2f}", score=p_cat, key=key,
                                        bar=floor))
                    continue
            cats.setdefault(h.category, []).append(d)
            scores[h.category] = max(scores[h.category], h.score)

        profanity = _rules.PROFANITY.search(norm)
        idiom = None if profanity else _rules.IDIOM.search(norm)

        # model: the critical heads. A gate (an awareness post, an idiom, a rule that already explains the post)
        # may lower a confident head's alert to a possible concern, with its reason, never to nothing
        # (issue 13: "gates never silence a confident model"); a score in the band below the alert threshold
        # is a possible concern too.
        # the safeguarding head is lowered only by an idiom about the writer's own death or hurt ("killing me")
        self_idiom = _rules.SELF_IDIOM.search(norm) if idiom else None
        explained = sorted(_EXPLAINED & set(cats))
        for name in self._category_heads:
            ph = head[name]
            scores[name] = max(scores[name], ph)
            if name in cats:
                continue  # a rule decided already
            alert_key = f"{name}_threshold"
            alert = getattr(cfg, alert_key)
            head_idiom = self_idiom if name == "safeguarding" else idiom
            idiom_note = ""
            if head_idiom and ph >= alert:
                # an idiom lowers a confident head only if it is what the head read: the post is scored again
                # without every such idiom ("sharpener blades come out dead easy in DT": 0.99 either way, not
                # lowered; "my legs are killing me" after a 10k: 0.83, 0.01 without it, lowered)
                without = self._without_idioms(norm, name)
                if without >= alert:
                    idiom_note = f" (not the idiom {_rules.quote(head_idiom)}: {without:.2f} without it)"
                    head_idiom = None
                else:
                    idiom_note = f": {without:.2f} without it"
            gate = f"idiom {_rules.quote(head_idiom)}{idiom_note}" if head_idiom else \
                "awareness or teaching post" if teaching else ""
            needed_key, needed = alert_key, alert
            if explained and cfg.explained_post_threshold > needed:
                needed_key, needed = "explained_post_threshold", cfg.explained_post_threshold
            in_play = bool(name == "threat" and play and cfg.threat_play_threshold > needed)
            if in_play:
                needed_key, needed = "threat_play_threshold", cfg.threat_play_threshold
            # so sure that no awareness post explains it: a disclosure under the school's wellbeing-week post
            overridden = bool(gate and not head_idiom and ph >= cfg.awareness_override_threshold)
            if overridden:
                needed_key, needed = "awareness_override_threshold", cfg.awareness_override_threshold
            if ph >= needed and (overridden or not gate):
                cats[name] = [Decision(name, "model", name, ph, needed_key, needed,
                                       detail=idiom_note.strip() if not head_idiom else "")]
            elif ph >= alert:
                why = gate or (f"play {_rules.quote(play)}" if in_play and play else
                               f"a rule already explains it ({', '.join(explained)})")
                possible.setdefault(name, []).append(
                    Decision(name, "model", name, ph, alert_key, alert, "possible", f"(lowered: {why})"))
            elif ph >= (concern := getattr(cfg, f"{name}_concern_threshold")):
                possible.setdefault(name, []).append(
                    Decision(name, "model", name, ph, f"{name}_concern_threshold", concern, "possible"))

        # model: hate head, gated so that a topic alone ("immigration") is not a critical alert; when the gate
        # holds it back, a confident head is still a possible concern
        scores["hate"] = max(scores["hate"], p_hate)
        at_person = _rules.PERSON.search(norm)  # an @handle, "you", a staff title, a pupil by year
        if p_hate >= cfg.hate_threshold:
            ident = _rules.IDENTITY.search(norm)
            hate: Decision | None = None
            if ident:
                hate = Decision("hate", "model", "hate", p_hate, "hate_threshold", cfg.hate_threshold,
                                detail=f"+ group '{ident.group(0)}'")
            elif p_off >= cfg.hate_needs_offensive and not _rules.NAMED_PERSON.search(norm):
                # no group named: an attack on a named teacher or pupil is harassment, not hate; one at an
                # @handle or "you" is hate only if the head is surer ("@user shut up b*tch", not "you clown")
                if not at_person:
                    hate = Decision("hate", "model", "hate", p_hate, "hate_threshold", cfg.hate_threshold,
                                    detail=f"+ offensive={p_off:.2f}")
                elif p_hate >= cfg.hate_at_person_threshold:
                    hate = Decision("hate", "model", "hate", p_hate, "hate_at_person_threshold",
                                    cfg.hate_at_person_threshold,
                                    detail=f"+ offensive={p_off:.2f} at '{at_person.group(0)}'")
            personal = bool((at_person and _rules.ADDRESSEE.fullmatch(at_person.group(0)))
                            or _rules.NAMED_PERSON.search(norm))
            # aimed at an @handle, "you" or a named person, the head alone must also reach hate_at_person_threshold:
            # a personal insult ("@jones shut up you clown", 0.76) is harassment, not hate
            alone_key, alone = "hate_alone_threshold", cfg.hate_alone_threshold
            if personal and cfg.hate_at_person_threshold > alone:
                alone_key, alone = "hate_at_person_threshold", cfg.hate_at_person_threshold
            if hate is None and p_hate >= alone:
                hate = Decision("hate", "model", "hate", p_hate, alone_key, alone,
                                detail="(no group named: the head alone)")
            if hate is not None:
                cats.setdefault("hate", []).append(hate)
        if "hate" not in cats and p_hate >= cfg.hate_possible_threshold:
            # what the gate held back, or a score in the band below hate_threshold: a person should look
            possible.setdefault("hate", []).append(
                Decision("hate", "model", "hate", p_hate, "hate_possible_threshold", cfg.hate_possible_threshold,
                         "possible", "(no protected group named)" if p_hate >= cfg.hate_threshold else ""))

        # model: the heads learned from the writers' school posts (harassment, sexual, personal data, media
        # enquiries, complaints, queries), where the weights have them and their threshold is set
        for name in self._writer_heads:
            ph = head[name]
            scores[name] = max(scores[name], ph)
            key = f"{name}_head_threshold"
            needed = getattr(cfg, key)
            if needed is None or ph < needed or name in cats:
                continue
            if name == "query" and source == "mention" and not cfg.flag_mention_questions:
                continue  # like the query rule: a question in a public mention is not asked of the school
            if name == "sexual" and teaching:
                continue  # like the sexual rules: a lesson about sexting is not sexual content
            if name == "personal_data" and _rules.only_public_contacts(text, cfg):
                continue  # the rules judged every contact detail public (allowed_phone_numbers, an office line)
            cats[name] = [Decision(name, "model", name, ph, key, needed)]
        if ("sexual" in cats and "safeguarding" not in cats and not teaching
                and (minor := _rules.minor_in_sexual_post(norm))):
            # what the sexual head read, about a child: the sexual rules' own decision
            cats["safeguarding"] = [_from_hit(minor)]
            scores["safeguarding"] = max(scores["safeguarding"], minor.score)
        if ("personal_data" in cats and "safeguarding" not in cats
                and (cp := _rules.child_protection_details(norm)) is not None):
            # a leaked register or letter saying which children are on a child protection plan, looked after or
            # with a social worker: exposing it may put them at risk, so the DSL is to see it too (a possible
            # concern: the severity stays what the personal data made it)
            possible.setdefault("safeguarding", []).append(replace(_from_hit(cp), tier="possible"))
        if "media_enquiry" in cats and "query" in cats:
            # a journalist's questions are the media enquiry (high, to the headteacher at once): 'query' on top
            # adds nothing to do, and the writers never label both
            noted += [_noted(d, "part of the media enquiry") for d in cats.pop("query")]

        # model: offensive head, split by whether the post is aimed at someone identifiable
        person = at_person or (self._names.search(norm) if self._names else None)
        target = person or _rules.TARGET.search(norm)
        scores["offensive"] = p_off
        if person and "harassment" not in cats and any(d.by == "rule" for d in cats.get("hate", [])):
            cats["harassment"] = [Decision("harassment", "rule", "hate_aimed_at_person", detail=f"'{person.group(0)}'")]
            scores["harassment"] = 1.0
        off_needed, off_key = ((max(cfg.offensive_threshold, cfg.idiom_threshold), "idiom_threshold")
                               if idiom and cfg.idiom_threshold > cfg.offensive_threshold
                               else (cfg.offensive_threshold, "offensive_threshold"))
        if not profanity and cfg.unworded_offensive_threshold > off_needed:
            off_needed, off_key = cfg.unworded_offensive_threshold, "unworded_offensive_threshold"
        harass_needed, harass_key = ((cfg.harassment_threshold, "harassment_threshold") if person
                                     else (cfg.school_target_threshold, "school_target_threshold"))
        if idiom and cfg.idiom_threshold > harass_needed:
            harass_needed, harass_key = cfg.idiom_threshold, "idiom_threshold"
        if ("complaint" in cats and "harassment" not in cats and not _rules.INSULT_WORD.search(norm)
                and cfg.school_target_threshold > harass_needed):
            # an angry complaint about a member of staff ("your officer was extremely rude to me") is a complaint;
            # the model must be as sure as for an attack on the school before it becomes harassment of a person
            harass_needed, harass_key = cfg.school_target_threshold, "school_target_threshold"
        worse = {"threat", "hate", "safeguarding", "harassment", "sexual"} & set(cats)
        if target:
            scores["harassment"] = max(scores["harassment"], p_off)
        idiom_note = f" (idiom {_rules.quote(idiom)})" if idiom else ""
        if target and p_off >= harass_needed:
            cats.setdefault("harassment", []).append(Decision(
                "harassment", "model", "offensive", p_off, harass_key, harass_needed,
                detail=f"+ target '{target.group(0)}'" + ("" if person else f" {_rules.SCHOOL_TARGET_NOTE}")
                + idiom_note))
        elif p_off >= off_needed and not worse:
            cats.setdefault("offensive", []).append(Decision(
                "offensive", "model", "offensive", p_off, off_key, off_needed, detail=idiom_note.strip()))
        elif profanity and not worse:
            cats.setdefault("offensive", []).append(
                Decision("offensive", "rule", "profanity", detail=_rules.quote(profanity)))
            scores["offensive"] = max(p_off, 0.5)

        if (self._lexical is not None and cfg.lexical_threshold is not None and not possible
                and not set(CRITICAL_CATEGORIES) & set(cats)):
            # the lexical second opinion: words like the writers' critical posts, where nothing else raised a
            # critical category, make a possible concern in the category the post reads most like, never an alert
            lex = self._lexical.scores(text, norm)  # norm: variants' first reading is normalise(text)
            if lex["critical"] >= cfg.lexical_threshold:
                cat = max(CRITICAL_CATEGORIES, key=lex.__getitem__)
                possible[cat] = [Decision(cat, "model", "lexical", lex["critical"], "lexical_threshold",
                                          cfg.lexical_threshold, "possible",
                                          f"(reads most like {cat}: {lex[cat]:.2f})")]

        records = [d for c in CATEGORIES for d in cats.get(c, [])]
        records += [d for c in CATEGORIES if c not in cats for d in possible.get(c, [])]
        records += [d for d in noted if d.category not in cats]
        what = unread_as(text)
        if what is not None:
            # a post mostly in a script the model, rules and lists cannot read, or in another language in Latin letters
            # (read only through the English words in it): what was found (or not) says little, so the item says so
            # wherever its reasons are shown ("not flagged" must not read as "checked")
            records.append(Decision(UNREAD, "rule", UNREAD_RULE, tier="noted", detail=unread_detail(what), about=what))
        return Classification(
            categories=sort_categories(set(cats)),
            scores={k: round(v, 4) for k, v in scores.items()},
            reasons=[d.reason for d in records],
            model_version=self.version,
            possible=[c for c in CATEGORIES if c in possible and c not in cats],
            decisions=records,
        )


def _from_hit(hit: _rules.Hit) -> Decision:
    """A rule's or list's hit as a decision record; its printed reason is the hit's own, unchanged."""
    return Decision(hit.category, "list" if hit.by == "list" else "rule", hit.name, hit.score, detail=hit.quote)
