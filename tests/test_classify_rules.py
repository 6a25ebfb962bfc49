"""The rules package: its decision record, the awareness and idiom gates, and the lists the DSL can edit."""

from __future__ import annotations

import pytest

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


def norm(text: str) -> str:
    return variants(text)[0]


class TestAwarenessGate:
    """An awareness or teaching post is recognised by a whole construction, never by one common word."""

    @pytest.mark.parametrize("text", [
        "A workshop on knife crime for Year 10 this afternoon",
        "Anti-bullying week starts Monday: odd socks on Tuesday!",
        "Year 6 had an assembly about grooming and staying safe online",
        "Year 9 explored why young people are drawn into gangs",
        "Macbeth, plenty of stabbing on stage",
        "Mental Health Awareness Week: please talk to someone",
        "E-safety workshop on grooming for parents",
        "If you are struggling, call Samaritans on 116 123",
        "A visit from the police about county lines",
        "Read our anti-bullying policy on the website",
        "Rehearsals for the school play continue after half term",
        "In PSHE this week pupils learned about consent",
        "Food tech: Year 8 had a knife skills lesson today",
    ])
    def test_awareness_and_teaching_posts_are_recognised(self, text: str) -> None:
        assert rules.aware(norm(text))

    @pytest.mark.parametrize("text", [
        "I'll see you after the play",
        "my mind is made up, I'm ending it after history",
        "I'm going to teach him a lesson",
        "see you after assembly, bring the knife",
        "worst day of my life, I want it all to stop",
        "after training I'm going to batter him",
        "had my session with the counsellor, still want to die",
        "this policy is a joke and so are you",
        "stop the drama or you'll regret it",
        "in the workshop he pulled a blade on me",
        "that new science teacher better sleep with the lights on",
    ])
    def test_a_common_word_alone_does_not_make_a_post_an_awareness_post(self, text: str) -> None:
        assert not rules.aware(norm(text))


class TestIdiomGate:
    """Violent words used figuratively are idioms only as whole constructions."""

    @pytest.mark.parametrize("text", [
        "this homework is killing me", "the choir killed it", "the cake sale went down a bomb",
        "what a massacre, 8-0 to the under 12s", "you absolutely slayed", "Year 5 smashed the times tables challenge",
        "he's getting kicked off the team if he misses training again", "I could murder a brew",
    ])
    def test_figures_of_speech_are_idioms(self, text: str) -> None:
        assert rules.IDIOM.search(norm(text))

    @pytest.mark.parametrize("text", [
        "there's a bomb in the science block", "there will be a massacre on monday",
        "i'm going to slay him after school", "gonna smash his face in", "tomorrow there will be a bloodbath",
    ])
    def test_the_violent_word_alone_is_not_an_idiom(self, text: str) -> None:
        assert not rules.IDIOM.search(norm(text))
