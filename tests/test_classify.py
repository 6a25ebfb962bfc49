"""The triage classifier's public API, its config, and the ``watchtower classify`` command-line contract.

Detectors are specified in test_classify_detectors.py, the school test-set gate in test_classify_school_set.py.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from pydantic import ValidationError

from watchtower.classify import Classifier, ClassifierConfig, load_classifier
from watchtower.classify._model import DEFAULT_MODEL_DIR
from watchtower.cli.classify import classify_stream, load_config, parse_line
from watchtower.exceptions import ConfigError
from watchtower.models import CATEGORIES, Classification, Severity

ROOT = Path(__file__).resolve().parent.parent
CONTRACT_KEYS = {"id", "categories", "severity", "scores", "reasons", "possible"}


@pytest.fixture(scope="module")
def clf() -> Classifier:
    return load_classifier()


def run_cli(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "WATCHTOWER_CONFIG": str(ROOT / "no-such-config.toml")}
    return subprocess.run(
        [sys.executable, "-m", "watchtower", "classify", *args],
        input=stdin, capture_output=True, text=True, env=env, timeout=60, check=False,
    )


def stream(clf: Classifier, lines: list[str], chunk: int = 512) -> tuple[list[dict], str, int]:
    out, err = io.StringIO(), io.StringIO()
    errors = classify_stream(clf, [line.encode() for line in lines], out, err, chunk)
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue(), errors


#: a long, cheerful post from the school and a child's farewell to put after it (the long-comment tests)
FAIR = ("Thank you to every family who came to the summer fair on Saturday. The cake stall sold out by two "
        "o'clock, the tombola raised over four hundred pounds for new library books, the Year 4 maypole "
        "dancers were wonderful and the PTA barbecue team deserve a medal for standing in the rain. ")
FAREWELL = "ps i gave my xbox and my dog to my cousin because i wont be around after friday, dont tell mum"


class TestPublicApi:
    def test_exports_exactly_the_documented_names(self) -> None:
        import watchtower.classify as mod

        assert sorted(mod.__all__) == ["Classifier", "ClassifierConfig", "load_classifier"]

    def test_version_is_the_shipped_model_version(self, clf: Classifier) -> None:
        meta = json.loads((DEFAULT_MODEL_DIR / "metadata.json").read_text())
        assert clf.version == meta["version"] and clf.version

    def test_one_classification_per_text_in_order(self, clf: Classifier) -> None:
        texts = ["Well done Year 6!", "I'm going to shoot up the school", "When is parents evening?"]
        out = clf.classify_batch(texts, ["own", "mention", "own"])
        assert all(isinstance(c, Classification) for c in out)
        assert [c.severity for c in out] == [Severity.NONE, Severity.CRITICAL, Severity.NORMAL]
        assert out[0].model_version == clf.version

    def test_every_score_is_a_category_in_0_1(self, clf: Classifier) -> None:
        [c] = clf.classify_batch(["@user you are an absolute idiot"])
        assert set(c.scores) == set(CATEGORIES)
        assert all(0.0 <= v <= 1.0 for v in c.scores.values())

    def test_every_flagged_category_has_a_reason(self, clf: Classifier) -> None:
        [c] = clf.classify_batch(["Call Mr Bennett on 07700 900461, he is a useless prick"])
        assert {"personal_data", "harassment"} <= set(c.categories)
        assert any(r.startswith("rule:uk_mobile_number") for r in c.reasons)
        assert len(c.reasons) >= len(c.categories)

    def test_empty_batch_and_empty_text(self, clf: Classifier) -> None:
        assert clf.classify_batch([]) == []
        [c] = clf.classify_batch([""])
        assert c.categories == [] and c.severity is Severity.NONE

    def test_result_does_not_depend_on_batch_neighbours(self, clf: Classifier) -> None:
        text = "@user you are a fucking liar"
        alone = clf.classify_batch([text])[0]
        mixed = clf.classify_batch(["x " * 60, text, "ok"])[1]
        assert alone.categories == mixed.categories
        assert abs(alone.scores["offensive"] - mixed.scores["offensive"]) < 0.02

    def test_a_long_comment_is_read_to_its_end(self, clf: Classifier) -> None:
        """The model reads 64 tokens at once; a farewell buried after a long, cheerful paragraph still reaches it."""
        first_window_only = Classifier(ClassifierConfig(max_windows=1))
        text = FAIR + FAREWELL
        [start_only] = first_window_only.classify_batch([text], ["own"])
        [whole] = clf.classify_batch([text], ["own"])
        assert start_only.scores["safeguarding"] < 0.05 and "safeguarding" not in start_only.categories
        assert whole.scores["safeguarding"] > 0.2, whole.scores  # the farewell reaches the model
        assert whole.severity is Severity.CRITICAL and "safeguarding" in whole.categories, whole.reasons
        [short] = clf.classify_batch([FAIR], ["own"])
        assert short.severity is Severity.NONE

    def test_a_farewell_after_two_long_paragraphs_still_reaches_a_person(self, clf: Classifier) -> None:
        [whole] = clf.classify_batch([FAIR * 2 + FAREWELL], ["own"])
        assert whole.severity >= Severity.HIGH, (whole.scores, whole.reasons)

    def test_every_head_is_the_same_whatever_the_batch(self, clf: Classifier) -> None:
        """The int8 model's activation scales are fixed at export (training/optimize_onnx.py): measured per call,
        they made this joke a critical threat in a file of posts and not alone."""
        text = "going to shoot you on Fortnite after school lol"
        others = ["Hi, I'm a reporter at the Wirral Weekly. Could someone give us a comment on the flooding?",
                  "Your school charged us £45 for a trip that got cancelled and still hasn't refunded.",
                  "Oakfield used to be a proper English school. Now look at the Year 7 photo."]
        [alone] = clf.classify_batch([text])
        batched = clf.classify_batch([*others, text])[-1]
        assert alone.severity == batched.severity
        assert all(abs(alone.scores[c] - batched.scores[c]) < 1e-4 for c in CATEGORIES), (alone.scores,
                                                                                          batched.scores)

    def test_sources_must_match_texts(self, clf: Classifier) -> None:
        with pytest.raises(ValueError, match="sources"):
            clf.classify_batch(["a", "b"], ["own"])
        with pytest.raises(ValueError, match="source must be"):
            clf.classify_batch(["a"], ["facebook"])

    def test_safe_to_call_from_another_thread(self, clf: Classifier) -> None:
        results: list[list[Classification]] = []
        threads = [threading.Thread(target=lambda: results.append(clf.classify_batch(["i want to kms"])))
                   for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        alone = clf.classify_batch(["i want to kms"])[0]
        assert len(results) == 3
        assert all(r[0] == alone and "safeguarding" in r[0].categories for r in results)

    def test_runtime_imports_neither_torch_nor_transformers(self) -> None:
        code = ("import sys; from watchtower.classify import load_classifier; "
                "load_classifier().classify_batch(['hello']); "
                "print(sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'transformers')))")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, timeout=60)
        assert out.stdout.strip() == "[]"

    def test_the_classify_command_loads_no_daemon_machinery(self) -> None:
        """Process start counts in `watchtower classify`'s items/s: aiohttp and the store cost ~0.5 s."""
        code = ("import sys; from watchtower.cli import main; "
                "main(['classify', '--jsonl', sys.argv[1]]); "
                "print(sorted({m.split('.')[0] for m in sys.modules} & {'aiohttp', 'psycopg', 'tweepy', "
                "'feedparser', 'jinja2', 'aiosmtplib'}), sorted(m for m in sys.modules if m in "
                "('watchtower.config', 'watchtower.store', 'watchtower.daemon')))")
        lines = '{"id": 1, "text": "hello"}\n'
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
            fh.write(lines)
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "WATCHTOWER_CONFIG": str(ROOT / "no-such.toml")}
        out = subprocess.run([sys.executable, "-c", code, fh.name], capture_output=True, text=True, check=True,
                             env=env, timeout=60)
        Path(fh.name).unlink()
        assert out.stdout.strip().splitlines()[-1] == "[] []"


class TestConfig:
    def test_unknown_keys_are_refused(self) -> None:
        with pytest.raises(ValidationError):
            ClassifierConfig(offensive_treshold=0.4)  # type: ignore[call-arg]

    def test_every_field_is_documented(self) -> None:
        for name, field in ClassifierConfig.model_fields.items():
            assert field.description, name

    def test_threshold_defaults_are_the_tuned_ones_in_metadata(self) -> None:
        meta = json.loads((DEFAULT_MODEL_DIR / "metadata.json").read_text())
        cfg = ClassifierConfig()
        assert cfg.offensive_threshold == meta["thresholds"]["offensive"]
        assert cfg.hate_threshold == meta["thresholds"]["hate"]
        # the alert and possible-concern bands chosen on the calibration writer (training/tune_bands.py)
        assert meta["runtime_thresholds"]
        for key, value in meta["runtime_thresholds"].items():
            assert getattr(cfg, key) == value, key

    def test_thresholds_must_be_probabilities(self) -> None:
        with pytest.raises(ValidationError):
            ClassifierConfig(offensive_threshold=1.5)

    def test_reads_the_classifier_table_of_watchtower_toml(self, tmp_path: Path) -> None:
        path = tmp_path / "watchtower.toml"
        path.write_text('[school]\nname = "x"\n\n[classifier]\nbatch_size = 8\nstaff_names = ["Okafor"]\n')
        cfg = load_config(path)
        assert cfg.batch_size == 8 and cfg.staff_names == ["Okafor"]

    def test_a_bad_classifier_table_names_the_key(self, tmp_path: Path) -> None:
        path = tmp_path / "watchtower.toml"
        path.write_text("[classifier]\nhate_threshold = 2\n")
        with pytest.raises(ConfigError, match="hate_threshold"):
            load_config(path)

    def test_a_missing_explicit_config_is_an_error(self, tmp_path: Path) -> None:
        with pytest.raises(ConfigError, match="does not exist"):
            load_config(tmp_path / "nope.toml")

    def test_configured_staff_names_make_insults_harassment(self) -> None:
        text = "okafor is an idiot"
        # the harassment head reads an insult at anyone (-1720: 0.56 here); what is tested is the named target
        plain = load_classifier(ClassifierConfig(harassment_head_threshold=1.0)).classify_batch([text])[0]
        named = load_classifier(ClassifierConfig(harassment_head_threshold=1.0, staff_names=["Okafor"])
                                ).classify_batch([text])[0]
        assert "harassment" not in plain.categories
        assert "harassment" in named.categories

    def test_allowed_phone_numbers_are_not_personal_data(self) -> None:
        text = "Ring 0117 496 0999 for the uniform shop"
        cfg = ClassifierConfig(allowed_phone_numbers=["01174960999"])
        assert "personal_data" in load_classifier().classify_batch([text])[0].categories
        assert "personal_data" not in load_classifier(cfg).classify_batch([text])[0].categories


class TestCliContract:
    def test_every_reason_is_rendered_from_a_decision_record(self) -> None:
        """Issue 13: each decision is a structured record; the printed reasons are rendered from them."""
        clf = load_classifier()
        texts = ["the choir killed it", "i'll k1ll u", "When does term start?", "@jones what a moron",
                 "call me on 07700 900123 x", "this school is a joke"]
        for out in clf.classify_batch(texts, ["mention"] * len(texts)):
            assert out.reasons == [d.reason for d in out.decisions]
            for d in out.decisions:
                assert d.category in out.categories or (d.tier == "possible" and d.category in out.possible)
                assert d.by in ("rule", "list", "model")
                if d.by == "model":
                    assert d.threshold_key is not None and d.threshold == getattr(clf.config, d.threshold_key)
                    assert d.score >= d.threshold

    def test_stdin_gives_one_contract_line_per_input_line_in_order(self) -> None:
        lines = [json.dumps({"id": i, "text": t}) for i, t in
                 enumerate(["the choir killed it", "i'll k1ll u", "When does term start?"])]
        res = run_cli(["--jsonl", "-"], "\n".join(lines) + "\n")
        assert res.returncode == 0, res.stderr
        rows = [json.loads(x) for x in res.stdout.splitlines()]
        assert [r["id"] for r in rows] == [0, 1, 2]
        assert all(set(r) == CONTRACT_KEYS for r in rows)
        assert [r["severity"] for r in rows] == ["none", "critical", "normal"]

    def test_file_input_with_config(self, tmp_path: Path) -> None:
        src = tmp_path / "in.jsonl"
        src.write_text(json.dumps({"id": "a", "text": "okafor is an idiot", "source": "mention"}) + "\n")
        conf = tmp_path / "w.toml"
        conf.write_text('[classifier]\nstaff_names = ["Okafor"]\n')
        res = run_cli(["--jsonl", str(src), "--config", str(conf)])
        assert res.returncode == 0, res.stderr
        [row] = [json.loads(x) for x in res.stdout.splitlines()]
        assert row["id"] == "a" and row["categories"] == ["harassment"] and row["severity"] == "high"

    def test_malformed_lines_give_error_lines_in_place_and_exit_1(self) -> None:
        stdin = '{"id": 1, "text": "hello"}\nnot json\n{"id": 3}\n[1, 2]\n{"id": 5, "text": "bye"}\n'
        res = run_cli(["--jsonl", "-"], stdin)
        assert res.returncode == 1
        rows = [json.loads(x) for x in res.stdout.splitlines()]
        assert [r["id"] for r in rows] == [1, None, 3, None, 5]
        assert ["error" in r for r in rows] == [False, True, True, True, False]
        assert rows[1]["line"] == 2 and "JSON" in rows[1]["error"]
        assert "line 2" in res.stderr and "line 3" in res.stderr and "3 malformed" in res.stderr

    def test_unreadable_file_and_bad_config_exit_2(self, tmp_path: Path) -> None:
        assert run_cli(["--jsonl", str(tmp_path / "missing.jsonl")]).returncode == 2
        conf = tmp_path / "w.toml"
        conf.write_text("[classifier]\nbogus = 1\n")
        res = run_cli(["--jsonl", "-", "--config", str(conf)], "")
        assert res.returncode == 2 and "bogus" in res.stderr

    def test_order_holds_across_chunks(self, clf: Classifier) -> None:
        texts = ["i want to die"] * 3 + ["lovely day"] * 4
        rows, _, errors = stream(clf, [json.dumps({"id": i, "text": t}) for i, t in enumerate(texts)], chunk=2)
        assert errors == 0
        assert [r["id"] for r in rows] == list(range(7))
        assert [r["severity"] for r in rows] == ["critical"] * 3 + ["none"] * 4

    def test_blank_lines_are_skipped(self, clf: Classifier) -> None:
        rows, err, errors = stream(clf, ['{"text": "a"}', "", "   ", '{"text": "b"}'])
        assert len(rows) == 2 and errors == 0 and err == ""

    def test_source_is_passed_through(self, clf: Classifier) -> None:
        q = "Does anyone know what time the fair starts?"
        rows, _, _ = stream(clf, [json.dumps({"text": q, "source": s}) for s in ("own", "mention")])
        assert rows[0]["categories"] == ["query"]
        assert rows[1]["categories"] == []

    @pytest.mark.parametrize(
        ("line", "message"),
        [
            ('{"text": 5}', "'text' must be a string"),
            ('{"text": "x", "source": "tiktok"}', "'source' must be"),
            ('"just a string"', "expected a JSON object"),
            ('{"id": 9}', "missing 'text'"),
        ],
    )
    def test_each_malformed_shape_is_named(self, line: str, message: str) -> None:
        assert message in str(parse_line(line.encode())[3])

    def test_invalid_utf8_is_an_error_line_not_a_crash(self, clf: Classifier) -> None:
        out, err = io.StringIO(), io.StringIO()
        errors = classify_stream(clf, [b'{"text": "\xff\xfe"}', b'{"text": "ok"}'], out, err)
        rows = [json.loads(x) for x in out.getvalue().splitlines()]
        assert errors == 1 and "UTF-8" in rows[0]["error"] and "categories" in rows[1]
