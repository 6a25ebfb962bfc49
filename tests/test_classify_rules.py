"""The rules package: its decision record, the awareness and idiom gates, and the lists the DSL can edit."""

from __future__ import annotations

from watchtower.classify import rules
from watchtower.classify._normalise import variants
from watchtower.classify.config import ClassifierConfig
from watchtower.classify.rules import Hit


def hits(text: str, cfg: ClassifierConfig | None = None) -> list[Hit]:
    return rules.detect(text, variants(text), None, cfg or ClassifierConfig())


class TestHitRecord:
    """A decision is a record (category, by, name, evidence); the reason people read is rendered from it."""

    def test_a_rule_hit_renders_the_reason_people_have_always_seen(self) -> None:
        hit = Hit("threat", "threat_phrase", "'going to shoot'")
        assert hit.reason == "rule:threat_phrase 'going to shoot'"
        assert (hit.by, hit.score) == ("rule", 1.0)

    def test_a_hit_without_evidence_is_just_its_name(self) -> None:
        assert Hit("personal_data", "home_address").reason == "rule:home_address"

    def test_a_list_hit_says_it_came_from_a_list(self) -> None:
        assert Hit("hate", "code_1488", "'1488'", by="list").reason == "list:code_1488 '1488'"

    def test_detect_returns_records_with_the_rule_name_and_the_quoted_words(self) -> None:
        [hit] = [h for h in hits("I'm going to shoot you tomorrow") if h.category == "threat"]
        assert (hit.by, hit.name, hit.quote) == ("rule", "threat_phrase", "'i'm going to shoot you'")
