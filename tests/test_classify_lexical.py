"""The lexical second opinion (issue 13): character and word n-gram regressions that can raise a post nothing else
raised to a possible concern, never to an alert.

The mechanism is tested with a lexical model built here (a nonsense word weighted as safeguarding), saved beside
the shipped MiniLM weights in a temporary model folder and loaded the way the daemon loads it, so the outcome
depends on the rule, not on what the shipped regressions learned. What they learned is measured on writers they
never saw (training/README.md), not here.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from watchtower.classify import ClassifierConfig, _lexical, load_classifier
from watchtower.classify._model import DEFAULT_MODEL_DIR
from watchtower.models import Severity

WORD = "zorblax"


def synthetic(words: str, head: str) -> _lexical.LexicalModel:
    """A lexical model for which ``words`` score 0.9 "critical" and read like ``head``; anything else about 0.02."""
    idx, vals = _lexical.features(words)
    weights = np.zeros((len(_lexical.HEADS), _lexical.N_FEATURES), dtype=np.float32)
    for k in (_lexical.HEADS.index("critical"), _lexical.HEADS.index(head)):
        np.add.at(weights[k], idx, (4.0 + np.log(9.0)) * vals / float(np.dot(vals, vals)))  # logit 4 + ln 9
    return _lexical.LexicalModel(weights, np.full(len(_lexical.HEADS), -4.0, dtype=np.float32), "lexical-test")


def model_dir(tmp_path: Path, lexical: _lexical.LexicalModel | None) -> Path:
    """The shipped MiniLM weights (linked) with ``lexical`` beside them, or none."""
    folder = tmp_path / "weights"
    folder.mkdir()
    for f in DEFAULT_MODEL_DIR.iterdir():
        if f.name != _lexical.WEIGHTS_FILE:
            (folder / f.name).symlink_to(f)
    if lexical is not None:
        lexical.save(folder, {"trained_on": []})
    return folder


def classify(folder: Path, text: str, **settings: object):  # type: ignore[no-untyped-def]
    clf = load_classifier(ClassifierConfig(model_dir=folder, **settings))  # type: ignore[arg-type]
    return clf.classify_batch([text], ["own"])[0]


class TestFeatures:
    def test_each_block_of_features_has_unit_length_and_fits_the_hashed_space(self) -> None:
        idx, vals = _lexical.features("I'll K1LL u 🔪 after school")
        assert idx.min() >= 0 and idx.max() < _lexical.N_FEATURES
        assert float(np.dot(vals, vals)) == pytest.approx(2.0, rel=1e-5)  # characters, then words

    def test_the_same_post_always_has_the_same_features(self) -> None:
        """Training (training/train_lexical.py) and the daemon call the same function; the hash is fixed, not
        Python's per-process string hash."""
        a, b = _lexical.features("dinnae want tae go hame"), _lexical.features("dinnae want tae go hame")
        assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
        assert not np.array_equal(a[0], _lexical.features("happy to go home")[0])

    def test_an_empty_post_has_no_features(self) -> None:
        idx, vals = _lexical.features("")
        assert len(idx) == len(vals)
        assert _lexical.LexicalModel(np.zeros((4, _lexical.N_FEATURES), np.float32), np.zeros(4, np.float32),
                                     "zero").scores("")["critical"] == pytest.approx(0.5)


class TestTheSecondOpinion:
    def test_words_like_the_writers_critical_posts_make_a_possible_concern_raised_to_high(
        self, tmp_path: Path
    ) -> None:
        out = classify(model_dir(tmp_path, synthetic(f"{WORD} {WORD}", "safeguarding")), f"{WORD} {WORD}")
        assert out.categories == []
        assert out.possible == ["safeguarding"]
        assert out.severity == Severity.HIGH
        assert out.reasons[-1].startswith("possible safeguarding concern, please check: model:lexical=")
        assert "reads most like safeguarding" in out.reasons[-1]
        (record,) = [d for d in out.decisions if d.name == "lexical"]
        assert record.score == pytest.approx(0.9, abs=1e-3)
        assert (record.by, record.tier, record.threshold_key, record.threshold) == (
            "model", "possible", "lexical_threshold", 0.8)

    def test_the_category_is_the_one_the_post_reads_most_like(self, tmp_path: Path) -> None:
        out = classify(model_dir(tmp_path, synthetic(f"{WORD} {WORD}", "hate")), f"{WORD} {WORD}")
        assert out.possible == ["hate"]

    def test_ordinary_posts_score_nothing(self, tmp_path: Path) -> None:
        out = classify(model_dir(tmp_path, synthetic(f"{WORD} {WORD}", "safeguarding")),
                       "Well done to Year 7 on a brilliant carol service!")
        assert out.severity == Severity.NONE and not out.possible

    def test_it_never_touches_a_post_something_else_raised(self, tmp_path: Path) -> None:
        """A rule's alert stays the only evidence: the second opinion is for what nothing else saw."""
        out = classify(model_dir(tmp_path, synthetic("kill yourself", "hate")), "go kill yourself")
        assert "safeguarding" in out.categories or "threat" in out.categories or "harassment" in out.categories
        assert not any(d.name == "lexical" for d in out.decisions)

    def test_unset_threshold_turns_it_off(self, tmp_path: Path) -> None:
        out = classify(model_dir(tmp_path, synthetic(f"{WORD} {WORD}", "safeguarding")), f"{WORD} {WORD}",
                       lexical_threshold=None)
        assert out.severity == Severity.NONE

    def test_a_higher_threshold_asks_for_more(self, tmp_path: Path) -> None:
        out = classify(model_dir(tmp_path, synthetic(f"{WORD} {WORD}", "safeguarding")), f"{WORD} {WORD}",
                       lexical_threshold=0.95)
        assert out.severity == Severity.NONE

    def test_a_weights_folder_without_it_has_no_second_opinion(self, tmp_path: Path) -> None:
        out = classify(model_dir(tmp_path, None), f"{WORD} {WORD}")
        assert out.severity == Severity.NONE

    def test_weights_of_the_wrong_shape_are_refused_with_the_fix(self, tmp_path: Path) -> None:
        folder = model_dir(tmp_path, None)
        bad = _lexical.LexicalModel(np.zeros((4, 16), np.float32), np.zeros(4, np.float32), "bad")
        bad.save(folder, {})
        with pytest.raises(ValueError, match=r"lexical\.npz.*train_lexical\.py"):
            _lexical.load(folder)


class TestTheShippedRegressions:
    def test_they_ship_beside_the_weights_with_what_they_were_trained_on(self) -> None:
        model = _lexical.load(DEFAULT_MODEL_DIR)
        assert model is not None and model.version.startswith("lexical-")
        with np.load(DEFAULT_MODEL_DIR / _lexical.WEIGHTS_FILE) as z:
            meta = json.loads(str(z["meta"]))
        assert meta["heads"] == list(_lexical.HEADS) and meta["n_features"] == _lexical.N_FEATURES
        trained = {Path(t["file"]).name for t in meta["trained_on"]}
        assert "w1.jsonl" in trained
        # the reserved first-sight round is never trained on
        reserved = {p.name for p in (Path(__file__).parent / "data" / "first_sight" / "next").glob("w*.jsonl")}
        assert not reserved & trained
        assert sum(t["posts"] for t in meta["trained_on"]) > 40_000

    def test_the_default_threshold_is_the_one_chosen_on_held_out_writers(self) -> None:
        assert ClassifierConfig().lexical_threshold == 0.8
