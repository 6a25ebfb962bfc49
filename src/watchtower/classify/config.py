"""The classifier's settings: the ``[classifier]`` table of watchtower.toml.

The threshold defaults are the ones tuned on the TweetEval validation sets for the shipped weights
(``weights/metadata.json`` records them too; a test keeps the two equal).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from watchtower.classify.rules.lists import load as load_lists

#: Model heads that decide a critical category of the same name on their own, each with a ``<head>_threshold``
#: key (the alert) and a ``<head>_concern_threshold`` key (the possible-concern band below it)
CATEGORY_HEADS = ("threat", "safeguarding")
#: Model heads learned from the writers' school posts alone, each with a ``<head>_head_threshold`` key
WRITER_HEADS = ("harassment", "sexual", "personal_data", "media_enquiry", "complaint", "query")
#: Writer heads whose built-in rules raise their category only where the head agrees, each with a
#: ``<head>_rule_floor`` key: a question mark is not on its own a question for the school (on writers the weights
#: never saw, 180 of the 428 posts the question rule raised were not labelled a query). The complaint rule's floor
#: is kept very low: the complaint head misses short plain complaints ("Shocking communication from the school
#: again. Absolutely livid." 0.02), but at 0.01 it still drops the rule's complaints the head reads as nothing
#: ("the ref was daylight robbery": 27 of 51 of the rule's false complaints on those writers, no true one)
HEAD_CONFIRMED_RULES = ("query", "complaint")
#: Every ``[classifier]`` key that a model head's score is held to, as a classification's decision records name
#: it: what `watchtower thresholds` advises on and training/tune_bands.py tunes (one list, so neither forgets a
#: key). The ``<head>_head_threshold`` keys come last; unset, the head is not used.
MODEL_THRESHOLD_KEYS = (
    "offensive_threshold", "unworded_offensive_threshold", "idiom_threshold",
    "harassment_threshold", "school_target_threshold",
    "hate_threshold", "hate_alone_threshold", "hate_at_person_threshold", "hate_possible_threshold",
    *(f"{head}_threshold" for head in CATEGORY_HEADS), *(f"{head}_concern_threshold" for head in CATEGORY_HEADS),
    "explained_post_threshold", "awareness_override_threshold", "threat_play_threshold", "threat_rule_floor",
    "quoted_rule_floor",
    *(f"{head}_rule_floor" for head in HEAD_CONFIRMED_RULES), "lexical_threshold",
    *(f"{head}_head_threshold" for head in WRITER_HEADS),
)


def _head_threshold(category: str, default: float | None) -> Any:
    return Field(
        default, ge=0.0, le=1.0,
        description=f"Model {category} head probability at or above which a post is '{category}' when no rule "
        "caught it (the head learned from the writers' school posts, training/data/writers); unset: the head "
        "is not used.",
    )


class ClassifierConfig(BaseModel):
    """How the triage classifier decides. Every key is optional; the defaults are the tuned ones."""

    model_config = ConfigDict(extra="forbid")

    offensive_threshold: float = Field(
        0.54,
        ge=0.0,
        le=1.0,
        description="Model offensive probability at or above which an untargeted post is 'offensive' "
        "(tuned for macro-F1 on TweetEval offensive val).",
    )
    unworded_offensive_threshold: float = Field(
        0.9,
        ge=0.0,
        le=1.0,
        description="Model offensive probability needed for 'offensive' when no profane or vulgar word is in the "
        "post (design.md: offensive is profanity or vulgar language). The head learned TweetEval's wider sense "
        "(any offensive tweet) and scores angry complaints and jokes high: on the writers' posts (w1-w6, which it "
        "never learned from) 0.9 took the offensive category's F1 from 0.34 to 0.77.",
    )
    harassment_threshold: float = Field(
        0.75,
        ge=0.0,
        le=1.0,
        description="Model offensive probability at or above which a post aimed at an identifiable "
        "person (an @handle, 'you', a staff title, a configured name) is 'harassment'.",
    )
    hate_threshold: float = Field(
        0.6,
        ge=0.0,
        le=1.0,
        description="Model hate probability at or above which a post is 'hate' (critical), provided it "
        "also names a protected group or the offensive head agrees (see hate_needs_offensive).",
    )
    hate_needs_offensive: float = Field(
        0.8,
        ge=0.0,
        le=1.0,
        description="When the hate head fires on a post naming no protected group, the offensive "
        "probability must also reach this value: keeps 'critical' for attacks, not topics.",
    )
    hate_alone_threshold: float = Field(
        0.75,
        ge=0.0,
        le=1.0,
        description="Model hate probability at or above which a post is 'hate' (critical) on the head alone, "
        "with no protected group named and no offensive language: coded hate ('that community', emoji, "
        "'new arrivals') says neither, and the head learns it from the writers' posts.",
    )
    hate_at_person_threshold: float = Field(
        0.8,
        ge=0.0,
        le=1.0,
        description="When the hate head fires on a post naming no protected group that is aimed at an "
        "identifiable person (an @handle, 'you'), the hate probability must reach this value: a personal "
        "insult ('shut up you clown') is harassment, not a critical hate alert (tuned on TweetEval hate val).",
    )
    school_target_threshold: float = Field(
        0.9,
        ge=0.0,
        le=1.0,
        description="Model offensive probability at or above which a post aimed only at the school (not "
        "at a person) is 'harassment'; below it, an angry post about the school stays a complaint.",
    )
    idiom_threshold: float = Field(
        0.9,
        ge=0.0,
        le=1.0,
        description="Model offensive probability needed when the only violent words are idioms "
        "('killing me', 'killed it', 'dead proud') and there is no profanity.",
    )
    threat_threshold: float = Field(
        0.35,
        ge=0.0,
        le=1.0,
        description="Model threat probability at or above which a post is 'threat' (critical) when no rule "
        "caught it. The head learned from posts the developers wrote (training/data); it stays quiet in "
        "awareness posts and where the only violent words are idioms.",
    )
    safeguarding_threshold: float = Field(
        0.35,
        ge=0.0,
        le=1.0,
        description="Model safeguarding probability at or above which a post is 'safeguarding' (critical) "
        "when no rule caught it; quiet in awareness posts, like threat_threshold.",
    )
    lexical_threshold: float | None = Field(
        0.8,
        ge=0.0,
        le=1.0,
        description="The lexical second opinion (character and word n-grams, weights/lexical.npz): a post that "
        "the model, the rules and the lists leave without a threat, hate or safeguarding alert or concern, but "
        "whose words score at least this like the writers' critical posts, is a possible concern in the category "
        "it reads most like (raised to high, on the 4-hour clock). Chosen on writers the regressions never saw "
        "(training/README.md). Unset (or a model_dir without lexical.npz): no second opinion.",
    )
    awareness_override_threshold: float = Field(
        0.95,
        ge=0.0,
        le=1.0,
        description="A threat or safeguarding head at or above this raises its alert even in a post the awareness "
        "gate reads as an awareness or teaching post: a pupil's reply to the school's wellbeing-week post "
        "('dont lecture me with the mental health assembly stuff') is a disclosure, not a lesson. Below it the "
        "gate lowers the alert to a possible concern. 1 turns the override off.",
    )
    threat_rule_floor: float = Field(
        0.05,
        ge=0.0,
        le=1.0,
        description="A weapon emoji near a target ('🔪 @sam'), a threat found only by reading dialect as standard "
        "words, and a threat phrase aimed at the writer's own family ('gonna strangle our kid if he loses another "
        "tie') raise a threat alert on their own only while the threat head scores at least this; below it the "
        "model reads them as play or a household moan and the rule's reason is shown as 'noted, raises nothing'. "
        "In a game, a fixture or an explicit joke ('on Tekken', 'cup final', 'jk') a threat phrase or a weapon "
        "emoji needs threat_play_threshold. Other bare threat phrases outside play and the precise threat rules "
        "(a bomb threat, a weapon brought in) always decide alone. 0 turns the check off.",
    )
    quoted_rule_floor: float = Field(
        0.2,
        ge=0.0,
        le=1.0,
        description="In an awareness or teaching post ('Anti-Bullying Week: Year 8 wrote down what they have "
        "been called: ...'), a built-in threat, safeguarding or hate rule that found only words inside quotation "
        "marks raises its alert only while its category's head scores at least this; below it the rule's reason "
        "is shown as 'noted, raises nothing'. The same for a threat rule that found only the words a member of "
        "staff is quoted saying (\"sir said 'I will end you' to the projector\") while the safeguarding head is "
        "below this too. Words outside the quotes always count, as do the lists. 0 turns the check off.",
    )
    threat_play_threshold: float = Field(
        0.4,
        ge=0.0,
        le=1.0,
        description="In a game, a fixture or an explicit joke, the threat head score a threat phrase or weapon "
        "emoji needs to raise an alert (the model must agree it is meant). Kept apart from threat_threshold, "
        "which is tuned low for posts with no play in them.",
    )

    query_rule_floor: float = Field(
        0.1, ge=0.0, le=1.0,
        description="The question rules (a question word, a question mark, 'please let me know') raise 'query' "
        "only while the model's query head scores at least this; below it the rule's reason is shown as 'noted, "
        "raises nothing' ('who else is buzzing for half term?' asks the school nothing). Every own-account "
        "comment owes an acknowledgement whatever its category (design.md), so this changes what an item is "
        "called, never whether a person answers it. 0 turns the check off.",
    )
    complaint_rule_floor: float = Field(
        0.01, ge=0.0, le=1.0,
        description="The complaint rule (complaint words: 'unacceptable', 'daylight robbery', 'fed up') raises "
        "'complaint' only while the model's complaint head scores at least this; below it the rule's reason is "
        "shown as 'noted, raises nothing' ('the ref was daylight robbery' complains to the school of nothing). "
        "Every own-account comment owes an acknowledgement whatever its category (design.md), so this changes "
        "what an item is called, never whether a person answers it. 0 turns the check off.",
    )
    threat_concern_threshold: float = Field(
        0.25,
        ge=0.0,
        le=1.0,
        description="Model threat probability at or above which (and below threat_threshold) a post is a "
        "possible threat: raised to high with the reason 'possible threat concern, please check', and sent to "
        "the people a threat reaches, on the 4-hour clock (design.md 'Possible concern').",
    )
    safeguarding_concern_threshold: float = Field(
        0.25,
        ge=0.0,
        le=1.0,
        description="Model safeguarding probability at or above which (and below safeguarding_threshold) a "
        "post is a possible safeguarding concern: raised to high and sent to the DSL and deputy, on the 4-hour "
        "clock.",
    )
    hate_possible_threshold: float = Field(
        0.55,
        ge=0.0,
        le=1.0,
        description="Model hate probability at or above which a post that is not hate is still a possible hate "
        "concern, raised to high: one the hate gate holds back (no protected group named, no offensive "
        "language), or, below hate_threshold, a score in the band under the alert.",
    )
    explained_post_threshold: float = Field(
        0.35,
        ge=0.0,
        le=1.0,
        description="The threat or safeguarding head's score needed when a rule already explains the post "
        "(a complaint, a query, a media enquiry, personal data, harassment): those heads mistook some angry "
        "complaints for threats at 0.9.",
    )
    harassment_head_threshold: float | None = _head_threshold("harassment", 0.4)
    sexual_head_threshold: float | None = _head_threshold("sexual", 0.65)
    personal_data_head_threshold: float | None = _head_threshold("personal_data", 0.75)
    media_enquiry_head_threshold: float | None = _head_threshold("media_enquiry", 0.8)
    complaint_head_threshold: float | None = _head_threshold("complaint", 0.5)
    query_head_threshold: float | None = _head_threshold("query", 0.2)
    batch_size: int = Field(32, ge=1, le=1024, description="Texts per model call (sorted by length first).")
    max_length: int = Field(64, ge=8, le=512, description="Tokens the model reads at once (it was trained on 64).")
    max_windows: int = Field(
        16, ge=1, le=256,
        description="A post longer than max_length tokens is read in overlapping windows, at most this many "
        "(16 x 64 tokens is about 3,000 characters); each head keeps its highest score. 1 reads the start only. "
        "The rules always read the whole post.",
    )
    intra_op_threads: int = Field(
        2,
        ge=0,
        description="onnxruntime threads inside one model call; 0 lets onnxruntime choose. "
        "2 suits the 2-core school server; the daemon calls the model from one worker thread.",
    )
    model_dir: Path | None = Field(
        None,
        description="Folder holding model.int8.onnx, tokenizer.json and metadata.json; default: the "
        "weights shipped inside the package.",
    )
    staff_names: list[str] = Field(
        default_factory=list,
        description="Surnames or full names of staff and governors (e.g. 'Patel', 'Sarah Jones'): "
        "insults naming them count as harassment of an identifiable person.",
    )
    school_names: list[str] = Field(
        default_factory=list,
        description="The school's names and handles (e.g. 'Elm Park Academy', '@ElmParkAcad'): "
        "insults aimed at them count as harassment of the school.",
    )
    allowed_phone_numbers: list[str] = Field(
        default_factory=list,
        description="Phone numbers that are public, not personal data (the school office), in any "
        "spacing; they never raise 'personal_data'.",
    )
    public_email_domains: list[str] = Field(
        default_factory=lambda: ["sch.uk", "gov.uk", "nhs.uk", "police.uk", "ac.uk", "org.uk"],
        description="Email domains (and their subdomains) that are organisational, not personal.",
    )
    flag_mention_questions: bool = Field(
        False,
        description="Also mark plain questions in public mentions as 'query' (by default only questions "
        "on the school's own accounts, or mentions that ask the school directly, are queries).",
    )
    lists_file: Path | None = Field(
        None,
        description="The school's own lists file (TOML): entries added to the shipped lists of coded hate, "
        "weapon slang and exploitation phrases, and shipped entries disabled by id. Loaded and checked here, "
        "so `watchtower check-config` reports a bad entry. Default: the shipped lists only.",
    )

    @field_validator("lists_file")
    @classmethod
    def _lists_file_loads(cls, v: Path | None) -> Path | None:
        load_lists(v)  # raises ListError (a ValueError) naming the file, the entry and the fix
        return v
