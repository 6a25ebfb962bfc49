"""A post written mostly in a script the classifier cannot read says so: nothing in it was checked.

The model, the rules and the lists read English. First-sight round 106 (posts not in English) raised 0.267 of its
critical posts in Arabic, Urdu, Bengali and Cyrillic script to critical: what reaches a person there is mostly noise.
Such a post keeps its severity (a note raises nothing), but its reasons, the email and the dashboard say that it was
not read, so "not flagged" is never taken for "checked and harmless".
"""

from __future__ import annotations

import pytest

from watchtower.classify import Classifier, load_classifier
from watchtower.classify._script import unread_script
from watchtower.models import UNREAD_SCRIPT, Decision, unread_detail, unread_script_in


@pytest.fixture(scope="module")
def clf() -> Classifier:
    return load_classifier()


class TestWhichScript:
    @pytest.mark.parametrize(("text", "script"), [
        ("میں سب پر بوجھ ہوں۔ کل سے کوئی پریشان نہیں ہوگا میری وجہ سے", "Arabic"),   # Urdu is written in Arabic script
        ("انا رح اقتله للولد اللي لمس اختي", "Arabic"),
        ("আবার কেটেছি", "Bengali"),   # two words: "I cut again"
        ("хочу зникнути, нікому я не потрібна", "Cyrillic"),
        ("Дякую вчителям!", "Cyrillic"),
        ("मुझे स्कूल नहीं जाना, सब मुझे मारते हैं", "Devanagari"),
        ("ਮੈਂ ਘਰ ਨਹੀਂ ਜਾਣਾ", "Gurmukhi"),
        ("ok 👍 شكرا جزيلا", "Arabic"),   # a few Latin letters beside more in Arabic script
    ])
    def test_a_post_mostly_in_another_script_names_it(self, text: str, script: str) -> None:
        assert unread_script(text) == script

    @pytest.mark.parametrize("text", [
        "Lovely parade, thank you!",
        "Eid Mubarak عيد مبارك to all our families, what a lovely assembly today",   # a greeting in an English post
        "ѕtіll waiting for someone to explain why",   # Cyrillic look-alikes disguising English
        "ѕсаm аlеrt",   # every letter a look-alike: the normaliser reads it as English
        "Zażółć gęślą jaźń, dziękuję pani!",   # Polish: Latin letters, read through what it shares with English
        "🔪🔪🔪 7:30",
        "",
    ])
    def test_latin_letters_look_alikes_or_too_few_letters_are_not_an_unread_script(self, text: str) -> None:
        assert unread_script(text) is None


class TestTheClassifierSaysSo:
    def test_the_note_raises_nothing_and_is_rendered_from_its_record(self, clf: Classifier) -> None:
        [out] = clf.classify_batch(["Дякую вчителям за чудовий концерт!"], ["own"])
        assert out.reasons == [d.reason for d in out.decisions]
        [note] = [d for d in out.decisions if d.name == UNREAD_SCRIPT]
        assert (note.by, note.tier) == ("rule", "noted")
        assert note.reason == ("noted, raises nothing: rule:unread_script (written mostly in Cyrillic script, which "
                               "the classifier cannot read: a person must read it)")
        assert unread_script_in(out.reasons) == "Cyrillic"

    def test_an_english_post_has_no_note(self, clf: Classifier) -> None:
        [out] = clf.classify_batch(["Lovely parade, thank you! Eid Mubarak عيد مبارك"], ["own"])
        assert unread_script_in(out.reasons) is None
        assert not [d for d in out.decisions if d.name == UNREAD_SCRIPT]

    @pytest.mark.parametrize("text", ["شكرا للمعلمين على الحفلة الجميلة", "অনেক ধন্যবাদ শিক্ষকদের"])
    def test_the_note_raises_nothing(self, clf: Classifier, text: str) -> None:
        """Thanks to the teachers, in Arabic and in Bengali: not flagged, and the note says it was not read."""
        [out] = clf.classify_batch([text], ["own"])
        assert (out.severity.label, out.categories, out.possible) == ("none", [], [])
        assert unread_script_in(out.reasons) in ("Arabic", "Bengali")

    def test_the_script_is_found_again_only_in_its_own_note(self) -> None:
        note = Decision("", "rule", UNREAD_SCRIPT, tier="noted", detail=unread_detail("Bengali")).reason
        assert unread_script_in(["model:threat=0.91>=0.35", note]) == "Bengali"
        assert unread_script_in(["rule:unread_script", "written mostly in Arabic script"]) is None
