# ruff: noqa: E501 -- the regular expressions below read better as whole alternations than split mid-word
"""Media enquiries: a journalist or outlet asking for comment (design.md: high, straight to the head and AHT).
"""

from __future__ import annotations

from watchtower.classify.rules._base import Hit, _g, _rx, named_hits, quote

#: what a local paper calls itself besides the names below ("the Lancashire Evening Bugle", "the Banbury Clarion")
_PAPER_NAME = "bugle|clarion|mercury|advertiser|observer|recorder|sentinel|gleaner|examiner"
#: a journalist or an outlet named; "the independent reviewer" or "an independent review" a governing body commissions
#: is not The Independent (round 71)
_MEDIA_ID = _g(
    r"\bjournalists?\b|\breporters?\b|"
    r"\b(?:journalist|reporter|correspondent|producer|news ?desk|editor|news editor|researcher|presenter)s? "
    r"(?:at|for|with|from|on)\b|\b(?:i'?m|i am|we'?re|we are|as) (?:a |an )?(?:freelance |local |education )?"
    r"(?:journalist|reporter|producer|correspondent)\b|\b(?:bbc|itv|sky news|channel [45]|the guardian|guardian|"
    r"daily mail|mail online|(?<!into )(?<!in )(?<!under )the sun|daily mirror|the mirror|telegraph|the times|the independent(?! (?:review\w*|inquiry|investigat\w*|panel|person|body|chair|advocate|visitor|adjudicator|expert|assessor|monitor|members?|schools?|sector|evaluat\w*|report|audit\w*|safeguarding))|evening standard|"
    r"metro|press association|pa media|reuters|manchester evening news|liverpool echo|the echo|gazette|chronicle|"
    r"argus|herald|evening post|schools week|the tes|newspaper|radio [a-z]+|local paper|news team|newsroom|"
    r"press office|our readers|our viewers|our listeners)\b|\b(?:i|we) (?:write|work|report) for (?:the |a )?\w+|"
    r"\b(?:podcast|documentary|tv|television|radio|news|film) (?:producer|researcher|journalist|team|crew)s?\b|"
    # a local paper by a name of its own ("Lancashire Evening Bugle here. We understand ..."): a paper's kind of name
    # after "evening", "daily" or "weekly", or one introducing itself ("Clarion here"; never "sorry to post here", nor
    # a school's "weekly bulletin", a "daily record" of reading or a "weekly star" award)
    rf"\b(?:evening|daily|weekly|sunday|morning) (?:courier|{_PAPER_NAME})\b|"
    rf"\b(?:{_PAPER_NAME}) here\b",
    f"courier {_PAPER_NAME.replace('|', ' ')} "
    "write work report podcast documentary tv television film crew journalist journalists reporter reporters correspondent correspondents producer producers desk newsdesk editor editors researcher presenter bbc itv sky channel guardian mail sun mirror telegraph times independent standard metro press pa reuters echo gazette chronicle argus herald post schools tes newspaper radio paper news newsroom office readers viewers listeners evening"
)
#: "comments" as a request, not the comment section a link or a reply is in ("Lovely write-up in the local paper! Link
#: in the comments": round 62), a paper's readers' comments ("300 angry comments", "comment below") or a report's
#: comment bank
_MEDIA_REQUEST = _rx(
    r"\b(?:comment(?! (?:sections?|banks?|below|box|thread))|(?<!in the )(?<!in )(?<!see the )(?<!read the )"
    r"(?<!check the )(?<!below the )(?<!angry )(?<!nasty )(?<!\d )comments(?! (?:sections?|below))|statement|interview|speak (?:to|with)|chat (?:to|with)|(?:love|like|keen|want) to (?:chat|speak|talk|hear)|talk to|get in touch|contact (?:me|us)|"
    r"dm me|dm us|reach (?:me|out)|on the record|for (?:a|our|an|the) (?:story|piece|article|report|feature|segment|"
    r"programme|bulletin)|respond to (?:the|these|claims|allegations)|a quote|response to|right of reply|deadline|"
    r"(?:able to |can you |could you |would you )?(?:confirm|clarify|verify) (?:reports?|whether|if|that|the|how|what|"
    r"claims|rumou?rs)|(?:can|could|would|will) the (?:school|head|trust) (?:please )?confirm|"
    r"film(?:ing)? (?:at|in|outside)|(?:are|is) (?:you|the school) aware)\b"
)
_MEDIA_STRONG = _g(
    r"\b(?:request for comment|for comment (?:on|about|ahead)|(?:we'?re|we are|i'?m|i am) (?:running|publishing|"
    r"writing|working on|putting together) (?:a |an )?(?:story|article|piece|report|feature)|right of reply|"
    r"(?:any|a) comment for (?:our|the) (?:story|article|piece|readers))\b",
    "comment running publishing writing working putting reply"
)


#: pupils' own journalism and a school's or a council's own news, which name a paper, a reporter or an interview and
#: ask the school nothing (round 109: "RE class produced a newspaper special ... including an interview with the imam",
#: "S1 reporters demanding to know why he wears the same cardigan", "A reporter from the Clarion came in today to talk
#: to S4 about careers", "The Kinnoull Chronicle's new website is live! Comments are open", a council's "we are aware of
#: media interest ... A statement will be issued"): a journalist asking for comment still is one (_MEDIA_STRONG is read
#: first), a student journalist at a university or a sixth-form paper too
_OWN_JOURNALISM = _rx(
    r"\b(?:s[1-6]|p[1-7]|year ?\d+s?|y\d+) (?:reporters?|journalists?|radio team|news team|editors?)\b|"
    r"\b(?:produced|made|wrote|written|published|launched|recorded|created) (?:a|an|our|the|their|its) (?:new )?"
    r"(?:(?:student|school|class|pupil) )?(?:newspaper|podcast|radio (?:show|advert|programme)|news (?:special|report)|"
    r"short (?:advert|film)|magazine)\b|"
    r"\bcomments are (?:now )?(?:open|closed|off|switched off)\b|"
    r"\bcame (?:in|into school|to school|to visit|to see us) (?:today |this week |yesterday |on \w+ )?to (?:talk|speak|chat) "
    r"(?:to|with) (?:s[1-6]|p[1-7]|year|pupils|students|our|the|us|class)\b|"
    r"\bwe are aware of media interest\b.{0,80}\bstatement will be (?:issued|released|published|made)\b"
)


def media_hits(norm: str) -> list[Hit]:
    if strong := named_hits("media_enquiry", [("media_request", _MEDIA_STRONG)], norm):
        return strong
    if _OWN_JOURNALISM.search(norm):
        return []
    if (m := _MEDIA_ID.search(norm)) and (r := _MEDIA_REQUEST.search(norm)):
        return [Hit("media_enquiry", "media_enquiry", f"{quote(m)} + {quote(r)}")]
    return []
