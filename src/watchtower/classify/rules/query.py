# ruff: noqa: E501 -- the regular expressions below read better as whole alternations than split mid-word
"""Queries: a question or request that needs a reply (design.md: normal).
"""

from __future__ import annotations

import re

from watchtower.classify.rules._base import _YEAR, Hit, RuleSettings, _rx, quote

_REQUEST = _rx(
    r"\b(?:(?:can|could|will|would|does|has|did) (?:you|u|someone|anyone|i|we|the school|the head(?:teacher)?)|"
    r"is (?:this|that|it) (?:true|right|correct)|would (?:you|u|it be possible)|"
    r"please (?:let|advise|confirm|tell|could|can|(?:call|contact|ring|email|phone) me|get back|reply|respond|help|"
    r"explain|check|update)|"
    r"does anyone know|do you know|is (?:there|it|the school)|are (?:there|you|the|we|pupils|students|parents)|"
    r"when (?:is|are|does|do|will|did)|what (?:time|date|day|is|are|do|should)|where (?:is|do|can|are|should)|"
    r"how (?:do|can|much|long|will|does) (?:i|we|you|they|it|parents|pupils|students)|who (?:do|should|can) (?:i|we)|"
    r"any (?:news|update|word|info(?:rmation)?) (?:on|about|regarding)|i(?:'d| would) like to (?:know|ask|book|arrange|"
    r"speak|request)|wondering (?:if|whether|when|what|how)|i need to (?:speak|talk|contact|know)|is it ok (?:to|if)|"
    r"get back to me|will there be|has (?:the|my|our) \w+ (?:been|arrived)|do (?:we|i|they|pupils|students|you|"
    rf"children|kids|parents|{_YEAR}|the (?:kids|children|pupils)|(?:my|our) (?:son|daughter|child|kids?)) "
    r"(?:need|have to|get|still)|does (?:my|our) (?:son|daughter|child|kid) (?:need|have to|get)|should (?:we|i|they))\b"
)
# a question word opening a sentence or a clause ("Hi, is school open on Monday?")
_QUESTION_START = _rx(r"(?:^|[.!?,;:]\s+|\n)(?:can|could|would|will|is|are|does|do|did|when|what|where|which|who|how|why|has|"
                      r"have|should|may|any)\b")
# what may come before a question that opens a comment: a greeting, a name, punctuation
_OPENING = re.compile(r"(?:(?:hi|hello|hey|hiya|morning|afternoon|evening|good (?:morning|afternoon|evening)|dear|"
                      r"sorry|quick question|excuse me|@\w+)(?: \w+){0,2}[\s,!.:-]*)?")
_RHETORICAL = _rx(r"\b(?:who cares|what the (?:hell|fuck|heck)|are you (?:serious|joking|kidding)|how dare|"
                  r"why (?:would|should) anyone|who does that)\b")


def query_hits(norm: str, source: str | None, cfg: RuleSettings) -> list[Hit]:
    request = _REQUEST.search(norm)
    question = "?" in norm and not _RHETORICAL.search(norm)
    if source == "mention" and not cfg.flag_mention_questions:
        # a public mention is a query only when it asks the school something directly
        if request and question and re.search(r"@\w+|\b(?:the school|you|u|school)\b", norm):
            return [Hit("query", "direct_question_to_school", quote(request))]
        return []
    if request and (question or re.match(r"please|could|can|would|i'?d like", request.group(0))):
        return [Hit("query", "question", quote(request))]
    if request and _OPENING.fullmatch(norm[: request.start()]) and not _RHETORICAL.search(norm):
        # comments often drop the question mark: "Does anyone know if uniform is needed for the trip"
        return [Hit("query", "question_opening", quote(request))]
    if question and (m := _QUESTION_START.search(norm)):
        return [Hit("query", "question", quote(m))]
    return []
