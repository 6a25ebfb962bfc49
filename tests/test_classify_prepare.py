"""The model reads a post written the way its training data was: handles as @user, links as URL.

The rules still read the real text (test_classify_detectors.py); only the model's input is rewritten.
"""

from __future__ import annotations

import numpy as np
import pytest

from watchtower.classify import Classifier, load_classifier
from watchtower.classify._prepare import prepare


@pytest.fixture(scope="module")
def clf() -> Classifier:
    return load_classifier()


class TestPrepare:
    def test_every_handle_becomes_user(self) -> None:
        assert prepare("@ElmParkAcad @MrsJones_1 you are useless") == "@user you are useless"

    def test_a_run_of_handles_becomes_one(self) -> None:
        assert prepare("@user @user @USER  @user thanks") == "@user thanks"

    def test_handles_apart_stay_apart(self) -> None:
        assert prepare("@a told @b off") == "@user told @user off"

    def test_email_addresses_are_not_handles(self) -> None:
        assert prepare("write to head@elmpark.sch.uk") == "write to head@elmpark.sch.uk"

    def test_links_become_url(self) -> None:
        assert prepare("see https://t.co/AbC123?x=1 and http://example.com/a b") == "see URL and URL b"

    def test_emoji_stay_unless_the_model_was_trained_with_their_names(self) -> None:
        assert prepare("you 🤡") == "you 🤡"
        assert prepare("you 🤡", emoji_names=True) == "you clown face"

    def test_flags_and_plain_symbols_are_left_alone(self) -> None:
        assert prepare("Go 🇬🇧 £5 & 10% off!", emoji_names=True) == "Go 🇬🇧 £5 & 10% off!"

    def test_text_without_handles_links_or_emoji_is_unchanged(self) -> None:
        text = "Parents' evening is on Thursday at 6pm, see the letter."
        assert prepare(text) == text == prepare(text, emoji_names=True)


class TestModelInput:
    def test_scores_do_not_depend_on_which_handles_a_post_names(self, clf: Classifier) -> None:
        a = clf._model.predict(["@ElmParkAcademy @Head_Teacher_Smith you are a disgrace"], batch_size=1)
        b = clf._model.predict(["@user you are a disgrace"], batch_size=1)
        np.testing.assert_array_equal(a, b)

    def test_the_rules_still_see_the_real_handle(self, clf: Classifier) -> None:
        out = clf.classify_batch(["@MrsJones you are a useless cow"], ["mention"])[0]
        assert "harassment" in out.categories
        assert any("@mrsjones" in r.lower() for r in out.reasons)
