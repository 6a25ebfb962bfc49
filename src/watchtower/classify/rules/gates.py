# ruff: noqa: E501 -- the regular expressions below read better as whole alternations than split mid-word
"""Gates: what stops a topic word or a figure of speech from raising an alert on its own.

``aware`` recognises awareness and teaching posts ("anti-bullying week", "assembly on knife crime");
``IDIOM`` finds violent words used figuratively ("killing me", "dead proud"); ``PROFANITY`` finds swearing
that is not aimed at anyone. The classifier reads them to decide when the model alone may raise a category.
"""

from __future__ import annotations

from functools import lru_cache

from watchtower.classify.rules._base import (
    _AFFECTION,
    _DAYS,
    _FAMILY_MEMBER,
    _READERS_HOME_NOT_SAFE,
    _SCHOOL_DAYS,
    _SENDING,
    _STAFF,
    _YEAR,
    _g,
    _Gated,
    _not_after,
    _rx,
)

#: what an awareness post or a lesson is about: "knife crime", "online safety", "mental health"
_TOPIC = (
    r"(?:knife crime|knife|knives|weapons?|crime|hate crime|gangs?|county lines|exploitation|child exploitation|grooming|"
    r"online grooming|bullying|anti-?bullying|cyber-?bullying|online safety|internet safety|e-?safety|safer internet|"
    r"digital safety|social media|mental health|(?:children'?s )?mental health|wellbeing|well-being|self-?harm|self harm|"
    r"suicide(?: prevention)?|drugs?|alcohol|vaping|smoking|consent|healthy relationships|relationships|sexting|"
    r"radicali[sz]ation|extremism|prevent|racism|anti-?racism|domestic abuse|abuse|child abuse|stranger danger|"
    r"road safety|water safety|fire safety|first aid|safeguarding|violence|violence against women and girls|vawg|"
    r"autism|asthma|diabetes|epilepsy|eating disorders?|grief|bereavement|loneliness|kindness|stress|anxiety|"
    r"black history|pride|holocaust memorial|remembrance|world book|red nose|odd socks|children in need|comic relief|"
    r"pshe|rse|pshee|citizenship|nspcc|police|fire service|charity|world mental health|"
    r"speak out stay safe|neurodiversity|dyslexia|inclusion|diversity|equality|gender equality|women'?s history)"
)
#: what a school holds to raise awareness or to teach
_EVENT = (
    r"(?:workshops?|assembl(?:y|ies)|talks?|lessons?|sessions?|training|courses?|presentations?|webinars?|"
    # "Safeguarding reminder for all our young musicians", a "safeguarding refresher" for volunteers (round 112)
    r"refreshers?|reminders?|briefings?|"
    r"campaigns?|evening|event|programme|program|week|day|month|fortnight|drop-?in|seminar|conference|unit|topic|"
    r"curriculum|visit|day of action|week of action|education|stalls?|stands?|displays?|exhibitions?|films?|"
    r"documentar(?:y|ies))"
)


#: a performance: "the school play", "Year 6 production", "our performance of Oliver", "rehearsals for". An
#: awareness post for the threat rules and the model (a play has its murders), but not for the grooming rules: the
#: comments under a photo of the school show are where a stranger asks a child's age ("grooming_aware" below).
#: A performance named as the place or the time of something else ("at the school play", "after the nativity
#: show") is not a post about the play: "I'll smash her face in when I see her at the school play".
_AS_A_VENUE = _not_after("at the", "at our", "at their", "at this", "after the", "before the", "during the",
                         "outside the", "til the", "till the", "until the", "at tonight's", "after tonight's")
_PERFORMANCE = _g(
    _AS_A_VENUE + r"\b(?:school|class|nativity|year \d+|y\d+|drama|christmas|summer|end of year|leavers'?|ks\d) "
    r"(?:play|production|performance|show|musical|panto|pantomime)\b|\b(?:production|performance|staging|"
    r"adaptation|rehearsals?) (?:of|for) (?!(?:me|him|her|them|you|u)\b)|"
    # a piece pupils made up for drama: "Year 10 drama nailed their devised piece 'The Afterparty'" (round 183)
    r"\bdevised (?:piece|performance|drama|play|scene)s?\b",
    "school class nativity year y drama christmas summer end leavers ks production performance staging adaptation "
    "rehearsal rehearsals devised")

#: not straight after "asking for a", "it's for my" ...: the disclaimer "asking for a science project" is "asking for a
#: friend", not a lesson
_NOT_AFTER_A_DISCLAIMER = _not_after("asking for a", "asking for my", "it's for a", "its for a", "it's for my",
                                     "its for my", "just for a")

#: a year group or key stage, as a school names who did or heard something ("Year 9s", "Y10", "KS2"), or as
#: independent and older schools name their forms ("Fourth Form", "the Lower Sixth", "Upper Fifth"; round 49's
#: "Fourth Form Drama devised a piece on ... county lines" was an alert)
_KEY_STAGE = r"ks\d|key stage \d"
_FORMS = (r"(?:the )?(?:(?:first|second|third|fourth|fifth|lower fifth|upper fifth|remove|shell) form(?:ers)?|"
          r"(?:lower|upper) (?:sixth|fifth|fourth)(?: form)?)")
_YEAR_GROUP = f"{_YEAR}|{_KEY_STAGE}|{_FORMS}"
#: everyday subjects, in a lesson's heading ("Geography: ...", "PSHE drama: ...") or beside a year group ("Year 9
#: Drama devised ...")
_SUBJECTS = r"history|english|drama|geography|science|art|media|music|dance"

#: what a fundraiser is or has: "a fundraising walk", "the fundraiser page"
_FUNDRAISING = ("event|day|week|night|evening|walk|run|appeal|page|target|total|effort|drive|concert|disco|raffle|"
                "bake sale|challenge")

#: the subjects whose lessons are about harm, in a lesson's heading ("Criminology: ...") or told after it
_HARM_SUBJECTS = (r"pshe|pshee|pshce|pse|rse|rshe|citizenship|sociology|criminology|psychology|law|public services|"
                  r"health and social care")

#: "talk" the verb, not a talk someone gave: "nobody's allowed to talk about it", "i don't want to talk about it",
#: "we never talk about why" are what a child told to keep a secret says, the opposite of an awareness post
#: (not "came in to talk about", "visited Year 6 to talk about": a visitor's talk; not "nt" or "ll" alone: "a parent
#: talk on", "the school talk about" are talks given)
_TALK_AS_A_VERB = _not_after("allowed to", "want to", "wants to", "wanted to", "have to", "has to", "had to", "go to",
                             "going to", "scared to", "afraid to", "able to", "supposed to", "meant to", "not to",
                             "anyone to", "someone to", "nobody to", "no one to", "where to", "who to", "n't", "not",
                             "never", "i", "we", "they", "you", "u", "can", "cant", "could", "would", "should", "will",
                             "'ll", "lets", "let's", "wanna", "nobody", "people", "dont", "didnt", "doesnt", "wont")
#: "does the school have a policy on ...?" is a parent's worry, not the school's policy told
_ASKING_FOR_A_POLICY = _not_after("have a", "has a", "got a", "there a", "any", "no")

#: Awareness and teaching posts, each recognised by a whole construction, never by one common word: "a workshop
#: on knife crime", "anti-bullying week", "assembly about grooming", "Year 9 explored...", "Macbeth". "I'll see
#: you after the play", "my mind is made up, I'm ending it after history", "I'll teach him a lesson" are not.
_AWARENESS: tuple[_Gated, ...] = (
    # a lesson's heading: "PSHE this week: how gangs groom...", "RSE: consent and what to do if...", "Year 11
    # Sociology: crime and deviance", "Criminology: county lines..." (the subjects whose lessons are about harm)
    _g(r"\b(?:(?:year|y) ?\d+ (?:history|english|drama|re|religious education|geography|science|biology|chemistry|"
       r"physics)|"
       rf"(?:(?:year|y) ?\d+ )?(?:{_HARM_SUBJECTS}|e-?safety|online safety|(?:drugs?|sex|relationships) education)"
       rf"(?: (?:{_SUBJECTS}|re))?|"
       # a subject heading opening the post: "Geography: Y8 mapped how county lines run ..."
       rf"^(?:{_SUBJECTS}|media studies|computing|food tech(?:nology)?|cookery))"
       # "PSHE recording for Year 10: ...", a lesson sent home
       rf"(?: lessons?| sessions?| days?| week| class| recordings?| videos?| slides| resources| debates?)?"
       rf"(?: (?:for )?(?:{_YEAR}|s[1-6]s?|p[1-7]s?|ks\d))?"
       r"(?: (?:this week|today|this term|this morning|this afternoon|tomorrow|next week))?\s?: |"
       # the same subjects told after the lesson: "criminology today was on county lines and debt bondage"
       rf"\b(?:{_HARM_SUBJECTS}) (?:today|this week|this morning|this afternoon|lesson|class) (?:was|is|were) "
       r"(?:all )?(?:on|about)\b|"
       # an assembly's or a parents' talk's heading: "This week's assembly: county lines...", "Parent talk: ..."
       r"\b(?:(?:this|last|next) week'?s |today'?s |tonight'?s |friday'?s |monday'?s )?(?:assembly|parents?'? talk|"
       r"parents?'? info(?:rmation)?|"
       r"parents?'? workshop|parents?'? session|parents?'? evening|information evening|safeguarding update|"
       # "Youth worker workshop: why carrying a knife 'for protection' ..." (round 193), and the time after it:
       # "Parent workshop tonight: 'Could my child be hiding self-harm ...?'" (round 213)
       r"online safety update|workshops?)"
       r"(?: (?:today|tonight|tomorrow|this week|next week|this (?:morning|afternoon|evening)|on (?:mon|tues|wednes|"
       r"thurs|fri)day))?\s?: ",
       "pshe pshee pshce rse rshe citizenship esafety e safety online sociology criminology psychology law public "
       "biology chemistry physics "
       "health drug drugs sex relationships history english drama re religious geography science assembly parent "
       "parents parent's parents' talk workshop session evening information info safeguarding update pse art media "
       "music dance computing food cookery recording recordings video videos slides resources"),
    # "knife crime awareness week", "mental health workshop", "NSPCC assembly", "online safety day"
    _g(rf"\b{_TOPIC}['’\"”]?(?: awareness| information)? {_EVENT}\b",
       "workshop workshops assembly assemblies talk talks lesson lessons session sessions training course courses "
       "presentation presentations webinar webinars campaign campaigns evening event programme program week day month "
       "fortnight drop dropin seminar conference unit topic curriculum visit action education stall stalls stand "
       "stands display displays exhibition exhibitions film films documentary documentaries refresher refreshers "
       "reminder reminders briefing briefings"),
    # "a workshop on knife crime", "assembly about grooming", "a talk from the police", "lessons covering consent"
    _g(r"\b(?:workshops?|assembl(?:y|ies)|" + _TALK_AS_A_VERB + r"talks?|lessons?|sessions?|training|courses?|presentations?|webinars?|"
       # not the veiled threat's "just friendly advice from someone who's had enough", "a word of advice from"
       r"campaigns?|information evening|parents'? evening|an evening|seminar|leaflets?|posters?|guidance|"
       r"(?<!friendly )(?<!word of )(?<!bit of )(?<!piece of )advice)"
       # "her talk to Year 10 on knife crime" (round 181)
       rf"(?: (?:for|with|to) (?:parents|carers|pupils|students|staff|families|{_YEAR_GROUP}))?"
       rf"(?: (?:today|tonight|this (?:morning|afternoon|week|term)|next week|on (?:{_SCHOOL_DAYS})))?"
       # told after it, or before: "this week's assembly was on county lines", "the talk will be about"
       r"(?: (?:was|is|were|are|will be)(?: all)?(?= (?:on|about)\b))?"
       r" (?:on|about|covering|around|regarding|exploring|discussing|focus(?:s)?ing on|from|by|led by|delivered by|run by)\b"
       # not a person, a way, or a day: "the talk was about me", "assembly is on monday, bring the knife"
       rf"(?! (?:me|him|her|them|you|u|my|his|her|the (?:way|bus)|time|{_DAYS}|"
       r"mon|tues?|wed|thurs?|fri|today|tomorrow|tonight|now|the town)\b)",
       "workshop workshops assembly assemblies talk talks lesson lessons session sessions training course courses "
       "presentation presentations webinar webinars campaign campaigns evening seminar leaflet leaflets poster posters "
       "guidance advice"),
    # a visitor speaking to pupils: "a family who lost their son to knife crime spoke to Year 9 today about why"
    _g(r"\b(?:spoke|speaks|talked|talks|came in to (?:speak|talk)|visited to (?:speak|talk)) (?:to|with) (?:pupils|students|"
       rf"the (?:whole )?school|(?:all of |the whole of )?(?:{_YEAR_GROUP}|sixth form(?:ers)?))"
       rf"(?: (?:today|this (?:morning|afternoon|week)|on (?:{_SCHOOL_DAYS})))? (?:about|on)\b",
       "spoke speaks talked talks came visited"),
    # pupils' work on the topic: "a short film about county lines", "a documentary on knife crime"
    _g(rf"\b(?:films?|documentar(?:y|ies)|plays?|dramas?) (?:about|on|exploring) {_TOPIC}\b",
       "film films documentary documentaries play plays drama dramas"),
    # "awareness week", "raising awareness", "knife crime awareness", "#antibullyingweek"
    _g(r"\b(?:rais(?:e|es|ed|ing)|promot(?:e|es|ed|ing)|spread(?:s|ing)?|build(?:s|ing)?) awareness\b|"
       # "Autism Acceptance Month" (round 71) is an awareness month by another name
       r"\b(?:awareness|acceptance)[- ](?:week|day|month|campaign|assembly|workshop|session|talk|event|training|course|evening|raising|"
       r"programme|walk|fortnight)\b|" + rf"\b{_TOPIC} awareness\b",
       "awareness acceptance"),
    _g(r"#\w*(?:awareness|week|day|month|safety|campaign)\b", "", "#"),
    # pupils learning: "Year 9 explored...", "pupils learnt about", "in PSHE we discussed", "we were taught how"
    _g(rf"\b(?:pupils|students|children|kids|learners|{_YEAR_GROUP}|the class|classes|our class|"
       r"class \d+[a-z]?|form \d+[a-z]?|the group|we|they)"
       # the subject between: "Year 10 Citizenship have been studying knife crime"
       rf"(?: (?:{_HARM_SUBJECTS}|{_SUBJECTS}|re))?(?: (?:have|has|had|were|are|will|'ve|'re|all))?"
       r"(?: (?:been|be|also|then|today|this week|this term))? (?:learn(?:ing|t|ed)? (?:about|how)|explor(?:ed|ing|es)|"
       r"discuss(?:ed|ing)|stud(?:ied|ying)|examin(?:ed|ing)|research(?:ed|ing)|debat(?:ed|ing)|reflect(?:ed|ing) on|"
       r"taught|look(?:ed|ing) at (?:how|why|the (?:dangers|risks|signs|history|impact)))\b|"
       r"\b(?:pshe|rse|rshe|pshee|citizenship)(?: lessons?| sessions?)?(?: (?:this week|today|this term|last week))? "
       r"(?:covered|explored|looked at|focused on|was about|were about|discussed|tackled)\b|"
       r"\b(?:in|during|for) (?:today'?s |this week'?s |our |their )?(?:pshe|rse|pshee|citizenship|re|history|english|"
       r"drama|science|computing|form time|tutor time)(?: lessons?| class)?,? (?:today|this week|this term|pupils|students|"
       r"children|year \d+|we|they|the class)\b",
       "pupils students children kids learners year y ks key class classes form group we they in during for pshe rse "
       "rshe pshee citizenship sixth fifth fourth"),
    # pupils' work on a topic, told by the school: "Year 10 performed 'Jaz's Story'", "Y10 Citizenship ran a mock
    # trial", "Year 9 Drama devised a piece", "our Year 9s spent this week's PSHE
    # unpicking how groomers work"; a named class or year group does the work, never "we" or "they"
    _g(rf"\b(?:pupils|students|learners|(?:our )?(?:{_YEAR_GROUP})|the class|class \d+[a-z]?|form \d+[a-z]?)"
       rf"(?: (?:{_SUBJECTS}|re|citizenship|pshe|rse|sociology|criminology|psychology|law|computing|pe))?(?: (?:have|has|had|were|all|also|then|today|this week|this term|last week))*"
       r" (?:(?:performed|devised|staged|wrote|created|produced|presented|designed|made) (?:(?:a|an|their|the|our) )?"
       r"(?:(?:short|powerful|moving|new|original|brilliant) )?(?:['\"‘“]|(?:play|piece|drama|performance|scene|sketch|"
       r"monologue|assembly|presentation|posters?|film|video|leaflets?|campaign|poems?|essays?|letters?|scripts?|"
       r"stories|story|display|project|song|rap)\b)|ran (?:a|an|their) (?:mock trial|debate|workshop|campaign|assembly)\b|"
       r"(?:investigated|analy[sz]ed|unpick(?:ed|ing)) (?:how|why|the)\b|"
       r"spent (?:this week'?s |today'?s |last week'?s |the )?(?:pshe|rse|citizenship|lesson|session)s? (?:unpicking|"
       r"exploring|looking at|learning|discussing)\b)",
       "performed devised staged ran wrote created produced presented designed made investigated analysed analyzed "
       "unpicked unpicking spent"),
    # teaching subjects and set texts: "history lesson", "drama production", "Macbeth", "An Inspector Calls"; not
    # the disclaimer "asking for a science project", which is "asking for a friend"
    _g(_NOT_AFTER_A_DISCLAIMER + r"\b(?:pshe|rse|pshee|citizenship|history|english|drama|religious education|re|science|computing|"
       r"food tech(?:nology)?|cookery|cooking|dt|design (?:and|&) technology|pe|\w+ skills)"
       r" (?:lessons?|sessions?|class|classes|curriculum|topic|unit|project|gcse|exam|workshop|"
       r"production|performance)\b|\b(?:gcse|a-?level|a level) (?:history|english|drama|literature|pshe)\b|"
       r"\b(?:macbeth|shakespeare|romeo and juliet|an inspector calls|of mice and men|lord of the flies|blood brothers|"
       r"a christmas carol|jekyll and hyde|war poetry|wilfred owen|the crucible|animal farm|nineteen eighty-?four|"
       r"noughts (?:and|&) crosses|the boy in the striped pyjamas|anne frank)\b",
       "pshe rse pshee citizenship history english drama religious re science computing food cookery cooking dt "
       "design pe skills gcse a alevel level literature "
       "macbeth shakespeare romeo inspector mice lord blood christmas jekyll war wilfred crucible animal nineteen "
       "noughts boy anne"),
    _PERFORMANCE,
    # a set text: "the novel we're studying", "the play is about", "reading the poem"
    _g(r"\b(?:the|our|this|a) (?:book|novel|text|play|"
       r"poem|story) (?:we(?:'re| are)? (?:reading|studying|read|studied)|(?:is|was) about|explores|deals with|about)\b|"
       r"\b(?:reading|studying|studied|read) (?:the |a |our )?(?:class |set |gcse )?(?:book|novel|text|play|poem)\b",
       "book novel text play poem reading studying studied read"),
    # signposting support: "call Samaritans on 116 123", "Childline 0800 1111", "the mental health charity Mind"
    # (Shout, Mind and CALM are also everyday words: "calm at 6am", "mind on the exam", "shout at": only as a
    # helpline, a number or a website)
    _g(r"\b(?:samaritans|childline|nspcc|kooth|papyrus|young ?minds|hopeline(?:uk)?|breathing space)"
       # or a visit from one: "Samaritans volunteer talk for Year 12: what to say when someone tells you ..." (round 71)
       r"(?: (?:helpline|numbers?|on|at|free|freephone|is (?:free|available|there)|are (?:available|there|free)|\(|"
       r"volunteers?|talks?|visits?|workshops?|assembl(?:y|ies)|sessions?|training|speakers?|"
       r"website|\d))|"
       r"\b(?:shout|mind|calm)(?: (?:helpline|infoline|on \d|free|freephone|website|\(|\d))|\b(?:for|raising for|in aid of) @?(?:mind|calm)\b(?! (?:games?|reading|your|yourself|you))|@(?:mind|calm)\b|"
       r"\b(?:call|ring|contact|text|phone|speak to|talk to|reach out to|visit) (?:the )?(?:samaritans|childline|nspcc|"
       r"kooth|papyrus|young ?minds|shout 85258|mind|calm|hopeline(?:uk)?)\b|"
       r"\b(?:support|help|advice|information) (?:is |are )?(?:available|also available) (?:from|at|via|through)\b|"
       r"\b(?:useful|support) (?:numbers|contacts|links|helplines|services)\b|\bhelplines? (?:on|for|numbers?|details)\b|"
       r"\bsignpost(?:s|ed|ing)?\b|\bsupport group\b|\bsafeguarding team\b|\bthe (?:mental health )?charity mind\b|"
       r"\b(?:young ?minds|youngminds|kooth|papyrus)\b",
       "samaritans childline nspcc kooth papyrus young youngminds shout mind calm hopeline hopelineuk breathing call ring contact "
       "text phone speak talk reach visit support help advice information useful helpline helplines signpost signposts "
       "signposted signposting safeguarding charity"),
    # a visit or talk by an outside organisation: "a visit from the police", "PCSO talk", "police came in to talk"
    _g(r"\b(?:visit|talk|assembly|workshop|session|presentation) (?:from|by|with) (?:the |our |a |local |two )?"
       r"(?:police|pcsos?|pc \w+|officers?|safer schools? officer|fire (?:service|brigade|fighters?)|nspcc|barnardo'?s|"
       r"st john ambulance|charity|speaker|author|theatre company|nurse|school nurse)\b|"
       r"\b(?:police|pcsos?|safer schools? officer|school liaison officer|fire service) (?:visit(?:ed)?|came in|talk(?:ed)? to|"
       r"spoke to|delivered|ran|led)\b",
       "visit talk assembly workshop session presentation police pcso pcsos safer liaison fire"),
    # a guide for parents or pupils ("how to recognise county lines grooming, including 'cuckooing'", "how to spot the
    # signs", round 97; not "I know how to spot the signs he's been drinking"), and a notice that signposts help ("If
    # you're not safe at home, you can speak to any member of our staff", round 97)
    _g(_not_after("know", "knows", "knew") + r"\bhow to (?:recognise|recognize|spot) (?:the )?(?:signs?|county lines|"
       r"grooming|exploitation|cuckooing|radicali[sz]ation|abuse|neglect|sextortion|scams?)\b|" + _READERS_HOME_NOT_SAFE,
       "recognise recognize spot safe"),
    # a hate code explained to parents or staff: "The '14 words' is a white supremacist slogan", "'14 words' and '88'
    # get used by the far right" (four harmless explainers over the labelled data); never the slogan itself
    _g(r"\b(?:is|are) (?:a |an |the )?(?:(?:well[- ]known|common|coded|classic) )?(?:white[- ]supremacist|neo-?nazi|"
       r"far[- ]right|extremist|antisemitic|anti-?semitic|racist|homophobic|transphobic|islamophobic|hate) "
       r"(?:slogans?|codes?|symbols?|dog ?whistles?|numbers?|emojis?|memes?|phrases?|slurs?|signs?)\b|"
       r"\b(?:gets?|are|is|being) used by (?:the )?(?:far[- ]right|neo-?nazis|extremists|racists|white supremacists)\b",
       "is are gets get being"),
    # policies and guidance: "our anti-bullying policy", "DfE guidance on", "information evening"
    _g(rf"\b(?:{_TOPIC}|behaviour|child protection|acceptable use|mobile phone|uniform|attendance|whistleblowing|"
       r"complaints|sex education|relationships education) polic(?:y|ies)\b|" + _ASKING_FOR_A_POLICY +
       r"\bpolic(?:y|ies) (?:on|for|about|regarding)\b|"
       r"\b(?:government|dfe|department for education|school|nspcc|police|nhs|safeguarding|statutory) guidance\b|"
       r"\bguidance (?:on|for|about|from)\b|\binformation evening\b|\bdangers of\b|"
       # a fundraiser told as one, not the word alone ("fundraiser tonight, bring the blade")
       rf"\bfundrais(?:er|ers|ing)(?: (?:{_FUNDRAISING}))?,? (?:for|in aid of|to (?:support|help|raise))\b|"
       r"\b(?:our|a|the|this|their|school|charity|pta|sponsored|annual|big|summer|christmas|easter)(?: [\w'-]+)? "
       rf"fundrais(?:er|ers|ing) (?:{_FUNDRAISING}|raised|smashed|reached|hit)\b|\b(?:raised|raising) £?\d[\d,.]*k? (?:for|in aid of)\b|"
       rf"\b{_TOPIC} prevention\b|\bprevention (?:week|day|month|team|officer|programme|strategy|talk|workshop)\b|"
       # and "a sponsored 11-mile march" for a veterans' mental health charity (round 185)
       r"\b(?:charity|sponsored) (?:\d+[- ]?(?:mile|miles|km|k) )?(?:event|walk|run|march|hike|bake sale|day|week|"
       r"concert|match|appeal|collection|raffle|fundraiser)\b|"
       r"\brais(?:e|ed|ing) (?:money|funds|£\s?\d+|\d+) for\b",
       "policy policies guidance information dangers prevention charity sponsored raise raised raising", "fundrais"),
)


@lru_cache(maxsize=64)
def aware(norm: str) -> bool:
    """An awareness or teaching post: "anti-bullying week", "assembly on knife crime", "e-safety workshop". Kept
    for the last few texts: the classifier asks it of one post's reading up to four times."""
    return any(rx.search(norm) for rx in _AWARENESS)


#: A quotation in a normalised post: single or double quotes (curly ones are straight by now), an apostrophe inside
#: a word ("'I'll batter you'", "they've") not taken for the closing quote.
_QUOTATION = _rx(r"(?<![a-z0-9])'(?:[^'\n]|(?<=[a-z])'(?=[a-z])){1,160}?'(?![a-z0-9])|\"[^\"\n]{1,160}?\"")


def unquoted(norm: str) -> str:
    """``norm`` with every quotation blanked: what a post says in its own words, not the words it quotes."""
    return _QUOTATION.sub(" ", norm)


#: a member of staff quoted saying something ("sir said 'I will end you'", "Mrs Nolan said before they went on 'if
#: anyone sings flat I will end you'", or remembered: "Mr Hodge used to say 'I will end you, boy'", round 71): a
#: teacher's joke told by a pupil or a parent, whose quoted threat words need the model as a lesson's quotes do (a
#: slur a teacher is quoted saying is not quieted: that is an allegation)
STAFF_SAID = _g(
    rf"\b(?:{_STAFF}|the deputy|head of \w+)\b"
    r"[^.!?'\"\n]{0,40}?\b(?:said|says|goes|went|used to say|would say)\b[^'\"\n.!?]{0,30}['\"]",
    "said says goes went say")


def grooming_aware(norm: str) -> bool:
    """An awareness or teaching post that may be about grooming: :func:`aware`, less a performance alone."""
    return any(rx.search(norm) for rx in _AWARENESS if rx is not _PERFORMANCE)


PROFANITY = _g(
    r"\b(?:f+u+c+k+\w*|f\*+c?k\w*|f\*\*\w*|fck\w*|fk|fkn|fuk\w*|fcuk\w*|motherf\w+|sh[i\*]t\w*|bullshit|"
    # "cunt" and its English endings only: Somali "cunto" and "cuntada" are food ("bangiga cuntada", a food bank:
    # round 106)
    r"bollocks|bastard\w*|cunt(?:s|y|ish|ing|ed|face|faces|bag|bags)?|c\*nt|twat\w*|wank\w*|piss(?:ed)? off|pissing|dickhead|arsehole|asshole|"
    r"bellend|tosser|prick|bitch\w*|slag|whore|wtf|stfu|gtfo|ffs|omfg|dammit|goddamn|(?:dog|bat|ape|horse|dip)shit\w*|"
    r"kiss my arse)\b"
    # starred words end in a star as often as a letter ("f***", "f***ing"), where a closing \b cannot match
    r"|(?<!\w)f(?:\*{2,}[a-z]*|\*+[a-z]+)(?![\w*])",
    "fk fkn bollocks wtf stfu gtfo ffs omfg dammit goddamn slag whore prick tosser bellend arsehole asshole dickhead "
    "pissing piss pissed bullshit arse",
    "fuck fuk fck fcuk f* shit sh* bastard cunt c*nt twat wank bitch motherf",
)


#: The idioms about the writer's own death or hurt ("I could die", "dying of laughter", "we're dead", "I'd kill for a
#: brew"): part of ``IDIOM`` and of ``SELF_IDIOM``, written once here.
_SELF_IDIOMS = (
    r"(?:would|'d|could) kill for\b|kill for an?\b|(?:die|dying|died) on (?:that|this|the) hill\b|"
    r"(?:we'?re|we are) all (?:gonna|going to|gunna) die\b|"
    r"(?:dying|died|die|dead) (?:of|from|laughing|for)|"
    r"dead (?:proud|good|chuffed|excited|happy|nice|funny|easy|hard|tired|jealous)|"
    r"(?:could|would) (?:murder|kill) (?:a|for|some)|i could (?:just )?die\b|"
    r"murder (?:mystery|a (?:brew|pint|cuppa|bacon|pizza|burger|curry))|murder(?:s|ed)? me|"
    r"(?:we'?re|i'?m|im|we are|i am) (?:all |so |literally )?dead\b(?= *(?:[.!?,]|lol|$))"
)

#: What a pupil "smashes" when they do well ("smash her A levels", "smashed the school record"): the idiom below
#: reads it after "the", "her" or "my"; the threat phrase skips it after a person ("going to smash her A levels")
SUCCESS_OBJECTS = (r"(?:a[- ]?levels?|gcses?|exams?|tests?|mocks?|sats|(?:piano|music|driving|theory|dance|ballet|"
                   r"spelling|maths|french|spanish|english|science|grade \d) (?:exams?|tests?)|records?|pbs?|auditions?|"
                   r"interviews?|recitals?|grades?)")

#: Violent words used figuratively, which a model trained on tweets scores as offensive. Whole constructions
#: ("killed it", "went down a bomb", "what a massacre"), never the word alone ("bomb", "massacre", "slay").
IDIOM = _g(
    r"\b(?:(?:kill|killing|killed|kills) (?:me|it)\b|(?:killed|killing) (?:them|us)(?= \d| in the| at the| on the)|"
    r"shoot(?:ing)? (?:you|u|y'?all|yall|them|him|her|me|us|everyone) " + _SENDING + r"|"
    r"(?:is|was|are|were) killing (?:it|me)|" + _SELF_IDIOMS + r"|"
    r"smash(?:ed|ing)? it\b|smash(?:ed|ing)? (?:the|their|his|her|our|my|your) (?:" + SUCCESS_OBJECTS + r"|quiz|challenge|"
    r"times tables?(?: challenge)?|targets?|game|match|race|performance|presentation|homework|assessment|league|final)\b|smash(?:ed|ing)? them(?= \d| in the| at the| on the)|"
    r"destroyed (?:me|it|us)|(?:get|gets|getting|got|be|been|being)? ?kick(?:ed|ing)? (?:off|out of) (?:the )?(?:team|squad|"
    r"course|bus|trip|club|group|chat|call|game|server|lesson|class|match|pitch)\b|"
    r"(?:it was|that was|it'?s|that'?s|what|was|is|an absolute|a total|a complete|absolute|total|complete) (?:an? )?"
    r"(?:absolute |total |complete )?(?:massacre|bloodbath)\b|"
    r"slay(?:ed|s|ing)? (?:it|that|the (?:look|game|outfit)|queen|bestie|girl|hun|babe|all day)\b|"
    r"(?:you|u|she|he|they|we|i) (?:absolutely |totally |literally |just )?(?:slayed|slay|slays|slaying)(?= *(?:[.!?,]|$|lol|tbh|today))|"
    r"(?:is|was|'?s|are|were|looks?|looked|tastes?|tasted|smells?|sounded|sounds|be) (?:the |da )bomb\b|\bda bomb\b|"
    r"went down a bomb|(?:cost|costs|costing|spent|spend|spending|paid) (?:a|an absolute) bomb|photo ?bomb\w*|bath ?bombs?\b|"
    r"shoot for the stars|photo ?shoot|killer (?:app|heels|tune|look|smile)|"
    # a photo, a shirt or a scoresheet put in a frame ("That one's getting framed for Nana": the threat head read
    # 0.98 on it; "framed" is in 13 labelled posts, every one harmless)
    r"(?:getting|get|gets|got|be|been|being|is|'s|has|have|had) framed\b|framed (?:it|the|and|on|in|for)\b|"
    r"(?:strangle|smother|squeeze|suffocate|kill|crush)\w* (?:him|her|them|you|u|me|us|everyone) " + _AFFECTION + r"|"
    r"get(?:s|ting)? (?:destroyed|annihilated|thrashed|hammered|demolished)|(?:it'?s|it was|was|is|that'?s) (?:an? )?(?:actual|absolute) war\b)",
    "could would kill killing killed kills dying died die dead murder murders murdered smash smashed smashing destroyed "
    "kick kicked kicking massacre bloodbath slay slayed slays slaying bomb da photobomb photobombed photobombing bathbomb bathbombs shoot "
    "photoshoot killer get gets getting war strangle strangled strangling smother smothered squeeze suffocate crush "
    "framed",
)


#: The idioms of ``IDIOM`` about the writer's own death or hurt ("this heat is killing me", "I could die",
#: "dying of laughter", "we're dead", "I'd kill for a brew"): only these explain a safeguarding head's score and may
#: lower it. Success, sport and violence at others ("you'll smash it", "killed it", "a bloodbath", "shoot you an
#: email") say nothing about a pupil who is "not planning on being round for the exams" in the same post.
SELF_IDIOM = _g(
    r"\b(?:(?:kill|killing|killed|kills) me\b(?!,? if (?:i|we|u|you|she|he|they|any1|anyone|someone)(?: ever)? "
    r"(?:tell|told|tells|say|said|says|grass|grassed|snitch|snitched|report|reported|let on)\b)|destroyed me|"
    + _SELF_IDIOMS + r")",
    "could would kill killing killed kills dying died die dead murder murders murdered destroyed",
)


#: What a parent or a sibling threatens over a household mishap ("I could strangle our kid", "kill him if he loses
#: another tie"): written once for both of play's mishap readings.
_MISHAP_VERB = r"(?:kill|murder|strangle|throttle|skin|swing for|batter)"


#: the team sports a school plays fixtures in, for play's "at the netball match" and "at the charity cricket"
_SPORTS = r"netball|football|rugby|hockey|rounders|cricket|basketball|badminton|volleyball"


#: Play: a game, a sports fixture, an explicit "only joking", or a household mishap told as a threat ("I could
#: strangle our kid, left his PE kit on the bus AGAIN"). Threat words there ("I'll END you on Tekken", "we're
#: coming for you in the cup final", "darts society: I will end you with a double top", "🔫 (water pistol obviously)")
#: are how people play, so the loose threat rules do not decide alone and a confident threat head is a possible
#: concern, not an alert. Whole constructions only:
#: the name of a game or of a ride raced for fun ("the dodgems", "go-karting": round 91), a fixture ("the 1st XV", "at
#: netball on Friday", "at darts"), a disclaimer not followed by "but seriously", a family member and what they left
#: or lost; never "lol", an emoji or a sport's bare name ("after football he's getting jumped" is not play).
PLAY = _g(
    r"\b(?:fortnite|tekken|fifa|ea ?fc|minecraft|roblox|among us|call of duty|cod|warzone|apex|valorant|"
    # Halo the game, not Club Halo's door, a halo on an angel, the Halo Code or the halo effect (round 108)
    r"(?<!club )(?<!at )(?<!from )halo(?!'?s (?:door|bouncers?)| (?:code|effect|door|nightclub|bouncers?)\b)|"
    r"overwatch|clash royale|clash of clans|mario ?kart|smash bros|street fighter|rocket league|league of legends|"
    r"dead by daylight|dbd|gta|grand theft auto|rainbow six|csgo|cs2|counter[- ]?strike|pubg|elden ring|brawl stars|"
    r"pokemon|pok[eé]mon cards?|xbox|playstation|ps5|switch lite|discord vc|1v1s?|lan party|lan|kahoot|quiz night|"
    r"chess club|esports?|dodgeball|laser ?tag|tug of war|paintball|nerf|water (?:pistol|gun|fight)|murder mystery|panto|pantomime|"
    r"dodgems|bumper cars|go[- ]?karts?|go[- ]?karting|karting)\b|"
    r"\b(?:cup|county|league|semi|quarter)[- ]?finals?\b|"
    # "we're gonna murder u lot in the final", "see you in the final on Saturday": the final of a competition, never
    # "the final straw", "in the final lesson" or "the final days"
    r"\b(?:in|at|for) the final\b(?=\s*(?:$|[.!?,;)]|on |this |next |at |tomorrow|tonight|(?:on )?"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day))|\b(?:county|national|regional|district|area|schools'?) "
    r"(?:champs|championships?)\b|\b(?:derby|fixture|rematch|replay|return leg|away game|home game|penalty shoot-?out|"
    r"sports day|tournament|five-a-side|5-a-side)\b|\b(?:under[- ]?\d{1,2}s|u\d{1,2}s)\b|"
    # a contest a band or a choir plays in: "Going to absolutely batter you lot at the Wakefield contest 😤 then buy
    # you a pint" (round 131)
    r"\b(?:band|brass band|choir|dance|singing|talent|quiz|spelling|bake[- ]?off) (?:contests?|competitions?)\b|"
    r"\bat the (?:\w+ ){0,2}contest\b|"
    # "a game of Risk", "a game of Uno": any game played, never "a game of chicken" (round 135)
    r"\b(?:a|our|the|another) game of (?!chicken\b)\w+|"
    r"\b(?:1st|2nd|3rd|first|second|third) (?:xv|xi|team|eleven|fifteen)\b|\bstaff (?:vs?|versus) (?:students|pupils|kids|parents)\b|"
    r"\bat (?:darts|pool|snooker|bowling|ten-?pin|ping ?pong|table tennis|scrabble|monopoly|uno|dominoes|crib|"
    r"cross[- ]?country)\b|"
    r"\b(?:darts|chess|debate|debating|quiz|poker|pool|snooker|bridge|scrabble|board ?games?) (?:society|soc|club|team|"
    r"league)\b|"
    # a contest won by a mile: "we're gonna wipe the floor with Hollybrook at the quiz-and-football day" (round 104)
    r"\bwipe(?:s|d)? the floor with\b|"
    # a trophy or a title played for: "Downside Vale netball team, sleep with one eye open, we are coming for that
    # trophy" (round 197; over 273,700 labelled posts 37 harmless posts say it, and no threat)
    r"\b(?:coming for|going for|win|winning|won|lift|lifting|bring(?:ing)? home|retain(?:ing)?|defend(?:ing)?) "
    r"(?:that|the|this|our|a) (?:\w+ )?(?:trophy|shield|title|plate|pennant)\b|"
    rf"\b(?:at|in) (?:the )?(?:charity |staff |inter-?house |house |inter-?school |interschools? )?"
    rf"(?:{_SPORTS}|futsal|footy|footie|fitba) "
    rf"(?:match|game|fixture|(?:on )?(?:{_DAYS})|tomorrow|tonight|tmrw|tmr|2moro|"
    r"this (?:week|weekend|afternoon)|next week)\b|"
    # a sport's final or tournament, its teams or its day told at once: "Ramadan futsal final 10P vs 10M tonight. 10M
    # you're going home in an ambulance (metaphorically, Mr Iqbal, calm down)" (round 137); never a final's bare name
    # ("after the football final he's getting jumped")
    rf"\b(?:{_SPORTS}|futsal|footy) (?:finals?|semi[- ]?finals?|tournament)\b(?=[^.!?\n]{{0,30}}\b(?:vs?|versus|"
    rf"against|tonight|tomorrow|tmrw|today|this (?:afternoon|evening|weekend)|(?:on )?(?:{_DAYS})|"
    r"\d{1,2}(?::\d\d)? ?(?:am|pm))\b)|"
    rf"\b(?:at|in) the charity (?:{_SPORTS})\b|"
    # a household mishap: "I am going to MURDER my son. He left his violin in the Uber again", "I'm gonna strangle
    # our kid, he's used all me straighteners"
    rf"\b{_MISHAP_VERB} (?:my|our|me|ma|his|her) {_FAMILY_MEMBER}\b"
    r"(?=.{0,80}\b(?:left|forgot|forgotten|lost|broke|spilt|spilled|borrowed|dyed|drew|wore|used|nicked|pinched|ate|"
    r"eaten|took|told|read|finished|hid|burnt|burned)\b)|"
    # a parent's worry told as a threat: "If our Jack isn't home by 4 I'll kill him" (round 66)
    rf"\bif (?:our|my|me) (?:\w+ ){{1,2}}?(?:isn'?t|isnt|is not|aint|ain'?t|doesn'?t get|doesnt get|hasn'?t got|"
    rf"hasnt got) (?:home|back|in)(?: by [\w:.]+(?: ?[ap]m)?| tonight| today| for (?:tea|dinner))?,? (?:i'?ll|ill|i will|"
    rf"i'?m gonna|im gonna|i'?m going to|i swear i'?ll) {_MISHAP_VERB} (?:him|her|them)\b|"
    # "I'm going to kill him if he loses another tie", "she'll skin him alive if he gets mud on his communion suit"
    rf"\b{_MISHAP_VERB} (?:him|her|them)\b(?: alive)?.{{0,10}}\bif (?:he|she|they) "
    r"(?:loses|lose|forgets|forget|leaves|leave|breaks|break|spills|spill|comes home with|brings home|gets? (?:mud|paint|"
    r"ink))\b|"
    # a scoreline: "we'll batter you 5-0 at lunch footy", "murdered them 46-4", "we'll murder them Saturday, 3-0 and
    # a clean sheet" (round 71: the day between)
    r"\b(?:batter|beat|smash|thrash|hammer|destroy|murder|kill|demolish|whoop)(?:ed|es|s|ing)? (?:you|u|yous|"
    r"them|em|'em|us|y'?all)(?:,? (?:on |this |next )?(?:mon|tues|wednes|thurs|fri|satur|sun)day)?,? \d{1,2} ?[-–] ?\d{1,2}\b|"
    # a joke said to be one: "jk", and the moan taken back with love ("I will end him. Lovingly.", "i will strangle u
    # (with love)", "I am going to end them. Not literally.": 14 labelled posts, all harmless)
    r"\b(?:jk|j/k|only joking|just joking|just kidding|only kidding|(?<!not )(?:i'?m|im) (?:only )?joking|lovingly|"
    r"affectionately|with (?:love|kindness)|in the nicest (?:possible )?way|(?<!and )(?<!but )not literally)\b"
    r"(?![^.!?]{0,12}\b(?:but|seriously|fr|for real|deadass)\b)|"
    # a mock threat at whoever did a petty thing: "Whoever took my stapler: I will find you. (Mostly laminating.)";
    # not when a hurt, a bullied child or a keyed car is in the post
    r"(?:^|[.!?:]\s+)whoever\b(?=[^\n]{0,160}\b(?:i will|i'?ll|ill|i am|i'?m|im|we are|we'?re|he is|he'?s|she is|"
    r"she'?s) (?:find you|coming for you|end you)\b)(?![^\n]*\b(?:break|breaks|breaking|broke|broken|rip|knock\w*|stab\w*|batter\w*|smash\w*|"
    r"punch\w*|hurt|hospital|bull(?:y|ied|ying)|keyed|touch\w*|hit)\b)",
    "fortnite tekken fifa ea eafc minecraft roblox among call cod warzone halo apex valorant overwatch clash mario "
    "daylight dbd gta theft rainbow csgo cs2 counter counterstrike pubg elden brawl footy footie fitba "
    "mariokart smash street rocket league pokemon pokémon xbox playstation ps5 switch discord 1v1 1v1s lan kahoot quiz "
    "chess esport esports dodgeball laser lasertag tug paintball nerf water murder panto pantomime dodgems bumper gokart "
    "gokarts gokarting kart karts karting cup county semi quarter "
    "final finals semifinal semifinals champs championship championships derby fixture rematch replay penalty return away home sports tournament five 5 under u9s u10s "
    "u11s u12s u13s u14s u15s u16s u17s u18s jk j only just joking lovingly affectionately love kindness nicest literally 1st 2nd 3rd first second third staff netball "
    "football rugby hockey rounders cricket basketball badminton volleyball kill murder strangle throttle skin swing batter "
    "darts pool snooker bowling ten tenpin ping pingpong table scrabble monopoly uno dominoes crib cross crosscountry whoever "
    "debate debating poker bridge board boardgame boardgames wipe wipes wiped trophy shield title plate pennant batters battered battering beat beats beated beating "
    "smashes smashed smashing thrash thrashes thrashed thrashing hammer hammers hammered hammering destroy destroys "
    "destroyed destroying murders murdered murdering kills killed killing demolish demolishes demolished demolishing whoop whoops whooped whooping",
)
