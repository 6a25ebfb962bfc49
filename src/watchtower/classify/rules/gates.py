# ruff: noqa: E501 -- the regular expressions below read better as whole alternations than split mid-word
"""Gates: what stops a topic word or a figure of speech from raising an alert on its own.

``aware`` recognises awareness and teaching posts ("anti-bullying week", "assembly on knife crime");
``IDIOM`` finds violent words used figuratively ("killing me", "dead proud"); ``PROFANITY`` finds swearing
that is not aimed at anyone. The classifier reads them to decide when the model alone may raise a category.
"""

from __future__ import annotations

from watchtower.classify.rules._base import _g

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


def aware(norm: str) -> bool:
    """An awareness or teaching post: "anti-bullying week", "assembly on knife crime", "e-safety workshop"."""
    return bool(_AWARENESS.search(norm))


PROFANITY = _g(
    r"\b(?:f+u+c+k+\w*|f\*+c?k\w*|f\*\*\w*|fck\w*|fk|fkn|fuk\w*|fcuk\w*|motherf\w+|sh[i\*]t\w*|bullshit|"
    r"bollocks|bastard\w*|cunt\w*|c\*nt|twat\w*|wank\w*|piss(?:ed)? off|pissing|dickhead|arsehole|asshole|"
    r"bellend|tosser|prick|bitch\w*|slag|whore|wtf|stfu|gtfo|ffs|omfg|dammit|goddamn)\b",
    "fk fkn bollocks wtf stfu gtfo ffs omfg dammit goddamn slag whore prick tosser bellend arsehole asshole dickhead "
    "pissing piss pissed bullshit",
    "fuck fuk fck fcuk f* shit sh* bastard cunt c*nt twat wank bitch motherf",
)


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
