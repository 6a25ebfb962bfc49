# ruff: noqa: E501 -- the regular expressions below read better as whole alternations than split mid-word
"""Hate: attacks on people for a protected characteristic, and slurs (design.md: critical).
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from importlib import resources

from watchtower.classify.rules._base import Hit, _g, _Gated, _rx, named_hits

_GROUP = (
    r"(?:muslims?|moslems?|islam|jews?|jewish|blacks|black people|whites|asians|immigrants?|migrants?|refugees?|"
    r"asylum seekers?|foreigners?|gays?|lesbians?|homosexuals?|trans(?:gender)? (?:people|kids|women|men)|trannies|"
    r"pakistanis?|indians?|africans?|polish|poles|romanians?|gypsies|travell?ers|roma|chinese|arabs?|mexicans?|"
    r"hindus?|sikhs?|christians?|catholics?|women|girls|females|feminists?|disabled people|autistic people|"
    r"queers?|lgbt\w*|non-?binary people)"
)
IDENTITY = _rx(rf"\b{_GROUP}\b|\b(?:race|racial|religion|religious|ethnic\w*|sexuality|gender|disabilit\w+|"
               r"skin colou?r|nationality|immigration|refugee|islamic|muslim|jewish|black|gay|trans)\b")
#: killing, gassing, deporting ... a people, as a call or (outside a history lesson) as a wish
_DONE_TO_A_GROUP = rf"(?:kill|gas|deport|hang|exterminate|ban|burn|shoot) (?:all )?(?:the |those |these )?{_GROUP}\b"
_HATE_PHRASES: tuple[tuple[str, _Gated], ...] = (
    ("hate_phrase", _g(r"\b(?:go|get|fuck off|piss off|send (?:them|em|'em|him|her)) back (?:to|home to) "
                        r"(?:your|ur|their|his|her) (?:own )?(?:country|countries|jungle|desert|cave)\b", "back")),
    ("hate_phrase", _g(r"\b(?:go|get) back (?:home|where (?:you|u|they) came from|to where (?:you|u|they) came from)\b", "back")),
    ("hate_phrase", _g(rf"\b(?:all |these |those |bloody |fucking |the |filthy |dirty )?{_GROUP} (?:are|r|is) "
                        r"(?:all |just |nothing but |a bunch of |literally )?(?:scum|vermin|animals|rapists|terrorists|"
                        r"disgusting|subhuman|parasites|filth|criminals|a disease|a plague|cockroaches|rats|dirty|"
                        r"inferior|trash|not human|savages|evil|invaders|pigs|dogs)\b", "muslim muslims moslem moslems islam jew jews jewish blacks black whites asians immigrant immigrants migrant migrants refugee refugees asylum foreigner foreigners gay gays lesbian lesbians homosexual homosexuals trans transgender trannies pakistani pakistanis indian indians african africans polish poles romanian romanians gypsies travellers travelers roma chinese arab arabs mexican mexicans hindu hindus sikh sikhs christian christians catholic catholics women girls females feminist feminists disabled autistic queer queers lgbt lgbtq lgbtqia nonbinary non binary")),
    # a history lesson's "the cattle trucks used to deport Jews to Auschwitz" or "the gas that was used to kill Jews"
    # (round 103) tells what was done, it does not call for it; a call ("we should deport the Jews to the camps")
    # is read whatever follows
    ("hate_phrase", _g(rf"\b(?<!was used to )(?<!were used to )(?<!been used to ){_DONE_TO_A_GROUP}"
                        r"(?! (?:to|from|into) (?:auschwitz|birkenau|belsen|bergen-belsen|treblinka|sobibor|dachau|theresienstadt|"
                        r"ravensbr(?:u|ü)ck|the ghettos?|ghettos|(?:the )?(?:death |concentration |extermination )?camps)\b)|"
                        rf"\b(?:should|must|need to|needs to|let'?s|gonna|going to|we'?ll|i'?d|we'?d) (?:just )?{_DONE_TO_A_GROUP}", "muslim muslims moslem moslems islam jew jews jewish blacks black whites asians immigrant immigrants migrant migrants refugee refugees asylum foreigner foreigners gay gays lesbian lesbians homosexual homosexuals trans transgender trannies pakistani pakistanis indian indians african africans polish poles romanian romanians gypsies travellers travelers roma chinese arab arabs mexican mexicans hindu hindus sikh sikhs christian christians catholic catholics women girls females feminist feminists disabled autistic queer queers lgbt lgbtq lgbtqia nonbinary non binary")),
    ("hate_phrase", _g(rf"\bno {_GROUP} (?:allowed|welcome)\b|\b(?:i )?hate (?:all )?(?:the |those |these )?{_GROUP}\b", "allowed welcome hate")),
    ("hate_phrase", _g(r"\b(?:heil hitler|sieg heil|white power|1488|14 88|white (?:pride|genocide) worldwide|"
                        r"race traitors?|great ?replacement|(?:islam|muslims) (?:is|are) a cancer)\b", "heil sieg white 1488 14 race traitor traitors great greatreplacement islam muslims")),
    ("hate_phrase", _g(r"\b(?:you|ur|he'?s|she'?s|they'?re) (?:so |such )?gay\b(?! (?:pride|rights|marriage|couple))"
                        r"(?=.{0,40}\b(?:loser|freak|disgusting|lol|lmao|haha|ew|eww))", "gay")),
)


@lru_cache(maxsize=1)
def _slur_pattern() -> re.Pattern[str]:
    text = resources.files("watchtower.classify").joinpath("data/slurs.rot13.txt").read_text(encoding="utf-8")
    terms = [codecs.decode(line.strip(), "rot13") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    alts = []
    for term in sorted(terms, key=len, reverse=True):
        # each letter may be starred out ("n*gger") or doubled; words may be run together or spaced
        parts = []
        for ch in term:
            if ch == " ":
                parts.append(r"[\s_-]*")
            else:
                parts.append(rf"(?:{re.escape(ch)}|\*)+")
        alts.append("".join(parts))
    return re.compile(r"(?<![a-z])(?:" + "|".join(alts) + r")(?![a-z])", re.IGNORECASE)


#: Where a word on the slur list means something else: a dyke as a ditch, a bank or an earthwork ("the bus nearly
#: ended up in the dyke", Offa's Dyke and "which side of the Dyke", the Dale Dyke dam, "drainage dykes"), Dyke as a surname ("ring Mrs Dyke") and faggots the meatballs
#: ("faggots an peas", "a tray of faggots", "ate the last faggot"). Those words are blanked
#: before the list is read, so the same word elsewhere in the post still counts. A bender is also a drinking spree
#: ("went on a three-day bender", "what a bender that was") and half of a compound ("fender bender", "gender-bender",
#: "spoon bender"). "Poof" is also the sound of a thing vanishing ("and poof, it was gone", "poof!"); "sambo" a
#: flip-flop brand, a meal and a Russian martial art ("sambo class"), and in Irish and Scouse English a sandwich
#: ("then tea and sambos in the clubhouse", "Sambos provided by the mammies' rota", round 97).
_NOT_A_SLUR = re.compile(
    r"\b(?:in|into|through|down|across|over|along|off|by|up|out of|on) the dykes?\b|"
    # which side of Offa's Dyke a border town is on (round 77: "We've reminded them which side of the Dyke we're on")
    r"\bsides? of the dykes?\b|"
    r"\b(?:offa'?s|devil'?s|grim'?s|fleam|car|wans|dale) ?dyke\b|\bdykes? (?:road|lane|bank|drain|end|farm|house|side|dam|reservoir)\b|"
    # the fens' and the levels' drainage channels (round 59: "the drainage dykes round the allotment", "the drains and
    # dykes ... cold water, steep sides")
    r"\b(?:drainage|flood|field|fen|fenland|farm|irrigation|roadside|tidal|sea) dykes?\b|"
    r"\b(?:drains?|ditch(?:es)?|rivers?|streams?|canals?|ponds?) (?:and|&|or|n) dykes?\b|\bdykes? (?:and|&|or|n) (?:drains?|ditch(?:es)?|rivers?|streams?|canals?|ponds?)\b|"
    r"\bfaggots?,? (?:and|an|n|'n'|&|with) (?:peas|gravy|mash|chips|onion)|\b(?:pork|brains'?|homemade|butcher'?s) faggots?\b|"
    r"\b(?:ate|eaten|eat|had|saved|pinched|nicked) (?:the|my|his|her|our) (?:last )?faggots?\b|"
    # faggots in a list of dishes (round 89: "grey peas and bacon, faggots, and Miss Rowley trying to say 'ar ah bin'")
    r"\b(?:peas|bacon|gravy|mash|chips|pies?|pudding|scratchings|chitterlings|tripe)(?: and \w+)?,? (?:and |an |n )?faggots?\b|"
    r"\b(?:mr|mrs|ms|miss|dr|sir|van) dyke\b|"
    r"\b(?:tray|plate|plateful|bowl|portion|pack|packet|tin) of faggots?\b|"
    r"\b(?:on|off|after|from) (?:a|an|another|one|the|his|her|their|my|our|that|this)(?: [\w-]+){0,2} benders?\b|"
    r"\b(?:what|such) an? (?:[\w-]+ )?bender\b|\bbenders? (?:last night|at the weekend|this weekend|weekend|night|session)\b|"
    r"\b(?:fender|gender|mind|spoon|pipe|rule|genre|brain|metal|wire|bar)[ -]?benders?\b|"
    r"\b(?:and|then|just|went|goes|gone|it's|its) (?:\.{2,} ?|\u2026 ?)?poof\b|\bpoof ?[!\u2026]|\bpoof,? (?:gone|it|just|like)\b|"
    r"\bsambo (?:class|classes|club|lessons?|wrestling|training)\b|"
    r"\b(?:tea|ham|cheese|egg|chicken|tuna|crisp|chip|jam|butter|bacon|sausage|turkey|salad|packed)(?: and| an| n| &)? sambos?\b|"
    r"\bsambos? (?:provided|rota|and (?:tea|crisps|cake|biscuits|chips|a cuppa)|for (?:after|lunch|the (?:bus|coach|journey)))\b|"
    r"\b(?:gave|give|giving|ate|eat|eaten|made|make|making|packed|had) (?:my|his|her|the|a|some|your|their|our) sambos?\b"
)


def hate_hits(norm: str) -> list[Hit]:
    hits = named_hits("hate", _HATE_PHRASES, norm)
    if m := _slur_pattern().search(_NOT_A_SLUR.sub(" ", norm)):
        # report which term without repeating the slur in full in emails
        word = m.group(0)
        hits.append(Hit("hate", "slur_lexicon", f"'{word[0]}{'*' * max(len(word) - 2, 1)}{word[-1]}'"))
    return hits
