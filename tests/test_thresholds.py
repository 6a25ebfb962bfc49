"""``watchtower thresholds``: advice on [classifier] thresholds from moderators' marks, on a real database.

The rule (watchtower/tuning.py): only raising is ever advised; only to the highest value that keeps every
confirmed item (one with a real action recorded) flagged; only with enough "not a concern" marks; and only
for decisions the model alone made (a rule-flagged category does not depend on a threshold).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from conftest import add_item, both_stores
from watchtower import tuning
from watchtower.actions import not_concern
from watchtower.classify import load_classifier, rules
from watchtower.classify._normalise import variants
from watchtower.classify.config import MODEL_THRESHOLD_KEYS, ClassifierConfig
from watchtower.cli import main
from watchtower.config import Config
from watchtower.models import Decision, utcnow
from watchtower.store import repo
from watchtower.store.db import Db

pytestmark = both_stores

NOW = utcnow()


def offensive(db: Db, config: Config, score: float, *, verdict: str, used: float = 0.54) -> int:
    """An item the model alone flagged 'offensive' at ``score``, then judged as people would."""
    return flagged(db, config, model("offensive", "offensive", score, "offensive_threshold", used),
                   verdict=verdict, text=f"post scored {score}")


def model(category: str, head: str, score: float, key: str, used: float, detail: str = "",
          tier: str = "alert") -> Decision:
    return Decision(category, "model", head, score, key, used, tier, detail)  # type: ignore[arg-type]


def flagged(db: Db, config: Config, decision: Decision, *, verdict: str, text: str) -> int:
    """An item flagged (or raised as a possible concern) for ``decision`` alone, then judged as people would."""
    possible = decision.tier == "possible"
    item = add_item(db, config, text=text, categories=[] if possible else [decision.category], now=NOW,
                    decisions=[decision], possible=[decision.category] if possible else None)
    judge(db, item, verdict)
    return item


def judge(db: Db, item: int, verdict: str, when: datetime = NOW) -> None:
    if verdict == "false_positive":
        not_concern(db, item, by="Amy Clarke", channel="dashboard", now=when, note=None)
    elif verdict == "confirmed":
        repo.record_action(db, item, "hidden", by="Amy Clarke", channel="dashboard", now=when)


def run(config_file: Callable[..., Path], capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    assert main(["thresholds", "--config", str(config_file()), "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def advice_for(out: list[dict], key: str) -> dict:
    return next(a for a in out if a["key"] == key)


class TestAdvice:
    def test_raises_to_the_highest_value_that_keeps_every_confirmed_item(
        self, db: Db, config: Config, config_file: Callable[..., Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        for s in (0.55, 0.56, 0.58, 0.6, 0.61, 0.63, 0.64, 0.66, 0.68, 0.7, 0.9):
            offensive(db, config, s, verdict="false_positive")
        for s in (0.737, 0.8, 0.95):
            offensive(db, config, s, verdict="confirmed")
        offensive(db, config, 0.57, verdict="unjudged")
        a = advice_for(run(config_file, capsys), "offensive_threshold")
        assert a["current"] == config.classifier.offensive_threshold < 0.55
        assert a["suggested"] == 0.73
        assert (a["false_positives"], a["confirmed"], a["unjudged"]) == (11, 3, 1)
        row = next(r for r in a["table"] if r["threshold"] == 0.73)
        assert row == {"threshold": 0.73, "false_positives_removed": 10, "confirmed_lost": 0,
                       "unjudged_no_longer_flagged": 1}
        assert "10 of 11 false positive(s)" in a["why"]

    def test_too_few_marks_gives_no_advice(
        self, db: Db, config: Config, config_file: Callable[..., Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        for s in (0.55, 0.6, 0.62):
            offensive(db, config, s, verdict="false_positive")
        offensive(db, config, 0.9, verdict="confirmed")
        a = advice_for(run(config_file, capsys), "offensive_threshold")
        assert a["suggested"] is None and "3 'not a concern' mark(s)" in a["why"]
        assert advice_for(run(config_file, capsys, "--min-marks", "3"), "offensive_threshold")["suggested"] == 0.9

    def test_without_a_confirmed_item_there_is_no_evidence_for_raising(
        self, db: Db, config: Config, config_file: Callable[..., Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        for i in range(10):
            offensive(db, config, 0.55 + i / 100, verdict="false_positive")
        a = advice_for(run(config_file, capsys), "offensive_threshold")
        assert a["suggested"] is None and "no confirmed item" in a["why"]

    def test_false_positives_scoring_like_real_concerns_are_no_reason_to_raise(
        self, db: Db, config: Config, config_file: Callable[..., Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        for i in range(10):
            offensive(db, config, 0.8 + i / 100, verdict="false_positive")
        offensive(db, config, 0.55, verdict="confirmed")
        a = advice_for(run(config_file, capsys), "offensive_threshold")
        assert a["suggested"] is None and f"keep {config.classifier.offensive_threshold:.2f}" in a["why"]

    def test_a_category_a_rule_also_flagged_is_not_counted(
        self, db: Db, config: Config, config_file: Callable[..., Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        item = add_item(db, config, text="shit school", categories=["offensive"], now=NOW,
                        decisions=[model("offensive", "offensive", 0.6, "offensive_threshold", 0.54),
                                   Decision("offensive", "rule", "profanity", detail="'shit'")])
        judge(db, item, "false_positive")
        assert advice_for(run(config_file, capsys), "offensive_threshold")["false_positives"] == 0

    def test_harassment_of_a_person_and_of_the_school_are_told_apart_by_the_record(
        self, db: Db, config: Config, config_file: Callable[..., Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        # both bars set equal: only the record's key can say which one a post passed
        path = config_file(classifier={"harassment_threshold": 0.7, "school_target_threshold": 0.7})
        flagged(db, config, model("harassment", "offensive", 0.75, "harassment_threshold", 0.7, "+ target '@jones'"),
                verdict="false_positive", text="@jones you are a joke")
        flagged(db, config, model("harassment", "offensive", 0.85, "school_target_threshold", 0.7,
                                  f"+ target 'this school' {rules.SCHOOL_TARGET_NOTE}"),
                verdict="confirmed", text="this school is a joke")
        assert main(["thresholds", "--config", str(path), "--json"]) == 0
        out = json.loads(capsys.readouterr().out)
        assert (advice_for(out, "harassment_threshold")["false_positives"],
                advice_for(out, "harassment_threshold")["confirmed"]) == (1, 0)
        assert advice_for(out, "school_target_threshold")["confirmed"] == 1

    def test_classifications_stored_before_the_records_are_not_counted(
        self, db: Db, config: Config, config_file: Callable[..., Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        item = offensive(db, config, 0.6, verdict="false_positive")
        db.execute("UPDATE classifications SET decisions = NULL WHERE item_id = ?", [item])
        assert advice_for(run(config_file, capsys), "offensive_threshold")["false_positives"] == 0

    def test_a_possible_concern_marked_not_a_concern_counts_against_the_band_not_the_alert(
        self, db: Db, config: Config, config_file: Callable[..., Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        flagged(db, config, model("safeguarding", "safeguarding", 0.7, "safeguarding_concern_threshold", 0.6,
                                  tier="possible"), verdict="false_positive", text="the man in a van")
        # a confident head a gate lowered to a possible concern is not the threshold's doing
        flagged(db, config, model("threat", "threat", 0.95, "threat_threshold", 0.9, "(lowered: awareness post)",
                                  tier="possible"), verdict="false_positive", text="knife crime assembly")
        out = run(config_file, capsys)
        assert advice_for(out, "safeguarding_concern_threshold")["false_positives"] == 1
        assert advice_for(out, "safeguarding_threshold")["false_positives"] == 0
        assert advice_for(out, "threat_threshold")["false_positives"] == 0

    def test_hate_aimed_at_a_person_counts_against_its_own_threshold(
        self, db: Db, config: Config, config_file: Callable[..., Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        flagged(db, config, model("hate", "hate", 0.65, "hate_at_person_threshold", 0.6,
                                  "+ offensive=0.93 at '@jones'"), verdict="false_positive", text="@jones shut up")
        out = run(config_file, capsys)
        assert advice_for(out, "hate_at_person_threshold")["false_positives"] == 1
        assert advice_for(out, "hate_threshold")["false_positives"] == 0

    def test_the_threat_and_safeguarding_heads_count_against_their_own_thresholds(
        self, db: Db, config: Config, config_file: Callable[..., Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        flagged(db, config, model("threat", "threat", 0.97, "threat_threshold", 0.9), verdict="false_positive",
                text="sort that class out")
        flagged(db, config, model("safeguarding", "safeguarding", 0.95, "safeguarding_threshold", 0.9),
                verdict="confirmed", text="the man in a van")
        out = run(config_file, capsys)
        assert advice_for(out, "threat_threshold")["false_positives"] == 1
        assert advice_for(out, "safeguarding_threshold")["confirmed"] == 1

    def test_text_report_names_the_line_to_change(
        self, db: Db, config: Config, config_file: Callable[..., Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        for i in range(10):
            offensive(db, config, 0.55 + i / 100, verdict="false_positive")
        offensive(db, config, 0.9, verdict="confirmed")
        assert main(["thresholds", "--config", str(config_file())]) == 0
        out = capsys.readouterr().out
        assert "[classifier]\noffensive_threshold = 0.90" in out
        assert "<- advised" in out and "nothing is changed" in out

    def test_the_database_is_not_changed(
        self, db: Db, config: Config, config_file: Callable[..., Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        offensive(db, config, 0.6, verdict="false_positive")
        before = db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
        run(config_file, capsys)
        assert db.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == before

    def test_no_database_is_a_clear_error(
        self, config_file: Callable[..., Path], capsys: pytest.CaptureFixture[str], tmp_path: Path, backend: str,
        request: pytest.FixtureRequest
    ) -> None:
        if backend == "sqlite":
            path = config_file()
            (tmp_path / "watchtower.db").unlink(missing_ok=True)
        else:  # a database the daemon never prepared
            path = config_file(store={"url": request.getfixturevalue("pg_empty_database")})
        assert main(["thresholds", "--config", str(path)]) == 2
        assert "has the daemon ever started?" in capsys.readouterr().err


class TestRecordsStayInStep:
    """The advice reads the classifier's decision records: these keep the two in step."""

    def test_the_classifiers_model_reasons_are_read_with_their_score(self) -> None:
        clf = load_classifier()
        out = clf.classify_batch(["@jones what a moron"], ["mention"])[0]
        by_key = tuning.decisions([(1, 1, 0, json.dumps([d.as_dict() for d in out.decisions]))], clf.config)
        [judged] = by_key["harassment_threshold"]
        assert judged.score == out.scores["offensive"]

    def test_an_insult_aimed_at_the_school_says_so_and_counts_against_its_own_bar(self) -> None:
        clf = load_classifier(ClassifierConfig(harassment_threshold=0.6, school_target_threshold=0.6))
        out = clf.classify_batch(["this school is fucking shit"], ["mention"])[0]
        assert out.categories == ["harassment"]
        assert out.reasons[0].endswith(rules.SCHOOL_TARGET_NOTE)
        by_key = tuning.decisions([(1, 1, 0, json.dumps([d.as_dict() for d in out.decisions]))], clf.config)
        assert list(by_key) == ["school_target_threshold"]

    def test_every_rule_that_flags_offensive_harassment_or_hate_is_known(self) -> None:
        texts = [json.loads(x)["text"] for x in
                 (Path(__file__).parent / "data" / "school_posts.jsonl").read_text().splitlines()]
        clf = load_classifier()
        seen = set()
        for text in texts:
            for hit in rules.detect(text, variants(text), "mention", clf.config):
                if hit.category in ("offensive", "harassment", "hate"):
                    seen.add(hit.name)
                    assert rules.RULE_CATEGORY.get(hit.name) == hit.category, hit.reason
        for out in clf.classify_batch(texts):
            for reason in out.reasons:
                by, _, name = reason.split(" ", 1)[0].partition(":")
                if by in ("rule", "list") and name in rules.RULE_CATEGORY:
                    assert rules.RULE_CATEGORY[name] in out.categories, reason
        assert {"targeted_insult", "slur_lexicon", "hate_phrase"} <= seen

    def test_every_threshold_a_model_score_is_held_to_is_advised_on(self) -> None:
        """One list (``MODEL_THRESHOLD_KEYS``) names them for the advice and for training/tune_bands.py: every
        [classifier] threshold is on it, and every key the classifier's records name is one of them."""
        fields = {k for k in ClassifierConfig.model_fields if k.endswith(("_threshold", "_floor"))}
        assert set(MODEL_THRESHOLD_KEYS) == fields
        cfg = ClassifierConfig(query_head_threshold=None)
        advised = [a.key for a in tuning.advise({}, cfg, min_marks=1)]
        assert advised == [k for k in MODEL_THRESHOLD_KEYS if k != "query_head_threshold"]
        assert {"threat_play_threshold", "hate_at_person_threshold", "unworded_offensive_threshold"} <= set(advised)
        texts = [json.loads(x)["text"] for x in
                 (Path(__file__).parent / "data" / "school_posts.jsonl").read_text().splitlines()]
        named = {d.threshold_key for out in load_classifier().classify_batch(texts) for d in out.decisions
                 if d.by == "model"}
        assert named and named <= set(MODEL_THRESHOLD_KEYS), named - set(MODEL_THRESHOLD_KEYS)
