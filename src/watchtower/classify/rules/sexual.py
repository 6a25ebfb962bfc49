# ruff: noqa: E501 -- the regular expressions below read better as whole alternations than split mid-word
"""Sexual content (design.md: high), and sexual content involving minors (also safeguarding).
"""

from __future__ import annotations

import re

from watchtower.classify.rules._base import _YEAR, Hit, _g, _rx, quote

_MINOR = _rx(
    rf"\b(?:{_YEAR}|yr ?\d+s?|pupils?|students?|schoolgirls?|schoolboys?|school ?kids?|kids?|child(?:ren)?|minors?|"
    r"under ?(?:16|18|age)|underage|1[0-5] ?(?:yo|y/o|year old|yr old)|(?:little|young) (?:girls?|boys?)|"
    r"girls in (?:my|her|his|year)|in (?:my|her|his) class|sixth form(?:er)?s?|(?:is|she'?s|he'?s|only|aged|age) 1[0-7]|"
    r"(?:fae|from|in) s[1-6]s?)\b"  # Scottish secondary years: "Kirsty fae S4"
)


#: an adult the post could be about: "the new TA in Year 3", "Miss Carter ... year 11 lads know", "the mums at the gate"
_ADULT = _rx(r"\b(?:teachers?|tas?|teaching assistants?|classroom assistants?|assistants?|staff|miss|mrs|mr|ms|sir|"
             r"mums?|mams?|moms?|mummies|dads?|mothers?|fathers?|escorts?|head ?teachers?|interpreters?|drivers?|"
             # a sports coach, not the one pupils ride in ("the back of the coach", "on the coach home")
             r"(?<!of the )(?<!on the )(?<!off the )coach(?:es)?(?! (?:trip|park|home|back|journey|ride|seats?))|"
             r"milfs?|dilfs?)\b")


def minor_in_sexual_post(norm: str) -> Hit | None:
    """For a post the sexual head calls sexual with no sexual word for the rules to read ("the uncensored version
    🥵"): the same rule as :func:`sexual_hits`' sexual content involving a minor (safeguarding too, design.md),
    when a child is in the post ("year 9", "sixth form girls", "she's 14", "fae S4") and no adult it could be about
    instead. The head's score says nothing of whom it is about: "year 11 lads know" under a post about a teacher is
    the audience, not the subject."""
    if _ADULT.search(norm) or not (mm := _MINOR.search(norm)):
        return None
    return Hit("safeguarding", "sexual_content_involving_minor", f"sexual + {quote(mm)}")


#: The English words only: Romanian "pornit" (switched on) and "pornire" (a start) are not "porn" (round 106), nor is
#: Romanian "cum" (how), which asks how in most Romanian posts ("cum să ceară ajutor", "despre cum"), nor "summa cum
#: laude"
_ENGLISH_CUM = "".join(f"(?<!\\b{w} )" for w in ("si", "despre", "asa", "vezi", "uite", "stii", "stie", "intreb",
                                                     "aflat", "exact", "indiferent")) + (
    r"cum(?! (?:laude|sa|se|si|ne|va|le|il|ii|e|este|era|au|am|ati|nu|poti|putem|pot|ar|observam|de|la|sunt|arata|"
    r"altfel|spune|vorbim|merge|faci|fac|ajungi|ajung)\b)")
_SEXUAL = _g(
    r"\b(?:nudes?|porn(?:o|os|s|ography|ographic|hub|star|stars)?|p0rn|sex ?tapes?|sext(?:ing|ed|s)?|dick ?pics?|cocks?(?! (?:its|his|her|their|a|the) (?:back )?legs?\b)|blow ?jobs?|bj|handjobs?|"
    r"wank\w*|horny|naked (?:pics?|photos?|videos?|selfies?)|nude (?:pics?|photos?|videos?|selfies?)|(?<!blue )"
    r"(?<!great )(?<!coal )(?<!long-tailed )tits|boobs|pussy|" + _ENGLISH_CUM + r"|cumming|cumshot|shag(?:ging|ged|s)?|onlyfans|"
    r"xxx|milf|deepthroat\w*|orgasm\w*|masturbat\w*|jerk(?:ing|ed)? off|fingered|fingering her|"
    r"suck (?:my|his) (?:dick|cock)|sexy (?:pics?|photos?|videos?)|slutty|thot|hentai|rimming|anal sex|"
    r"(?:have|having|had|want) sex with|sleep(?:ing|s)? with (?:her|him|my|a|the) (?:teacher|pupil|student)|"
    r"strip(?:ped|ping)? (?:naked|off for)|upskirt\w*|rat(?:ing|e|es|ed) (?:the )?(?:girls|boys|women)(?:'s|')? "
    r"(?:bodies|bodys|boobs|bums|arses|asses|figures))\b",
    "bj cum cumming cumshot tits thot xxx milf",
    "nude porn p0rn sex dick cock blow handjob wank horny naked boob pussy shag slut onlyfans deepthroat orgasm masturbat jerk finger suck hentai rimming anal sleep strip upskirt rating rate rates rated"
)


# a talk or lesson whose subject is the word: "e-safety talk for parents on sexting and online grooming"
_TOPIC_TERM = re.compile(r"sext|nude|porn|p0rn")
_TEACHING = _rx(r"\b(?:pshe|pse|rse|e-?safety|online safety|internet safety|safer internet day|discuss(?:ed|ing|es)|"
                r"explor(?:ed|ing|es)|learn(?:ed|t|ing) about|"
                # "we talked to every year group about grooming, fake profiles, nudes" (round 87)
                r"talk(?:ed|ing)? to (?:every|each|all|the) (?:year groups?|class(?:es)?|pupils|students)\b"
                r"[^.!?]{0,20} about|"
                r"taught|lessons?|workshops?|assembl(?:y|ies)|dangers of|risks of|awareness|"
                r"(?:talks?|sessions?|advice|guidance|information|leaflets?|webinar|presentations?|training|evening)"
                r"(?: for (?:parents|pupils|students|carers|staff|year \d+))?(?: tonight| today| this week)? "
                r"(?:on|about|covering|around|regarding)|is (?:a crime|illegal|a criminal offence|against the law)|"
                r"report remove|trusted adult|safeguarding (?:team|lead))\b")
# nudes or porn of someone, or going round: an incident, whatever awareness words the post also has
_SHARED_ABOUT = _rx(r"\b(?:nudes?|porn\w*|sext\w*|pics?|photos?|videos?) (?:of (?:a|an|her|him|my|our|his|the|that|this|"
                    r"year|y\d)|going round|going around|being (?:shared|sent|passed)|leaked|posted|sent to|of me)\b|"
                    r"\b(?:send|sent|sending|share|shared|sharing|leaked|posted) (?:me |him |her )?(?:\w+ )?(?:nudes?|pics|photos)"
                    r" (?:of|to|with|around|round)\b")

# a nude in art: "the life drawing room contains studies of the nude", "went to the show nervous about the 'nudes' ...
# It was charcoal drawings of a 60 year old bloke" (round 199); over 273,700 labelled posts no risk says "nude" in an
# art post but one that shares a nude of a pupil, which _SHARED_ABOUT still reads
_ART_TERM = re.compile(r"nudes?$")
_ART = _rx(r"\b(?:life[- ]drawing|life models?|charcoal|sketch\w*|paintings?|portraits?|gallery|galleries|exhibitions?|"
           r"art (?:show|exhibition|history|room|class|lesson|block|department)|sculptures?|statues?|renaissance|"
           r"michelangelo|botticelli)\b")


def sexual_hits(norm: str) -> list[Hit]:
    m = _SEXUAL.search(norm)
    if not m:
        return []
    if ((_TOPIC_TERM.match(m.group(0)) and _TEACHING.search(norm))
            or (_ART_TERM.match(m.group(0)) and _ART.search(norm))) and not _SHARED_ABOUT.search(norm):
        return []
    hits = [Hit("sexual", "sexual_term", quote(m))]
    if mm := _MINOR.search(norm):
        hits.append(Hit("safeguarding", "sexual_content_involving_minor", f"{quote(m)} + {quote(mm)}"))
    return hits
