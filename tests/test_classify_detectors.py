"""Each detector, as a specification: what it must catch, and the look-alikes it must leave alone.

Everything goes through the full classifier (model + rules), because that is what a moderator sees.
"""

from __future__ import annotations

import pytest

from watchtower.classify import Classifier, load_classifier
from watchtower.classify._normalise import normalise
from watchtower.classify.config import ClassifierConfig
from watchtower.classify.rules import PROFANITY, harassment_hits
from watchtower.classify.rules.media import media_hits
from watchtower.classify.rules.safeguarding import safeguarding_hits
from watchtower.models import Classification, Severity


@pytest.fixture(scope="module")
def clf() -> Classifier:
    return load_classifier()


def verdict(clf: Classifier, text: str, source: str | None = None) -> Classification:
    """What the classifier says of one post (``source``: "own", "mention" or None)."""
    return clf.classify_batch([text], [source])[0]


def cats(clf: Classifier, text: str, source: str | None = None) -> list[str]:
    return verdict(clf, text, source).categories


def reasons(clf: Classifier, text: str, source: str | None = None) -> list[str]:
    return verdict(clf, text, source).reasons


def assert_critical(c: Classification, category: str) -> None:
    assert category in c.categories and c.severity is Severity.CRITICAL, (c.categories, c.reasons)


def assert_threat_phrase_only_noted(c: Classification, why: str) -> None:
    """Nothing raised, and the threat phrase a rule found shown as 'noted, raises nothing' with ``why``."""
    assert c.severity is Severity.NONE, c.reasons
    assert any(r.startswith("noted, raises nothing: rule:threat_phrase") and why in r for r in c.reasons), c.reasons


def assert_critical_threat_on_the_phrase(c: Classification) -> None:
    """Critical threat, with the threat phrase a rule found among the reasons that raised it."""
    assert_critical(c, "threat")
    assert any(r.startswith("rule:threat_phrase") for r in c.reasons), c.reasons


#: Look-alikes the threat and safeguarding heads score over their alert threshold: two from the weights
#: minilm6-mt-20261121-1234 still raised. (-1536 got the Fortnite joke and "@jones shut up you clown" right, and
#: -1623 "I just want it to stop raining!", which -1536 read as "I just want it to stop", how some children say they
#: want to die: so their marks went.) They are kept here as known false alarms, strict: when a retrained model gets
#: them right, the mark must go.
HEAD_FALSE_ALARM = pytest.mark.xfail(strict=True, reason="known false alarm of the threat/safeguarding head")


class TestNormalisation:
    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("I'll K1LL u", "i'll kill u"),
            ("k i l l yourself", "kill yourself"),
            ("k.i.l.l", "kill"),
            ("sh00t", "shoot"),
            ("unaliiiive", "unaliive"),
            ("see u 🔪", "see u knife"),
            ("ｋｉｌｌ", "kill"),
            ("kіll", "kill"),  # Cyrillic i
            ("i want 2 die", "i want to die"),
            ("ur dead 💀 after school", "ur dead after school"),
            ("d i e", "die"),
            ("full of r e t @ r d s", "full of retards"),   # a look-alike symbol among spaced letters
            ("p . i . k . e . y . s   o u t", "pikeys o u t"),   # a separator padded with spaces; spaces end it
            ("dont want u. k.y.s x", "dont want u. kys x"),     # a full stop then a space ends a sentence
            ("good dance 1️⃣4️⃣8️⃣8️⃣", "good dance 1488"),          # keycap emoji digits (round 39)
            ("no1 would miss me, any1 else feel it", "no one would miss me, anyone else feel it"),   # not "noi"
            ("n1663r, ni99a", "nigger, nigga"),          # 6 and 9 for g (round 72's slur was read as "ni66er")
            ("ni🅱️🅱️as missing pens", "nibbas missing pens"),   # emoji letters (round 78)
            ("🅿️aki and Ⓟⓐⓚⓘ", "paki and paki"),                 # negative squared; circled ones by NFKC
        ],
    )
    def test_obfuscations_are_undone(self, raw: str, expected: str) -> None:
        assert normalise(raw) == expected

    def test_a_spelled_out_word_may_use_look_alike_digits_after_its_first_letter(self) -> None:
        """Round 38's 'a p 4 k 1': after the first letter a spaced word may use 4, 1, 0, 3, 5 or 7 for a letter;
        it needs two letters to be a word at all, so a seat 'c 4 1 5' or '2 4 6 8' stays as written."""
        from watchtower.classify._normalise import variants
        assert variants("that driver is a p 4 k 1") == ["that driver is apaki", "that driver is a paki"]
        assert normalise("seat c 4 1 5 please") == "seat c 4 1 5 please"
        assert normalise("go 2 4 6 8") == "go 2 4 6 8"

    def test_a_slur_spelled_with_digits_after_a_is_a_slur(self, clf: Classifier) -> None:
        assert_critical(verdict(clf, "that driver is a p 4 k 1 and drives like one"), "hate")

    @pytest.mark.parametrize("raw", ["u r a star", "i m a parent", "year 2 went 2 the zoo"])
    def test_text_speak_is_not_read_as_a_spelled_out_word(self, raw: str) -> None:
        assert normalise(raw) == raw

    def test_a_spelled_out_word_after_a_or_i_is_also_read_with_the_a_or_i_apart(self) -> None:
        """'is a p a k i' joins to 'apaki'; the letters cannot say whether the 'a' belongs to the word ('a r s e
        h o l e'), so both readings are checked."""
        from watchtower.classify._normalise import variants
        assert variants("every face is a p a k i now") == ["every face is apaki now", "every face is a paki now"]
        assert variants("he is a r s e h o l e") == ["he is arsehole", "he is a rsehole"]
        assert variants("i want to k i l l myself") == ["i want to kill myself"]

    def test_a_hashtag_in_capitalised_words_is_also_read_as_its_words(self) -> None:
        """Round 104's '#RemigrationNow': a slogan run together in a hashtag is read as the words written apart too;
        a hashtag of one word, or in capitals, has no other reading."""
        from watchtower.classify._normalise import variants
        assert variants("#RemigrationNow Halesowen says NO") == ["#remigrationnow halesowen says no",
                                                                 "remigration now halesowen says no"]
        assert variants("#NotJustFriends #DoubleAct 🌈")[-1] == "not just friends double act"
        assert variants("#oldham #BLM #Y6SATs") == ["#oldham #blm #y6sats"]

    def test_a_slogan_in_a_hashtag_is_hate(self, clf: Classifier) -> None:
        assert_critical(verdict(clf, "#RemigrationNow Halesowen says NO. Foxcote Lane is a residential street"), "hate")

    @pytest.mark.parametrize(
        ("norm", "standard"),
        [
            ("ah'm comin for ye", "i'm coming for you"),
            ("ye'll no see christmas. ah mean it", "you'll no see christmas. i mean it"),
            ("he's deid, naebody's stoppin me", "he's dead, nobody's stoppin me"),
            ("ah ken where ye bide", "i know where you live"),
            ("the wi-fi is doon", "the wi-fi is down"),   # "wi" in wi-fi is no "with"
            ("that loon winna see monday", "that boy won't see monday"),   # Doric
            ("the quines dinna ken", "the girls don't know"),
        ],
    )
    def test_dialect_spellings_have_a_reading_in_standard_words(self, norm: str, standard: str) -> None:
        from watchtower.classify._normalise import standard_reading
        assert standard_reading(norm) == standard

    @pytest.mark.parametrize("norm", ["ah well, a good day", "a dog at the gate", "see ya never"])
    def test_standard_english_has_no_dialect_reading(self, norm: str) -> None:
        """'ah' and 'a' are 'I' only before 'm, 'll, 'd, 've or a verb such as 'ken' or 'swear'."""
        from watchtower.classify._normalise import standard_reading
        assert standard_reading(norm) is None

    def test_a_slur_spelled_out_after_a_is_a_slur(self, clf: Classifier) -> None:
        assert_critical(verdict(clf, "every other face is a p a k i now, pass rate improving my arse"), "hate")

    @pytest.mark.parametrize(
        ("raw", "plain"),
        [
            ("th@t w0man is g3tting sh0t if she c0mes n3ar", "that woman is getting shot if she comes near"),
            ("i w1ll st4b him, sw3ar d0wn!", "i will stab him, swear down!"),
            ("k!ll th3m all", "kill them all"),
        ],
    )
    def test_the_model_reads_look_alike_digits_as_letters(self, raw: str, plain: str) -> None:
        from watchtower.classify._normalise import unleet
        assert unleet(raw) == plain

    @pytest.mark.parametrize("raw", ["Y7s and 10W b4 the 1st", "th3 h0m", "email jo.b@school.org or @m1ss_j", "gr8 day",
                                     "£5 for 3 cakes"])
    def test_codes_text_speak_and_handles_have_no_second_reading(self, raw: str) -> None:
        """A word needs a look-alike between two letters and three letters in all: "Y7s", "b4" and "th3" stay."""
        from watchtower.classify._normalise import unleet
        assert unleet(raw) is None

    def test_a_threat_in_look_alike_digits_reaches_the_model(self, clf: Classifier) -> None:
        """Round 52: the threat head scored this 0.02 as written (1.00 spelled out) and it was only harassment."""
        assert_critical(verdict(clf, "th@t @ttendance w0man is g3tting sh0t if she c0mes n3ar my h0use @gain. "
                                     "l@st w@rning"), "threat")

    @pytest.mark.parametrize(
        ("raw", "joined"),
        [
            ("m i s s   t r a n t e r   u r   g e t t i n g   h i t   t m r w", "miss tranter ur getting hit tmrw"),
            ("W E   K N O W   W H E R E   Y O U   P A R K", "WE KNOW WHERE YOU PARK"),   # case as written
            ("i  d o n ' t  t h i n k  i ' l l  b e  a r o u n d", "i don't think i'll be around"),
        ],
    )
    def test_a_post_spelled_out_with_wide_gaps_between_words_is_read_with_its_words_joined(
            self, raw: str, joined: str) -> None:
        """Round 66: wide gaps say where each word ends, so short words ("h i t", "u r") are joined too."""
        from watchtower.classify._normalise import join_spelled
        assert join_spelled(raw) == joined

    def test_the_rules_read_a_post_spelled_out_with_wide_gaps_with_its_words_joined(self) -> None:
        assert normalise("m i s s   t r a n t e r   u r   g e t t i n g   h i t") == "miss tranter ur getting hit"

    @pytest.mark.parametrize("raw", ["a  b  c", "I  am  here", "Year 7  and  Year 8", "k i l l u"])
    def test_text_without_spelled_out_words_between_wide_gaps_is_left_as_written(self, raw: str) -> None:
        from watchtower.classify._normalise import join_spelled
        assert join_spelled(raw) == raw

    def test_a_threat_spelled_out_with_wide_gaps_reaches_the_model(self, clf: Classifier) -> None:
        """Round 66: as a row of single letters the threat head scored this 0.06 and it was only a possible
        concern; joined it is 0.98."""
        assert_critical(verdict(clf, "m i s s   t r a n t e r   u r   g e t t i n g   h i t   t m r w"), "threat")

    @pytest.mark.parametrize("text", ["w e   l o v e   y o u   s i r", "h a p p y   b i r t h d a y   m i s s"])
    def test_kind_words_spelled_out_with_wide_gaps_raise_nothing(self, clf: Classifier, text: str) -> None:
        """As rows of single letters the heads read noise: a threat at 0.62, safeguarding at 0.37."""
        assert verdict(clf, text).severity is Severity.NONE

    @pytest.mark.parametrize("raw", ["call 07700 900123", "@user_99", "year 7", "3pm", "£1,240",
                                     # a team's age group, a key stage, a form: not "uiss", "kse", "iob"
                                     "U15s v St Aidan's", "the U16's cup final", "KS3 science", "Kasey in 10B",
                                     # a world war, an age and a year group: not "wwl", "is-year-old", "yios"
                                     "WW1 trenches", "a 15-year-old boy", "the Y10s", "5-a-side on Sunday",
                                     # an hour told roughly, a class with a 6 or a 9: not "gish", "gb"
                                     "see you at 9ish", "Kayla in 9B", "the Year 6s"])
    def test_numbers_handles_and_times_keep_their_digits(self, raw: str) -> None:
        assert normalise(raw) == raw.lower()

    def test_a_fixture_named_by_its_age_group_is_play(self, clf: Classifier) -> None:
        """'U15s' read as 'uiss' hid the fixture from the play gate: 9 harmless posts of the labelled writers were
        critical threats ("Hollins v St Aidan's U15s: we're going to absolutely murder them on Saturday")."""
        c = verdict(clf, "Castleford U14s v Brackley on Saturday, we're gonna batter them ⚽", "own")
        assert c.severity is Severity.NONE, c.reasons
        assert any("(play 'u14s')" in r for r in c.reasons), c.reasons


class TestDesignHardNegatives:
    @pytest.mark.parametrize(
        "text",
        [
            "this homework is killing me",
            "the choir killed it",
            "knife and fork club",
            "Macbeth, plenty of stabbing on stage",
            "anti-bullying week",
            "e-safety workshop on grooming",
            "I'd kill for a snow day",
            "Dead proud of our Year 4 swimmers",
        ],
    )
    def test_are_nothing_at_all(self, clf: Classifier, text: str) -> None:
        c = verdict(clf, text, "own")
        assert c.categories == [] and c.severity is Severity.NONE, c.reasons


class TestAwarenessPostsQuoteWhatTheyTeach:
    """A lesson, assembly or campaign quotes the words it is about; there a built-in rule for threat, safeguarding
    or hate that found only the quoted words needs its head to see at least a possible concern (issue 13: slurs and
    threat phrases quoted in Anti-Bullying Week displays were a common false alarm on the school's own posts)."""

    @pytest.mark.parametrize("text", [
        "Anti-Bullying Week display is up 💙 Year 8 wrote down every word they've heard used as an insult: 'retard', "
        "'gyppo', 'ching chong'. Then we talked about why they hurt.",
        "Year 9 Citizenship examined the 'Great Replacement' conspiracy theory: where it comes from, how it spreads "
        "online and why it is false.",
        "Anti-Bullying Week: posters around school quote real messages our students have received, 'nobody would "
        "miss you' and 'go back to your country', with what to do if it happens to you.",
    ])
    def test_the_words_a_lesson_quotes_raise_nothing(self, clf: Classifier, text: str) -> None:
        c = verdict(clf, text, "own")
        assert c.severity < Severity.HIGH, c.reasons
        assert any(r.startswith("noted, raises nothing: rule:") and "awareness or teaching post" in r
                   for r in c.reasons), c.reasons

    @pytest.mark.parametrize(("text", "category"), [
        ("anti-bullying week assembly today was a joke. nobody would even notice if i was gone, i want to die",
         "safeguarding"),  # the head reads "anti-bullying week" as harmless (0.01): the words are not quoted
        ("Anti-bullying week is a joke. they call me 'the p*ki' every day in 9C and say 'go back home'", "hate"),
        ("Anti-Bullying Week my arse. I'll stab the next kid who calls me that, in the Year 8 toilets tomorrow",
         "threat"),
    ])
    def test_a_disclosure_or_threat_in_an_awareness_post_still_alerts(self, clf: Classifier, text: str,
                                                                      category: str) -> None:
        assert_critical(verdict(clf, text, "own"), category)


class TestATeachersJokeQuotedByAPupil:
    """A pupil or a parent quoting a teacher's joke ("sir said 'I will end you' to the projector") quotes threat
    words nobody meant: there the threat rule needs the threat head at quoted_rule_floor, as a lesson's quotes do.
    Not when the safeguarding head reads an allegation against the teacher, and never for a slur a teacher is quoted
    saying (13 harmless posts of the labelled writers lowered, no critical one)."""

    @pytest.mark.parametrize("text", [
        "sir really said 'I will end you' to the smartboard when it froze again 😭",
        # any staff title the rules know (_base._STAFF), not only "sir" and "Mr ...": a form tutor, a TA, the staff
        "the way our form tutor says 'I will end you' when we forget our planners but then gives us haribo 🥲",
        # remembered by old pupils (round 71's 150th anniversary): "used to say"
        "Mr Hodge (Latin 1966-1999) used to say 'I will end you, boy' if you split an infinitive. Still got it.",
    ])
    def test_the_quoted_threat_words_raise_nothing(self, clf: Classifier, text: str) -> None:
        assert_threat_phrase_only_noted(verdict(clf, text, "mention"), "a member of staff quoted")

    @pytest.mark.parametrize(("text", "category"), [
        ("Mr Platt said 'I will break your arm' to my son and grabbed him by the neck in the corridor",
         "safeguarding"),
        ("Mr Platt said 'get back to your own country' to the new boy in 8C", "hate"),
        ("a Y9 lad squared up to me and said 'I will stab you after school'", "threat"),   # not a member of staff
    ])
    def test_an_allegation_a_slur_or_a_pupils_threat_still_alerts(self, clf: Classifier, text: str,
                                                                  category: str) -> None:
        assert_critical(verdict(clf, text, "mention"), category)


class TestAThreatAtTheWritersOwnFamily:
    """A threat phrase aimed at the writer's own family ("gonna strangle our kid if he loses another tie") is how a
    parent or a sibling moans about a household mishap: the threat head must agree at threat_rule_floor, as for a
    threat read through dialect (7 harmless posts of the labelled writers lowered, no critical one). What a child
    says an adult at home will do to a brother or sister still reaches the DSL through the heads."""

    @pytest.mark.parametrize("text", [
        "I'm going to murder my son, a red sock in with the school shirts. Everything's pink",
        "gonna strangle our kid if he loses another glove this winter",
        "i could strangle my daughter, that's the third school jumper this term",
    ])
    def test_a_household_moan_raises_nothing(self, clf: Classifier, text: str) -> None:
        assert_threat_phrase_only_noted(verdict(clf, text, "own"), "(model threat=")

    @pytest.mark.parametrize(("text", "category"), [
        ("stepdad said he'll strangle our kid if he cries again. im scared for him", "safeguarding"),
        ("mum says she's gonna batter our kid when she finds out, she did it last time and he couldn't sit down",
         "safeguarding"),
        ("I'm going to stab my brother tonight when he's asleep, i'm done with him hitting me", "threat"),
    ])
    def test_harm_at_home_still_alerts(self, clf: Classifier, text: str, category: str) -> None:
        assert_critical(verdict(clf, text, "mention"), category)


class TestThePhrasesMostOftenSaidInPlay:
    """"I will end you", "I'll kill him", "I'm going to murder him", "I'll strangle him" (to a photocopier, a biscuit
    thief, a son who lost his third jumper) and a team's or a staffroom's "we" ("we're going to batter them Saturday",
    "whoever took the last custard cream, we will find you") need the threat head's agreement at threat_rule_floor:
    over the labelled writers up to round 75 the rule alone raised 134 harmless posts with them and no risk needed
    it. The same words with a head that reads a threat still alert, and "batter" or "smash" from one person needs no
    head at all."""

    @pytest.mark.parametrize("text", [
        "if anyone eats my haslet sandwich out the staffroom fridge again I will genuinely end them",
        "Mrs Gough shouting 'I WILL END YOU' at the photocopier again, someone get that woman a brew",
        "Whoever took the last custard cream from the staffroom: we will find you, and there will be consequences",
        "their keeper's got hands like a bag of chips, we're gonna batter them",
        "He's lost his glasses. Again. £60. I'm going to kill him, resuscitate him, and kill him again",
        "If my son leaves his wet towel on the floor ONE more time I'm going to murder him",
        "If our Callum loses one more tie I will actually strangle him with it. Fourth this half term.",
        "Explained to my mum that 'I'm going to shoot you in the face' was about a paint roller in a cartoon game",
        "Note on the staffroom fridge: 'To the person who ate my yoghurt, I will find you.' Signed, head of science",
        "who keeps raiding my base on the school Rust server at 3am? i will find you and take all your scrap",
    ])
    def test_the_phrase_alone_raises_nothing(self, clf: Classifier, text: str) -> None:
        assert_threat_phrase_only_noted(verdict(clf, text, "mention"), "(model threat=")

    @pytest.mark.parametrize("text", [
        "I will kill you",
        "I'm going to shoot you",
        "Jayden I will kill you at break",
        "I will find you and hurt you",
        "we will end you, tomorrow, at the gates",
    ])
    def test_a_post_that_is_little_more_than_the_threat_alerts_on_the_phrase(self, clf: Classifier, text: str) -> None:
        """The threat head reads a bare threat ("I will kill you", "I'm going to shoot you") at 0.00: a post of
        fewer than twelve words gives it nothing else to read, so the phrase stands on its own there."""
        assert_critical_threat_on_the_phrase(verdict(clf, text, "mention"))

    @pytest.mark.parametrize("text", [
        "Lily better not come in on Monday. We're going to end her. Whole group agreed.",
        "u grassed me up so im gonna end u. not a joke not banter. watch ur back monday",
        "we know where you live, indoctrinator. keep filling our kids heads with that and see what happens",
        "im going to kill everyone in 9T at marsh lane. fuck all of u",
    ])
    def test_a_threat_in_the_same_words_still_alerts(self, clf: Classifier, text: str) -> None:
        assert_critical(verdict(clf, text, "mention"), "threat")

    def test_batter_from_one_person_needs_no_head(self, clf: Classifier) -> None:
        """Round 75's "genuinely gonna batter Mr Cole when I see him on results day" was read by the threat head at
        only 0.19: "batter" and "smash" said by one person are threats in over a hundred labelled posts."""
        assert_critical_threat_on_the_phrase(
            verdict(clf, "genuinely gonna batter Mr Cole when I see him on results day. 3 marks off a 5", "mention"))


class TestThreat:
    @pytest.mark.parametrize(
        "text",
        [
            "I'm going to shoot up the school tomorrow",
            "i'll k1ll u",
            "gonna k i l l mr hughes",
            "I will sh00t every teacher in that building",
            "there's a bomb in the school",
            "bringing a knife to school on monday",
            "@danny you're dead meat 🔫",
            "see you tomorrow @keira 🔪🔪",
            "someone should stab that teacher",
            "I know where you live",
            "I will find out where that teacher lives",
            "ur all gonna get what u deserve on friday",
            "Some kids from your school were fighting outside Tesco, one had a knife",
            "my mate said he is going to bring his dads gun in tomorrow, should I tell someone?",
            "a lad from your school pulled out a blade at the bus stop",
            "her address is 22 Oak Road BS5 6TT go get her",
            "bringin my bl4de 2 skl",
            "ur dead 💀 after school",
            "we found out where Mrs Carter lives",
            "gonna bl0w up the sk00l",
            "Im coming to the school with a gun",
            # found by hand in two later rounds of realistic posts (the second round written before any fix)
            "im gonna batter that ginger kid from year 8 at the gates tomorrow watch",
            "gonna make mr patel regret the day he gave me a detention. he wont see it coming",
            "if they exclude my son again I swear I will come down there and smash the place up",
            "Stab stab stab thats what ur getting",
            "Everyone stay home friday. Trust me. Something big is happening at Oakfield",
            "someone needs to sort that teacher out properly, ill do it myself",
            "ur gonna get ur head kicked in at 3:15 dont bother running",
            "if my kid gets excluded I'll be waiting for the head in the car park",
            "Keep posting my son's photo and see what happens to you",
            "one more word from that dinner lady and she's getting slapped",
            "shooting this place up would be doing everyone a favour",
            "told him if he shows his face at the bus stop again he's leaving in an ambulance",
            # round 86: in the back of one, at the end of a complaint
            "You sent my daughter home again. Your head of year will be leaving in the back of an ambulance. Try me.",
            "i'm not joking this time, tomorrow is the day everyone at that school finds out",
            "if that ref gives another dodgy decision tomorrow hes not getting to his car in one piece",
            "I will find you and you will regret ever putting my daughter in isolation",
            "someone should teach that PE teacher a lesson he wont forget, he'll need more than a plaster",
            "tell ur brother he's dead when i see him",
            "i'm going to end this kid after school",   # no career after it: a threat
            "i'm going to smash her face in at the gates",   # a face, not an exam
            "Mr Hale, we know where you live (14 Ash Grove). Watch it.",   # an address in the brackets
            "That speaker comes to Bury, she goes home in an ambulance. Simple as.",   # round 227
            # round 229: the journey first, then the harm
            "Refund the deposit by Friday or I will drive to Malvern and hurt you. Consider this your written warning",
        ],
    )
    def test_threats_are_critical(self, clf: Classifier, text: str) -> None:
        assert_critical(verdict(clf, text), "threat")

    @pytest.mark.parametrize(
        "text",
        [
            "this homework is killing me",
            "The choir killed it!",
            "Knife and fork club for Reception on Tuesdays",
            "Macbeth, plenty of stabbing on stage",
            "Year 11 smashed their mocks",
            "The bake sale went down a bomb",
            "Netball shooting practice is at lunch",
            "I'll shoot y'all an email about the bake sale tomorrow",   # sending, not shooting
            "PC Jones talked to Year 9 about the dangers of carrying a knife",
            "my mum is going to kill me when she sees my report",
            "Food tech: knife skills with Year 8 🔪",
            "Year 7 history: why Guy Fawkes wanted to blow up Parliament",
            "Does anyone know where the new head lives? We want to send flowers",
            "Food tech: Year 8 had a knife skills lesson today",
            "Year 11 will get what they deserve: brilliant results on Thursday",
            "The chef had a knife and fork ready for the Year 3 cookery club",
            "Shh, Mrs Smith won't see it coming - surprise retirement party on Friday!",
            "Try it at home and see what happens when you mix vinegar and baking soda!",
            "Please stay home tomorrow if your child has a temperature, trust me it spreads fast",
            "Don't come in tomorrow - the school is closed for the snow. You have been warned about the ice!",
            "Someone needs to sort that class out, they were so noisy on the trip",
            "sorting the kids' uniforms out for September once and for all",   # clothes, not the kids
            "the timetable planner should be hung, drawn and quartered for a 5am start",   # the Tudor punishment, said
            pytest.param("If it rains I'll be waiting for her outside the gates", marks=HEAD_FALSE_ALARM),
            "He's getting kicked off the team if he misses training again",
            "Year 5 are going to smash the times tables challenge this week",
            "Please don't let children bring fidget spinners or toy guns into school",  # a false alarm of -0651 only
            "Nerf guns at school are banned from Monday",
            "Every single kid in Year 3 doing finger guns in the class photo 😂",   # round 87: a pose, not a gun
            "Tomorrow is the day the Year 6s find out their SATs results!",
            "The cake didn't make it home in one piece!",
            "Don't worry, we'll find you a seat at the concert",
            "Our visiting author will teach them a lesson in storytelling they'll never forget",
            "The new head has really shot the school up the league tables",   # a ranking, not a shooting
            "Daddy's home tomorrow and my two are going to strangle him with hugs",   # love
            "She passed her grade 5! I could kiss her teacher, I could strangle her coach with sheer joy",   # joy
            # round 64: a career ended, a knife brought to a gunfight, a knife carried across a food-tech kitchen
            "i'm going to end this kid's whole career on saturday. pembury's keeper has never seen aerials like mine",
            # a game's journey and harm: "find you and end you", "let's go and kill them" (round 229's rule leaves them)
            "'I'm going to hunt you down and end you' - my 12 year old to his best mate on Among Us",
            "Staff vs parents cricket this Sunday, let's go and kill them, no mercy 😂 bring your own bat",
            "St Aidan's brought a knife to a gunfight today. Respect to them, they had the best crowd.",
            "The hockey girls brought the knives out today, ruthless 6-0 win away at Ledbury!",   # round 187's idiom
            "Food tech: knife safety day! The 'bridge and claw' grip, how to carry a knife across a kitchen, and why "
            "you never catch a falling one.",
            # an exam or a record smashed, not a person
            "She's going to smash her A levels, she's worked her socks off all year",
            "My daughter said she was going to smash her piano exam and she SMASHED it. Distinction!",
            "gonna smash the school record for ice pops eaten in one day. target: 9. wish me luck",
            # the joke told at once in brackets
            "Harrowgate Park Year 9 rugby, we know where you live (bottom of the league table)",
            "Whoever took my stapler from the club office: I know where you sleep. (I don't. But I will find out.)",
            "Whoever keeps leaving ONE biscuit in the packet: we know where you live (it's the English department).",
            # found by hand in the fifty-sixth session: a photo to be framed (the threat head read 0.98)
            "Lovely photo of the Y6s on the front page. That one's getting framed for Nana.",
        ],
    )
    def test_idioms_and_school_life_are_not_threats(self, clf: Classifier, text: str) -> None:
        assert "threat" not in cats(clf, text)

    @pytest.mark.parametrize(("text", "quoted"), [
        # round 58: a call to gather and "sort out" the head or a gang
        ("who's up for meeting at the gates friday and sorting the head out properly?",
         "sorting the head out properly"),
        ("sorting them waltzer lads out once and for all saturday", "sorting them waltzer lads out once and for all"),
        # round 60: a head, face, teeth or skull to be kicked, stamped, smashed or caved in, someone else's ("im
        # stamping his head in" raised nothing: the rule knew only "kick your head in" as a verb before a target)
        ("if jago coughs on me one more time im stamping his head in at break frfr 😤", "stamping his head in"),
        ("i'll boot that teachers head in, ye'll see", "boot that teachers head in"),
        ("next time I see him I'm caving his skull in", "caving his skull in"),
    ])
    def test_a_threat_the_heads_missed_is_the_rules_threat(self, clf: Classifier, text: str, quoted: str) -> None:
        """Kinds of threat the first-sight rounds showed the threat head missing: the rule decides, whatever the
        head reads, and quotes what it read."""
        assert f"rule:threat_phrase '{quoted}'" in verdict(clf, text).reasons

    @pytest.mark.parametrize("text", [
        "Head keeps sending fines out. Head also walks that little spaniel down the beach every morning about 7. "
        "Just putting it out there, no reason.",
        "Heard she walks the dog round the reservoir on her own of a Sunday morning. Brave woman, very brave 😏",
        "Mr Lowe leaves the staff car park at 6 most nights. For anyone wondering.",
    ])
    def test_a_targets_routine_told_with_a_nudge_is_a_veiled_threat(self, clf: Classifier, text: str) -> None:
        """Rounds 58 and 60: where and when the head walks alone, "just putting it out there" or "brave woman", read
        as harassment or nothing. Over the labelled writers 22 such posts, all critical, and no harmless one."""
        assert any(r.startswith("rule:veiled_threat") for r in verdict(clf, text).reasons)

    @pytest.mark.parametrize("text", [
        "Mr Hill runs to school every morning at 7, what a legend, 5k before registration!",
        "Mrs Day walks her dog past the gates every morning and the Reception children adore him",
    ])
    def test_a_routine_without_a_nudge_is_news(self, clf: Classifier, text: str) -> None:
        assert not any(r.startswith("rule:veiled_threat") for r in verdict(clf, text).reasons)

    @pytest.mark.parametrize("text", [
        "the hangover is kicking my head in",                        # the writer's own
        "they kicked his head in outside the chippy last night",     # an account of what was done
        "we're gonna kick their heads in at the tug of war on sports day",   # play: noted, raises nothing
    ])
    def test_the_writers_own_head_an_account_or_play_is_not_that_threat(self, clf: Classifier, text: str) -> None:
        assert not any(r.startswith("rule:threat_phrase") for r in verdict(clf, text).reasons)

    def test_reason_quotes_the_phrase(self, clf: Classifier) -> None:
        assert "rule:threat_phrase 'i'm going to shoot you'" in reasons(clf, "I'm going to shoot you")


class TestPlay:
    """Threat words in a game, a fixture or an explicit joke (issue 13: most of the threat rules' false alarms on
    the writers' posts). There a loose threat rule (a threat phrase, a weapon emoji) needs the threat head to agree,
    a weapon emoji needs it anywhere, and the rule's reason is kept as "noted, raises nothing"."""

    @pytest.mark.parametrize(
        "text",
        [
            "Mr Price I will end you at laser tag on Friday",
            "see you in the cup final, we're going to batter you lot 🏆",
            "the sports podcast lads think they're winning the cup. we're gonna murder u lot in the final",   # round 62
            "Y9 girls are gonna batter St Aidan's in the final on Saturday",
            "going to shoot you on Fortnite after school lol",
            "Under-12s: Oakfield, we're coming for you on Saturday! 😤⚽",
            "great run at the county champs, Calderdale we're coming for you next year",
            "me when sir says surprise spelling test 🔫😐 (nerf obviously)",
            "Caverleigh 1st XV we're coming for you saturday 🏉",                  # a fixture
            "gonna absolutely batter the teachers at netball on friday",             # a fixture
            "I'll kill yer at darts Friday Mr Willetts, bring yer A game to the staff v parents night",
            "I could strangle our kid, left his PE kit on the bus AGAIN",            # a household mishap
            "I am going to MURDER my son. He left his violin in the Uber again",
            "I'm gonna strangle our kid, he's used all me straighteners on his fringe 😭",   # a household mishap
            "darts society: I will end you with a double top. stay humble",          # a club's game
            "welcome to imps land, we'll batter you 5-0 at lunch footy every day 😤⚽",   # a scoreline
            "I swear down I'm going to kill him if he loses another tie 😂",         # a household mishap
            "our Ellie's gonna batter her brother, he's told the whole school she fancies the lad from the chippy",
            "Whoever finished the Coco Pops and put the box back: I will find you. Signed, breakfast club",   # petty
            "Whoever keeps moving the PE cones: I'm coming for you. Love, the site team",
            "ah'll batter ye at the fitba Tuesday, bring yer shin pads",            # a fixture, in Scots
            "we're gonna murder them at the charity cricket, bring ice packs",     # a charity match
            "Dead by Daylight tonight, I'm killer, hide your families 😈🔪",        # a game
            "off with scarlet fever lol. see you in the replay, we're coming for you",     # a cup replay
            "we'll batter you at cross country when it thaws Matlock, don't get comfy",   # a race (round 64)
            "If our Jack isn't home by 4 I'll kill him, he's been told to come straight back",   # a worry (round 66)
            "Inter-yards tug of war tonight, lads vs lasses. Lasses are going to end you lot",   # round 68
            "Alumni 5-a-side this Sunday: Old Boys, we are coming for you. No mercy.",   # '5-a-side' kept its 5
            "if anyone touches the last slice of my Victoria sponge at the fete I will end you. Lovingly.",   # love
            "If Year 9 ask me ONE more time whether the test 'counts' I am going to end them. Not literally.",
            "Tangerines till I die 🍊 we'll murder them Saturday, 3-0 and a clean sheet, book it",   # a scoreline
            "I'll smash you on the bumper cars at the fair saturday, no mercy 😤",   # a ride raced for fun (round 91)
            "We're gonna wipe the floor with Hollybrook at the quiz-and-football day. Say your prayers 😎",  # round 104
            "We're going to batter you lot at the Whit Friday contest, then buy you a brew",   # round 131
            "Mr Kaur's choir is going to destroy you at the choir competition, sorry not sorry",
            "Nan I will end you in a game of Uno at Christmas",   # any game (round 135)
            "Highfold v Thornbeck derby Thursday. Thornbeck are dead men walking 💀⚽",   # a loose entry in play
            "we're gonna destroy u in the interschool cricket tmrw, sleep with one eye open 😈",   # round 137
            "Futsal final 9A vs 9C tonight. 9C you're going home in an ambulance 😂",   # a final and its teams
            "Downside Vale netball team, sleep with one eye open, we are coming for that trophy 🏐😤",   # round 197
        ],
    )
    def test_threat_words_in_play_raise_no_threat_alert(self, clf: Classifier, text: str) -> None:
        """The rule raises nothing; the threat head alone may still make a low score a possible concern (high),
        never a critical alert below its threshold."""
        c = verdict(clf, text)
        assert "threat" not in c.categories and c.severity < Severity.CRITICAL, c.reasons
        assert not [d for d in c.decisions if d.category == "threat" and d.by == "rule" and d.tier != "noted"]

    def test_the_rule_that_fired_is_still_shown_as_noted(self, clf: Classifier) -> None:
        c = verdict(clf, "Mr Price I will end you at laser tag on Friday")
        assert "noted, raises nothing: rule:threat_phrase 'i will end you' (play 'laser tag')" in c.reasons
        noted = [d for d in c.decisions if d.tier == "noted"]
        assert [(d.category, d.by, d.name, d.threshold_key) for d in noted] == [
            ("threat", "rule", "threat_phrase", "threat_play_threshold")]

    @pytest.mark.parametrize(
        "text",
        [
            "jk but seriously I'm going to stab you after school",
            "I'm not joking, I'm going to stab you at the gates tomorrow",
            "after football tomorrow he's getting jumped, everyone bring your mates",
            "after the football final he's getting jumped, sleep with one eye open",   # a final's bare name
            "@danny you're dead meat 🔫",
            "🔪 @kyle see you tomorrow",
            "i'm going to kill my son, he hit me again and i've had enough",      # no mishap: not play
            "i'm going to stab him when his mam is at bingo tonight",             # a place, not a game
            "this is the final warning. i'm going to stab you at the gates",     # the final warning, not a final
            "Whoever keyed my car in the staff car park, I will find you and break every finger you've got",
            "Whoever's been bullying my daughter in 4K, I will find you and I will end you",   # a hurt child
            "im coming for you tomorrow after school @josh",   # 'to' of 'tomorrow' was read as 'coming for you to ...'
            "i'm going to stab you at the gates tomorrow, and not literally in the back either",   # not taken back
        ],
    )
    def test_what_is_not_play_stays_a_threat(self, clf: Classifier, text: str) -> None:
        """"Not joking", a joke taken back ("jk but seriously") and a sport's bare name are not play; a bare threat
        phrase outside play decides alone, because the head misses short ones."""
        assert_critical(verdict(clf, text), "threat")

    @pytest.mark.parametrize(
        "text",
        [
            "🍕 pizza party for the form with best attendance. 10J we're coming for you 😤",
            "castlebrook fans crying into their pies on saturday 😂 kingsmead are coming for you",
            "Whoever hid the head's mug in lost property: she is coming for you.",
            "Year 11 mocks are coming for you. Revise!",
            "Staff netball team: they're coming for you Year 11, bring plasters",
        ],
    )
    def test_a_team_or_someone_else_coming_for_you_is_not_the_threat_phrase(self, clf: Classifier,
                                                                            text: str) -> None:
        """Over 120 labelled posts hold "coming for you"; a team's ("we're"), a side's ("kingsmead are") or a third
        person's ("she is") was sport or a mock threat but for a few, each with other evidence of a threat."""
        assert not [r for r in reasons(clf, text) if "threat_phrase" in r]

    def test_the_writers_own_coming_for_you_is_the_threat_phrase(self, clf: Classifier) -> None:
        assert "rule:threat_phrase 'coming for you'" in reasons(clf, "I'm coming for you Ryan. You hit my boy.")

    def test_a_weapon_emoji_the_model_reads_as_play_raises_nothing(self, clf: Classifier) -> None:
        c = verdict(clf, "when the teacher says there's a test tomorrow 🔫😐")
        assert "threat" not in c.categories, c.reasons
        assert any(r.startswith("noted, raises nothing: rule:weapon_emoji") for r in c.reasons), c.reasons

    def test_a_threat_written_in_scots_is_a_threat(self, clf: Classifier) -> None:
        """Round 40: 'ah'm comin for ye' is 'I'm coming for you' once its dialect is read as standard words."""
        c = verdict(clf, "Ye'll no see Christmas, Mr Lowther. Ah mean it. Ye humiliated ma laddie in front o the "
                         "whole class and ah'm comin for ye")
        assert_critical(c, "threat")
        assert "rule:threat_phrase 'coming for you'" in c.reasons, c.reasons

    @pytest.mark.parametrize(
        "text",
        [
            "We're gonna smash yous at the cross country, Calderwood, you've been warned 🏃‍♀️💨",
            "A'm gonnae kill Mr Forbes. He's set a test on the Monday efter the school disco. Nae mercy fae that man",
        ],
    )
    def test_a_threat_found_only_in_the_dialect_reading_needs_the_threat_head(self, clf: Classifier,
                                                                                 text: str) -> None:
        """What only the standard-words reading finds is a guess about the words: below threat_rule_floor the
        head reads it as banter, and the rule's reason is shown as noted."""
        c = verdict(clf, text)
        assert "threat" not in c.categories, c.reasons
        assert any(r.startswith("noted, raises nothing: rule:threat_phrase") for r in c.reasons), c.reasons

    def test_in_play_the_threat_head_needs_the_play_threshold_for_an_alert(self, clf: Classifier) -> None:
        """The head's alert threshold is tuned low for posts with no play in them; in a game a low score is a
        possible concern at most, with the play named in its reason."""
        text = "going to shoot you on Fortnite after school lol"  # the threat head: 0.06 (-1536), 0.0006 (-1720)
        lenient = verdict(load_classifier(ClassifierConfig(threat_play_threshold=0.9)), text)
        assert lenient.severity <= Severity.HIGH and "threat" not in lenient.categories, lenient.reasons
        assert any("play 'fortnite'" in r for r in lenient.reasons), lenient.reasons
        strict = load_classifier(ClassifierConfig(threat_play_threshold=0.0001))
        assert "threat" in verdict(strict, text).categories

    def test_the_check_can_be_turned_off(self) -> None:
        off = load_classifier(ClassifierConfig(threat_rule_floor=0))
        assert_critical(verdict(off, "Mr Price I will end you at laser tag on Friday"), "threat")


class TestTheOtherSensesOfBombsAndBlowingUp:
    """A school's feed flooded with posts ("gonna blow up the school insta with these mural pics", rounds 55 and 57)
    and the bombs a class makes ("Year 4 have made 300 wildflower seed bombs") are not attacks on the school; the
    same words about the building still are."""

    @pytest.mark.parametrize("text", [
        "we're gonna blow up the school insta with the sports day pics 💥",
        "Bomb the playground! Reception made bath bombs for the Christmas fair 🛁",
        # a bomb emoji before a school word reads "bomb classroom": a decoration the threat head must agree with
        "💣💥 Y5 science volcano experiment 💥💣 classroom may never recover",
        "🧨🎉 year 11 leavers day 🎉🧨 the school survived (just)",
        # the bomb-with-'evacuate' or countdown entry: fish in a microwave, a prom in three weeks (round 71)
        "🧨 Year 12 common room after someone microwaved fish. Evacuate. This is not a drill",
        "Bl 11 prom countdown 💣💣💣 3 weeks!!",
        # round 75: with no bomb written, the emoji's bomb before any place is a decoration too
        "🎅💣💥 the christmas crackers in the canteen went OFF",
    ])
    def test_a_feed_or_a_craft_is_no_threat(self, clf: Classifier, text: str) -> None:
        assert verdict(clf, text, "own").severity is Severity.NONE, verdict(clf, text, "own").reasons

    @pytest.mark.parametrize("text", [
        "im going to blow up the school tomorrow",
        # the rules blank every bomb in a post about seed bombs: here the threat head alone reads it (1.00)
        "there's a bomb in the school and the seed bombs are a cover",
        "bomb the school tomorrow 💣 you have been warned",                 # written in words beside the emoji
        "there'll be a surprise in the sports hall at 7. everyone better be out by then 💣 tick tock",
    ])
    def test_the_building_is_still_a_threat(self, clf: Classifier, text: str) -> None:
        assert_critical(verdict(clf, text, "mention"), "threat")

    def test_a_warning_about_hoax_bomb_threats_is_no_threat(self, clf: Classifier) -> None:
        """Round 66: a school's warning about the 'fake bomb threat' trend was a critical threat by the bomb-threat
        rule and the bomb-with-'evacuation' entry."""
        c = verdict(clf, "The 'fake bomb threat' prank trend: one hoax call means an evacuation, armed police, and a "
                         "criminal record for whoever made it. Please have the conversation at home.", "own")
        assert c.severity is Severity.NONE, c.reasons

    def test_a_plan_to_phone_in_a_hoax_bomb_threat_is_still_a_threat(self, clf: Classifier) -> None:
        assert_critical(verdict(clf, "there'll be a bomb threat tomorrow, evacuate early lol", "mention"), "threat")


class TestAChildMissingToldAsNews:
    """A child missing told as news or asked about ("a kid went missing during the parade", "why a Year 8 walked out
    at lunch and still hasn't been found") is the DSL's at once, whoever tells it; not once the child is found, not
    a play about it, not what the child owns ("my son's coat has gone missing again"). 3 critical posts of the labelled
    writers raised; 1 harmless post and 2 lost-property queries and complaints no longer critical."""

    @pytest.mark.parametrize("text", [
        "a Year 5 boy wandered off from the museum trip and still hasn't been found, police are there now",
        "is it true a girl from 10B has been missing since Friday? nobody is saying anything",
        "my daughter's friend (14) has been missing since Sunday night, please share",
        "our kid's been missing since tea time, he's only 11",
        # round 58: a lost child asked after at an event, a named child searched for
        "LOST CHILD at the summer fair, little girl about 4 in a yellow coat, please bring her to the cake stall",
        "still no sign of Kyle. police dogs were out on the field all night",
        # round 60: a child asked after while a search is out
        "Any update on the Bancroft Green lad? Saw the search team and the dog out on the common last night",
        "Police helicopter over the woods again. Is it for that girl from the academy?",
        # rounds 61 and 63: a child lost told as a scene
        "Lost a 5 year old at the Christmas fayre. Dark blue coat, Paw Patrol wellies. If you see him hold on to him",
        "URGENT my 5 year old has slipped off from the photo queue and nobody can find him. Blue jumper",
        "a mum just came running down the close asking if anyone's seen her youngest. Blue wellies. Eyes peeled.",
        # round 77: the police searching for a child, told by the school or the news
        "We are working with the police to trace one of our students. Please speak to Mrs Hale if you know anything",
        "Police are asking for help to find a 14-year-old girl last seen near the leisure centre on Friday",
    ])
    def test_the_rule_reads_it(self, clf: Classifier, text: str) -> None:
        c = verdict(clf, text, "mention")
        assert_critical(c, "safeguarding")
        assert any(r.startswith("rule:child_missing") for r in c.reasons), c.reasons

    @pytest.mark.parametrize("text", [
        "a Year 5 boy wandered off on the museum trip and was found safe an hour later, well done staff",
        "Year 9 drama: a devised piece about a teenager who goes missing after a party. Tickets £3",
        "it'd be a shame if his bike went missing after school",  # a threat, which the threat head reads
        "my son's PE kit has gone missing again",
        "FUMING, my daughter's dinner money went missing from the class tray",
        "Lost child found! She was at the tombola the whole time, thank you everyone x",
        "LOST CHILD NOW FOUND, the little lad in the dinosaur t-shirt, please stop sharing",
        "still no sign of the rain stopping, police horses at the show have been moved",
        "Mr Greaves has lost the Year 7 register again. Send a search party for the lad who had it last",
        "Any update on the lad? Search team were out all night. Found safe and well, thank you all",
        "Stranger danger talk for Reception: the police dog was the main attraction",
        "First day of the holidays and I've lost my child to Call of Duty. Last seen shouting 'flank him'. Send snacks",
        "anyone seen her youngest's school shoes? left in the hall after the fayre, please message me",
        "We lost our little boy in 2019. Please give what you can to the hospice walk on Sunday",   # a child who died
        "has anyone seen a boy band live? Year 6 want to know if it's worth it",
        # round 75: a child who might go missing, in advice
        "A reminder that if your child goes missing over the holidays, call 999 straight away",
        "Reminder from the safeguarding team: if a child is missing, call 999 first, then ring us",
        # round 221: advice again, with what the reader thinks
        "Reminder: if you think a child is missing or being exploited, call 999. You do NOT have to wait 24 hours",
        "PCSO Hart helped find a Year 7's bike after it was taken from the racks",   # a child's thing
        "Update: police have now found the 14-year-old girl safe and well. Thank you for sharing",
        # round 78: the war dead named on a battlefield trip
        "On Sword Beach Year 11 read out the names of three lads from the town who landed in 1944 and never came home",
    ])
    def test_found_a_play_or_a_thing_is_not_a_child_missing(self, clf: Classifier, text: str) -> None:
        assert not any(r.startswith("rule:child_missing") for r in verdict(clf, text, "mention").reasons)


class TestSafeguarding:
    @pytest.mark.parametrize(
        "text",
        [
            "i want to die",
            "thinking of unaliving myself",
            "i want to k1ll myself",
            "i want to k i l l myself",
            "been self harming again",
            "cutting my arms again",
            "my stepdad hits me and i'm scared to go home",
            "he said it's our little secret",
            "u look mature for ur age, don't tell your mum",
            "my daughter is missing, she didn't come home from school",
            "Mr Thompson touched my daughter",
            "the PE teacher messages year 10 girls",
            "kys nobody would miss you",
            "older lads paying kids to carry packages for them, county lines",
            "year 9 girls sending nudes around",
            # found by hand with realistic parent posts
            "Who is the DSL at your school? I am worried about a child in my street",
            "My son came home with bruises again and says a teacher grabbed him",
            "the school bus driver keeps giving my daughter sweets and asking her to sit at the front",
            "I'm concerned for the welfare of a girl in my son's class",
            "he keeps saying hes going to hurt himself if his mum finds out about his grades",
            "my daughter is self harming and the school has done nothing",
            "please help, my daughter has run away and isnt answering her phone",
            "i want 2 die",
            "my teacher asked me to keep our messages secret and not tell my mum",
            "when you visit again we'll keep it a secret from the school, just us x",
            "i cant do this anymore, nobody would even notice if i was gone",
            "everyone would be better off if i just disappeared",
            "I took 20 paracetamol an hour ago and now I'm scared",
            "theres a man in a white van who keeps offering the year 7s lifts outside the gates",
            "a man has been hanging around the school gates taking photos of the children",
            "year 9 girl being passed round at parties by older lads, everyone knows",
            "there's a 19 year old lad picking up year 9 girls from outside school in his car",
            "she's only 14 and he's 25, he meets her after school every day",
            "older boys are paying kids from the school to carry packages to the estate",
            "Mr Hughes put his hand on my daughter's thigh during the trip, she told me tonight",
            "my friend told me her uncle touches her when she stays over, what do i do",
            "Staff at oakfield covered up what the PE teacher did to those kids",
            "nobody would care if i walked into the sea tonight",
            "Your teaching assistant has been texting my 13 year old at midnight telling her not to tell anyone",
            "the year 10s made a year 7 strip in the toilets and filmed it",
            # under a photo of the school show is where a stranger asks a child's age: a show is not a lesson
            "loved the year 8 production, ur so pretty 😍 how old r u? dm me a pic in ur costume",
            # "day" and "week" are awareness words only in names like "anti-bullying week", not in "every day"
            "a man online keeps messaging my daughter every day asking for pics",
            "my friend gets hit by her dad every week",
            # a coach or teacher who hits a child or shuts one in (round 34's sports clubs)
            "the boxing coach gave my son a slap round the head for dropping his guard",
            "Miss Hart locked a year 3 in the store cupboard for talking",
            "the head locked a year 7 in the PE store for an hour",   # round 57: "the PE store"
            # the kind of child may come first: "the SEN kids", "the autistic boys" (round 36)
            "Ask Mrs D why she shuts the SEN kids in the quiet room for hours at a time",
            # round 81: a child pinned to a wall by staff; a man at the gates reported and not dealt with
            "miss d pinned ellis against the wall n said tell anyone n ur next",
            "The school has done nothing about the man hanging round the gates. I've reported him three times.",
            # round 83: what a parent makes a child do is still read after a reason ("when i answer back")
            "my step mum makes me sleep in the shed when i answer back",
        ],
    )
    def test_a_child_at_risk_is_critical(self, clf: Classifier, text: str) -> None:
        assert_critical(verdict(clf, text), "safeguarding")

    def test_a_man_at_the_gates_is_named_to_the_dsl_as_what_he_is(self, clf: Classifier) -> None:
        """The reason is what the DSL reads first: a stranger at the gates, not a gift of sweets."""
        c = verdict(clf, "Nobody has done anything about the man hanging round the school gates every afternoon")
        assert_critical(c, "safeguarding")
        assert any(r.startswith("rule:stranger_at_the_gates ") for r in c.reasons), c.reasons

    @pytest.mark.parametrize("text", [
        # round 111's false alarms: a deed called suicide, a style so sharp, a bereaved mother's plea to the lads
        "casting into that wind was suicide, every fly came back and slapped me in the face",
        "that line-up's so sharp I cut myself just looking at it",
        "She asked the lads to stop jumping off the bridge 'so no other mother has to do what I do'",
        "Don't jump off the bridge at the weir into the river. It looks deep. It isn't.",
        # round 112's: a race
        "I'm going to die at 5k. Tell my family I loved them and that I only entered because of the free banana.",
        "honestly going to die on the cross-country, that hill is vertical",
        # round 237's: the last mile, and a sports hall's floor
        "I'm going to die on the last mile on Saturday, I just know it. Tell my mum I loved her",
        "if they make us do the bleep test while fasting again i am actually going to die on that sports hall floor",
        # exasperation: the writer's death after "if ... one more" (rounds 221 and 229, and 41 more labelled posts)
        "if my mum asks me to fill one more sandbag i'm actually going to die",
        "Overheard in the staffroom: 'If Year 10 ask me one more time if the trip is off I'll walk into the sea.'",
        "If I hear Baby Shark one more time on this taxi I will simply walk into the sea",
        "if anyone says 'one more lap' at cross country again im gonna end it all 😂 legs are gone",
        # the sea without the intent: an exam borne (the rule once read it only beside another of its words)
        "GCSE maths paper 3 has me ready to walk into the sea like a Victorian widow 🌊",
        "Pokémon Go on the prom is carnage, someone nearly walked into the sea chasing a Lapras 😂",
        # the reader's feeling named to point them to help, as the rule's other words are read
        "If you ever feel like walking into the sea tonight, talk to Childline or any of our staff",
    ])
    def test_a_verdict_an_idiom_or_a_plea_is_not_the_self_harm_rule(self, text: str) -> None:
        names = {h.name for h in safeguarding_hits(normalise(text))}
        assert not names & {"self_harm", "self_harm_reported", "self_harm_topic_first_person"}, names

    @pytest.mark.parametrize("text", [
        "i'm going to jump off the bridge tonight",
        "I cut myself again last night",
        "my counsellor asked if I've thought about suicide and I said yes",
        # the sea with the intent beside it, every time (its words were once read only beside another of the rule's)
        "i'm going to walk into the sea tonight",
        "might just walk into the river after school and keep walking. water's nice and cold down there",
        # "one more" said to be meant, or not the exasperated "if ... one more"
        "honest to god if i get one more C3 im going to end it. not the detention. me.",
        "one more day like this. I'm going to end it all tonight",
    ])
    def test_the_writers_own_intent_still_is(self, text: str) -> None:
        names = {h.name for h in safeguarding_hits(normalise(text))}
        assert names & {"self_harm", "self_harm_topic_first_person"}, names

    def test_a_sharp_thing_pressed_into_the_writers_skin_is_the_rules_self_harm(self, clf: Classifier) -> None:
        """Round 58: "i dug my compass in my wrist" was read as harassment; the rule reads it whatever the head says."""
        c = verdict(clf, "lost again at sports day so i dug my compass into my wrist behind the sports hall")
        assert_critical(c, "safeguarding")
        assert "rule:self_harm 'dug my compass into my wrist'" in c.reasons

    @pytest.mark.parametrize(
        "text",
        [
            "E-safety workshop on grooming for parents",
            "If you are ever worried about a child, contact our DSL Mrs Khan on the school number",
            "Our DSL is Mrs Khan. Safeguarding week starts Monday",
            "Grandad keeps giving my daughter sweets before tea!",
            # a false alarm of -2200/-0435, cleared by -0651, back with -1303 and -1536 (safeguarding head 0.63)
            pytest.param("he hurt himself playing football at lunch, is he ok?", marks=HEAD_FALSE_ALARM),
            "My son ran away with the prize at sports day!",
            "Year 3 pupils have been cutting and sticking all afternoon",
            "I've been cutting out paper snowflakes with Year 1",
            "Miss Jones hugged her and said well done",
            "Anti-bullying week starts Monday",
            "Parents' briefing on self-harm with CAMHS on Tuesday",
            "Mental Health Awareness Week: if you ever feel suicidal, talk to someone",
            "NSPCC assembly today: speak out, stay safe",
            "I'd die for a snow day",
            "Dog grooming fundraiser on Saturday!",
            "anyone know a decent dog groomer in ashton? ours looks like he's been dragged through a hedge",   # r81
            # round 112's false alarms: a dog at the groomer's, a volunteers' refresher, a safeguarding reminder, ABBA
            "our Ted went into the groomer's van a big fluffy monster and came out looking like a murder victim 😂",
            "Volunteer training: safeguarding refresher Saturday, lost child procedure and who to tell",
            "Safeguarding reminder for our young musicians: nobody should ever ask you to meet them alone",
            "Miss's playlist in the car park is 90% ABBA. We've all been radicalised.",
            # round 118's: a recipe let out
            "Our little secret is finally out: Cook's famous chocolate concrete recipe!",
            # round 120's: a drill
            "Missing child drill this Saturday: the Saturday school will practise its lost-child procedure",
            "Mr Hill pushed the tables against the wall for the disco",          # furniture, not a child
            "the men hanging round the gates at pick-up are blocking the path",   # parents at home time
            "Send us a photo of you reading in a funny place for World Book Day!",   # a school asking the class
            "Has anyone seen my son's blazer? Lost at PE",
            "I just want it to stop raining!",                 # -1536 read 0.39; -1623 gets it right
            "so sick of living in this town with no buses",
            "Look what Year 2 did to the garden - amazing!",
            "The caretaker covered up the paintings before the decorators came",
            "Year 3 made a strip of paper chains for the hall",
            "Please keep the identity of our Secret Santa a secret until Friday!",
            "The man in a van delivered the new chairs to school today",
            "Lockdown drill today: staff locked the pupils in the classroom until the all-clear",
            "the coach gave the boys a kick-about and a pep talk at half time",
            "Schools shut, roads shut, pub shut. We're all going to die up here 😂",   # everyone, snowed in
            "Samaritans talk: if your teen ever says 'I wish I wasn't here', don't panic, ask them directly",   # advice
            "Year 1 made Mother's Day cards today: we'll keep them a secret from your mums till Sunday",   # a surprise
            "this assembly video made me want tae die o cringe 💀",              # Scots 'of': embarrassment
            "Sir, I'm literally going to die if I have to do another fronted adverbial",   # melodrama (round 58)
            "im going to die in the maths mock tomorrow. bury me with my calculator",   # an exam (round 101)
            # round 66: "her" before a thing is hers; the staff allegation rule read "touches her"
            "Miss Brennan has threatened to confiscate the staff kettle if anyone else touches her mug.",
            "Mrs Pritchard says if anyone touches her new laminator she will end them. We believe her.",   # any thing
            # guidance on what anyone at all may say (round 71)
            "Samaritans volunteer talk for Year 12: what to say when someone tells you they want to die. Valuable.",
            # the topic's bare name, in a talk or a drama (round 73's review: 35 labelled posts raised by it alone)
            "Brilliant session tonight where a former gang member talked to parents about county lines. Eye-opening.",
            "the county lines drama the theatre company did for year 10 was sooo good, the actor was terrifying",
            # round 83: a threat to sulk if a parent makes you do something is not a parent's cruelty
            "if my mum makes me do lido at 7am again i'm going to combust",
            "i swear to god if my mum makes me go to my cousin's christening i'll simply perish",
        ],
    )
    def test_awareness_and_everyday_posts_are_not_safeguarding(self, clf: Classifier, text: str) -> None:
        assert "safeguarding" not in cats(clf, text)

    @pytest.mark.parametrize("text", [
        "Mental Health Awareness Week: if you feel like you can't go on, please talk to someone in the Hub",
        "If youre struggling, if you feel like ending it all, there are people who will listen",
        "a sponsored silence raising money for people who feel like they can't go on",
        # round 89: the feeling as a question, and a sleep-out for young people who have run away
        "Wellbeing Hub open every lunchtime. Feeling like you can't go on? Talk to Mrs Quigley or any member of staff",
        "Sleep-out tonight to raise money for young people who are homeless or have run away from home.",
        # round 97: the reader's home named, help after it
        "If you're not safe at home, you can speak to any member of our staff. Stickers on the toilet doors have the "
        "helpline.",
    ])
    def test_the_readers_feelings_named_to_point_them_to_help_are_not_a_disclosure(
            self, clf: Classifier, text: str) -> None:
        assert verdict(clf, text).severity is Severity.NONE

    @pytest.mark.parametrize("text", [
        "if you feel like ending it all text me, i'm always here for you hun x",   # an offer, not a helpline
        "if you're feeling like i am, can't go on, please talk to someone",        # the writer's own feeling
        "im supporting someone who feels like ending it all and i dont know what to do",  # a friend at risk
        "feeling like you can't go on? talk to me instead, we can go together",  # an offer, as a question
        "if you saw my bruises you'd know I'm not safe at home",                  # the writer's own home
    ])
    def test_feelings_beside_an_offer_or_the_writers_own_are_still_read(self, clf: Classifier, text: str) -> None:
        assert_critical(verdict(clf, text), "safeguarding")


class TestIdiomsAreNotOffensive:

    def test_the_same_words_said_of_oneself_beside_the_advice_still_count(self, clf: Classifier) -> None:
        """Only the quote in "if your teen ever says '...'" is blanked; the writer's own words are read."""
        text = "if your teen ever says 'I wish I wasn't here', ask them. I wish I wasn't here myself tbh"
        assert_critical(verdict(clf, text), "safeguarding")

    def test_a_friend_who_told_someone_they_want_to_die_still_counts(self, clf: Classifier) -> None:
        """Only guidance about anyone at all ("when someone tells you they want to die") is not a disclosure."""
        assert_critical(verdict(clf, "my best mate told me they want to die and i dont know what to do"),
                        "safeguarding")
    @pytest.mark.parametrize("text", ["that maths mock was a bloodbath, we're all dead",
                                      "Hillside are gonna get destroyed in the final on Saturday",
                                      "i swear my mum will murder me if i lose another blazer",
                                      "this school play is so good I could die"])
    def test_violent_idioms_without_profanity_are_nothing(self, clf: Classifier, text: str) -> None:
        assert cats(clf, text, "mention") == []


class TestThreatAndSafeguardingHeads:
    """The model's threat and safeguarding heads catch what no rule was written for, and keep out of the way
    where rules know better: awareness posts, idioms, and posts a rule already explains."""

    @pytest.mark.parametrize(
        ("text", "category"),
        [
            ("we're all waiting for him at the chippy after school, he's not walking home tonight", "threat"),
            ("that new science teacher better sleep with the lights on after what she did", "threat"),
            ("i've given all my stuff away and said my goodbyes, it's easier this way", "safeguarding"),
            ("a lad on xbox keeps asking my 11 year old to video call him in her pyjamas", "safeguarding"),
        ],
    )
    def test_critical_posts_no_rule_knows_are_caught_by_the_model_with_its_reason(
        self, clf: Classifier, text: str, category: str
    ) -> None:
        c = verdict(clf, text, "mention")
        assert_critical(c, category)
        assert any(r.startswith(f"model:{category}=") for r in c.reasons) or any(
            r.startswith("rule:") for r in c.reasons)

    @pytest.mark.parametrize("text", [
        "Knife crime awareness assembly: Year 9 heard from a mum whose son was stabbed",
        "Mental Health Awareness Week: if you ever feel hopeless or alone, please talk to someone",
        "this homework is killing me, I'm dead",
    ])
    def test_awareness_posts_and_idioms_are_left_to_the_rules(self, clf: Classifier, text: str) -> None:
        assert {"threat", "safeguarding"}.isdisjoint(cats(clf, text, "own"))

    def test_an_idiom_of_success_does_not_lower_the_safeguarding_head(self, clf: Classifier) -> None:
        """Only an idiom about the writer's own death or hurt ("killing me", "I could die") explains a
        safeguarding score: "you'll smash it" beside "not planning on being round for the exams" does not."""
        text = "don't worry about revising with me, not planning on being round for the exams 🙂 u'll smash it tho"
        c = verdict(clf, text, "mention")
        assert_critical(c, "safeguarding")
        assert not any("lowered: idiom" in r for r in c.reasons), c.reasons

    @pytest.mark.parametrize("text", [
        "sharpener blades come out dead easy in DT, the supply never counts them back in",
        "my stepdad will actually kill me when he sees this report. not joking, last time i couldnt sit down for a "
        "week",
    ])
    def test_an_idiom_the_head_did_not_read_does_not_lower_it(self, clf: Classifier, text: str) -> None:
        """The post is scored again without the idiom: still at the alert, so the idiom did not explain it (issue
        13: the idiom gate lowered 25 critical posts of the labelled writers and 2 harmless ones)."""
        c = verdict(clf, text, "mention")
        assert_critical(c, "safeguarding")
        assert any("(not the idiom " in r for r in c.reasons), c.reasons

    def test_an_idiom_that_is_what_the_head_read_lowers_it_to_a_possible_concern(self, clf: Classifier) -> None:
        text = ("So proud of the Year 6 mums who did the Netherfold 10k dressed as crayons for the children's hospice. "
                "Raised £1,860! My legs are killing me and I've got chafing in places I won't mention on a school "
                "page. Same again next year?")
        c = verdict(clf, text, "own")
        assert "safeguarding" not in c.categories and c.possible == ["safeguarding"]
        assert any("(lowered: idiom 'killing me': " in r and "without it)" in r for r in c.reasons), c.reasons

    def test_fear_of_what_telling_would_bring_is_not_an_idiom_that_lowers_the_safeguarding_head(
        self, clf: Classifier
    ) -> None:
        """"She'll kill me if I tell" is what a child who has been told to keep a secret says, not a joke about the
        writer's own hurt: the safeguarding head is not lowered by it."""
        text = ("my cousin in year 9 burns herself with a lighter behind the shed, she says it helps her sleep. "
                "what do i do, she'll kill me if i tell her mam")
        c = verdict(clf, text, "mention")
        assert_critical(c, "safeguarding")
        assert not any("lowered: idiom" in r for r in c.reasons), c.reasons

    def test_a_post_a_rule_explains_can_be_made_to_need_a_surer_head(self) -> None:
        """explained_post_threshold: below it, a head on a post a rule explains is a possible concern only."""
        text = "Three supply teachers in maths this term, my daughter's class is being let down by the school"
        loose = load_classifier(ClassifierConfig(threat_threshold=0.0, explained_post_threshold=0.0))
        strict = load_classifier(ClassifierConfig(threat_threshold=0.0, explained_post_threshold=1.0))
        assert "complaint" in strict.classify_batch([text], ["own"])[0].categories
        assert "threat" in loose.classify_batch([text], ["own"])[0].categories
        out = strict.classify_batch([text], ["own"])[0]
        assert "threat" not in out.categories and out.possible == ["threat"]

    def test_the_heads_scores_are_reported(self, clf: Classifier) -> None:
        c = verdict(clf, "Lovely sports day, well done everyone", "own")
        assert 0.0 <= c.scores["threat"] < 0.5 and 0.0 <= c.scores["safeguarding"] < 0.5


class TestHate:
    @pytest.mark.parametrize("text", [
        "Oakfield used to be a proper English school. Now look at the Year 7 photo. Not one of us left.",
    ])
    def test_coded_hate_naming_no_group_is_critical_when_the_head_is_sure(self, clf: Classifier, text: str) -> None:
        """No group word, no slur, no swearing: the hate gate held these back to a possible concern."""
        c = verdict(clf, text, "mention")
        assert_critical(c, "hate")
        assert any(r.startswith("model:hate=") and "the head alone" in r for r in c.reasons), c.reasons
        held_back = Classifier(ClassifierConfig(hate_alone_threshold=1.0)).classify_batch([text], ["mention"])[0]
        assert "hate" not in held_back.categories and held_back.severity is Severity.HIGH

    def test_coded_hate_at_a_named_child_is_critical(self, clf: Classifier) -> None:
        """No group word: the hate head (0.82 with -1720) and the offensive head aimed at 'a new arrival in Year 9'.
        It was the head alone with -1623."""
        text = "Another day, another new arrival in Year 9 who cant speak a word. Our kids come last."
        assert_critical(verdict(clf, text, "mention"), "hate")

    @pytest.mark.parametrize(
        "text",
        [
            "go back to your own country",
            "Muslims are all terrorists",
            "stop being such a r3tard",
            "that p@k1 kid",
            "lesbo lol dont come near us in the changing rooms",  # round 52: not on the list, harassment only
            "no poofters in our changing rooms",
            "n i g g e r",
            "heil hitler",
        ],
    )
    def test_slurs_and_attacks_on_groups_are_hate(self, clf: Classifier, text: str) -> None:
        assert "hate" in cats(clf, text)

    @pytest.mark.parametrize(
        "text",
        [
            "The Year 12 debate on immigration policy was respectful",
            "Eid Mubarak to all our Muslim families",  # a false alarm of -2200/-0435, cleared by -0651
            "Girls' football team through to the final!",
            "Pride month display in the library",
            "Sharing a cigarette? Scunthorpe Town away day",
        ],
    )
    def test_talking_about_groups_is_not_hate(self, clf: Classifier, text: str) -> None:
        assert "hate" not in cats(clf, text)

    @pytest.mark.parametrize("text", ["and poof, the rabbit was gone", "Poof! The magician vanished Mr Lee's tie",
                                      "Judo and sambo classes start in the sports hall on Tuesday",
                                      # a sandwich in Irish and Scouse English (round 97)
                                      "Coach leaves 7:15 sharp. Sambos provided by the mammies' rota.",
                                      "then tea and sambos in the clubhouse after as usual"])
    def test_words_on_the_slur_list_with_another_meaning_are_not_hate(self, clf: Classifier, text: str) -> None:
        assert "hate" not in cats(clf, text)

    @pytest.mark.parametrize("text", ["Absolute muppet of a head teacher, no wonder the school is failing",
                                      "Mr Hughes is a total numpty"])
    def test_british_insults_at_staff_or_the_school_are_harassment(self, clf: Classifier, text: str) -> None:
        """Found by hand: 'muppet' is not in a tweet model's vocabulary of insults."""
        assert "harassment" in cats(clf, text, "mention")

    def test_a_smear_on_the_whole_staff_is_a_damaging_allegation(self, clf: Classifier) -> None:
        assert {"harassment", "safeguarding"} <= set(cats(clf, "This school is run by paedos", "mention"))
        assert cats(clf, "Our school is full of talent", "own") == []

    def test_impersonating_staff_online_is_harassment(self, clf: Classifier) -> None:
        text = "Someone has set up a fake instagram account pretending to be Miss Ali and posting horrible stuff"
        assert "harassment" in cats(clf, text, "own")

    def test_an_e_safety_lesson_that_names_fake_profiles_is_no_impersonation(self) -> None:
        """Round 165's Safer Internet Day notice: the fake profiles a lesson warns of are no one impersonated."""
        text = "Safer Internet Day: how to spot fake profiles pretending to be kids. Session for parents, 6pm."
        assert not [h for h in harassment_hits(normalise(text)) if h.name == "impersonation"]
        lesson_free = normalise("someone made a fake profile pretending to be a kid in year 8")
        assert [h for h in harassment_hits(lesson_free) if h.name == "impersonation"]

    def test_a_damaging_rumour_about_staff_is_harassment(self, clf: Classifier) -> None:
        assert "harassment" in cats(clf, "Heard Mr Wilson got arrested last night lol", "mention")
        assert "harassment" in cats(clf, "the head teacher is having an affair with the deputy lol", "mention")
        assert "harassment" not in cats(clf, "Mr Wilson was sacked as captain of the staff quiz team", "mention")
        assert "harassment" not in cats(clf, "Mr Davies was arrested by the brilliant Year 2 police role play", "own")
        # a part in the staff panto (round 99), while a rumour after a panto still reads
        assert "harassment" not in cats(clf, "The staff panto donkey has been sacked for drinking on the job", "own")
        assert "harassment" in cats(clf, "the staff panto was fun but Mr Haddon has been sacked for drinking", "own")

    @pytest.mark.parametrize("text", [
        "@jones shut up you clown",   # -1303's hate head scored it 0.86 (a named false alarm); -1536 gets it right
        "@jones go and cry about it loser"])
    def test_a_personal_insult_at_a_handle_is_harassment_not_hate(self, clf: Classifier, text: str) -> None:
        """Found by hand: the hate head's 0.48 on 'shut up you clown' made a critical hate alert."""
        c = cats(clf, text, "mention")
        assert "harassment" in c and "hate" not in c

    def test_the_reason_does_not_spell_the_slur_out(self, clf: Classifier) -> None:
        [r] = [r for r in reasons(clf, "what a retard") if r.startswith("rule:slur")]
        assert "retard" not in r and r.startswith("rule:slur_lexicon 'r")


class TestHarassmentAndOffensive:
    @pytest.mark.parametrize(
        "text",
        [
            "@jake you are a fat ugly loser",
            "u r a f4t sl4g",
            "Mr Patel is a useless prick",
            "Miss Carter is a fucking joke",
            "that girl in year 10 is such a slag",
            "nobody likes you @sophie",
            "@maisie_r nobody at this school likes you just leave",
            "everyone block jake from 8R, he's a grass and a weirdo",
            "Miss Taylor can't teach to save her life, thick as mince",
            "whoever made this account about Tyler in year 9 should be ashamed, calling him a fat freak",
            "Oakfield is a hellhole run by clowns",
        ],
    )
    def test_insults_at_identifiable_people_are_harassment(self, clf: Classifier, text: str) -> None:
        c = verdict(clf, text)
        assert "harassment" in c.categories and c.severity >= Severity.HIGH

    @pytest.mark.parametrize("text", ["fucking hell that exam was brutal", "shit weather for sports day again"])
    def test_untargeted_profanity_is_offensive_only(self, clf: Classifier, text: str) -> None:
        assert cats(clf, text) == ["offensive"]

    @pytest.mark.parametrize(("text", "found"), [
        ("who the f*** decided 7.30 was a reasonable start", "f***"),   # ends in a star: no closing word boundary
        ("f***ing hell this wind in Corby today", "f***ing"),
        ("the library wifi is absolute dogshit", "dogshit"),
        ("whoever moved the 7:02 can kiss my arse", "kiss my arse"),
    ])
    def test_starred_and_compound_swearing_is_profanity(self, text: str, found: str) -> None:
        """Round 38: 'f***' and 'f***ing' were never found (a closing \\b after a star needs a letter next), so
        the head alone had to carry them, at the higher bar for posts with no profanity."""
        match = PROFANITY.search(normalise(text))
        assert match is not None and match.group(0) == found

    @pytest.mark.parametrize("text", ["grade f* in the mock", "the f-word was used in the play", "seat c 4 1 5"])
    def test_a_lone_star_or_letter_is_not_profanity(self, text: str) -> None:
        assert PROFANITY.search(normalise(text)) is None

    @pytest.mark.parametrize("text", [
        "Your school charged us £45 for a trip that got cancelled and still hasn't refunded. It's been 2 months.",
        "the school chicken burger has committed crimes against my stomach ⚰️⚰️ rip me",
        "we got slaughtered at among us at lunch because sam vented in front of everyone like an idiot",
    ])
    def test_angry_or_rude_words_without_profanity_are_not_offensive(self, clf: Classifier, text: str) -> None:
        """design.md: offensive is profanity or vulgar language; the head also scores these 0.6-0.9."""
        assert "offensive" not in cats(clf, text)

    def test_an_angry_post_about_the_school_stays_a_complaint(self, clf: Classifier) -> None:
        c = verdict(clf, "My child has been bullied for months and the school did nothing. Fed up.", "own")
        assert "complaint" in c.categories and c.severity is Severity.NORMAL, c.reasons

    def test_a_complaint_about_a_member_of_staff_is_not_harassment_unless_the_model_is_sure(
        self, clf: Classifier
    ) -> None:
        text = "Your attendance officer was extremely rude to me on the phone this morning"
        c = verdict(clf, text, "own")
        assert "complaint" in c.categories and c.severity is Severity.NORMAL, c.reasons

    def test_a_child_reporting_names_they_were_called_is_not_harassment_of_a_sibling(self, clf: Classifier) -> None:
        assert "harassment" not in cats(clf, "my daughter keeps calling her brother a muppet lol", "own")

    @pytest.mark.parametrize("text", ["The country is run by clowns", "this government is run by idiots"])
    def test_politics_is_not_an_insult_at_the_school(self, clf: Classifier, text: str) -> None:
        assert not any(r.startswith("rule:targeted_insult") for r in reasons(clf, text))

    def test_insulting_a_female_teacher_is_harassment_not_hate(self, clf: Classifier) -> None:
        c = verdict(clf, "Mrs Jones the dinner lady is a drunk, she stinks of booze")
        assert "harassment" in c.categories and "hate" not in c.categories, c.reasons

    @pytest.mark.parametrize("text", ["You are all amazing, Year 6!", "Mr Patel is the best teacher ever"])
    def test_praise_of_people_is_nothing(self, clf: Classifier, text: str) -> None:
        assert cats(clf, text) == []

    def test_model_reason_shows_score_threshold_and_target(self, clf: Classifier) -> None:
        rs = reasons(clf, "@user you are a worthless piece of garbage")
        assert any(r.startswith("model:offensive=") and ">=" in r and "target" in r for r in rs) or any(
            r.startswith("rule:targeted_insult") for r in rs)


@pytest.fixture(scope="module")
def held() -> Classifier:
    """The safeguarding head held back, so that only the rules can add safeguarding."""
    return Classifier(ClassifierConfig(safeguarding_threshold=0.99, safeguarding_concern_threshold=0.99))


class TestSexual:
    @pytest.mark.parametrize("text", ["check my onlyfans", "who wants nudes", "free porn here"])
    def test_sexual_content_is_high(self, clf: Classifier, text: str) -> None:
        assert "sexual" in cats(clf, text)

    @pytest.mark.parametrize("text", ["RSE: sex and relationships education evening for parents",
                                      "Blue tits nesting in the Year 2 bird box",
                                      # round 112: a dog on a bin
                                      "If one more dog cocks its leg on my bin I'll end up on Crimewatch 😂"])
    def test_sex_education_and_birds_are_not(self, clf: Classifier, text: str) -> None:
        assert "sexual" not in cats(clf, text)

    @pytest.mark.parametrize("text", [
        "Great e-safety talk for parents on sexting and online grooming tonight, thanks to the police team",
        "PSHE this week: Year 8 discussed consent, healthy relationships and sharing nudes online",
        # a school's own reminder of the law, with no lesson named (first-sight round 44)
        "Reminder from our Safeguarding team: forwarding a nude of anyone under 18 is a crime. Use Report Remove.",
        # round 87: a day of talks, named only by the day
        "Safer Internet Day: we talked to every year group about grooming, fake profiles, nudes and how to block and "
        "report. Parents: a guide is coming home in book bags.",
    ])
    def test_a_lesson_about_sexting_is_not_sexual_content(self, clf: Classifier, text: str) -> None:
        assert cats(clf, text, "own") == []

    @pytest.mark.parametrize("text", [
        # round 199: an A-level show's life drawing room, and a dad who went to see the "nudes"
        "The Art Exhibition opens Thursday 6-8pm. Please note the life drawing room contains studies of the nude.",
        "Went to the show nervous about the 'nudes'. It was charcoal drawings of a 60 year old bloke called Trevor.",
    ])
    def test_a_nude_in_art_is_not_sexual_content(self, clf: Classifier, text: str) -> None:
        assert "sexual" not in cats(clf, text, "own")

    def test_a_nude_of_a_pupil_shared_at_an_exhibition_is_still_an_incident(self, clf: Classifier) -> None:
        c = cats(clf, "someone airdropped a nude of a girl in Y9 during the exhibition opening, it's in every gc")
        assert {"sexual", "safeguarding"} <= set(c)

    def test_nudes_going_round_is_an_incident_even_in_a_week_of_lessons(self, clf: Classifier) -> None:
        c = cats(clf, "After the online safety assembly, nudes of a year 10 girl are going round snapchat")
        assert {"sexual", "safeguarding"} <= set(c)

    def test_pupils_rating_girls_bodies_is_sexual_and_safeguarding(self, clf: Classifier) -> None:
        """Peer-on-peer sexual harassment (KCSIE) found missing by hand."""
        assert {"sexual", "safeguarding"} <= set(cats(clf, "year 11 boys rating girls bodies on snapchat"))

    def test_what_the_sexual_head_reads_about_pupils_is_safeguarding_too(self, held: Classifier) -> None:
        """No sexual word ("🍆💦", "the full vid"), so only the head says sexual: with pupils in the post and no
        adult it could be about, it is sexual content involving a minor. (The safeguarding head reads it too with
        -1720, 0.82: held back here, the rule is what is tested.)"""
        [c] = held.classify_batch(["the year 9 lads in the rugby calendar 🥵🍑 send the uncensored one"],
                                                   ["mention"])
        assert {"sexual", "safeguarding"} <= set(c.categories)
        assert "rule:sexual_content_involving_minor sexual + 'year 9'" in c.reasons

    def test_pupils_as_the_audience_of_a_post_about_a_teacher_are_not_its_subject(self, clf: Classifier) -> None:
        [c] = clf.classify_batch(["miss is fit 🥵🍑 year 11 lads know"], ["mention"])
        assert "sexual" in c.categories
        assert "safeguarding" not in c.categories

    def test_yr_is_a_year_group_too(self, held: Classifier) -> None:
        """Round 38: "the yr11 couple at the back of the coach going at it" named pupils as "yr11", which the
        minor rule did not read."""
        text = "heard that yr 11 couple did it on the back seat of the coach 😏 someone's got a vid"
        [c] = held.classify_batch([text], ["mention"])   # 'the coach' they ride in is no adult
        assert {"sexual", "safeguarding"} <= set(c.categories)
        assert "rule:sexual_content_involving_minor sexual + 'yr 11'" in c.reasons

    def test_an_interpreter_in_a_year_group_is_an_adult(self, clf: Classifier) -> None:
        [c] = clf.classify_batch(["that new interpreter in yr 11 is fit ngl 😏🍆"], ["mention"])
        assert "safeguarding" not in c.categories


class TestPersonalData:
    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("ring him on 07700 900461", "rule:uk_mobile_number"),
            ("Our safeguarding team never answers, so here is the DSL's own mobile, ring her on 07700 900461",
             "rule:uk_mobile_number"),
            ("his number is +44 7700 900461", "rule:uk_mobile_number"),
            ("call her at home 0161 496 0821", "rule:uk_phone_number"),
            ("email her at jane.b1975@gmail.com", "rule:email_address @gmail.com"),
            ("he lives at 14 Wellington Road, BS7 8NP", "rule:home_address"),
            ("her DOB is 12/03/2013", "rule:date_of_birth"),
            ("her dob is the 4th of may 2012", "rule:date_of_birth"),
            ("The boy who got expelled is Liam Carter from 10B", "rule:named_pupil_with_sensitive_detail"),
            ("NI number AB 12 34 56 C", "rule:national_insurance_number"),
            ("Well done Oliver in Year 4 for coping with his ADHD", "rule:named_pupil_with_sensitive_detail"),
            # names on no list, known to be pupils because they are placed in a class
            ("Kacper in Year 5 has an EHCP and still gets no support", "rule:named_pupil_with_sensitive_detail"),
            ("Amara Okoye from 4B is on the child protection register", "rule:named_pupil_with_sensitive_detail"),
            ("Zain (Y3) is on medication for his epilepsy", "rule:named_pupil_with_sensitive_detail"),
            ("my daughter Amelia in Year 3 has a nut allergy", "rule:named_pupil_with_sensitive_detail"),
            ("Kacper in Year 5 is SEND and still gets no support", "rule:named_pupil_with_sensitive_detail"),
            ("leaked safeguarding report attached", "rule:leaked_document"),
            # a home pointed out without a house number (round 127)
            ("The tutor who ghosted us lives on Orchard Rise, the one with the yellow door. Pay your debts",
             "rule:home_address"),
            ("the lad who hit my son lives on Carr Lane by the Spar", "rule:home_address"),
        ],
    )
    def test_personal_data_is_caught_with_its_kind(self, clf: Classifier, text: str, reason: str) -> None:
        c = verdict(clf, text, "own")
        assert "personal_data" in c.categories
        assert any(r.startswith(reason) for r in c.reasons), c.reasons

    @pytest.mark.parametrize(
        "text",
        [
            "For absences call the school office on 0117 496 0000",
            "Email office@elmpark.bristol.sch.uk with questions",
            "Childline is free on 0800 1111",
            "Our safeguarding team: if you are worried about any child, call 0117 496 0000",
            "Open evening at Elm Park Academy, BS7 9QT, from 5.30pm",
            "Autism Awareness Week: thank you Mrs Patel for the assembly",
            "Year 7 trip on 12/03/2025",
            "Children in Year 6 with ADHD can have extra time in SATs",
            "Pupils from 4B raised money for the epilepsy charity",
            "Mr Evans in Year 5 is running the mental health workshop",
            "Asthma awareness week: Year 4 made posters",
            "Our DSL is Mrs Khan; if you have a concern about a child please call 0113 496 0000",
            "Call the School Office on 0113 496 0000 to book",
            # a day and a time are not a name in a class ("Thursday from 3pm" read as a pupil in class "3pm")
            "Mental health first aiders will be at St Hild's hall on Thursday from 3pm for any parent struggling",
            # an awareness month by another name (round 71)
            "Autism Acceptance Month: the SEN team made a sensory corner in the library. Alfie designed the lighting",
            # "send" in lower case is the verb, not special educational needs (round 75 and earlier)
            "Reminder: school photos are Tuesday. Please send a comb. We can't fix the fringe you cut yourself, Oscar.",
            "Our Jack's going to be the death of me. Strike day = 14 hours of Minecraft facts. Send help or gin.",
            # a street without the house marked is not an address (round 127's mend reads only a marked house)
            "We live on Orchard Rise and the bin men never come on time",
            "Father Christmas lives at the North Pole, next to the elves' workshop",
        ],
    )
    def test_school_contact_details_and_dates_are_not_personal(self, clf: Classifier, text: str) -> None:
        assert "personal_data" not in cats(clf, text, "own")


class TestMediaComplaintQuery:
    @pytest.mark.parametrize(
        "text",
        [
            "I'm a reporter at the Bristol Post, could the school comment on the fight?",
            "BBC Points West: we'd like to speak to the head about the phone ban",
            "We're running a story on the Ofsted report and would welcome a statement",
            "Freelance journalist writing a piece on strikes, would love to chat",
            "Hello, I write for the Bristol Post. Would the head be willing to give a quote on the uniform changes?",
            "Podcast producer looking to interview teachers at the school about the strike",
            "Journalist here: are you able to confirm reports of a data breach at the school?",
            # a local paper by a name of its own, introducing itself (round 85)
            "Wessex Evening Mercury here. We understand two pupils were hurt on the trip. Can the school confirm?",
            "Dunmore Clarion here, we hear the head has resigned. Could you confirm the date?",
            # a student journalist asking the school for comment is still one
            "Student journalist at the uni paper writing about phone bans: could the head give a quote?",
        ],
    )
    def test_journalists_asking_for_comment_are_media_enquiries(self, clf: Classifier, text: str) -> None:
        assert "media_enquiry" in cats(clf, text, "mention")

    def test_a_journalists_question_on_the_schools_page_is_the_media_enquiry_not_also_a_query(
        self, clf: Classifier
    ) -> None:
        c = verdict(clf, "Hi, I'm a reporter at the Wirral Weekly. Could someone from the leadership team give us "
                         "a comment on the flooding today?", "own")
        assert c.categories == ["media_enquiry"]
        assert any(r.startswith("noted, raises nothing: rule:question") for r in c.reasons), c.reasons

    @pytest.mark.parametrize("text", ["Thanks to the Echo for covering our bake off!",
                                      "Year 9 visited the BBC studios today",
                                      "I work for the NHS and would love to help at the careers fair",
                                      "Year 7 watched a documentary team film the school garden",
                                      # the comment section a link is in (round 62)
                                      "Local paper picked up our exchange story! Link in the comments.",
                                      # not The Independent (round 71)
                                      "Statement from the Governing Body: you can speak in confidence to the "
                                      "independent reviewer of historic allegations",
                                      # readers' comments, a comment bank, the sun in the sky (round 73's review)
                                      "The Gazette story about our swimmers has got 300 angry comments, why?",
                                      "The Echo's comment section is a sewer as ever",
                                      "Valley Chronicle asks: should phones be banned in school? Vote in our poll "
                                      "and comment below 👇",
                                      "whoever wrote the report comment banks, I'll fire them into the sun",
                                      # a parent's question, and a reading journal (round 85's review)
                                      "Can you confirm the trip is still on for Friday?",
                                      "she wrote about it in her reading journal, can the school confirm the date?"])
    def test_coverage_is_not_an_enquiry(self, clf: Classifier, text: str) -> None:
        assert "media_enquiry" not in cats(clf, text, "own")

    @pytest.mark.parametrize("text", [
        # pupils' own journalism, a visit and a council's own line (round 109: six such posts were raised high by the
        # rule); the model's head may still read one as an enquiry, which is its own reason
        "Year 8 made a podcast on the history of the town, with an interview with the oldest resident",
        "S2 reporters asked the head to comment on the new lunch queue. He said yes.",
        "A reporter from the Herald came in today to talk to Year 10 about careers",
        "The Valley Gazette's new website is live! Comments are open",
        "Council press office: we are aware of media interest in the closure today. A statement will be issued "
        "this afternoon.",
    ])
    def test_the_media_rule_does_not_read_a_schools_own_journalism_as_an_enquiry(self, text: str) -> None:
        assert media_hits(normalise(text)) == []

    @pytest.mark.parametrize("text", ["Absolutely disgusted with how my son was treated",
                                      "Thanks for nothing. You have failed my child completely.",
                                      "Please stop posting pictures of my son online, I have not given consent",
                                      "My son (Year 6) was sent home with a head injury and nobody called me",
                                      "A group of year 8s are bullying my son every day on the bus",
                                      "Your new uniform policy is a joke, £40 for a blazer is daylight robbery",
                                      "I've emailed three times and no one has replied",
                                      "I want to make a formal complaint about the trip",
                                      "Why are we only finding out about the trip cost today? Terrible communication."])
    def test_complaints(self, clf: Classifier, text: str) -> None:
        assert "complaint" in cats(clf, text, "own")

    @pytest.mark.parametrize("text", ["No complaints here, great term!", "Can't complain, lovely sports day"])
    def test_no_complaints_is_not_a_complaint(self, clf: Classifier, text: str) -> None:
        assert "complaint" not in cats(clf, text, "own")

    def test_questions_are_queries_on_own_accounts(self, clf: Classifier) -> None:
        assert cats(clf, "What time does the fair start?", "own") == ["query"]
        assert cats(clf, "What time does the fair start?", None) == ["query"]

    def test_a_question_after_a_greeting_is_a_query(self, clf: Classifier) -> None:
        """Found by hand: "Hi, is school open ...?" was missed because the question word followed a comma."""
        assert cats(clf, "Hi, is school open on Monday after the snow?", "own") == ["query"]

    @pytest.mark.parametrize("text", ["Does anyone know if uniform is needed for the trip",
                                      "Who do I speak to about my son being left out at lunch",
                                      "Hi Mrs Patel, when is the last day of term",
                                      "Is there after school club on Friday",
                                      "Do year 11s need to bring calculators for the mock"])
    def test_a_comment_opening_with_a_question_is_a_query_without_a_question_mark(
        self, clf: Classifier, text: str
    ) -> None:
        """Found by hand: parents often leave the question mark off on Facebook."""
        assert cats(clf, text, "own") == ["query"]

    @pytest.mark.parametrize("text", ["What a fantastic sports day, well done all",
                                      "Lovely to see everyone, when is the next one is what we all want to know!",
                                      "How lovely to see the choir at the cathedral"])
    def test_exclamations_and_praise_without_a_question_are_not_queries(self, clf: Classifier, text: str) -> None:
        assert "query" not in cats(clf, text, "own")

    @pytest.mark.parametrize(("category", "rule", "text"), [
        ("query", "question", "who else is buzzing for half term?"),
        ("query", "question", "Can't believe it's nearly Christmas already, where did the term go?"),
        ("complaint", "complaint_language", "no way that ref gave a red for that. daylight robbery"),
        ("complaint", "complaint_language", "The bake sale was daylight robbery but worth every penny"),
    ])
    def test_a_question_or_complaint_rule_its_head_reads_as_nothing_is_noted_not_raised(
        self, clf: Classifier, category: str, rule: str, text: str
    ) -> None:
        """Issue 13 (category macro-F1): on writers the weights never saw, 180 of the 428 posts the question rule
        raised were not labelled a query, and 51 of the 97 false complaints came from the complaint rule (a
        referee, a raffle). Each rule now needs its head at <category>_rule_floor (the complaint floor kept very
        low); below it the reason is kept as noted, and 0 turns the check off."""
        key = f"{category}_rule_floor"
        out = clf.classify_batch([text], ["own"])[0]
        assert category not in out.categories
        [noted] = [d for d in out.decisions if d.category == category]
        assert (noted.by, noted.tier, noted.threshold_key) == ("rule", "noted", key)
        assert noted.score < noted.threshold == getattr(ClassifierConfig(), key)
        assert any(r.startswith(f"noted, raises nothing: rule:{rule}") for r in out.reasons)
        off = load_classifier(ClassifierConfig(**{key: 0}))
        assert off.classify_batch([text], ["own"])[0].categories == [category]

    def test_a_short_plain_complaint_is_still_a_complaint(self, clf: Classifier) -> None:
        """The complaint head reads it low (0.02), which is why the floor is kept under it."""
        assert cats(clf, "Shocking communication from the school again. Absolutely livid.", "own") == ["complaint"]

    def test_mentions_are_queries_only_when_they_ask_the_school(self, clf: Classifier) -> None:
        assert cats(clf, "What time does the fair start?", "mention") == []
        assert cats(clf, "@ElmParkAcad can you confirm the bus runs Monday?", "mention") == ["query"]

    def test_instructions_are_not_queries(self, clf: Classifier) -> None:
        assert "query" not in cats(clf, "Please remember PE kits on Monday.", "own")


class TestAnchorGates:
    """The rules skip a pattern when none of its anchor words is present; that must never lose a hit."""

    #: posts whose words a pattern read but its anchor words did not name, so that the pattern was never searched
    #: (found by searching every labelled post with and without the anchors, in the sixty-fifth session)
    ONCE_LOST_TO_A_MISSING_ANCHOR = (
        "If Mr Crane sets one more three-page homework over half term I'm going to walk into the sea",
        "the girl in 8C, her stepmum locks her out at night, I saw her on the stairs at 11",
        "he put his hand on my knee under the table during feedback and said 'good girl'. i froze",
        "Mr Castellano you gave my boy's place to your golf mate's kid and I will make you pay for it",
    )

    def test_gated_rules_find_exactly_what_ungated_rules_find(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import json
        from pathlib import Path

        from watchtower.classify import rules
        from watchtower.classify._normalise import variants
        from watchtower.classify.config import ClassifierConfig
        from watchtower.classify.rules import _base

        here = Path(__file__).resolve().parent
        texts = [json.loads(x)["text"] for x in (here / "data" / "school_posts.jsonl").read_text().splitlines()]
        tweets = here.parent.parent / "shared" / "data" / "tweeteval" / "offensive" / "val_text.txt"
        if tweets.exists():
            texts += tweets.read_text(encoding="utf-8").splitlines()[:600]
        texts += list(self.ONCE_LOST_TO_A_MISSING_ANCHOR)
        cfg = ClassifierConfig()
        gated = [rules.detect(t, variants(t), None, cfg) for t in texts]
        monkeypatch.setattr(_base, "GATING", False)
        rules.aware.cache_clear()  # read each post afresh, not the gated answer kept for the last few
        ungated = [rules.detect(t, variants(t), None, cfg) for t in texts]
        assert [(t, g) for t, g, u in zip(texts, gated, ungated, strict=True) if g != u] == []
