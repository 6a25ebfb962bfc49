# ruff: noqa: E501 -- the regular expressions below read better as whole alternations than split mid-word
"""Complaints about the school, its staff or a decision (design.md: normal).
"""

from __future__ import annotations

from watchtower.classify.rules._base import Hit, _g, named_hits

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


def complaint_hits(norm: str) -> list[Hit]:
    return named_hits("complaint", [("complaint_language", _COMPLAINT)], norm)
