# ruff: noqa: E501 -- the regular expressions below read better as whole alternations than split mid-word
"""Precise detectors: the categories where a rule is more trustworthy than a model score.

Each detector reads the normalised text (``_normalise.variants``) and, where digits matter, the original,
and returns :class:`Hit` records naming the category and a human-readable reason such as
``rule:threat_phrase 'going to shoot'``. Hard negatives ("this homework is killing me", "the choir killed
it", "knife and fork club", "anti-bullying week") are handled by requiring a target or an intent, and by
an awareness-context check that stops topic words in school announcements from firing.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from watchtower.classify.config import ClassifierConfig


@dataclass(frozen=True, slots=True)
class Hit:
    category: str
    reason: str
    score: float = 1.0


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_WORDS = re.compile(r"[a-z0-9]+")
#: Set to False (tests only) to run every regular expression on every text, to check the gates lose nothing.
GATING = True


@lru_cache(maxsize=256)
def _tokens(norm: str) -> frozenset[str]:
    return frozenset(_WORDS.findall(norm))


class _Gated:
    """A pattern that is only searched when one of its anchor words (or substrings) is in the text.

    Python's ``re`` tries every alternative at every position; most posts contain none of a rule's
    anchor words, so a set lookup first makes the rules about ten times cheaper.
    """

    __slots__ = ("anchors", "pattern", "rx", "subs")

    def __init__(self, rx: re.Pattern[str], anchors: str, subs: str = "") -> None:
        self.rx = rx
        self.pattern = rx.pattern
        self.anchors = frozenset(anchors.split())
        self.subs = tuple(subs.split())

    def search(self, text: str) -> re.Match[str] | None:
        if GATING and self.anchors.isdisjoint(_tokens(text)) and not any(s in text for s in self.subs):
            return None
        return self.rx.search(text)


def _g(pattern: str, anchors: str, subs: str = "") -> _Gated:
    return _Gated(_rx(pattern), anchors, subs)


def _quote(match: re.Match[str]) -> str:
    text = " ".join(match.group(0).split())
    return f"'{text[:60]}'"


# --- shared vocabulary ----------------------------------------------------------------------------

_SCHOOL = r"(?:school|sch(?:oo|o)?l|skool|skl|academy|college|classroom|class|building|canteen|playground|assembly)"
_STAFF = (
    r"(?:mr|mrs|miss|ms|sir|dr|teacher|teachers|head ?teacher|headmaster|headmistress|the head|deputy head|"
    r"governors?|senco|tutor|form tutor|staff|dinner lad(?:y|ies)|caretaker|coach|principal|ta|teaching assistant)"
)
_PERSON_TARGET = (
    r"(?:you|u|ya|yer|yall|y'all|him|her|them|every ?(?:one|body|1)|every (?:single )?(?:teacher|kid|pupil|student|person|one of (?:you|u|them))|"
    r"all (?:the |of the )?(?:teachers|kids|pupils|students|staff)|all of (?:you|u|them|ya)|the lot of (?:you|ya)"
    r"|(?:the|that|this|ur|your|our|my) (?:whole )?(?:school|class|teachers?|head ?teacher|head|headmaster|staff|kids|pupils|students|form|family|son|daughter|kid|child)"
    r"|(?:mr|mrs|miss|ms|sir|dr)\.? ?[a-z]+|@\w+|[a-z]+ in year \d+|everyone in (?:this|that|the|my) (?:school|class)"
    r"|(?:the|that|this) [a-z]+ (?:kid|boy|girl|lad|lass|teacher|woman|man|bloke))"
)
_AWARENESS = _g(
    r"\b(?:workshops?|assembl(?:y|ies)|awareness|"
    # "anti-bullying week", "safer internet day"; not "every day", "this week", "2 days"
    r"(?<!every )(?<!each )(?<!a )(?<!one )(?<!all )(?<!another )(?<!per )(?<!same )(?<!whole )(?<!this )(?<!that )"
    r"(?<!next )(?<!last )(?<!the )(?<!some )(?<!any )(?<!other )(?<!\d )(?:week|day|month)|campaign|talks? (?:from|by|about|on)|lessons?|pshe|"
    r"rse|e-?safety|online safety|internet safety|training|courses?|sessions?|presentations?|policy|policies|charity|"
    r"fundrais\w*|nspcc|childline|samaritans|kooth|papyrus|mind\b|young ?minds|police (?:visit|officer|talk)|"
    r"visit from|learn(?:ing|t|ed)? (?:about|how)|taught|dangers of|prevention|information evening|guidance|"
    r"support group|signpost\w*|helplines?|year \d+ (?:explored|discussed|studied)|explored|discussed|drama|"
    r"play|performance|macbeth|shakespeare|novel|book|history|topic|curriculum|safeguarding team|webinar|leaflets?)\b",
    "workshop workshops assembly assemblies awareness week day month campaign talk talks lesson lessons pshe rse esafety safety training course courses session sessions presentation presentations policy policies charity nspcc childline samaritans kooth papyrus mind young youngminds police visit learn learning learnt learned taught dangers prevention information guidance support signpost signposting helpline helplines explored discussed drama play performance macbeth shakespeare novel book history topic curriculum safeguarding webinar leaflet leaflets",
    "fundrais"
)
_FIRST_PERSON = _rx(r"\b(?:i|i'?m|im|me|my|myself|i'?ve|i'?d|i'?ll)\b")


def aware(norm: str) -> bool:
    """An awareness or teaching post: "anti-bullying week", "assembly on knife crime", "e-safety workshop"."""
    return bool(_AWARENESS.search(norm))


# --- threat ------------------------------------------------------------------------------------

_VIOLENT_VERB = (
    r"(?:kill|k\*ll|murder|shoot|shank|stab|knife|bomb|blow up|burn|torch|batter|beat up|beat the (?:shit|crap|hell) out of|"
    r"hurt|smash|slit|strangle|choke|punch|kick the (?:shit|crap) out of|kick (?:your|ur|his|her) head in|cut|"
    r"jump|rape|slap|hang|run over|glass|acid attack|merk|merc|murk|wet|ding|do in|end|cap|pop|bang)"
)
_INTENT = (
    r"(?:i'?ll|i will|i wil|ill|imma|ima|i'?m gonna|im gonna|i am gonna|i'?m going to|im going to|i am going to|"
    r"i'?m gunna|i'?m finna|gonna|we'?ll|we will|we'?re gonna|we'?re going to|we are going to|i want to|i wanna|"
    r"i'?m about to|i swear i'?ll|someone (?:should|needs to|is going to|is gonna|will|ought to)|let'?s|"
    r"i'?m coming to|im coming to|i'?m ready to|going to|i could)"
)
_THREAT_RULES: tuple[tuple[str, _Gated], ...] = (
    ("threat_phrase", _g(rf"\b{_INTENT}\s+(?:\w+\s+){{0,2}}?{_VIOLENT_VERB}(?:s|ed|ing)?\s+(?:up\s+)?{_PERSON_TARGET}\b", "kill kills killed killing killer ll k murder murdered murdering murders shoot shoots shooting shot shank shanked stab stabs stabbed stabbing knife knifed knifing bomb bombed bombing blow burn burns burned burning burnt torch torched batter battered beat beating beats hurt hurts hurting smash smashed smashing slit strangle strangled choke choked choking punch punched punching kick kicked kicking cut cuts cutting jump jumped jumping rape raped raping slap slapped slapping hang hanged run glass glassed acid merk merked merc murk murked wet ding do end ended cap capped pop popped bang banged")),
    ("threat_phrase", _g(r"\b(?:kill|shoot|stab|bomb|murder)(?:ing)? (?:all|every) (?:the |of the |one of )?"
                          r"(?:teachers|kids|pupils|students|staff|people|one|1|body|you|u)\b", "kill killing shoot shooting stab stabbing bomb bombing murder murdering")),
    ("school_attack", _g(rf"\b(?:shoot(?:ing)?|shot) up (?:the |this |that |our |ur |your |my )?{_SCHOOL}\b", "shoot shooting shot")),
    ("school_attack", _g(rf"\b(?:there (?:will|is going to|'?s going to|'?ll) be|i'?ll do|gonna do|going to do|"
                          rf"planning|plan) (?:a |another )?{_SCHOOL} shooting\b", "shooting")),
    ("bomb_threat", _g(rf"\b(?:bomb|bombs|explosives?|device)\b.{{0,30}}\b(?:in|at|under|inside|near|planted in|"
                        rf"left in|outside) (?:the |this |that |ur |your |our )?{_SCHOOL}\b", "bomb bombs explosive explosives device")),
    ("bomb_threat", _g(r"\b(?:there'?s|there is|i'?ve (?:planted|left|put|placed)|i (?:planted|left|put|placed)|"
                        r"someone (?:planted|left|put)) an? (?:bomb|explosive|device)\b", "bomb explosive device")),
    ("bomb_threat", _g(rf"\b(?:blow(?:ing)? up|bomb(?:ing)?|burn(?:ing)? down|torch(?:ing)?|set(?:ting)? fire to) "
                        rf"(?:the |this |that |ur |your |our )?{_SCHOOL}\b", "blow blowing bomb bombing burn burning torch torching fire")),
    ("bomb_threat", _g(r"\bbomb threat\b", "bomb")),
    ("bomb_threat", _g(rf"\b(?:burn|torch|blow up) (?:the |this |that |ur |your |our )?{_SCHOOL} (?:down|up)\b", "burn torch blow")),
    ("threat_phrase", _g(r"\b(?:(?:put|putting|stick|sticking) (?:a |one |two )?(?:bullet|bullets|knife|blade) (?:in|through|into) "
                          r"(?:your|ur|his|her|their|yo) (?:head|brain|face|chest|back)|put (?:you|u|him|her) in (?:a|the) "
                          r"(?:grave|ground|hospital|morgue|coffin))\b", "bullet bullets knife blade grave ground hospital morgue coffin")),
    ("threat_phrase", _g(r"\b(?:watch (?:your|ur) back|i know where (?:you|u) live|we know where (?:you|u) live|"
                          r"(?:you'?re|ur|you are|your) dead meat|(?:you'?re|ur|you are|your|he'?s|she'?s|hes|shes|they'?re) "
                          r"(?:so )?dead (?:tomorrow|after school|on monday|when i (?:see|catch|find|get) (?:you|u|him|her|them))|(?:coming|come) for (?:you|u|ya)\b"
                          r"(?! (?:to|with|on))|i'?ll get (?:you|u|ya) (?:after school|outside|at the gates)|"
                          r"(?:sleep|rest) with one eye open|say (?:your|ur) prayers|"
                          r"(?:you|u) won'?t (?:see|make it to) (?:monday|tomorrow|the weekend))\b", "watch live meat dead coming come get eye prayers won wont")),
    ("veiled_threat", _g(r"\b(?:i|we|ill|i'?ll|we'?ll)(?: will| am| are| 'm| 're| is)?(?: going to| gonna)? "
                          r"(?:know|find out|found out|finding out|get|got) (?:exactly )?where (?:you|u|he|she|they|"
                          r"(?:that|the|this|your|ur) (?:teacher|head ?teacher|head|kid|boy|girl|woman|man)|"
                          r"(?:mr|mrs|miss|ms|dr)\.? [a-z]+|sir|miss) (?:lives?|sleeps?)\b", "live lives sleep sleeps")),
    ("incitement", _g(r"\b(?:address|lives (?:at|on|in)|house|home number|number)\b.{0,80}\b(?:go (?:and )?get (?:him|her|them)|"
                       r"pay (?:him|her|them) a visit|visit (?:him|her|them)|sort (?:him|her|them) out|teach (?:him|her|them) "
                       r"a lesson|do (?:him|her|them) in|you know what to do)\b", "address lives house number")),
    ("veiled_threat", _g(r"\b(?:you|u|ur|you'?re|you are|youre|you lot|y'?all|they|he|she)(?: all| lot)? (?:are |is |r )?"
                          r"(?:gonna|going to|will|'ll) get what(?:'?s| is)? (?:coming|(?:you|u|they|he|she) deserves?)\b|"
                          r"\b(?:you|u)(?:'ll| will| are going to| r gonna| are gonna) pay for (?:this|that|what)\b",
                          "coming deserve deserves pay")),
    ("veiled_threat", _g(r"\bmake (?:you|u|him|her|them|(?:mr|mrs|miss|ms|sir|dr)\.? [a-z]+|that \w+|the \w+) "
                          r"(?:regret|pay for) (?:it|this|that|the day|what)\b|\b(?:you'?ll|you will|u will|youll|ul|he'?ll|"
                          r"she'?ll|they'?ll) regret the day\b|\b(?:won'?t|wont|will never|never) (?:see|know) (?:it|what'?s|"
                          r"what is) (?:coming|hit (?:him|her|them|you|u))\b(?!.{0,60}\b(?:surprise|party|present|gift|"
                          r"retire\w*|birthday|cake)\b)", "regret day coming hit")),
    ("threat_phrase", _g(rf"\b(?:{_INTENT}|i swear|swear down)\b.{{0,40}}?\b(?:smash|wreck|trash|torch|kick)(?:ing)? "
                          r"(?:the|this|that|your|ur|their|his|her) (?:whole )?(?:place|office|reception|windows?|doors?|"
                          r"car|house|classroom|building)(?: up| in| down)?\b", "smash smashing wreck wrecking trash trashing torch torching kick kicking")),
    ("threat_phrase", _g(r"\b(?:you'?re|ur|u r|you are|youre|u are|he'?s|she'?s) (?:getting|gettin|gonna get|going to get) "
                          r"(?:stabbed|shanked|shot|battered|jumped|merked|murked|killed|beaten|done in|knifed|smashed|"
                          r"glassed|bottled|deaded|wetted|slapped|punched|decked|smacked|sparked|lamped|twatted)\b|\b(?:stab|shank|shoot|kill|batter|merk|knife|bottle)\w*"
                          r"\b.{0,30}\b(?:that'?s|thats|is|iz) (?:what|wat|wot) (?:you'?re|ur|u r|you are|youre|u are|he'?s|"
                          r"she'?s) (?:getting|gettin|gonna get|going to get)\b", "getting gettin get")),
    ("threat_phrase", _g(r"\bsort (?:you|u|him|her|them|(?:that|the|this) (?:\w+ )?(?:teacher|kid|boy|girl|lad|man|woman|"
                          r"bloke)|(?:mr|mrs|miss|ms|sir)\.? [a-z]+) out(?: (?:properly|proper|good|for good|once and for all)|"
                          r",? (?:i'?ll|ill|i will) do it my ?self)\b|\b(?:get|getting|gettin|gonna get|going to get|'ll get|"
                          r"will get|get) (?:ur|your|yer) (?:head|face|teeth|legs?|jaw|nose|skull) (?:kicked|smashed|"
                          r"caved|knocked|punched|broken|busted|bashed|booted|stamped)(?: in| out)?\b", "sort get getting gettin")),
    ("veiled_threat", _g(r"\bif (?:\w+ ){0,6}?(?:exclude\w*|suspend\w*|detention|expel\w*|one more|touch\w*|lay a finger)"
                          r"\b.{0,50}\b(?:i'?ll|ill|i will|we'?ll|we will) be waiting (?:for|outside)\b|"
                          r"\bsee what happens (?:to (?:you|u|ya)|when i (?:find|catch|see|get) (?:you|u|ya|him|her))\b",
                          "waiting happens")),
    ("school_attack", _g(rf"\b(?:shoot|shooting|shot|bomb|bombing|blow|blowing|burn|burning) (?:this|that|the|ur|your|our) "
                          rf"(?:place|{_SCHOOL}) (?:up|down)\b", "shoot shooting shot bomb bombing blow blowing burn burning")),
    ("attack_warning", _g(r"\b(?:stay|keep) (?:at )?(?:home|away|off)\b.{0,80}\b(?:something (?:big|bad)|"
                           r"(?:you'?ve|you have|u have|youve) been warned|i'?m warning|im warning|don'?t say i didn'?t warn)\b|"
                           r"\b(?:something (?:big|bad) (?:is|'s) (?:happening|going down|going to happen|gonna happen))"
                           r"\b.{0,80}\b(?:stay|keep) (?:at )?(?:home|away|off)\b|\b(?:don'?t|do not|dont) (?:come|go) (?:in|into|to) "
                           r"(?!.{0,100}\b(?:closed|closure|snow|ice|icy|weather|strike|inset|ill|poorly|temperature|flood\w*)\b)"
                           r"(?:school|college|the academy)?\s?(?:tomorrow|2moro|tmrw|tmr|on monday|on tuesday|on wednesday|"
                           r"on thursday|on friday|monday|tuesday|wednesday|thursday|friday)\b.{0,60}\b(?:warned|"
                           r"something (?:big|bad)|you'?ll see|u'?ll see)\b", "stay keep something dont don do")),
    ("attack_warning", _g(r"\b(?:tomorrow|tmrw|2moro|today|monday|tuesday|wednesday|thursday|friday|next week) is the day\b"
                           r"[^.!?]{0,10}\b(?:every(?:one|body|1)|you all|y'?all|they all|you lot|u lot)(?: (?:at|in) (?:that|this|the) "
                           r"\w+)? (?:finds? out|(?:will|gonna|going to) (?:see|pay|remember|learn|find out)|gets? what)"
                           r"(?=\s*(?:[.!?,]|$|what|why))",
                           "day")),
    ("threat_phrase", _g(rf"\b(?:he'?s|hes|she'?s|shes|you'?re|youre|ur|u r|they'?re|he|she|you|u|they) (?:is |are |will )?"
                          rf"(?:not|never|won'?t|wont|ain'?t|aint) (?:be )?(?:getting|get|going|go|leaving|leave|walking|walk|"
                          rf"making it|make it)\b[^.!?]{{0,30}}\bin one piece\b|\b(?:i'?ll|i will|we'?ll|we will|gonna|"
                          rf"going to) find (?:you|u|ya|him|her)\b(?! (?:a|an|the|some|out|on|in|at)\b)|\b(?:you'?ll|you will|u will|"
                          rf"youll) regret ever\b|\b{_INTENT}\s+teach {_PERSON_TARGET} a lesson (?:(?:he|she|they|you|u)(?:'ll| will)? "
                          rf"(?:won'?t|wont|will never|never|'ll never) forget|(?:he|she|they)'?ll need)", "piece find regret lesson")),
    ("threat_phrase", _g(r"\b(?:leaving|leave|go(?:ing)? home|end(?:ing)? up|come out|coming out) in an? (?:ambulance|body ?bag|"
                          r"coffin|wheelchair)\b", "ambulance body bag bodybag coffin wheelchair")),
    ("incitement", _g(r"\b(?:should|ought to|needs? to|deserves? to|must) (?:be |get )?(?:shot|hanged|hung|killed|"
                       r"stabbed|lynched|burned|burnt|beaten|put down|die|gassed|executed)\b", "shot hanged hung killed stabbed lynched burned burnt beaten put die gassed executed")),
    ("incitement", _g(r"\b(?:i )?hope (?:you|u|he|she|they|she'?s|he'?s) (?:die|dies|get killed|gets killed|get shot|"
                       r"gets shot|get stabbed|gets stabbed|get run over|burn)\b", "hope")),
)
_WEAPON = (
    r"(?<!toy )(?<!nerf )(?<!water )(?<!replica )(?<!fake )(?<!cap )(?<!plastic )"
    r"(?:knife|knives|blade|machete|zombie knife|gun|guns|pistol|firearm|shotgun|rifle|weapon|shank|"
    r"crossbow|knuckle ?duster|baseball bat)"
)
#: whose weapon: "his dad's gun", "my brother's knife"
_WHOSE = r"(?:(?:dad|mum|brother|uncle|cousin|mate|friend|step ?dad|grandad)(?:'?s)? )?"
_WEAPON_WORDS = "knife knives blade blades machete machetes zombie gun guns pistol firearm shotgun rifle weapon weapons shank crossbow knuckle knuckleduster duster baseball"
_WEAPON_POSSESSION = _g(
    rf"\b(?:bring(?:ing|in'?|s)?|brought|carry(?:ing|in'?)?|carries|got|had|has|have|pulled(?: out)?|pull(?:ed|ing)? out|"
    rf"waving|wave|with|hiding|hid|keeps?|kept|flashing|showed (?:me|us|everyone)|armed with|packing|tooled up with) (?:a |an |his |her |my |"
    rf"their |two |some |the )?{_WHOSE}{_WEAPON}\b(?!\s*(?:and|&|n'?|,)\s*forks?)(?! club| crime)"
    rf".{{0,60}}\b(?:{_SCHOOL}|gates|bus stop|park|tomorrow|2moro|2morrow|tmrw|tmr|tomoz|monday|lunch|break|today|bag|blazer|pocket|you|u|him|her|"
    rf"them|year \d+)\b",
    _WEAPON_WORDS,
)
_WEAPON_BRINGING = _g(
    rf"\b(?:i'?m|im|i am|i'?ll|i will|gonna|going to|we'?re|he'?s|she'?s|they'?re) (?:bring(?:ing|in'?)?|carry(?:ing|in'?)?|packing) "
    rf"(?:a |an |my |his |her |two |the )?{_WHOSE}{_WEAPON}\b(?!\s*(?:and|&|n'?|,)\s*forks?)",
    _WEAPON_WORDS,
)
# a weapon seen on a pupil or at a fight: "one of them had a knife", "a lad from your school pulled out a blade"
_WEAPON_SEEN = _g(
    rf"\b(?:kids?|pupils?|students?|boys?|girls?|lads?|one of (?:them|the (?:kids|boys|girls|lads))|one|someone|somebody|"
    rf"an? (?:boy|girl|kid|lad|pupil|student|year \d+)|he|she|they)(?: from (?:your|ur|the|this|that) {_SCHOOL})? "
    rf"(?:had|has|have|has got|had got|'?s got|got|was carrying|were carrying|is carrying|pulled out|pulled|was waving|"
    rf"were waving|flashed) (?:a |an |his |her |their |two )?{_WHOSE}{_WEAPON}\b(?!\s*(?:and|&|n'?|,)\s*forks?)"
    rf"(?! (?:skills|club|crime|awareness|amnesty))",
    _WEAPON_WORDS,
)
_WEAPON_AT_SCHOOL = _g(rf"(?:\b(?:coming|come|going|turn(?:ing)? up|walk(?:ing)?|show(?:ing)? up) (?:in)?to (?:the |this |that |our |ur |your )?"
                        rf"{_SCHOOL} with (?:a|an|my|his|her|two) {_WEAPON}\b|\b(?:{_WEAPON}) (?:in|into|to|at) (?:the |this |that |our |ur |your )?{_SCHOOL}\b)"
                        r"(?! (?:amnesty|surrender|awareness|workshop|talk))", _WEAPON_WORDS)
_WEAPON_EMOJI_TARGET = _rx(
    rf"(?:@\w+|\b(?:you|u|ur|your|ya|him|her|them|{_SCHOOL}|{_STAFF}|tomorrow|monday|watch|coming|"
    r"after school|see you|wait|gates|dead)\b)"
)


def _threat(norm: str, raw: str, weapon_emoji: bool) -> list[Hit]:
    hits = [Hit("threat", f"rule:{name} {_quote(m)}") for name, rx in _THREAT_RULES if (m := rx.search(norm))]
    is_aware = aware(norm)
    if not is_aware or hits:
        for rx, name in ((_WEAPON_POSSESSION, "weapon"), (_WEAPON_AT_SCHOOL, "weapon_at_school"),
                         (_WEAPON_BRINGING, "weapon"), (_WEAPON_SEEN, "weapon_seen")):
            if m := rx.search(norm):
                hits.append(Hit("threat", f"rule:{name} {_quote(m)}"))
    if weapon_emoji and not is_aware and (m := _WEAPON_EMOJI_TARGET.search(norm)):
        hits.append(Hit("threat", f"rule:weapon_emoji with target {_quote(m)}"))
    return hits


# --- safeguarding ------------------------------------------------------------------------------

_SELF_HARM = _g(
    r"\b(?:kill(?:ing)? my ?self|k\*ll my ?self|kms|unaliv(?:e|ing) my ?self|unalive me|end(?:ing)? it all|"
    r"end(?:ing)? my (?:life|own life)|take my (?:own )?life|(?:want|wanted|going|gonna|need) to (?:die|end it)(?! (?:of|laughing|lol|lmao))|"
    r"wanna die(?! (?:of|laughing|lol|lmao))|wish i (?:was|were) dead|wish i (?:wasn'?t|was never|had never been) (?:here|alive|born)|"
    r"(?:don'?t|dont|do not) want to (?:be here|live|be alive|exist|wake up)(?: anymore| any more)?|"
    r"no (?:reason|point) (?:to live|in living|living|going on)|better off (?:without me|dead|if i was dead)|"
    r"(?:i|i'?ve|been|i'?m|started|keep|stop) self[- ]?harm(?:ing|ed)?|"
    r"(?:i|i'?ve|been|i'?m|started|keep|stop) cutting (?:again|myself|my ?self)\b|"
    r"(?:i'?ve been|i have been|i'?m|im|i am|i keep|i started|i'?ve started) cutting(?= *(?:[.!?,]|$))|"
    r"cut(?:ting)? (?:my ?self|my (?:arms?|wrists?|legs?|thighs?))|hurt(?:ing)? my ?self|burn(?:ing)? my ?self|"
    r"(?:took|taken|take|taking|gonna take) (?:an )?overdose|overdos(?:ed|ing)|i'?m suicidal|(?:i|i'?m|im|i am) (?:feel(?:ing)?|am feeling) suicidal|"
    r"(?:took|taken|swallowed|downed) (?:a load of|loads of|all (?:my|the|of my)|a bunch of|too many|a handful of|a whole (?:box|packet) of|\d{2,3}|"
    r"(?:ten|twelve|fifteen|twenty|thirty|forty|fifty)) (?:of (?:my |the |mums? |dads? )?)?(?:pills|tablets|paracetamol|painkillers|meds|sleeping pills|ibuprofen)|"
    r"(?:everyone|everybody|they|people|my family) would be better off (?:if i (?:just )?(?:disappeared|was gone|were gone|"
    r"wasn'?t here|weren'?t here|died|was dead|wasn'?t around)|without me)|"
    r"sewer ?slid(?:e|ing)|not (?:going to )?be (?:here|around|alive) (?:tomorrow|much longer|by monday|next week)|"
    r"(?:jump|jumping) (?:off|in front of) (?:a |the )?(?:bridge|train|building|roof)|hang(?:ing)? my ?self|"
    r"goodbye (?:everyone|forever|world|cruel world)|(?:can'?t|cannot) go on(?: anymore| like this)?|"
    r"suicide note|(?:nobody|no one|noone) would (?:even |really )?(?:miss me|notice|care if (?:i|me)\b)|walk(?:ed|ing)? into the (?:sea|river|canal)|"
    r"(?:i )?(?:just )?want (?:it all|everything) to (?:stop|end)(?: forever| for good)?(?= *(?:[.!?,]|$))|"
    r"(?:tired|sick) of (?:being alive|living|life)(?= *(?:[.!?,]|$))|(?:i'?m|im|i am) done with (?:life|living)\b|"
    r"(?:nobody|no one|noone) would care if i (?:died|was gone|disappeared))\b",
    "myself self kms unalive unaliving end ending life die dead wish alive exist wake live living reason point better harm harming harmed selfharm selfharming cutting cut hurt hurting burn burning overdose overdosed overdosing suicidal pills tablets paracetamol painkillers meds sewerslide sewer slide sliding tomorrow longer monday week jump jumping hang hanging goodbye go note miss notice care anymore stop tired sick done"
)
# someone else's self-harm or suicidal talk, reported by a parent or friend
_SELF_HARM_OTHER = _g(
    r"\b(?:going to|gonna|wants? to|wanted to|threaten(?:ed|ing|s)? to|talk(?:s|ing|ed)? about|keeps? saying (?:he'?s|she'?s|"
    r"they'?re|he is|she is|hes|shes) going to|said (?:he|she|they)(?:'?d| would| was going to| is going to)|tried to|"
    r"trying to) (?:\w+ ){0,2}(?:hurt|kill|harm|cut|end|unalive|hang|overdose)(?:ing)? (?:himself|herself|themselves|"
    r"themself|his (?:own )?life|her (?:own )?life|their (?:own )?life|it all)\b|"
    r"\b(?:he|she|they|my (?:son|daughter|child|friend|mate|kid|boy|girl)|(?:his|her) friend)(?:'?s| is| has been| "
    r"was| keeps| started)? (?:self[- ]?harm(?:ing|s|ed)?|cutting (?:himself|herself|themselves)|suicidal)\b",
    "himself herself themselves themself life all selfharm selfharming harming self cutting suicidal",
)
_SELF_HARM_TOPIC = _g(r"\b(?:self[- ]?harm\w*|suicid\w+|overdose)\b", "self selfharm selfharming overdose", "suicid")
_INCITE_SELF_HARM = _g(
    r"\b(?:kys|kill (?:yo)?ur ?self|k\*ll (?:yo)?ur ?self|go (?:and )?die|unalive (?:yo)?ur ?self|neck (?:yo)?ur ?self|"
    r"hang (?:yo)?ur ?self|drink bleach|go jump off|nobody would miss (?:you|u)|do (?:us|everyone) a favou?r and die)\b",
    "kys kill k yourself urself ur your die neck hang bleach jump miss favour favor"
)
_ABUSE = _g(
    r"\b(?:(?:my|me) (?:dad|mum|mom|step ?dad|step ?mum|uncle|brother|cousin|mum'?s boyfriend|mums boyfriend|"
    r"dad'?s girlfriend|carer|foster (?:dad|mum|carer)|grandad|grandpa|nan|auntie|aunt|stepbrother)|he|she|they|"
    r"someone|an adult|a man|an older (?:boy|man|lad))\s+(?:\w+\s+)?(?:hits|hit|beats|beat|punches|punched|kicks|kicked|"
    r"burns|burned|hurts|hurt|touches|touched|rapes|raped|abuses|abused|molests|molested|chokes|strangles|locks|"
    r"locked|starves|threatens|threatened|films|filmed|makes)\s+me\b|"
    r"\b(?:touched|touches|touching) me (?:down there|inappropriately|where|in places|under)|"
    r"\b(?:i'?m|i am|i feel|feel) (?:scared|afraid|frightened|terrified|not safe) (?:to go |of going )?(?:at )?home\b|"
    r"\bnot safe at home\b|\b(?:sexually |physically )?abus(?:ed|ing) me\b|\bno food (?:at home|in the house)\b|"
    r"\bhe makes me (?:do things|touch|take)|"
    r"\bmade (?:a |the |her |him |them |me |some )?(?:(?:year \d+|y\d+|little|younger|new) )?(?:girl|boy|kid|pupil|year \d+|y\d+"
    r"|her|him|them|me)s? (?:strip|get naked|undress|take (?:her|his|their) (?:clothes|top|trousers) off)\b|"
    r"\b(?:her|his|their|my friend'?s?|my mate'?s?) (?:uncle|dad|step ?dad|stepdad|mum'?s boyfriend|mums boyfriend|"
    r"mum|mom|step ?mum|brother|cousin|grandad|carer|foster (?:dad|mum|carer))\s+(?:\w+\s+)?(?:touches|touched|hits|hit|"
    r"beats|beat|punches|punched|kicks|kicked|burns|burned|hurts|hurt|rapes|raped|abuses|abused|molests|molested|chokes|"
    r"strangles|locks|locked|starves|films|filmed)\s+(?:her|him|them)\b|\b(?:i'?ve been|i was|i got|i am being|i'?m being) (?:raped|abused|"
    r"assaulted|sexually assaulted|molested|groomed|trafficked)\b|\bscared of my (?:dad|mum|mom|step ?dad|stepmum|uncle)\b",
    "me home food makes made strip naked undress raped abused assaulted molested groomed trafficked scared uncle dad stepdad step boyfriend mum mom brother cousin grandad carer foster"
)
_GROOMING = _g(
    r"\b(?:our (?:little )?secret(?! (?:santa|recipe|ingredient|weapon|garden|passage|door))|(?:don'?t|do not|not to|never) tell (?:your|ur|yr|his|her|their) (?:mum|mom|dad|parents|teachers?|family)|"
    r"(?:a man|an adult|a stranger|an older (?:man|guy|lad|boy)|some (?:man|guy|bloke|adult)) (?:keeps |has been |is |kept )?"
    r"(?:messag|dm|contact|snapchat|add|follow|text)\w* (?:my|our) (?:son|daughter|child|kid|boy|girl)|"
    r"(?:send|sending|snd) (?:me )?(?:nudes|a nude|pics of (?:you|u|ur|your)|a pic of (?:you|u|ur|your)|naked|"
    r"photos of (?:you|u|yourself|ur ?self)|a photo in your)|you look (?:so )?(?:mature|older|grown up) for (?:your|ur) age|"
    r"are (?:you|u) home alone|how old (?:are|r) (?:you|u)\b.{0,40}\b(?:meet|dm|snap|pics?|address|alone)|"
    r"(?:meet|meet up|come over).{0,40}(?:don'?t tell|secret|alone|no one has to know)|"
    r"delete (?:these|our|the|this) (?:messages|chats?|convo)|no one (?:has|needs) to know|"
    r"telling (?:her|him|me|them|my \w+) (?:not to|to not|never to) tell (?:anyone|anybody|(?:her|his|their|my) (?:mum|mom|dad|"
    r"parents))|"
    r"(?:asked|asks|told|tells|made|makes|wants|wanted|begged) (?:me|my (?:son|daughter|child|kid)|her|him) (?:not to tell|"
    r"to keep (?:\w+ ){0,3}(?:a )?secret|to delete (?:our|the|his|her|their) (?:messages|chats?|texts|snaps))|"
    r"keep(?:ing)? (?:our|the|these|those|his|her) (?:messages?|chats?|texts?|snaps?|relationship|friendship|meetings?|"
    r"photos?|pics?) (?:a )?secret|"
    r"i('?ll| will) (?:buy|give|get) (?:you|u) .{0,30}(?:if you|if u|for pics|for a pic))\b",
    "telling asked asks told tells made makes wants wanted begged keep keeping secret tell send sending snd mature older grown alone old meet delete know buy give get messaging messages message messaged dm dms dming contact contacting contacted snapchat snapchatting add adding added follow following text texting texted"
)
_GROOMING_TOPIC = _g(
    r"\b(?:being groomed|been groomed|groom(?:ing|ed|s)? (?:my|our|a|the|her|him) (?:son|daughter|child|kid|pupil|girl|boy|students?|pupils?|kids|children)|"
    r"groomer|groomed (?:her|him|me|my|a))\b",
    "groomed grooming groomer groom grooms"
)
_STAFF_ALLEGATION = _g(
    rf"\b{_STAFF}(?: [a-z]+)?\b.{{0,30}}\b(?:keeps |kept |has been )?(?:send(?:s|ing)?|sent) (?:me|my \w+|pupils|students|girls|boys|kids) "
    r"(?:messages|snaps|pics|photos|dms|texts|videos)\b.{0,20}\b(?:on (?:snap|snapchat|insta|instagram|whatsapp|tiktok)|at night|late|"
    r"privately|in private)|\b"
    rf"{_STAFF}(?: [a-z]+)?\b.{{0,30}}\b(?:touched|touches|touching|groped|gropes|molested|molests|abused|abuses|"
    r"assaulted|slapped|slaps|hit|hits|punched|grabbed|grabs|kissed|kisses|sexted|sexts|flirts with|flirting with|"
    r"(?:put|puts|putting|placed|rested|had|keeps putting) (?:his|her|their) hands? (?:on|up|down|under)|"
    r"sends? (?:pics|photos|messages) to|messag(?:ed|es|ing)|text(?:s|ed|ing)|dm(?:s|ed|'?d)|snapchat(?:s|ted)?|filmed|films)"
    r" (?:me|my|him|her|them|a (?:pupil|student|child|girl|boy|kid|year \d+)|pupils|students|children|kids|girls|boys|"
    r"year \d+|the (?:kids|girls|boys|pupils|students))\b|"
    r"\b(?:he|she|they|a man|an adult|a stranger|some (?:man|guy|bloke)|(?:my|her|his) (?:step ?dad|uncle|coach|tutor))"
    r"(?: \w+)? (?:put|puts|putting|placed|had|keeps putting) (?:his|her|their) hands? (?:on|up|down|under) (?:my|her|his|a) "
    r"(?:\w+'?s )?(?:thigh|leg|knee|bum|bottom|backside|chest|breasts?|boobs?|waist|skirt|dress|top|shirt|lap|trousers)\b",
    "mr mrs miss ms sir dr teacher teachers headteacher head headmaster headmistress deputy governor governors senco tutor staff dinner caretaker coach principal ta assistant"
)
# an adult outside the family giving a child gifts: "the bus driver keeps giving my daughter sweets"
_GIFTS = _g(
    r"\b(?:bus driver|driver|taxi driver|coach|man|bloke|guy|stranger|neighbour|neighbor|older (?:boy|lad|man|guy)|"
    r"caretaker|instructor|someone)\b.{0,40}\b(?:keeps |kept |has been |have been |is |was |always )?(?:giving|buying|"
    r"sending|offering|bringing|gives|buys|sends|offers|gave|bought|sent|offered) (?:my |our |her |him |his |the |a |some )?"
    r"(?:(?:daughter|son|child|kid|little one|girl|boy|children|kids|pupils|students|year \d+|y\d+)s? )?(?:sweets|gifts|"
    r"presents|money|cash|vapes?|cigarettes|alcohol|drinks?|lifts|rides|phones?|a phone|a lift|a ride)\b|"
    r"\b(?:man|men|bloke|guy|stranger|someone|woman) in (?:a|an) (?:\w+ ){0,2}(?:van|car|truck)\b.{0,60}\b(?:following|"
    r"watching|approach(?:ing|ed)|talking to|photograph(?:ing|ed)|filming|taking (?:pictures|photos)|trying to (?:get|lure|"
    r"talk to|entice)|calling (?:out )?to|offering) (?:the |some |our |my |a )?(?:kids|children|pupils|students|girls|boys|"
    r"year \d+s?|y\d+s?|child|kid|girl|boy)\b|"
    r"\b(?:man|men|bloke|guy|stranger|someone|somebody|woman|person)\b.{0,40}\b(?:hanging (?:around|round|about)|"
    r"loitering|lurking|parked (?:up )?outside|sat outside|sitting outside|watching)\b.{0,60}\b(?:taking|took|takes) "
    r"(?:photos|pictures|pics|videos|footage) of (?:the |our |my |some )?(?:children|kids|pupils|students|girls|boys|year \d+s?)\b",
    "giving buying sending offering bringing gives buys sends offers gave bought sent offered van car truck hanging loitering lurking parked sat sitting watching",
)
# someone telling the school they are worried about a child, or asking for the safeguarding lead
_CONCERN = _g(
    r"\b(?:i'?m|im|i am|we'?re|we are|i was|i have been|i'?ve been|really|very|so|i feel) (?:worried|concerned) "
    r"(?:about|for) (?:the (?:safety|welfare|wellbeing|well-being) of )?(?:a|this|that|the) (?:child|kid|boy|girl|"
    r"pupil|student|young person|little (?:boy|girl))\b|\b(?:i'?m|im|i am|we'?re|we are|really|very) (?:worried|"
    r"concerned) (?:about|for) the (?:safety|welfare|wellbeing|well-being) of\b|\b(?:i have|i'?ve got|we have) "
    r"(?:a )?safeguarding concerns?\b",
    "worried concerned safeguarding",
)
_ASKS_FOR_DSL = _g(
    r"\b(?:who is|who'?s|how do i (?:contact|reach|speak to|talk to)|i need to (?:speak|talk) to|i need to contact|"
    r"can i (?:speak|talk) to|could i (?:speak|talk) to|contact details for|email for)\b.{0,20}\b(?:the |your |ur )?"
    r"(?:dsl|designated safeguarding (?:lead|officer|person)|safeguarding (?:lead|officer|team|person))\b",
    "dsl designated safeguarding",
)
# a damaging rumour about a member of staff: "Heard Mr Wilson got arrested"
# a smear on the whole staff: "this school is run by paedos"
_SCHOOL_PAEDO = _g(
    rf"\b(?:this|that|the|your|ur|our) {_SCHOOL}(?: is| are|'s)? (?:run by|full of|employs|hires|staffed by|covering for|"
    r"protecting|protects|hiding) (?:a |an )?(?:bunch of |load of )?(?:paedos?|pedos?|nonces?|paedophiles?|pedophiles?|"
    r"predators?|groomers?|child abusers?)\b",
    "paedo paedos pedo pedos nonce nonces paedophile paedophiles pedophile pedophiles predator predators groomer groomers abuser abusers",
)
# a cover-up of harm to children: "staff covered up what the PE teacher did to those kids"
_COVER_UP = _g(
    rf"\b(?:covered|cover|covering|hushed|hush|swept|sweeping) (?:it |this |that )?up (?:what|for|the abuse|abuse)\b.{{0,60}}"
    rf"\b(?:{_STAFF}|he|she)\b|\bwhat (?:{_STAFF}(?: [a-z]+)?|the [a-z]+ (?:teacher|coach|tutor)|he|she) (?:did|has done|"
    r"had done|was doing|is doing) to (?:those|the|my|our|these|that|a) (?:kids|children|pupils|students|girls|boys|"
    r"daughter|son|child|kid|girl|boy|year \d+s?)\b(?!.{0,30}\b(?:lesson|homework|project|display|garden|play)\b)",
    "covered cover covering hushed hush swept sweeping did done doing",
)
# impersonating a member of staff or a pupil online
_IMPERSONATION = _g(
    rf"\bfake (?:\w+ )?(?:account|profile|page|insta|instagram|tiktok|snapchat|facebook)s?\b.{{0,40}}\b(?:pretending to be|"
    rf"impersonating|posing as|in the name of|of|for) (?:a |the |our |my )?(?:{_STAFF}|pupil|student|girl|boy|kid|[a-z]+ in year)|"
    rf"\b(?:pretending to be|impersonating|posing as) (?:a |the |our |my )?{_STAFF}(?: [a-z]+)? (?:on|online)\b",
    "fake pretending impersonating posing",
)
_STAFF_RUMOUR = _g(
    rf"\b{_STAFF}(?: [a-z]+)?\b.{{0,20}}\b(?:got|been|was|is|has been|getting) (?:arrested|charged|sacked for|"
    r"fired for|done for|locked up|sent to prison|put on the (?:sex offenders )?register|caught (?:with|drink driving|"
    r"shoplifting|stealing)|having an affair|sleeping (?:with|around)|shagging|on drugs|(?:always )?drunk at work|"
    r"an alcoholic|a drunk|a druggie|a coke ?head)\b(?!.{0,40}\b(?:role ?play|pretend|dressing up|dressed up|costume|world book day|panto|"
    r"nativity|comic relief|children in need|jail and bail|charity)\b)",
    "arrested charged sacked fired done locked prison register caught having sleeping shagging drugs drunk alcoholic "
    "druggie coke cokehead",
)
_STAFF_PAEDO = _g(
    rf"\b(?:{_STAFF}(?: [a-z]+)?|he|she|he'?s|she'?s|@\w+)\s+(?:is |'?s |is such |is an? |'?s an? )*(?:a |an )?"
    r"(?:paedo|pedo|nonce|paedophile|pedophile|child abuser|child molester|groomer|predator|kiddie fiddler)\b",
    "paedo pedo nonce paedophile pedophile abuser molester groomer predator fiddler"
)
_MISSING = _g(
    r"\b(?:my|our) (?:son|daughter|child|kid|boy|girl|little one|\d+ ?(?:year|yr) old)\b.{0,30}\b(?:is|has gone|went|"
    r"has been|been|gone|still) missing\b|\b(?:hasn'?t|has not|didn'?t|did not|never) (?:come|came|got|get|arrived?) "
    r"home\b|\bmissing (?:child|pupil|schoolgirl|schoolboy|teen|teenager|student)\b|\bhas anyone seen (?:him|her|"
    r"this (?:boy|girl|child|kid)|my (?:son|daughter|child|boy|girl)\b(?!'s))|\b(?:ran|run|running) away from home\b|"
    r"\b(?:my|our) (?:son|daughter|child|kid|boy|girl|little one|\d+ ?(?:year|yr) old)(?:'?s| has| is)? (?:run|ran|running) "
    r"away\b(?! with)",
    "missing home seen away"
)
_EXPLOITATION = _g(
    r"\bcounty lines\b|\b(?:running|selling|carrying|holding|moving|dropping) (?:drugs|packages|parcels|a package|"
    r"a parcel|bags|weed|stuff) for (?:him|them|some|older|a gang|these)|\b(?:paid|pays|paying) (?:me|us|kids|him|"
    r"her) to (?:carry|deliver|hold|sell|drop)|\b(?:paid|pays|paying|pay|using|uses|used|recruiting|recruited) "
    r"(?:\w+ ){0,2}?(?:kids|children|pupils|students|boys|girls|year \d+s?|y\d+s?|young (?:lads|people|ones))"
    r"(?: (?:from|at|in) [\w ]{1,25}?)? to (?:carry|deliver|hold|sell|drop|run|move|stash|take) (?:\w+ )?(?:packages?|"
    r"parcels?|drugs|bags?|stuff|gear|weed|wraps|phones?)\b|"
    r"\b(?:girls?|she|her|year \d+ girls?)\b.{0,30}\b(?:being|getting|been|was|were) passed (?:a)?round\b|"
    r"\bpass(?:ed|ing) (?:her|them|girls|the girls) (?:a)?round\b|"
    r"\b(?:(?:1[89]|[2-9]\d) ?(?:year old|yr old|yo|y/o)|older|grown) (?:lads?|men|man|boys?|guys?|blokes?)\b.{0,40}\b(?:picking up|"
    r"picks up|picked up|giving lifts to|gives lifts to|driving|meeting|meets|dating|going out with|seeing|messaging|"
    r"hanging (?:around|round|out) with) (?:\w+ ){0,2}?(?:year (?:[5-9]|1[01]) girls?|girls? in year (?:[5-9]|1[01])|"
    r"schoolgirls?|(?:1[0-5]|thirteen|fourteen|fifteen|twelve) ?(?:year old|yr old|yo)s?|underage girls?)\b|"
    r"\bolder (?:lads|men|boys|guys|blokes)\b.{0,60}\b(?:year (?:[7-9]|1[01]) girls|underage girls|young girls|"
    r"schoolgirls)\b.{0,40}\b(?:parties|party|cars?|flats?|vodka|alcohol|drink|drugs)\b|"
    r"\bradicalis(?:ed|ing)|\bradicaliz(?:ed|ing)",
    "county drugs packages parcels package parcel bags weed stuff paid pays paying pay using uses used recruiting "
    "recruited passed passing older old yo grown",
    "radicali radicaliz"
)
# a child with an adult partner: "she's only 14 and he's 25" (no awareness words change what this is)
_AGE_GAP = _g(
    r"\b(?:she'?s|she is|he'?s|he is|only|just|aged) (?:1[0-5]|twelve|thirteen|fourteen|fifteen)\b.{0,40}\b(?:he'?s|he is|"
    r"she'?s|she is|boyfriend is|girlfriend is|and he'?s|and she'?s|with a) (?:1[89]|[2-9]\d)\b",
    "she he only just aged shes hes",
)
_MINOR = _rx(
    r"\b(?:year \d+|y\d+|pupils?|students?|schoolgirls?|schoolboys?|school ?kids?|kids?|child(?:ren)?|minors?|"
    r"under ?(?:16|18|age)|underage|1[0-5] ?(?:yo|y/o|year old|yr old)|(?:little|young) (?:girls?|boys?)|"
    r"girls in (?:my|her|his|year)|in (?:my|her|his) class|sixth form(?:er)?s?|(?:is|she'?s|he'?s|only|aged|age) 1[0-7])\b"
)


def _safeguarding(norm: str) -> list[Hit]:
    hits: list[Hit] = []
    is_aware = aware(norm)
    for name, rx in (("self_harm", _SELF_HARM), ("self_harm_reported", _SELF_HARM_OTHER),
                     ("abuse_disclosure", _ABUSE), ("child_missing", _MISSING),
                     ("staff_allegation", _STAFF_ALLEGATION), ("staff_allegation", _STAFF_PAEDO),
                     ("staff_allegation", _SCHOOL_PAEDO), ("staff_allegation", _COVER_UP), ("exploitation", _AGE_GAP),
                     ("incitement_to_self_harm", _INCITE_SELF_HARM), ("asks_for_safeguarding_lead", _ASKS_FOR_DSL)):
        if m := rx.search(norm):
            hits.append(Hit("safeguarding", f"rule:{name} {_quote(m)}"))
    if not is_aware:
        for name, rx in (("grooming", _GROOMING), ("grooming", _GROOMING_TOPIC), ("grooming_gifts", _GIFTS),
                         ("welfare_concern", _CONCERN), ("exploitation", _EXPLOITATION)):
            if m := rx.search(norm):
                hits.append(Hit("safeguarding", f"rule:{name} {_quote(m)}"))
        if not hits and (m := _SELF_HARM_TOPIC.search(norm)) and _FIRST_PERSON.search(norm):
            hits.append(Hit("safeguarding", f"rule:self_harm_topic_first_person {_quote(m)}"))
    return hits


# --- sexual ------------------------------------------------------------------------------------

_SEXUAL = _g(
    r"\b(?:nudes?|porn\w*|p0rn|sex ?tapes?|sext(?:ing|ed|s)?|dick ?pics?|cock|cocks|blow ?jobs?|bj|handjobs?|"
    r"wank\w*|horny|naked (?:pics?|photos?|videos?|selfies?)|nude (?:pics?|photos?|videos?|selfies?)|(?<!blue )"
    r"(?<!great )(?<!coal )(?<!long-tailed )tits|boobs|pussy|cum|cumming|cumshot|shag(?:ging|ged|s)?|onlyfans|"
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
_TEACHING = _rx(r"\b(?:pshe|rse|e-?safety|online safety|internet safety|discuss(?:ed|ing|es)|explor(?:ed|ing|es)|"
                r"learn(?:ed|t|ing) about|taught|lessons?|workshops?|assembl(?:y|ies)|dangers of|risks of|awareness|"
                r"(?:talks?|sessions?|advice|guidance|information|leaflets?|webinar|presentations?|training|evening)"
                r"(?: for (?:parents|pupils|students|carers|staff|year \d+))?(?: tonight| today| this week)? "
                r"(?:on|about|covering|around|regarding))\b")
# nudes or porn of someone, or going round: an incident, whatever awareness words the post also has
_SHARED_ABOUT = _rx(r"\b(?:nudes?|porn\w*|sext\w*|pics?|photos?|videos?) (?:of (?:a|an|her|him|my|our|his|the|that|this|"
                    r"year|y\d)|going round|going around|being (?:shared|sent|passed)|leaked|posted|sent to|of me)\b|"
                    r"\b(?:send|sent|sending|share|shared|sharing|leaked|posted) (?:me |him |her )?(?:\w+ )?(?:nudes?|pics|photos)"
                    r" (?:of|to|with|around|round)\b")


def _sexual(norm: str) -> list[Hit]:
    m = _SEXUAL.search(norm)
    if not m:
        return []
    if _TOPIC_TERM.match(m.group(0)) and _TEACHING.search(norm) and not _SHARED_ABOUT.search(norm):
        return []
    hits = [Hit("sexual", f"rule:sexual_term {_quote(m)}")]
    if mm := _MINOR.search(norm):
        hits.append(Hit("safeguarding", f"rule:sexual_content_involving_minor {_quote(m)} + {_quote(mm)}"))
    return hits


# --- hate --------------------------------------------------------------------------------------

_GROUP = (
    r"(?:muslims?|moslems?|islam|jews?|jewish|blacks|black people|whites|asians|immigrants?|migrants?|refugees?|"
    r"asylum seekers?|foreigners?|gays?|lesbians?|homosexuals?|trans(?:gender)? (?:people|kids|women|men)|trannies|"
    r"pakistanis?|indians?|africans?|polish|poles|romanians?|gypsies|travell?ers|roma|chinese|arabs?|mexicans?|"
    r"hindus?|sikhs?|christians?|catholics?|women|girls|females|feminists?|disabled people|autistic people|"
    r"queers?|lgbt\w*|non-?binary people)"
)
IDENTITY = _rx(rf"\b{_GROUP}\b|\b(?:race|racial|religion|religious|ethnic\w*|sexuality|gender|disabilit\w+|"
               r"skin colou?r|nationality|immigration|refugee|islamic|muslim|jewish|black|gay|trans)\b")
_HATE_PHRASES: tuple[tuple[str, _Gated], ...] = (
    ("hate_phrase", _g(r"\b(?:go|get|fuck off|piss off|send (?:them|em|'em|him|her)) back (?:to|home to) "
                        r"(?:your|ur|their|his|her) (?:own )?(?:country|countries|jungle|desert|cave)\b", "back")),
    ("hate_phrase", _g(r"\b(?:go|get) back (?:home|where (?:you|u|they) came from|to where (?:you|u|they) came from)\b", "back")),
    ("hate_phrase", _g(rf"\b(?:all |these |those |bloody |fucking |the |filthy |dirty )?{_GROUP} (?:are|r|is) "
                        r"(?:all |just |nothing but |a bunch of |literally )?(?:scum|vermin|animals|rapists|terrorists|"
                        r"disgusting|subhuman|parasites|filth|criminals|a disease|a plague|cockroaches|rats|dirty|"
                        r"inferior|trash|not human|savages|evil|invaders|pigs|dogs)\b", "muslim muslims moslem moslems islam jew jews jewish blacks black whites asians immigrant immigrants migrant migrants refugee refugees asylum foreigner foreigners gay gays lesbian lesbians homosexual homosexuals trans transgender trannies pakistani pakistanis indian indians african africans polish poles romanian romanians gypsies travellers travelers roma chinese arab arabs mexican mexicans hindu hindus sikh sikhs christian christians catholic catholics women girls females feminist feminists disabled autistic queer queers lgbt lgbtq lgbtqia nonbinary non binary")),
    ("hate_phrase", _g(rf"\b(?:kill|gas|deport|hang|exterminate|ban|burn|shoot) (?:all )?(?:the |those |these )?{_GROUP}\b", "muslim muslims moslem moslems islam jew jews jewish blacks black whites asians immigrant immigrants migrant migrants refugee refugees asylum foreigner foreigners gay gays lesbian lesbians homosexual homosexuals trans transgender trannies pakistani pakistanis indian indians african africans polish poles romanian romanians gypsies travellers travelers roma chinese arab arabs mexican mexicans hindu hindus sikh sikhs christian christians catholic catholics women girls females feminist feminists disabled autistic queer queers lgbt lgbtq lgbtqia nonbinary non binary")),
    ("hate_phrase", _g(rf"\bno {_GROUP} (?:allowed|welcome)\b|\b(?:i )?hate (?:all )?(?:the |those |these )?{_GROUP}\b", "allowed welcome hate")),
    ("hate_phrase", _g(r"\b(?:heil hitler|sieg heil|white power|1488|14 88|white (?:pride|genocide) worldwide|"
                        r"race traitors?|great replacement|(?:islam|muslims) (?:is|are) a cancer)\b", "heil sieg white 1488 14 race traitor traitors great islam muslims")),
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


def _hate(norm: str) -> list[Hit]:
    hits = [Hit("hate", f"rule:{name} {_quote(m)}") for name, rx in _HATE_PHRASES if (m := rx.search(norm))]
    if m := _slur_pattern().search(norm):
        # report which term without repeating the slur in full in emails
        word = m.group(0)
        hits.append(Hit("hate", f"rule:slur_lexicon '{word[0]}{'*' * max(len(word) - 2, 1)}{word[-1]}'"))
    return hits


# --- harassment (rule part; the model part is in _classifier) -----------------------------------

_INSULT = (
    r"(?:idiot|idiots|moron|morons|loser|losers|ugly|fat (?:cow|pig|slag|bitch|bastard|lump|freak)|slag|slags|slut|sluts|"
    r"whore|skank|bitch|bitches|twat|prick|dickhead|dick|knobhead|knob|wanker|tosser|cunt|freak|weirdo|pathetic|"
    r"useless|a disgrace|disgrace|joke|incompetent|clown|creep|creepy|pervert|perv|paedo|nonce|scumbag|scum|"
    r"waste of (?:space|oxygen|skin)|failure|worthless|pig|cow|dumb|stupid|thick|retard|fraud|liar|drunk|thief|"
    r"bully|vile|disgusting|tramp|minger|minging|gross|smelly|stinks?|muppet|numpty|pillock|plonker|bellend|"
    r"imbecile|halfwit|nitwit|cretin|buffoon|dimwit|waste of a \w+)"
)
#: an insult word anywhere: a complaint that uses one ("pathetic", "a disgrace") may still be aimed at a person
INSULT_WORD = _rx(rf"\b{_INSULT}\b")
_TARGETED_INSULT = _g(
    rf"\b(?:(?:you|u)(?: lot| all| guys| people| two)?(?:'?re| are| r)?|ur|your|yer|he'?s|she'?s|he is|she is|"
    rf"(?:mr|mrs|miss|ms|sir|dr)\.? [a-z]+(?: [a-z]+){{0,3}}?(?:'s| is)|"
    rf"(?:the |that |this )?(?:head ?teacher|headmaster|headmistress|teacher|head|senco|tutor)(?:'s| is)|@\w+ (?:is|'s)?|"
    rf"(?:your|ur|the|that|this) (?:staff|teachers|lot|school|kids|pupils)(?: are| is|'s|'re)|"
    rf"(?:girl|boy|kid|lad|lass) (?:in|from) (?:year|y) ?\d+[^.!?]{{0,40}}? (?:is|'s)|"
    rf"(?:year \d+|@\w+)[^.!?]{{0,60}}what an?)"
    rf"\s+(?:such |a |an |the |so |fucking |an absolute |absolute |total |complete |proper |massive |utter |"
    rf"really |actually |literally |just |one |fat |ugly |little |stupid |dumb |sad |bunch of |load of |lot of )*{_INSULT}\b",
    "idiot idiots moron morons loser losers ugly fat slag slags slut sluts whore skank bitch bitches twat prick dickhead dick knobhead knob wanker tosser cunt freak weirdo pathetic useless disgrace joke incompetent clown creep creepy pervert perv paedo nonce scumbag scum waste failure worthless pig cow dumb stupid thick retard fraud liar drunk thief bully vile disgusting tramp minger minging gross smelly stink stinks muppet numpty pillock plonker bellend imbecile halfwit nitwit cretin buffoon dimwit"
)
# the insult first: "absolute muppet of a head teacher" (not "a joke of a school": angry at the school is a
# complaint unless the model is sure, see school_target_threshold)
_INSULT_OF_A = _g(
    rf"\b{_INSULT} of an? (?:head ?teacher|headmaster|headmistress|teacher|head|deputy|senco|tutor|man|woman|"
    rf"person|human being|governor|kid|child|boy|girl)\b",
    "idiot moron loser slag bitch twat prick dickhead knobhead wanker tosser cunt freak weirdo pathetic useless "
    "disgrace joke clown creep scumbag failure pig cow fraud liar bully tramp muppet numpty pillock plonker bellend "
    "imbecile halfwit nitwit cretin buffoon dimwit",
)
_STAFF_SLAM = _g(
    rf"\b(?:{_STAFF}(?: [a-z]+)?|@\w+|he|she|he'?s|she'?s)\b[^.!?]{{0,60}}?\b(?:thick as (?:mince|shit|pig ?shit|two short "
    r"planks|a plank|a brick|custard)|can'?t teach to save (?:his|her|their) (?:life|lives))\b",
    "thick teach",
)
_CALLED_NAMES = _g(
    rf"\b(?:calling|called|calls|keeps? calling|kept calling) (?:him|her|them|me|my (?:son|daughter|child|boy|girl)|@\w+|[a-z]+ in year \d+) "
    rf"(?:a |an )?(?:(?:fat|ugly|little|stupid|dumb|smelly|gay|fucking|f\*+ing|massive|disgusting) )*{_INSULT}\b",
    "calling called calls",
)
_RUN_BY_CLOWNS = _g(
    r"(?<!country )(?<!government )(?<!world )(?<!nhs )(?<!council )(?<!uk )(?<!britain )(?<!england )"
    r"\b(?:is|'s|are) (?:a |an )?(?:\w+ ){0,2}?(?:run|ran|managed|led) by (?:a (?:bunch|load|pack|gang) of )?"
    r"(?:clowns|idiots|morons|muppets|imbeciles|incompetents|monkeys|cowboys|amateurs|fools|bullies|liars|crooks|"
    r"numpties|dinosaurs|jokers|halfwits|cretins)\b",
    "run ran managed led",
)
_SHUNNING = _g(r"\b(?:every(?:one|body)(?: (?:at|in) (?:this|the|our|ur|my) (?:school|class|year))? hates (?:you|u|him|her)|"
                r"(?:nobody|no one|noone)(?: (?:at|in) (?:this|the|our|ur|my) (?:school|class|year))? likes (?:you|u|him|her)|"
                r"no one wants (?:you|u) here|(?:you|u) have no friends|nobody wants (?:you|u|him|her) here|"
                r"(?:every(?:one|body|1)|y'?all|all of (?:you|u)|every ?one in (?:the|this|my|our) (?:class|year|school)),? "
                r"(?:block|unfriend|unfollow|ignore|avoid|exclude|blank) (?:him|her|them|@\w+|that (?:kid|girl|boy|lad)|"
                r"[a-z]+ (?:from|in) (?:year |y)?\d+[a-z]{0,2}\b))\b", "hates likes wants friends block unfriend unfollow ignore avoid exclude blank")

TARGET = _rx(
    rf"(?:@\w+|\b(?:you|u|ur|your|yours|you'?re|youre|ya|yer|yourself|{_STAFF})\b|\b(?:this|that|the|our|ur|your) "
    rf"{_SCHOOL}\b|\b(?:boy|girl|kid|lad|lass) in (?:year|y) ?\d+\b|\byear \d+ (?:boy|girl|kid|lad)\b|\b(?:from|in) (?:year|y) ?\d+\b)"
)

#: An identifiable person (not just the school): a handle, a staff title, a pupil by year, "you".
PERSON = _rx(
    r"(?:@\w+|\b(?:you|u|ur|your|you'?re|youre|ya|yer|mr|mrs|miss|ms|sir|teacher|head ?teacher|headmaster|"
    r"headmistress|the head|tutor|senco)\b|\b(?:boy|girl|kid|lad|lass) (?:in|from) (?:year|y) ?\d+\b|"
    r"\b(?:that|this|the) [a-z]+ (?:kid|boy|girl|lad|teacher)\b|\byear \d+ (?:boy|girl|kid|lad)\b|"
    r"\b(?:kid|boy|girl|lad|teacher) in (?:year|y) ?\d+\b|\bthat (?:kid|boy|girl|lad|teacher|woman|man)\b|"
    r"\b(?!(?:pupils|students|kids|children|everyone|all|those|boys|girls)\b)[a-z]+ (?:in|from) (?:year|y) ?\d+\b)"
)

#: A named or described individual (not an @handle): "Mrs Jones", "the PE teacher", "that girl in year 10".
NAMED_PERSON = _rx(
    r"\b(?:(?:mr|mrs|miss|ms|sir|dr)\.? [a-z]+|(?:the|that|this|our|my|his|her) (?:\w+ )?(?:teacher|dinner lady|caretaker|head)|"
    r"(?:boy|girl|kid|lad|lass) (?:in|from) (?:year|y) ?\d+)\b"
)


_HARASSMENT_RULES: tuple[tuple[str, _Gated], ...] = (
    ("targeted_insult", _TARGETED_INSULT), ("targeted_insult", _INSULT_OF_A), ("targeted_insult", _SHUNNING),
    ("targeted_insult", _RUN_BY_CLOWNS), ("targeted_insult", _STAFF_SLAM), ("targeted_insult", _CALLED_NAMES),
    ("incitement_to_self_harm", _INCITE_SELF_HARM), ("damaging_allegation", _STAFF_PAEDO),
    ("damaging_allegation", _STAFF_RUMOUR), ("damaging_allegation", _SCHOOL_PAEDO), ("impersonation", _IMPERSONATION),
)


def harassment_hits(norm: str) -> list[Hit]:
    return [Hit("harassment", f"rule:{name} {_quote(m)}") for name, rx in _HARASSMENT_RULES if (m := rx.search(norm))]


# --- offensive (profanity, untargeted) ----------------------------------------------------------

PROFANITY = _g(
    r"\b(?:f+u+c+k+\w*|f\*+c?k\w*|f\*\*\w*|fck\w*|fk|fkn|fuk\w*|fcuk\w*|motherf\w+|sh[i\*]t\w*|bullshit|"
    r"bollocks|bastard\w*|cunt\w*|c\*nt|twat\w*|wank\w*|piss(?:ed)? off|pissing|dickhead|arsehole|asshole|"
    r"bellend|tosser|prick|bitch\w*|slag|whore|wtf|stfu|gtfo|ffs|omfg|dammit|goddamn)\b",
    "fk fkn bollocks wtf stfu gtfo ffs omfg dammit goddamn slag whore prick tosser bellend arsehole asshole dickhead "
    "pissing piss pissed bullshit",
    "fuck fuk fck fcuk f* shit sh* bastard cunt c*nt twat wank bitch motherf",
)


#: The rules that flag 'offensive', 'harassment' or 'hate' without the model, by the name in their reasons
#: ("rule:<name> ..."): what `watchtower thresholds` needs to tell a rule's decision from the model's.
#: 'profanity' and 'hate_aimed_at_person' are given by the classifier (_classifier.py) from rules here.
RULE_CATEGORY: dict[str, str] = {
    **{name: "harassment" for name, _ in _HARASSMENT_RULES},
    **{name: "hate" for name, _ in _HATE_PHRASES},
    "slur_lexicon": "hate",
    "hate_aimed_at_person": "harassment",
    "profanity": "offensive",
}

#: Written after a model harassment reason when no person was named (the school itself was the target), so
#: the reason says which bar it passed: ``school_target_threshold`` rather than ``harassment_threshold``.
SCHOOL_TARGET_NOTE = "(no person named)"


#: Violent words used figuratively, which a model trained on tweets scores as offensive.
IDIOM = _g(
    r"\b(?:(?:kill|killing|killed|kills) (?:me|it|them|us|for)|(?:is|was|are|were) killing (?:it|me)|(?:dying|died|die|dead) "
    r"(?:of|from|laughing|for)|dead (?:proud|good|chuffed|excited|happy|nice|funny|easy|hard|tired|jealous)|"
    r"(?:could|would) (?:murder|kill) (?:a|for|some)|i could (?:just )?die\b|murder (?:mystery|a (?:brew|pint|cuppa|bacon|pizza|burger|curry))|"
    r"smash(?:ed|ing)? (?:it|them|their|the|his|her)|destroyed (?:me|it|us)|massacre|slay(?:ed|ing)?|(?:bomb|the bomb)\b"
    r"|(?:the |be the |went down a )bomb|shoot for the stars|photo ?shoot|killer (?:app|heels|tune|look|smile)|"
    r"murder(?:s|ed)? me|bloodbath|(?:we'?re|i'?m|im|we are|i am) (?:all |so |literally )?dead\b(?= *(?:[.!?,]|lol|$))|"
    r"get(?:s|ting)? (?:destroyed|annihilated|thrashed|hammered|demolished)|(?:actual|absolute) war\b)",
    "could kill killing killed kills dying died die dead murder murders murdered smash smashed smashing destroyed massacre "
    "slay slayed slaying bomb shoot photoshoot killer bloodbath get gets getting war",
)


# --- personal data -----------------------------------------------------------------------------

_PHONE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)44\s?\(?0?\)?\s?|\(?0)(?P<body>7\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{3}|"
    r"1\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,4}|2\d\)?[\s.-]?\d{4}[\s.-]?\d{4})(?!\d)"
)
_EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@(?P<domain>[A-Za-z0-9.-]+\.[A-Za-z]{2,})\b")
_POSTCODE = re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)\s*\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE)
_STREET = _rx(
    r"\b\d{1,4}[a-z]?,? [a-z]+(?: [a-z]+)? (?:road|rd|street|st|avenue|ave|close|lane|ln|drive|dr|way|crescent|"
    r"grove|gardens|place|court|terrace|walk|mews|rise|view|park|square)\b"
)
_ADDRESS_CUE = _rx(r"\b(?:lives? (?:at|on|in)|living at|home address|address is|(?:his|her|their|ur|your|'s) address|"
                   r"house is|lives round|door number|flat \d+)\b")
_DOB = _rx(
    r"\b(?:d\.?o\.?b\.?|date of birth|born on|birthday is|bday is|b'?day is)\b[:\s-]*(?:is |was |= )?(?:the )?"
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*(?: \d{2,4})?)"
)
_NINO = re.compile(
    r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b"
)
_SENSITIVE = _rx(
    r"\b(?:adhd|autism|autistic|asd|ehcp|sen|send|special needs|epilep\w+|diabet\w+|dyslexi\w+|dyspraxi\w+|"
    r"on the child protection register|child protection plan|child in need|cp plan|social services|social worker|"
    r"camhs|looked after child|in care|foster care|free school meals|medication|ritalin|anaphyla\w+|allerg(?:y|ies|ic)|"
    r"asthma\w*|epipen|medical condition|"
    r"self[- ]harm\w*|eating disorder|anorexi\w+|bulimi\w+|depression|anxiety disorder|ocd|tourette\w*|"
    r"cerebral palsy|down'?s syndrome|hiv|pregnant|excluded|exclusion|expelled|behaviour plan|safeguarding concern|"
    r"referred to|mental health)\b"
)
_LEAKED = _g(
    r"\b(?:leaked|confidential|internal|private)\b.{0,20}\b(?:documents?|reports?|minutes|emails?|lists?|letters?|"
    r"files?|spreadsheets?|records?|register|data|screenshot|memo)\b|\bsafeguarding (?:file|record|report)s? "
    r"(?:of|for|on|about)\b",
    "leaked confidential internal private safeguarding"
)
_THREE_DIGITS = re.compile(r"\d\d\d")
_ONE_DIGIT = re.compile(r"\d")
_EMAIL_HINT = re.compile(r"[A-Za-z0-9]@[A-Za-z0-9]")
_NINO_LOOSE = re.compile(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b")
_ORG_PHONE_CUE = _rx(r"\b(?:school|main|front|the) office|reception|switchboard|call us|ring us|contact us|helpline|"
                     r"attendance line|absence line|(?:safeguarding|admissions|attendance|pastoral|finance) "
                     r"(?:team|lead|office|line)|\bdsl\b|school (?:number|phone|line)|call the school|ring the school")


# ...unless the number is said to be someone's own: "here is the DSL's own mobile"
_PERSONAL_PHONE_CUE = _rx(r"\b(?:own|personal|private|home) (?:mobile|number|phone|line)\b|\b(?:his|her|their|'s) "
                          r"(?:mobile|personal|private|home)\b")


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    text = resources.files("watchtower.classify").joinpath("data/first_names.txt").read_text(encoding="utf-8")
    return frozenset(n.strip() for n in text.splitlines() if n.strip() and not n.startswith("#"))


_CAPWORD = re.compile(r"(?<![@#\w])([A-Z][a-z]+)\b")
_TITLE_BEFORE = re.compile(r"(?:Mr|Mrs|Miss|Ms|Dr|Sir|Mx)\.?\s+$")


def _digits(s: str) -> str:
    d = re.sub(r"\D", "", s)
    if d.startswith("44"):
        d = "0" + d[2:]
    return d.lstrip("0")


# a capitalised name placed in a class: "Kacper in Year 5", "Amara Okoye from 4B", "Zain (Y3)"
_IN_CLASS = re.compile(
    r"(?<![@#\w])([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?:'s)? (?:\(|(?i:in|from|is in) )"
    r"(?i:(?:year|yr|y) ?\d{1,2}\b|(?:class )?\d{1,2}[a-z]{1,2}\b|reception\b|nursery\b)"
)
# words that can stand before "in Year 5" without naming anyone
_NOT_A_NAME_WORDS = (
    "children child pupils pupil students student parents parent kids boys girls everyone anyone someone nobody "
    "somebody those these all most some many few one none class classes teachers teacher staff families carers "
    "trips trip exams sats assembly lunch homework reading maths english science music sport football netball "
    "swimming well congratulations thanks thank welcome places place numbers attendance admissions learning "
    "today yesterday tomorrow this that who which my our your his her their friends friend mr mrs miss ms dr sir mx"
)
_NOT_A_NAME = frozenset(_NOT_A_NAME_WORDS.split())


def _named_pupil(raw: str) -> str | None:
    names = _first_names()
    for m in _CAPWORD.finditer(raw):
        if m.group(1) in names and not _TITLE_BEFORE.search(raw[: m.start()]):
            return m.group(1)
    # a name not on the list, known to be a pupil because it is placed in a class
    for m in _IN_CLASS.finditer(raw):
        name = next(g for g in m.groups() if g)
        first = name.split()[0].split("-")[0]
        if first[0].isupper() and first.lower() not in _NOT_A_NAME and not _TITLE_BEFORE.search(raw[: m.start()]):
            return name
    return None


def _personal_data(raw: str, norm: str, cfg: ClassifierConfig) -> list[Hit]:
    hits: list[Hit] = []
    has_digits = _THREE_DIGITS.search(raw) is not None
    allowed = {_digits(p) for p in cfg.allowed_phone_numbers}
    for m in _PHONE.finditer(raw) if has_digits else ():
        mobile = m.group("body").startswith("7")
        # an organisation's number is announced as such; a landline's cue may sit a sentence earlier
        before = raw[max(0, m.start() - (50 if mobile else 120)) : m.start()].lower()
        org = _ORG_PHONE_CUE.search(before) and not _PERSONAL_PHONE_CUE.search(before)
        if _digits(m.group(0)) not in allowed and not org:
            kind = "uk_mobile_number" if mobile else "uk_phone_number"
            hits.append(Hit("personal_data", f"rule:{kind}"))
            break
    public = tuple(d.lower().lstrip(".") for d in cfg.public_email_domains)
    for m in _EMAIL.finditer(raw) if _EMAIL_HINT.search(raw) else ():
        domain = m.group("domain").lower()
        if not any(domain == d or domain.endswith("." + d) for d in public):
            hits.append(Hit("personal_data", f"rule:email_address @{domain}"))
            break
    street = _STREET.search(norm) if has_digits or _ONE_DIGIT.search(raw) else None
    postcode = _POSTCODE.search(raw) if _ONE_DIGIT.search(raw) else None
    cue = _ADDRESS_CUE.search(norm) if street or postcode else None
    if (street and (postcode or cue)) or (postcode and cue):
        hits.append(Hit("personal_data", "rule:home_address"))
    if _ONE_DIGIT.search(raw) and _DOB.search(norm):
        hits.append(Hit("personal_data", "rule:date_of_birth"))
    ni_cue = re.search(r"\b(?:ni|national insurance|nino)\b", norm)
    if _ONE_DIGIT.search(raw) and (_NINO.search(raw) or (ni_cue and _NINO_LOOSE.search(raw.upper()))):
        hits.append(Hit("personal_data", "rule:national_insurance_number"))
    if (name := _named_pupil(raw)) and (s := _SENSITIVE.search(norm)) and not aware(norm):
        hits.append(Hit("personal_data", f"rule:named_pupil_with_sensitive_detail '{name}' + {_quote(s)}"))
    if m := _LEAKED.search(norm):
        hits.append(Hit("personal_data", f"rule:leaked_document {_quote(m)}"))
    return hits


# --- media enquiry -----------------------------------------------------------------------------

_MEDIA_ID = _g(
    r"\bjournalists?\b|\breporters?\b|"
    r"\b(?:journalist|reporter|correspondent|producer|news ?desk|editor|news editor|researcher|presenter)s? "
    r"(?:at|for|with|from|on)\b|\b(?:i'?m|i am|we'?re|we are|as) (?:a |an )?(?:freelance |local |education )?"
    r"(?:journalist|reporter|producer|correspondent)\b|\b(?:bbc|itv|sky news|channel [45]|the guardian|guardian|"
    r"daily mail|mail online|the sun|daily mirror|the mirror|telegraph|the times|the independent|evening standard|"
    r"metro|press association|pa media|reuters|manchester evening news|liverpool echo|the echo|gazette|chronicle|"
    r"argus|herald|evening post|schools week|the tes|newspaper|radio [a-z]+|local paper|news team|newsroom|"
    r"press office|our readers|our viewers|our listeners)\b|\b(?:i|we) (?:write|work|report) for (?:the |a )?\w+|"
    r"\b(?:podcast|documentary|tv|television|radio|news|film) (?:producer|researcher|journalist|team|crew)s?\b",
    "write work report podcast documentary tv television film crew journalist journalists reporter reporters correspondent correspondents producer producers desk newsdesk editor editors researcher presenter bbc itv sky channel guardian mail sun mirror telegraph times independent standard metro press pa reuters echo gazette chronicle argus herald post schools tes newspaper radio paper news newsroom office readers viewers listeners evening"
)
_MEDIA_REQUEST = _rx(
    r"\b(?:comment|comments|statement|interview|speak (?:to|with)|chat (?:to|with)|(?:love|like|keen|want) to (?:chat|speak|talk|hear)|talk to|get in touch|contact (?:me|us)|"
    r"dm me|dm us|reach (?:me|out)|on the record|for (?:a|our|an|the) (?:story|piece|article|report|feature|segment|"
    r"programme|bulletin)|respond to (?:the|these|claims|allegations)|a quote|response to|right of reply|deadline|"
    r"(?:able to |can you |could you |would you )?(?:confirm|clarify|verify) (?:reports?|whether|if|that|the|how|what|"
    r"claims|rumou?rs)|film(?:ing)? (?:at|in|outside)|(?:are|is) (?:you|the school) aware)\b"
)
_MEDIA_STRONG = _g(
    r"\b(?:request for comment|for comment (?:on|about|ahead)|(?:we'?re|we are|i'?m|i am) (?:running|publishing|"
    r"writing|working on|putting together) (?:a |an )?(?:story|article|piece|report|feature)|right of reply|"
    r"(?:any|a) comment for (?:our|the) (?:story|article|piece|readers))\b",
    "comment running publishing writing working putting reply"
)


def _media(norm: str) -> list[Hit]:
    if m := _MEDIA_STRONG.search(norm):
        return [Hit("media_enquiry", f"rule:media_request {_quote(m)}")]
    if (m := _MEDIA_ID.search(norm)) and (r := _MEDIA_REQUEST.search(norm)):
        return [Hit("media_enquiry", f"rule:media_enquiry {_quote(m)} + {_quote(r)}")]
    return []


# --- complaint and query -----------------------------------------------------------------------

_COMPLAINT = _g(
    r"(?<!no )(?<!can't )(?<!cant )(?<!cannot )(?<!not )\b(?:(?:i|we|i'?m|i am|we are|i'?ve|we'?ve|want to|going to|"
    r"will be|make|making|made|raise|raised|raising|lodge|lodged|file|put in|submit|submitted)(?: a| an| my| our)? "
    r"(?:formal |official )?complain(?:t|ts|ing|ed)?|formal complaint|disgusted|thanks for nothing|"
    r"(?:policy|decision|system|rule|rules|uniform|homework|communication|this|it) (?:is|was|are) (?:a |an )?(?:absolute |"
    r"complete |total )?(?:joke|farce|shambles|disgrace)|daylight robbery|rip[- ]?off|"
    r"(?:are|is|keep|keeps|been|have been|has been) bullying (?:my|our) (?:son|daughter|child|kid|boy|girl)|"
    r"(?:my|our) (?:son|daughter|child|kid|boy|girl) (?:is|has been|was|keeps being|is still) (?:being )?bullied|"
    r"(?:not|never) (?:given|gave) (?:my |our )?(?:consent|permission)|without (?:my|our) (?:consent|permission)|"
    r"stop (?:posting|sharing|using) (?:pictures|photos|images|videos) of|(?:nobody|no one|noone) (?:called|rang|phoned|"
    r"told|contacted|informed|let) (?:me|us)\b|"
    r"(?:you|you have|you'?ve|the school has|school has|you lot have) (?:completely |totally |utterly )?(?:failed|let down) "
    r"(?:my|our) (?:child|son|daughter|kids?|children|boy|girl)|(?:i|we) want (?:something|action) (?:done|taken)|appalled|appalling|unacceptable|"
    r"disgraceful|a disgrace|shocking|ridiculous|outrageous|not good enough|not acceptable|(?:very|really|extremely|so|"
    r"deeply|hugely|bitterly|incredibly) (?:disappointed|unhappy|upset|angry|annoyed|frustrated|let down|concerned)|"
    r"fed up|let down by|(?:no one|nobody) (?:has |had )?(?:replied|responded|got back|called back|bothered|answered|"
    r"listens|listened|cares|helped)|still (?:waiting|no reply|no response|not heard|no answer)|been waiting (?:for|since|over)|"
    r"ignored (?:my|our|me|us)|ignoring (?:my|our|me|us)|worst school|poorly (?:run|managed|handled|organised)|"
    r"badly (?:handled|run|managed|organised)|unfair(?:ly)?|(?:report(?:ing)?|complain(?:ing)? to|contact(?:ing)?) "
    r"(?:you to |the school to |this to )?ofsted|(?:total|complete|absolute|utter) (?:shambles|joke|farce|mess|chaos)|"
    r"shambles|farce|no (?:communication|explanation|apology)|lack of (?:communication|support|care|respect)|"
    r"failing (?:my|our|the|pupils|children|kids|students)|for no reason|what a joke|how dare|sort it out|"
    r"absolutely (?:furious|livid|disgusted)|furious|livid|not impressed|pathetic|(?:why|how) (?:on earth )?"
    r"(?:has|have|was|were|did|does|is|are|can|could) (?:my|our) (?:son|daughter|child|kid|boy|girl|children)|"
    r"demand (?:an? )?(?:explanation|apology|answers)|refund|taking (?:this|it) further|formal complaint|"
    r"(?:is|was|are|were) (?:never|not) (?:told|informed|consulted)|bullied and (?:the school|nobody|no one)|"
    r"(?:school|staff|teachers?) (?:did|does|do|have done|has done) nothing|(?:terrible|awful|poor|appalling|dreadful|"
    r"woeful|rubbish|non-?existent) (?:communication|organisation|organization|service|attitude|customer service|response)|"
    r"(?:was|were|is|are|been|being) (?:extremely |very |so |really |incredibly |quite )?(?:rude|dismissive|condescending|"
    r"unprofessional|patronising|patronizing|aggressive|unhelpful) (?:to|towards|with) (?:me|us|my|our)|"
    r"(?:only|just) (?:finding|found) out (?:about|today|now|yesterday|at))\b",
    "complain complaint complaints complaining complained failed thanks joke farce shambles disgrace robbery rip ripoff bullying bullied consent permission posting sharing using called rang phoned contacted let disgusted appalled appalling unacceptable disgraceful disgrace shocking ridiculous outrageous good acceptable disappointed unhappy upset angry annoyed frustrated let concerned fed replied responded got called bothered answered listens listened cares helped waiting reply response heard answer ignored ignoring worst poorly badly unfair unfairly ofsted shambles joke farce mess chaos communication explanation apology support care respect failing reason dare sort furious livid impressed pathetic why how demand refund further formal told informed consulted bullied nothing want terrible awful poor dreadful woeful rubbish communication organisation organization rude dismissive condescending unprofessional patronising patronizing aggressive unhelpful finding found"
)
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
    r"children|kids|parents|year \d+s?|y\d+s?|the (?:kids|children|pupils)|(?:my|our) (?:son|daughter|child|kids?)) "
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


def _complaint(norm: str) -> list[Hit]:
    if m := _COMPLAINT.search(norm):
        return [Hit("complaint", f"rule:complaint_language {_quote(m)}")]
    return []


def _query(norm: str, source: str | None, cfg: ClassifierConfig) -> list[Hit]:
    request = _REQUEST.search(norm)
    question = "?" in norm and not _RHETORICAL.search(norm)
    if source == "mention" and not cfg.flag_mention_questions:
        # a public mention is a query only when it asks the school something directly
        if request and question and re.search(r"@\w+|\b(?:the school|you|u|school)\b", norm):
            return [Hit("query", f"rule:direct_question_to_school {_quote(request)}")]
        return []
    if request and (question or re.match(r"please|could|can|would|i'?d like", request.group(0))):
        return [Hit("query", f"rule:question {_quote(request)}")]
    if request and _OPENING.fullmatch(norm[: request.start()]) and not _RHETORICAL.search(norm):
        # comments often drop the question mark: "Does anyone know if uniform is needed for the trip"
        return [Hit("query", f"rule:question_opening {_quote(request)}")]
    if question and (m := _QUESTION_START.search(norm)):
        return [Hit("query", f"rule:question {_quote(m)}")]
    return []


# --- all together ------------------------------------------------------------------------------


def detect(raw: str, norms: list[str], source: str | None, cfg: ClassifierConfig) -> list[Hit]:
    """Every rule hit for one text, de-duplicated by reason, in a stable order."""
    from watchtower.classify._normalise import has_weapon_emoji

    weapon_emoji = has_weapon_emoji(raw)
    hits: list[Hit] = []
    for norm in norms:
        hits += _threat(norm, raw, weapon_emoji)
        hits += _safeguarding(norm)
        hits += _hate(norm)
        hits += _sexual(norm)
        hits += harassment_hits(norm)
    norm = norms[0]
    hits += _personal_data(raw, norm, cfg)
    hits += _media(norm)
    hits += _complaint(norm)
    hits += _query(norm, source, cfg)
    seen: set[tuple[str, str]] = set()
    out = []
    for h in hits:
        if (h.category, h.reason) not in seen:
            seen.add((h.category, h.reason))
            out.append(h)
    return out
