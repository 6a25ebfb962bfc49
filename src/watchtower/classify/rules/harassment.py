# ruff: noqa: E501 -- the regular expressions below read better as whole alternations than split mid-word
"""Harassment (rule part): insults, shunning and damaging allegations aimed at an identifiable person or the
school (design.md: high). The model part, offensive language aimed at a target, is in ``_classifier``;
``TARGET``, ``PERSON`` and ``NAMED_PERSON`` tell it who a post is aimed at.
"""

from __future__ import annotations

from watchtower.classify.rules._base import _SCHOOL, _STAFF, Hit, _g, _Gated, _rx, named_hits
from watchtower.classify.rules.gates import aware
from watchtower.classify.rules.safeguarding import _INCITE_SELF_HARM, _SCHOOL_PAEDO, _STAFF_PAEDO

# impersonating a member of staff or a pupil online
_IMPERSONATION = _g(
    rf"\bfake (?:\w+ )?(?:account|profile|page|insta|instagram|tiktok|snapchat|facebook)s?\b.{{0,40}}\b(?:pretending to be|"
    rf"impersonating|posing as|in the name of|of|for) (?:a |the |our |my )?(?:{_STAFF}|pupil|student|girl|boy|kid|[a-z]+ in year)|"
    rf"\b(?:pretending to be|impersonating|posing as) (?:a |the |our |my )?{_STAFF}(?: [a-z]+)? (?:on|online)\b",
    "fake pretending impersonating posing",
)
# a damaging rumour about a member of staff: "Heard Mr Wilson got arrested"
_STAFF_RUMOUR = _g(
    # a part in the staff panto is no member of staff ("The staff panto donkey has been sacked for drinking", round 99)
    rf"\b{_STAFF}(?: (?!panto|pantomime)[a-z]+)?\b(?:(?!panto).){{0,20}}\b(?:got|been|was|is|has been|getting) "
    r"(?:arrested|charged|sacked for|"
    r"fired for|done for|locked up|sent to prison|put on the (?:sex offenders )?register|caught (?:with|drink driving|"
    r"shoplifting|stealing)|having an affair|sleeping (?:with|around)|shagging|on drugs|(?:always )?drunk at work|"
    r"an alcoholic|a drunk|a druggie|a coke ?head)\b(?!.{0,40}\b(?:role ?play|pretend|dressing up|dressed up|costume|world book day|panto|"
    r"nativity|comic relief|children in need|jail and bail|charity)\b)",
    "arrested charged sacked fired done locked prison register caught having sleeping shagging drugs drunk alcoholic "
    "druggie coke cokehead",
)

_INSULT = (
    # (an "ugly sister" is a panto part: "Mr Haddon is this year's Ugly Sister", rounds 66 and 68)
    r"(?:idiot|idiots|moron|morons|loser|losers|ugly(?! sisters?\b)|fat (?:cow|pig|slag|bitch|bastard|lump|freak)|slag|slags|slut|sluts|"
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
    rf"really |actually |literally |just |one |fat |ugly |little |stupid |dumb |sad |bunch of |load of |lot of )*{_INSULT}\b"
    # never the farm animal as half of a thing ("someone blew up Mrs Powell's pig farm with TNT" on the club's Minecraft
    # server: round 77)
    r"(?!(?<=\bpig|\bcow) (?:farms?|sty|sties|roast|racing|sheds?|pens?|fields?|costumes?|onesies?|masks?)\b)",
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

#: Someone addressed: an @handle or "you" (the start of :data:`PERSON`).
_ADDRESSEE = r"@\w+|\b(?:you|u|ur|your|you'?re|youre|ya|yer)\b"
ADDRESSEE = _rx(_ADDRESSEE)

#: An identifiable person (not just the school): a handle, a staff title, a pupil by year, "you".
PERSON = _rx(
    rf"(?:{_ADDRESSEE}|\b(?:mr|mrs|miss|ms|sir|teacher|head ?teacher|headmaster|"
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
    hits = named_hits("harassment", _HARASSMENT_RULES, norm)
    if aware(norm):
        # an e-safety lesson names the fake profiles it warns of ("Safer Internet Day: how to spot fake profiles
        # pretending to be kids", round 165; over 230,000 labelled posts, the four awareness posts this rule read
        # were all harmless)
        hits = [h for h in hits if h.name != "impersonation"]
    return hits


#: Written after a model harassment reason when no person was named (the school itself was the target), so
#: the reason says which bar it passed: ``school_target_threshold`` rather than ``harassment_threshold``.
SCHOOL_TARGET_NOTE = "(no person named)"
