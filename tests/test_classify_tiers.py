"""Two tiers, so uncertainty reaches a person (issue 13, design.md "Possible concern").

A critical head's score at or above its alert threshold raises the category (critical); a score in the band
below it (``<head>_concern_threshold``) is a possible concern: the item is raised to ``high`` with a reason that
says "possible ... concern, please check". A gate (an awareness or teaching post, an idiom, a rule that already
explains the post) may lower a confident head's alert to a possible concern, with its reason, never to nothing.

The thresholds are set here so that the outcome depends on the rule, not on what the shipped weights score.
"""

from __future__ import annotations

import pytest

from watchtower.classify import ClassifierConfig, load_classifier
from watchtower.models import Severity

NEVER, ALWAYS = 1.0, 0.0
#: the hate head alone kept out of tests of the threat and safeguarding bands (-1303 scored the canal post 0.77)
HATE_OFF = {"hate_alone_threshold": NEVER, "hate_possible_threshold": NEVER}


def classify(text: str, source: str = "mention", **thresholds: float):  # type: ignore[no-untyped-def]
    return load_classifier(ClassifierConfig(**thresholds)).classify_batch([text], [source])[0]  # type: ignore[arg-type]


class TestTheBand:
    def test_a_score_in_the_band_below_the_alert_is_a_possible_concern_raised_to_high(self) -> None:
        out = classify("we should all meet up by the canal later", safeguarding_threshold=NEVER,
                       safeguarding_concern_threshold=ALWAYS, threat_threshold=NEVER, threat_concern_threshold=NEVER,
                       **HATE_OFF)
        assert "safeguarding" not in out.categories
        assert out.possible == ["safeguarding"]
        assert out.severity == Severity.HIGH
        [reason] = [r for r in out.reasons if "safeguarding" in r]
        assert reason.startswith("possible safeguarding concern, please check: model:safeguarding=")
        [record] = [d for d in out.decisions if d.tier == "possible"]
        assert (record.by, record.threshold_key) == ("model", "safeguarding_concern_threshold")
        assert out.as_contract()["possible"] == ["safeguarding"]
        assert out.as_contract()["severity"] == "high"

    def test_below_the_band_nothing_is_raised(self) -> None:
        out = classify("lovely photos from the trip", threat_threshold=NEVER, threat_concern_threshold=NEVER,
                       safeguarding_threshold=NEVER, safeguarding_concern_threshold=NEVER)
        assert out.possible == [] and out.severity == Severity.NONE

    def test_a_concern_the_model_is_sure_of_is_an_alert_not_a_possible_concern(self) -> None:
        out = classify("we should all meet up by the canal later", threat_threshold=ALWAYS,
                       threat_concern_threshold=ALWAYS, safeguarding_threshold=NEVER,
                       safeguarding_concern_threshold=NEVER, **HATE_OFF)
        assert out.categories == ["threat"] and out.possible == []
        assert out.severity == Severity.CRITICAL


class TestGatesNeverSilenceAConfidentModel:
    @pytest.mark.parametrize(
        ("text", "gate"),
        [
            ("PC Jones gave an assembly on knife crime to Year 9 today", "awareness or teaching post"),
        ],
    )
    def test_a_gate_lowers_an_alert_to_a_possible_concern_with_its_reason(self, text: str, gate: str) -> None:
        out = classify(text, threat_threshold=ALWAYS, threat_concern_threshold=ALWAYS,
                       safeguarding_threshold=NEVER, safeguarding_concern_threshold=NEVER)
        assert "threat" not in out.categories
        assert out.possible == ["threat"]
        assert out.severity == Severity.HIGH
        assert any(r.startswith("possible threat concern, please check: model:threat=") and f"(lowered: {gate})" in r
                   for r in out.reasons), out.reasons

    def test_an_idiom_lowers_a_head_only_if_the_head_still_falls_below_its_alert_without_it(self) -> None:
        """The post is scored again with every idiom blanked: here the bar is 0, so the head is at it either way and
        the idiom explains nothing (the shipped weights' own cases are in test_classify_detectors)."""
        out = classify("this homework is killing me", threat_threshold=ALWAYS, threat_concern_threshold=ALWAYS,
                       safeguarding_threshold=NEVER, safeguarding_concern_threshold=NEVER)
        assert out.categories == ["threat"] and out.possible == []
        assert any(r.startswith("model:threat=") and "(not the idiom 'is killing me': " in r and "without it)" in r
                   for r in out.reasons), out.reasons

    def test_a_rule_that_explains_the_post_lowers_a_head_below_the_explained_bar_to_a_possible_concern(self) -> None:
        out = classify("When is the parents evening for Year 8?", source="own", threat_threshold=ALWAYS,
                       threat_concern_threshold=ALWAYS, explained_post_threshold=NEVER,
                       safeguarding_threshold=NEVER, safeguarding_concern_threshold=NEVER)
        assert "query" in out.categories and "threat" not in out.categories
        assert out.possible == ["threat"]
        assert any("(lowered: a rule already explains it (query))" in r for r in out.reasons)

    def test_a_rule_decided_category_is_not_doubled_by_a_possible_concern(self) -> None:
        out = classify("I'm going to stab you tomorrow", threat_threshold=NEVER, threat_concern_threshold=ALWAYS,
                       safeguarding_threshold=NEVER, safeguarding_concern_threshold=NEVER)
        assert "threat" in out.categories and "threat" not in out.possible
        assert out.severity == Severity.CRITICAL


class TestTheAwarenessOverride:
    def test_a_head_so_sure_that_no_awareness_post_explains_it_raises_its_alert(self) -> None:
        """A pupil's reply to the school's wellbeing-week post is a disclosure, not a lesson."""
        text = "mental health week assembly was nice but it's too late for me, letters are written"
        gated = classify(text, awareness_override_threshold=NEVER, safeguarding_threshold=ALWAYS, **HATE_OFF)
        assert "safeguarding" not in gated.categories and "safeguarding" in gated.possible
        sure = classify(text, awareness_override_threshold=ALWAYS, safeguarding_threshold=ALWAYS, **HATE_OFF)
        assert "safeguarding" in sure.categories and sure.severity == Severity.CRITICAL
        [record] = [d for d in sure.decisions if d.category == "safeguarding" and d.by == "model"]
        assert record.threshold_key == "awareness_override_threshold"


class TestTheHateGate:
    def test_a_hate_score_the_gate_holds_back_is_still_a_possible_concern(self) -> None:
        """No protected group named and no offensive language: not a hate alert, but a person should look."""
        out = classify("you know exactly who runs the banks and the media", hate_threshold=ALWAYS,
                       hate_needs_offensive=NEVER, hate_possible_threshold=ALWAYS,
                       threat_threshold=NEVER, threat_concern_threshold=NEVER,
                       safeguarding_threshold=NEVER, safeguarding_concern_threshold=NEVER)
        assert "hate" not in out.categories
        assert out.possible == ["hate"] and out.severity == Severity.HIGH
        assert any(r.startswith("possible hate concern, please check: model:hate=") for r in out.reasons)

    def test_a_hate_score_in_the_band_below_the_alert_is_a_possible_concern(self) -> None:
        """Below hate_threshold the gate is never reached; from hate_possible_threshold a person still looks."""
        out = classify("you know exactly who runs the banks and the media", hate_threshold=NEVER,
                       hate_alone_threshold=NEVER, hate_possible_threshold=ALWAYS,
                       threat_threshold=NEVER, threat_concern_threshold=NEVER,
                       safeguarding_threshold=NEVER, safeguarding_concern_threshold=NEVER)
        assert out.categories == [] and out.possible == ["hate"] and out.severity == Severity.HIGH
        [record] = [d for d in out.decisions if d.tier == "possible"]
        assert (record.category, record.threshold_key) == ("hate", "hate_possible_threshold")
        assert "no protected group named" not in record.reason


class TestLeakedChildProtectionDetails:
    """Personal data that says which children are on a child protection plan, looked after or with a social worker
    is a possible safeguarding concern as well (rounds 56-58 raised such leaks as personal data only): the DSL sees
    the leak, the severity stays high. Over the 95,140 labelled posts it adds the concern to 256 posts raised as
    personal data, 36 of them labelled safeguarding, and to no harmless post."""

    def test_a_leaked_register_naming_a_cp_plan_reaches_the_dsl_as_a_possible_concern(self) -> None:
        out = classify("leaked: screenshot of the Y9 SEN register showing who has ADHD and who is on a CP plan lol",
                       **HATE_OFF)
        assert "personal_data" in out.categories and "safeguarding" not in out.categories
        assert out.possible == ["safeguarding"] and out.severity == Severity.HIGH
        [record] = [d for d in out.decisions if d.tier == "possible"]
        assert (record.by, record.name, record.detail) == ("rule", "child_protection_details", "'on a cp plan'")
        assert ("possible safeguarding concern, please check: rule:child_protection_details 'on a cp plan'"
                in out.reasons)

    @pytest.mark.parametrize("text", [
        "Thank you to our social worker and the school for all the support this year",   # no personal data
        # no child protection detail
        "Photo of the Year 9 SEN register left on the printer: names, ADHD, autism, EHCP",
    ])
    def test_without_both_there_is_no_concern(self, text: str) -> None:
        assert "safeguarding" not in classify(text, **HATE_OFF).possible
