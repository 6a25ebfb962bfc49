# ruff: noqa: E501 -- the regular expressions below read better as whole alternations than split mid-word
"""Safeguarding: a child may be at risk (self-harm, abuse disclosed, grooming, exploitation, a child missing,
allegations against staff). design.md: critical; the DSL and deputy are told at once.
"""

from __future__ import annotations

from watchtower.classify.rules._base import (
    _READERS_HOME_NOT_SAFE,
    _SCHOOL,
    _STAFF,
    _YEAR,
    Hit,
    _g,
    _Gated,
    _not_after,
    _rx,
    named_hits,
    quote,
)
from watchtower.classify.rules.gates import aware, grooming_aware
from watchtower.classify.rules.media import media_hits

#: guidance on what to do when anyone at all says it ("Samaritans volunteer talk for Year 12: what to say when someone
#: tells you they want to die": round 71), not a person saying it; a friend who "told me they want to die" still counts
_TOLD_YOU = "".join(f"(?<!{who} {verb} they )" for who in ("someone", "somebody", "a friend", "a child", "a pupil",
                                                           "a young person") for verb in ("tells you", "says"))
_LOOKED_LIKE = "".join(f"(?<!looked like {who} )" for who in ("he", "she", "they", "i"))
_SELF_HARM = _g(
    r"\b(?:kill(?:ing)? my ?self(?! (?:laughing|with laughter|lol|lmao|😂|🤣))|k\*ll my ?self|kms|unaliv(?:e|ing) my ?self|unalive me|end(?:ing)? it all|"
    # a fright or a face is not a wish: "I genuinely thought I was going to die" on a dry slope, a teacher who "looked
    # like he wanted to die" in a rival's shirt, "i want to die (in game)" (eight harmless labelled posts, no risk),
    # "I want to die (of embarrassment)" at a canal lock (round 103),
    rf"end(?:ing)? my (?:life|own life)|take my (?:own )?life|(?:{_TOLD_YOU}{_LOOKED_LIKE}(?:want|wanted|need) to (?:die|end it)|"
    # nor someone else's death foretold: "That bend by the Lea Cross pub is a killer. Someone's going to die on it
    # before the council lifts a finger" (round 137): over 200,740 labelled posts no risk to a child says it
    r"(?<!\ball )" + _not_after("thought i was", "thought we were", "thought i were", "someone's", "someones",
                                 "somebody's", "somebodys", "someone is", "somebody is")
    + r"(?:going|gonna) to (?:die(?! if\b)|end it))"
    # nor a book that moved its reader, "i want to die (affectionate)" (round 141),
    # nor an exam: "im going to die in chemistry tomorrow. on my gravestone put 'she never found out what a mole was'"
    # nor a blush: "i wanted to die on the spot, he trod on my foot four times" at a prom (round 183), nor a day
    # without a phone: "I'm literally going to die without my phone for six hours. pray for me 💀" (round 199)
    r"(?! (?:without (?:my|a|the|our|me) (?:\w+ )?(?:phones?|mobile|wi-?fi|coffee|tea|brew|charger|ipad|switch|xbox|"
    r"ps5|snacks?|chocolate|caffeine|laptop|airpods|headphones|tiktok|snap)\b|of|o'?\b|laughing|lol|lmao|on (?:that|this|the) hill|on the spot|there and then|\((?:in[- ]?game|football wise|of\b|affectionate\w*|positively|lovingly|in a good way|not literally)|in (?:the |my |this |that |"
    r"tomorrow'?s |today'?s )?(?:exams?|mocks?|paper|test|chemistry|maths|physics|biology|english|french|german|spanish|"
    r"history|geography|science|pe|drama|music|re|lesson|class|assembly|interview|presentation|listening|speaking|oral|"
    # or the hall the exam is sat in: "I'm going to die in that hall tomorrow. write on my gravestone 'she forgot the
    # quadratic formula'" (round 213)
    r"(?:exam |sports |main )?hall)s?\b|"
    # nor a race: "I'm going to die at 5k. Tell my family I loved them and that I only entered because of the free
    # banana" (round 112)
    r"(?:at|by|on|in|before) (?:the |this |that |my )?(?:\d+ ?(?:k|km|miles?)|parkrun|park run|halfway|half way|"
    r"start(?:ing)? line|finish(?:ing)? line|cross[- ]country|xc|bleep test|beep test|mile \d+|hill (?:start|sprints?)|"
    # nor the last mile of one, or the floor of a sports hall: "I'm going to die on the last mile on Saturday, I just
    # know it. Tell my mum I loved her", "i am actually going to die on that sports hall floor" (round 237)
    r"(?:last|final|first) (?:mile|lap|hill|climb|km|leg|stretch|rep|set)|(?:sports hall|gym) floor|mat|track|"
    r"race|run|marathon|half marathon|fun run)\b))|"
    r"wanna die(?! (?:of|laughing|lol|lmao)\b)|wish i (?:was|were) dead|wish i (?:wasn'?t|was never|had never been) (?:here|alive|born)|"
    r"(?:don'?t|dont|do not) want to (?:be here|live|be alive|exist|wake up)(?: anymore| any more)?|"
    r"no (?:reason|point) (?:to live|in living|living|going on)|better off (?:without me|dead|if i was dead)|"
    r"(?:i|i'?ve|been|i'?m|started|keep|stop) self[- ]?harm(?:ing|ed)?|"
    r"(?:i|i'?ve|been|i'?m|started|keep|stop) cutting (?:again|myself|my ?self)\b|"
    r"(?:i'?ve been|i have been|i'?m|im|i am|i keep|i started|i'?ve started) cutting(?= *(?:[.!?,]|$))|"
    # never a style so sharp "I cut myself just looking at it" (round 111)
    r"cut(?:ting)? (?:my ?self(?! (?:just )?look(?:ing|in) at\b)|my (?:arms?|wrists?|legs?|thighs?))|hurt(?:ing)? my ?self|"
    r"burn(?:ing)? my ?self|"
    # a sharp thing pressed into the writer's own skin: "dug my compass in my wrist"
    r"(?:dug|dig|digging|digs|pressed|pressing|jabbed|jabbing|scratched|scratching|scraped|scraping|carved|carving|dragged|dragging) "
    r"(?:a |the |my )?(?:compass|compasses|scissors|blade|razor|sharpener blade|pencil sharpener|safety pin|pin|needle) "
    r"(?:in|into|across|along|over) my (?:wrists?|arms?|legs?|thighs?|skin|stomach|hips?)|"
    r"(?:took|taken|take|taking|gonna take) (?:an )?overdose|overdos(?:ed|ing)|i'?m suicidal|(?:i|i'?m|im|i am) (?:feel(?:ing)?|am feeling) suicidal|"
    r"(?:took|taken|swallowed|downed) (?:a load of|loads of|all (?:my|the|of my)|a bunch of|too many|a handful of|a whole (?:box|packet) of|\d{2,3}|"
    r"(?:ten|twelve|fifteen|twenty|thirty|forty|fifty)) (?:of (?:my |the |mums? |dads? )?)?(?:pills|tablets|paracetamol|painkillers|meds|sleeping pills|ibuprofen)|"
    r"(?:everyone|everybody|they|people|my family) would be better off (?:if i (?:just )?(?:disappeared|was gone|were gone|"
    r"wasn'?t here|weren'?t here|died|was dead|wasn'?t around)|without me)|"
    r"sewer ?slid(?:e|ing)|not (?:going to )?be (?:here|around|alive) (?:tomorrow|much longer|by monday|next week)|"
    # the writer's own intent, never how a player lost a game ("whoever lost us the last game by jumping off the
    # bridge", round 103), a bereaved mother asking lads "to stop jumping off the bridge" into the river (round 111),
    # a river-safety talk or Javert in Les Mis: over 164,260 labelled posts no critical post says it otherwise
    r"(?:i'?m|im|i am|i'?ll|ill|i will|i'?d|id|i could|i might|gonna|going to|want to|wanna|thinking (?:of|about)|"
    r"should)(?: just)? (?:jump|jumping) (?:off|in front of) (?:a |the )?(?:bridge|train|building|roof)|"
    # laundry, not a rope: "Gonna hang myself... on the washing line with the rest of the PE kits" (round 105)
    r"hang(?:ing)? my ?self(?!\W{0,6}(?:on|with|next to|beside) (?:the )?(?:washing|laundry|clothes ?line|airer|rest of the))|"
    r"goodbye (?:everyone|forever|world|cruel world)(?= *(?:[.!?,]|$|x+\b))|(?:can'?t|cannot) go on(?: anymore| like this)?|"
    r"suicide note|(?:nobody|no one|noone) would (?:even |really )?(?:miss me|notice|care if (?:i|me)\b)|"
    r"(?:i )?(?:just )?want (?:it all|everything) to (?:stop|end)(?: forever| for good)?(?= *(?:[.!?,]|$))|"
    r"(?:tired|sick) of (?:being alive|living|life)(?= *(?:[.!?,]|$))|(?:i'?m|im|i am) done with (?:life|living)\b|"
    r"(?:nobody|no one|noone) would care if i (?:died|was gone|disappeared))\b",
    "compass compasses scissors blade razor sharpener pin needle myself self kms unalive unaliving end ending life die dead wish alive exist wake live living reason point better harm harming harmed selfharm selfharming cutting cut hurt hurting burn burning overdose overdosed overdosing suicidal pills tablets paracetamol painkillers meds sewerslide sewer slide sliding tomorrow longer monday week jump jumping hang hanging goodbye go note miss notice care anymore stop tired sick done"
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
# (not a coach's "suicide sprints", nor a "suicide run" to make the bell: round 68; nor "either genius or career
# suicide" for an email to an admissions tutor, a social or a fashion suicide: round 95)
_SELF_HARM_TOPIC = _g(r"\b(?:self[- ]?harm\w*|" + _not_after("career", "social", "political", "commercial", "fashion")
                      + r"suicid\w+(?! (?:runs?|sprints?|drills?|shuttles?)\b)|overdose)\b",
                      "self selfharm selfharming overdose", "suicid")
#: a deed called suicide, the way a rash move is ("casting into that wind was suicide, every fly came back", round 111;
#: "going out in that was suicide"): the topic word is a verdict on what someone did, not the writer's intent
_DEED_CALLED_SUICIDE = _rx(r"\b\w+ing\b[^.!?\n]{0,40}\b(?:was|is|would be|would have been|'s) (?:absolute |pure |literal |"
                           r"total |basically |actual )?suicide\b(?! (?:notes?|letters?|attempts?|watch|risk)\b)")
_INCITE_SELF_HARM = _g(
    r"\b(?:kys|kill (?:yo)?ur ?self|k\*ll (?:yo)?ur ?self|(?<!going to )(?<!gonna )(?<!i'll )(?<!ill )(?<!i will )go (?:and )?die|unalive (?:yo)?ur ?self|neck (?:yo)?ur ?self|"
    r"hang (?:yo)?ur ?self|drink bleach|go jump off|nobody would miss (?:you|u)|do (?:us|everyone) a favou?r and die)\b",
    "kys kill k yourself urself ur your die neck hang bleach jump miss favour favor"
)
#: who a child says hurts them: "my stepdad", "me mam's boyfriend", "he", "an older lad"
_ABUSER = (r"(?:(?:my|me) (?:dad|mum|mom|step ?dad|step ?mum|uncle|brother|cousin|mum'?s boyfriend|mums boyfriend|"
           r"dad'?s girlfriend|carer|foster (?:dad|mum|carer)|grandad|grandpa|nan|auntie|aunt|stepbrother)|he|she|they|"
           r"someone|an adult|a man|an older (?:boy|man|lad))")
_ABUSE = _g(
    rf"\b{_ABUSER}\s+(?:\w+\s+)?(?:hits|hit|beats|beat|punches|punched|kicks|kicked|"
    r"burns|burned|hurts|hurt|touches|touched|rapes|raped|abuses|abused|molests|molested|chokes|strangles|locks|"
    r"locked|starves|threatens|threatened|films|filmed)\s+me\b"
    # never a game lost: "my nan beat me at mario kart and then blue shelled me AGAIN" (round 201; over 276,260
    # labelled posts fourteen harmless posts say someone beat them at a game, and no risk)
    r"(?!\s+(?:at|in|on)\s+(?:mario ?kart|\w+ ?kart|fifa|chess|monopoly|uno|scrabble|cards|pool|darts|snooker|tennis|"
    r"badminton|ping ?pong|table tennis|golf|bowling|connect (?:4|four)|a game|a race|every game|the game|cod|fortnite|"
    r"minecraft|rocket league|wordle|the quiz|a quiz|arm wrestling|rummy|dominoes|checkers|draughts|tekken|"
    r"street fighter|smash)\b)|"
    # what a parent "makes me" do, but not a threat to sulk if they do ("if my mum makes me do lido at 7am again i'm
    # going to combust", "i swear to god if my mum makes me go to my cousin's christening i'll simply perish": round 83)
    rf"(?<!\bif )\b{_ABUSER}\s+(?:\w+\s+)?makes\s+me\b|"
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
    "me home food makes made strip naked undress raped abused assaulted molested groomed trafficked scared uncle dad stepdad step stepmum stepmom boyfriend mum mom brother cousin grandad carer foster"
)
_GROOMING = _g(
    r"\b(?:our (?:little )?secret(?! (?:santa|recipe|ingredient|weapon|garden|passage|door|is (?:finally )?out|'?s (?:finally )?out))|(?:don'?t|do not|not to|never) tell (?:your|ur|yr|his|her|their) (?:mum|mom|dad|parents|teachers?|family)|"
    r"(?:a man|an adult|a stranger|an older (?:man|guy|lad|boy)|some (?:man|guy|bloke|adult)) (?:keeps |has been |is |kept )?"
    r"(?:messag|dm|contact|snapchat|add|follow|text)\w* (?:my|our) (?:son|daughter|child|kid|boy|girl)|"
    r"(?:send|sending|snd) (?:me )?(?:nudes|a nude|pics of (?:you|u|ur|your)|a pic of (?:you|u|ur|your)|naked|"
    r"a photo in your)|"
    # photos of yourself asked for, next to the request or apart: "send me photos of you", "Send them to my personal
    # address ... along with a few photos of yourself for the byline. Maybe some more relaxed ones" (round 62); never
    # a school's "send us / send in a photo of you in your costume", nor "yourselves"
    r"(?:send|sending|snd)\b(?! (?:us|in)\b).{0,100}\b(?:photos?|pics?|pictures?|selfies) of (?:you|u|yourself|ur ?self)\b|you look (?:so )?(?:mature|older|grown up) for (?:your|ur) age|"
    r"are (?:you|u) home alone|how old (?:are|r) (?:you|u)\b.{0,40}\b(?:meet|dm|snap|pics?|address|alone)|"
    r"(?:meet|meet up|come over).{0,40}(?:don'?t tell|secret|alone|no one has to know)|"
    r"delete (?:these|our|the|this) (?:messages|chats?|convo)|no one (?:has|needs) to know|"
    r"telling (?:her|him|me|them|my \w+) (?:not to|to not|never to) tell (?:anyone|anybody|(?:her|his|their|my) (?:mum|mom|dad|"
    r"parents))|"
    r"(?:asked|asks|told|tells|made|makes|wants|wanted|begged) (?:me|my (?:son|daughter|child|kid)|her|him) (?:not to tell|"
    r"to keep (?:\w+ ){0,3}(?:a )?secret|to delete (?:our|the|his|her|their) (?:messages|chats?|texts|snaps))|"
    r"keep(?:ing)? (?:our|the|these|those|his|her) (?:messages?|chats?|texts?|snaps?|relationship|friendship|meetings?|"
    r"photos?|pics?) (?:a )?secret|"
    # an adult who promises to keep a child's visit or their meetings from the school ("we will keep your visit a
    # secret from the school"); not a surprise kept from the parents ("keep the cards a secret from your mums")
    r"(?:we'?ll|we will|i'?ll|i will|let'?s|we can|you can|u can|we must|you must|u must|we should|we'?re going to|we are going to|gonna) keep (?:\w+ ){0,2}?(?:a )?secret from (?:the school|school|(?:your|ur|the) (?:teachers?|school|staff|head))|"
    r"i('?ll| will) (?:buy|give|get) (?:you|u) .{0,30}(?:if you|if u|for pics|for a pic))\b",
    "telling asked asks told tells made makes wants wanted begged keep keeping secret tell send sending snd mature older grown alone old meet delete know buy give get messaging messages message messaged dm dms dming contact contacting contacted snapchat snapchatting add adding added follow following text texting texted"
)
_GROOMING_TOPIC = _g(
    r"\b(?:being groomed|been groomed|groom(?:ing|ed|s)? (?:my|our|a|the|her|him) (?:son|daughter|child|kid|pupil|girl|boy|students?|pupils?|kids|children)|"
    # never a dog's or a horse's groomer ("anyone know a decent dog groomer in ashton?", a careers fair's "dog groomers":
    # round 81), nor the groomer's van a dog went into "a big fluffy monster" (round 112)
    r"(?<!\bdog )(?<!\bdogs )(?<!\bdog-)(?<!\bpet )(?<!\bhorse )(?<!\bmobile )(?<!\bpony )groomer(?!s? (?:for|in) (?:dogs|pets|horses))(?!'?s'? (?:van|salon|shop|parlour|table))|"
    r"groomed (?:her|him|me|my|a))\b",
    "groomed grooming groomer groom grooms"
)
# "my" and "her" name a child only before a child or a part of one: "touched my son", "grabbed her by the arm",
# "messaging her on snap", "put his hands on her leg"; before anything else they are a thing's owner ("confiscate the
# staff kettle if anyone else touches her mug", "will end anyone who touches her new laminator": round 66)
_A_CHILD_OR_BODY = (r" (?:[\w'-]+ )?(?:sons?|daughters?|child|children|kids?|boys?|girls?|lads?|lass|baby|bairn|little one|"
                    r"brother|sister|bro|sis|siblings?|twins?|step(?:son|daughter)|youngest|eldest|oldest|cousin|"
                    r"nephew|niece|grand(?:son|daughter|child|kid)|friend|mate|pal|bestie|\d+ ?(?:yo|y/o)?|"
                    r"[\w]+-year-old|(?:\d+ )?(?:year|yr) old|arms?|legs?|thighs?|knees?|bum|bottom|backside|back|chest|"
                    r"breasts?|boobs?|waist|neck|throat|face|cheek|hands?|wrists?|shoulders?|hair|head|skirt|"
                    r"dress|top|shirt|lap|trousers)(?:'?s)?\b")
#: what follows "her" when it names a thing of hers: a word that is neither a child, a body part nor a connective
_NOUN_AFTER = (r" (?!(?:on|by|about|again|when|late|at|in|and|after|before|during|while|for|over|up|down|under|every|"
               r"all|because|so|then|too|to|with|from|into|round|around|through|repeatedly|constantly|privately|"
               r"saying|telling|asking|calling|or|but|that|if|as|like|once|twice|last|this|yesterday|today|"
               r"tonight|\d+)\b)[a-z'\"]")
_STAFF_ALLEGATION = _g(
    rf"\b{_STAFF}(?: [a-z]+)?\b.{{0,30}}\b(?:keeps |kept |has been )?(?:send(?:s|ing)?|sent) (?:me|my \w+|pupils|students|girls|boys|kids) "
    r"(?:messages|snaps|pics|photos|dms|texts|videos)\b.{0,20}\b(?:on (?:snap|snapchat|insta|instagram|whatsapp|tiktok)|at night|late|"
    r"privately|in private)|\b"
    rf"{_STAFF}(?: [a-z]+)?\b.{{0,30}}\b(?:touched|touches|touching|groped|gropes|molested|molests|abused|abuses|"
    r"assaulted|slapped|slaps|hit|hits|punched|grabbed|grabs|kissed|kisses|sexted|sexts|flirts with|flirting with|"
    r"(?:put|puts|putting|placed|rested|had|keeps putting) (?:his|her|their) hands? (?:on|up|down|under)|"
    r"sends? (?:pics|photos|messages) to|messag(?:ed|es|ing)|text(?:s|ed|ing)|dm(?:s|ed|'?d)|snapchat(?:s|ted)?|filmed|films)"
    rf" (?:me|my(?={_A_CHILD_OR_BODY})|him|her(?:(?={_A_CHILD_OR_BODY})|(?!{_NOUN_AFTER}))|them|"
    r"a (?:pupil|student|child|girl|boy|kid|year \d+)|pupils|students|children|kids|girls|boys|"
    r"year \d+|the (?:kids|girls|boys|pupils|students))\b"
    # never a game's shell or a sponge at the fair: "mrs kaur hit me with a blue shell on the final lap" (round 205)
    r"(?! with (?:a |the |an )?(?:blue |red |green |wet )?(?:shell|banana|snowball|water balloon|pillow|nerf dart|"
    r"dodgeball|sponge|custard pie|pie)s?\b)|"
    r"\b(?:he|she|they|a man|an adult|a stranger|some (?:man|guy|bloke)|(?:my|her|his) (?:step ?dad|uncle|coach|tutor))"
    r"(?: \w+)? (?:put|puts|putting|placed|had|keeps putting) (?:his|her|their) hands? (?:on|up|down|under) (?:my|her|his|a) "
    r"(?:\w+'?s )?(?:thigh|leg|knee|bum|bottom|backside|chest|breasts?|boobs?|waist|skirt|dress|top|shirt|lap|trousers)\b",
    "mr mrs miss ms sir dr teacher teachers headteacher head headmaster headmistress deputy governor governors senco tutor staff dinner caretaker coach principal ta assistant hand hands"
)
# a member of staff or a coach who hits a child or shuts one in: "the coach gave my son a slap round the head",
# "shut a 9 year old in the store cupboard for an hour" (not a lockdown drill)
_CHILD = (rf"(?:(?:my|our|a|the|her|his|their|one|some|two|three|little) )?(?:(?:little|young|new|junior|sen|send|autistic|disabled|younger|older) )?(?:son|daughter|child|kid|boy|"
          rf"girl|lad|lass|pupil|student|\d+ ?(?:year|yr)[- ]old|{_YEAR}|little one|juniors?|kids|children|pupils|students|boys|"
          r"girls|lads)|him|her|them|me|us")
_BY_STAFF = rf"\b(?:{_STAFF}|instructor)(?: [a-z]+)?\b.{{0,30}}\b"
_STAFF_HARM = _g(
    rf"{_BY_STAFF}(?:gave|gives|giving|give) (?:{_CHILD}) (?:a |another )?(?:slap|smack|"
    r"clip round the (?:ear|head)|whack|thump|punch|backhander|clout)\b|"
    rf"{_BY_STAFF}(?:shut|locked|locks|shuts|locking|shutting) (?:{_CHILD}) in (?:the|a) "
    r"(?:\w+ )?(?:cupboard|store ?room|stores?|stock ?room|storage|room|toilets?|shed|cage|sauna|changing rooms?|office|"
    r"dark|car|van|boot|cellar|basement)\b"
    r"(?!.{0,60}\b(?:lockdown|drill|fire alarm)\b)|"
    # a child pinned or thrown against a wall by staff (round 81: "miss d pinned ellis against the wall by the dog
    # kennel n said 'tell anyone n ur next'"; 11 labelled posts, all risks, none harmless); pushed, shoved or thrown
    # only with a child named as such: never "Mr Hill pushed the tables against the wall"
    rf"{_BY_STAFF}(?:(?:pinned|pins|pinning) (?:\w+ ){{0,2}}?(?:up )?against|"
    rf"(?:pinned|pins|pinning|pushed|shoved|slammed|threw|thrown) (?:{_CHILD})(?: \w+)? (?:up )?(?:against|into)) "
    r"(?:the|a) (?:wall|lockers?|door|fence)\b",
    "slap smack clip whack thump punch backhander clout shut locked locks shuts locking shutting pinned pins pinning "
    "pushed shoved slammed threw thrown",
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
    rf"{_YEAR}|child|kid|girl|boy)\b|"
    r"\b(?:man|men|bloke|guy|stranger|someone|somebody|woman|person)\b.{0,40}\b(?:hanging (?:around|round|about)|"
    r"loitering|lurking|parked (?:up )?outside|sat outside|sitting outside|watching)\b.{0,60}\b(?:taking|took|takes) "
    r"(?:photos|pictures|pics|videos|footage) of (?:the |our |my |some )?(?:children|kids|pupils|students|girls|boys|year \d+s?)\b",
    "giving buying sending offering bringing gives buys sends offers gave bought sent offered van car truck hanging loitering lurking parked sat sitting watching",
)
# a man hanging round the school gates, reported and not dealt with (round 81: "the man hanging round the gates
# 'scouting'. I've reported him at reception three times"; 6 labelled posts, all risks, none harmless)
_STRANGER_AT_THE_GATES = _g(
    r"\b(?:man|men|bloke|blokes|guy|fella|adult|stranger|someone)\b.{0,30}\b(?:hanging|hangin|loitering|lurking|"
    r"hovering|hangs|hung) (?:a)?round (?:outside )?(?:the |our )?(?:school )?(?:gates?|playground|railings)\b"
    # never a parent at home time ("the men hanging round the gates at pick-up talking football")
    r"(?!.{0,60}\b(?:pick ?-?ups?|picking up|home time|hometime|to collect|collecting|waiting for (?:his|their|the) "
    r"(?:kids|children|son|daughter|child|grandkids))\b)",
    "man men bloke blokes guy fella adult stranger someone",
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
_STAFF_PAEDO = _g(
    rf"\b(?:{_STAFF}(?: [a-z]+)?|he|she|he'?s|she'?s|@\w+|(?:the )?(?:guy|bloke|fella|geezer)(?:'?s| is|s)?)\s+"
    r"(?:is |'?s |is such |is an? |'?s an? )*(?:a |an )?"
    r"(?:paedo|pedo|nonce|paedophile|pedophile|child abuser|child molester|groomer|predator|kiddie fiddler)\b",
    "paedo pedo nonce paedophile pedophile abuser molester groomer predator fiddler"
)
#: after "my son's", a person ("my son's friend has been missing since Sunday"), not a thing ("my son's coat has gone
#: missing again", "my daughter's dinner money went missing")
_NOT_A_BELONGING = (r"(?!'?s (?!(?:best |little |older |younger |big |new )?(?:friends?|mates?|pals?|classmates?|"
                    r"girlfriend|boyfriend|brother|sister|cousin|year|class|form|been)\b))")
_MISSING = _g(
    r"\b(?:my|our) (?:son|daughter|child|kid|boy|girl|little one|\d+ ?(?:year|yr) old)\b" + _NOT_A_BELONGING +
    r".{0,30}\b(?:is|has gone|went|"
    r"has been|been|gone|still) missing\b|\b(?:hasn'?t|has not|didn'?t|did not|never) (?:come|came|got|get|arrived?) "
    r"home\b(?! from (?:the |a )?(?:wars?|front|somme|trenches|battle\w*|great war|flanders|ypres|passchendaele|"
    r"normandy|western front|falklands|afghanistan|iraq|sea|pits?|mines?)\b)|\bmissing (?:child|pupil|schoolgirl|schoolboy|teen|teenager|student)\b(?! (?:drills?|procedures?|polic(?:y|ies)|protocols?|practice|training|plans?)\b)|\bhas anyone seen (?:him|her|"
    r"this (?:boy|girl|child|kid)|my (?:son|daughter|child|boy|girl)\b(?!'s))|"
    # a child running away, not why "children run away from home" in an assembly or a sleep-out's post (round 96)
    r"\b" + _not_after("children", "kids", "people", "teenagers", "teens", "pupils", "youngsters")
    + r"(?:ran|run|running) away from home\b|"
    r"\b(?:my|our) (?:son|daughter|child|kid|boy|girl|little one|\d+ ?(?:year|yr) old)(?:'?s| has| is)? (?:run|ran|running) "
    r"away\b(?! with)",
    "missing home seen away"
)
#: a child missing told as news or asked about: "a kid went missing during the world book day parade", "why a Year 8
#: walked out of the library at lunch and still hasn't been found", "the third time the lad has gone missing". Not
#: in an awareness post or a lesson ("our devised piece is about a girl who goes missing after a party"), not once
#: the child is found ("_FOUND_SAFE"), not a journalist's question (a media enquiry, which goes to the head), and
#: never what the child owns ("a shame if his bike went missing"), nor a child who might go missing ("if your child goes
#: missing over the holidays, call 999", "if a child is missing, call 999 first": round 75; "if you think a child is missing or
#: being exploited, call 999": round 221)
_MISSING_REPORTED = _g(
    r"\b" + _not_after(r"\bif", r"\bif you think", r"\bif you suspect", r"\bif you believe", r"\bif you fear")
    + rf"(?:a|the|one|that|this|another|their|her|his) (?:(?!if\b)\w+ ){{0,3}}?(?:kid|child|pupil|boy|girl|lad|lass|student|"
    rf"teen|teenager|{_YEAR}|toddler|schoolgirl|schoolboy)\b(?:(?!\b(?:his|her|their|my|your|its)\b)[^.!?]){{0,60}}?"
    r"\b(?:(?:has gone|had gone|went|is|was|been|"
    r"has been|still|gone|go|going|reported|goes) missing|(?:still )?(?:hasn'?t|has not|haven'?t|have not|not yet) "
    r"been (?:found|seen|traced|located))\b",
    "missing found seen traced located"
)
#: a lost child asked after at an event, or a named child searched for: "Lost child at the fete!! Little boy approx 5
#: ... please bring him to the PTA gazebo", "Still no sign of Jayden. Police were on the site with torches", "Any
#: update on the Bancroft Green lad? Saw the search team and the dog out on the common" (a child asked after while a
#: search is out; never "send a search party" said of a lost register or a rabbit: a child must be asked after)
_SEARCH_OUT = (r"(?=(?s:.*)\b(?:search (?:team|teams|party|parties|and rescue)|police (?:dogs?|helicopter|heli|divers?|search)|"
               r"sniffer dogs?|(?:the |a )?(?:helicopter|heli) (?:out|up|overhead|over|circling|going round))\b)")
#: what a parent or a passer-by says of a lost child: a plea, what the child answers to or is wearing, where last seen
_LOST_DESCRIBED = (r"(?:please|answers to|approx\w*|aged|about \d|last seen|wearing|if you see|bring (?:him|her)|"
                   r"have you seen|anyone seen)")
_LOST_CHILD = _g(
    # never what to do with one: "lost child procedure" in a volunteers' safeguarding refresher (round 112)
    r"\blost (?:little )?(?:child|boy|girl|kid|toddler)\b(?! (?:procedures?|polic(?:y|ies)|protocols?|drills?|"
    r"points?|plans?|tents?|areas?|stations?|desks?)\b)"
    rf"(?=.{{0,120}}?\b{_LOST_DESCRIBED}\b)|"
    r"\b(?:still )?no sign of (?!(?:the|it|any|him|her|them|that|this|life|improvement|rain|snow|stopping|change|"
    r"a|an|anything|anyone|trouble)\b)[a-z]+\b(?=.{0,120}?\b(?:police|search\w*|torches|missing|last seen|"
    r"looking for (?:him|her)|(?:not|hasn'?t|has not|never) come home)\b)|"
    rf"^{_SEARCH_OUT}(?s:.*?)\b(?:any (?:update|news|word)s? (?:on|of|about)|is (?:it|this|that) (?:for|about)|if it'?s|"
    r"looking for|searching for|hearing|heard) (?:the|that|a|this) (?:\w+ ){0,3}?(?:lad|lass|boy|girl|kid|child|"
    r"little one|pupil|student|teen|toddler|year \d+)\b|"
    # a child lost told as a scene (round 63): "Lost a 5 year old at the Kilnfield Christmas fayre. Dark blue coat ...
    # If you see him hold on to him PLEASE", "my 5 year old has slipped off from the photo queue ... and nobody can find
    # him", "asking if anyone's seen her youngest"; never "I've lost my child to Call of Duty", nor a child who died
    # ("we lost our little boy in 2019, please give to the hospice")
    r"\b(?:lost|can'?t find|cannot find|can not find) (?:a|my|our) (?:little )?(?:\d+ ?(?:year|yr)[- ]?old|toddler|"
    r"little (?:boy|girl|one)|son|daughter|child|kid|youngest|eldest)\b(?!'s| to\b)"
    r"(?!.{0,160}?\b(?:died|passed|death|(?:years?|months?|weeks?) ago|last year|in (?:19|20)\d\d|cancer|illness|stillborn|miscarriage|"
    rf"angel|memory|memorial|funeral|hospice|grief|bereave\w*)\b)(?=.{{0,160}}?\b{_LOST_DESCRIBED}\b)|"
    r"\b(?:has|had|have) (?:slipped|wandered|run|gone|snuck|sneaked) off\b.{0,80}\b(?:nobody|no one|no-one|can'?t|"
    r"cannot) (?:can )?find (?:him|her|them)\b|"
    r"\b(?:anyone|anybody|any1)(?:'s| has| had)? seen (?:her|his|their) (?:youngest|eldest|little (?:one|boy|girl|lad|"
    r"lass)|son|daughter|\d+ ?(?:year|yr)[- ]?old|toddler|boy|girl)\b(?!'s)|"
    # the police searching for a child, told by the school or the news (round 77: "We are currently supporting police
    # to locate one of our pupils ... call 101"; "Police are appealing for help to find a 15-year-old boy"): never a
    # child's lost things ("police helped find a Year 7's bike")
    r"\b(?:police|officers)\b[^.!?]{0,40}?\b(?:locate|trace|find|searching for|looking for|search for|look for) "
    r"(?:one of (?:our|their|the school'?s) (?:pupils|students|children)\b|(?:a |an |our |the |this )?(?:missing )?"
    r"(?:[\w-]+ ){0,2}?(?:pupil|student|child|boy|girl|teen|teenager|schoolboy|schoolgirl|lad|lass)\b(?!'s))",
    "lost no search police sniffer helicopter heli find seen officers"
)
_FOUND_SAFE = _rx(r"\b(?:found|home|back|returned|is|are|was) (?:safe|safely|and well)\b|\bsafe and well\b|"
                  r"\b(?:has|have|had) been found\b|\bnow found\b|\breunited\b|\bfound ?!")
# what exploitation looks like: children paid to carry, girls passed round, older men and schoolgirls. Not the topic's
# bare name: "county lines" alone was a PSHE lesson, a parents' talk, a leaflet or a journalist's feature in 35 of the
# labelled posts it raised, and no critical post needed it (the heads read the ones that are exploitation)
_EXPLOITATION = _g(
    r"\b(?:running|selling|carrying|holding|moving|dropping) (?:drugs|packages|parcels|a package|"
    r"a parcel|bags|weed|stuff) for (?:him|them|some|older|a gang|these)|\b(?:paid|pays|paying) (?:me|us|kids|him|"
    r"her) to (?:carry|deliver|hold|sell|drop)|\b(?:paid|pays|paying|payin|pay|using|uses|used|recruiting|recruited) "
    rf"(?:\w+ ){{0,2}}?(?:kids|children|pupils|students|boys|girls|{_YEAR}|young (?:lads|people|ones))"
    r"(?: (?:from|at|in) [\w ]{1,25}?)? to (?:carry|deliver|hold|sell|drop|run|move|stash|take) ['‘\"“]?(?:\w+ )?(?:packages?|"
    r"parcels?|drugs|bags?|stuff|gear|weed|wraps|phones?)\b|"
    r"\b(?:girls?|she|her|year \d+ girls?)\b.{0,30}\b(?:being|getting|been|was|were) passed (?:a)?round\b|"
    r"\b(?:been|being|getting|got) passed (?:a)?round (?:half|all|most|every|by|the)\b|"
    r"\bpass(?:ed|ing) (?:her|them|girls|the girls) (?:a)?round\b|"
    r"\b(?:(?:1[89]|[2-9]\d) ?(?:year old|yr old|yo|y/o)|older|grown) (?:lads?|men|man|boys?|guys?|blokes?)\b.{0,40}\b(?:picking up|"
    r"picks up|picked up|giving lifts to|gives lifts to|driving|meeting|meets|dating|going out with|seeing|messaging|"
    r"hanging (?:around|round|out) with) (?:\w+ ){0,2}?(?:year (?:[5-9]|1[01]) girls?|girls? in year (?:[5-9]|1[01])|"
    r"schoolgirls?|(?:1[0-5]|thirteen|fourteen|fifteen|twelve) ?(?:year old|yr old|yo)s?|underage girls?)\b|"
    r"\bolder (?:lads|men|boys|guys|blokes)\b.{0,60}\b(?:year (?:[7-9]|1[01]) girls|underage girls|young girls|"
    r"schoolgirls)\b.{0,40}\b(?:parties|party|cars?|flats?|vodka|alcohol|drink|drugs)\b|"
    # never a whole staff room "all been radicalised" by a teacher's ABBA playlist (round 112)
    r"(?<!all been )(?<!all got )\bradicalis(?:ed|ing)|(?<!all been )(?<!all got )\bradicaliz(?:ed|ing)",
    "drugs packages parcels package parcel bags weed stuff paid pays paying payin pay using uses used recruiting "
    "recruited passed passing older old yo grown",
    "radicali radicaliz"
)
# a child with an adult partner: "she's only 14 and he's 25" (no awareness words change what this is)
_AGE_GAP = _g(
    r"\b(?:she'?s|she is|he'?s|he is|only|just|aged) (?:1[0-5]|twelve|thirteen|fourteen|fifteen)\b.{0,40}\b(?:he'?s|he is|"
    r"she'?s|she is|boyfriend is|girlfriend is|and he'?s|and she'?s|with a) (?:1[89]|[2-9]\d)\b",
    "she he only just aged shes hes",
)

_FIRST_PERSON = _rx(r"\b(?:i|i'?m|im|me|my|myself|i'?ve|i'?d|i'?ll)\b")

#: the war dead: "41 lads from this town never came home" on a war-memorial project is not a child missing now, nor
#: the aircrews of Bomber Command who "never came home" (round 67), nor the lads who landed on Gold Beach in 1944, nor
#: a trawler's crew
_WAR_DEAD = _rx(r"\b(?:war memorials?|cenotaph|ww ?[12]|wwi|wwii|world war (?:one|two|1|2|i|ii)|(?:first|second|great) "
                r"world war|the great war|centenary|remembrance|the fallen|poppies|poppy|armistice|trenches|the somme|"
                r"passchendaele|ypres|d-day|bomber command|air ?crews?|killed in action|the blitz|lest we forget|"
                # and the veterans who came back changed ("veteran suicide is real and too many lads never come home
                # properly", a sponsored march to an RAF memorial, round 185)
                r"veterans?|(?:raf|army|navy|naval|forces) memorial|"
                # the years of the two wars and the Normandy beaches (round 78: "two Knaresborough lads who landed
                # there in 1944 and never came home", read to Year 11 on Gold Beach)
                r"191[4-8]|19(?:39|4[0-5])|(?:gold|sword|juno|omaha|utah) beach|dunkirk|"
                # the sea and the pits (round 86: a museum visit on "the trawler disasters ... crews who never came
                # home to Hessle Road")
                r"trawler\w*|cod wars|maritime museum|lost at sea|(?:pit|mining|colliery|lifeboat) disasters?)\b")


#: Advice that quotes what a child might say: "if your teen ever says 'I wish I wasn't here', don't panic". The quote
#: is blanked before the rules read the post, so the rest of it still counts. Only "your", "my" or "our" child: "if a
#: kid says their dad hits them" is how a disclosure is asked about, and stays.
_QUOTED_IN_ADVICE = _rx(r"\bif (?:your|my|our) (?:child|teen|teenager|kid|son|daughter|young person|pupil|student|"
                        r"friend|mate)s? (?:ever )?(?:says?|said|tells? you|mentions?|talks? about|writes?|posts?),? "
                        r"(?:something like,? )?['\"].{1,80}?['\"](?=[\s,.!?;:]|$)")

#: Where a post points the reader to help, after their feeling is named: "please talk to", "ring", "text" (each use
#: below ends the group with its own further words and ``)(?! me\b)``: "text me" is an offer, not a helpline).
_HELP_OFFERED = r"(?:please |then |do |just )?(?:talk to|speak to|reach out|tell|call|ring|text|contact|"

#: The reader's feelings named to point them to help: "if you feel like you can't go on, please talk to someone",
#: "if you're struggling, if you feel like ending it all, there are people who will listen", "raising money for
#: people who feel like they can't go on". Blanked like a quoted disclosure: the words are nobody's own, and the rest
#: of the post still counts. Only where help follows, and never "talk to me", "text me": that is an offer to a
#: child, not a helpline (round 79; over 122,020 labelled posts it quiets 4 harmless posts and no risk).
_SIGNPOSTED_FEELING = _rx(
    r"\bif (?:you|u|you'?re|ur|anyone|someone|a friend|your child|a young person)(?: (?:ever|are|is|'re|re|start))*"
    r" (?:feels?|feeling|struggling|thinking|thinks?|having thoughts)\b"
    # the feeling is the reader's, not the writer's: "if you're feeling like i am, can't go on" is a disclosure
    r"(?:(?!\b(?:i|i'?m|im|me|my|myself)\b)[^.!?\n]){0,80}?"
    r"(?=[,;:-]?\s*" + _HELP_OFFERED +
    r"there (?:are|is) (?:people|someone|help|support)|help is|support is|you(?:'re| are) not alone|"
    r"our \w+ (?:team|staff)|samaritans|childline)(?! me\b))|"
    # the same as a question to the reader (round 89: "Feeling like you can't go on? Talk to Mrs Quigley, any member
    # of staff"): the question mark, then the help
    r"\b(?:feeling|feel|felt)(?: like)? (?:you|u) (?:can'?t|cannot|could ?n'?t)\b[^.!?\n]{0,60}\?\s*"
    r"(?=" + _HELP_OFFERED + r"come (?:and )?see|samaritans|childline)(?! me\b))|"
    # the reader's home named the same way, help after it (round 97: "If you're not safe at home, you can speak to any
    # member of our staff")
    + _READERS_HOME_NOT_SAFE +
    r"(?=[^.!?\n]{0,20}?[,;:-]?\s*(?:you can |you could )?" + _HELP_OFFERED +
    r"there (?:are|is) (?:people|someone|help|support)|help is|support is|our \w+ (?:team|staff)|samaritans|childline|"
    r"the (?:national )?helpline)(?! me\b))|"
    # a charity's purpose, not a child "supporting someone who feels like ending it all", which is a friend at risk
    r"\b(?:rais(?:e|es|ed|ing) (?:money|funds|£\s?[\d,.]+k?|\d+) for|charit(?:y|ies) (?:for|that (?:supports?|helps?))|"
    r"helplines? for|(?:a|the) (?:service|line) (?:for|that (?:supports?|helps?)))"
    r" (?:people|anyone|those|young people|children|teenagers)"
    # or who are homeless or have run away (round 89: a sleep-out "to raise money for young people who are homeless
    # or have run away from home")
    r" who (?:feels?|are feeling|is feeling|struggles?|are struggling|is struggling|thinks?|are thinking|"
    r"are homeless|have run away|run away|ran away|go missing|have gone missing)\b[^.!?\n]{0,60}|"
    # what to do when someone else says it, taught (round 141: "how to tell a leader if a friend says they're
    # struggling or wants to hurt themselves"): over 201,900 labelled posts it blanks 6 harmless posts and no risk
    r"\bhow to (?:tell|help|support|talk to|spot|respond|get help)\b[^.!?\n]{0,40}\b(?:if|when) (?:a|your) "
    r"(?:friend|mate|classmate|teammate|child|pupil|young person) (?:says|tells you|mentions|is|seems)\b[^.!?\n]{0,80}")

#: Walking into the sea, a river or a canal, with the intent beside it: "might just walk into the sea this weekend.
#: nobody would even notice", "gonna walk into the sea at newbiggin tonight and just keep walkin", "if i walked into the
#: river tonight nobody at the hostel would even notice". Without it the words are how an exam or a bus is borne ("GCSE
#: maths paper 3 has me ready to walk into the sea like a Victorian widow", "if the 47 doesnt come in 5 mins im walking
#: into the sea"): over 322,340 labelled posts the words are in 24 risks and 46 harmless posts, and with the intent in
#: 18 risks and no harmless post (the other six are a book's character who "walks into the sea", the reader's wish
#: beside it, which the heads read).
_INTO_THE_WATER = _g(r"\bwalk(?:ed|ing|s)? into the (?:sea|river|canal)\b", "walk walked walking walks")
_WATER_INTENT = _rx(r"\bjust (?:\w+ )?(?:walk|walked|walking)\b|\b(?:keep|kept|keeps|carry|carrying|carried) (?:on )?"
                    r"(?:going|walking|walkin)\b|\b(?:nobody|no one|noone|anyone|anybody)\b[^.!?\n]{0,40}\bnotice|"
                    r"\blet it take me\b|\btonight\b")


#: Exasperation, not intent: "If one more person asks when the holidays start I will simply end it all", "if my mum asks
#: me to fill one more sandbag i'm actually going to die", "If I hear Baby Shark one more time ... I will walk into the
#: sea". The writer's own death, in the same sentence after "if ... one more" (or "one more lap and"), is a figure of
#: speech: over 322,340 labelled posts 43 harmless posts say it and two risks, one without "one more" ("if they make
#: me go back to that place in september ill just kms tbh ... ive got it planned out") and one that says it is meant
#: ("if i get one more C3 im going to end it. not the detention. me."), which ``_MEANT`` keeps.
_EXASPERATED = _rx(r"\bif\b[^.!?\n]{0,100}\bone more\b|\bone more \w+(?: \w+)? and\b")
_MEANT = _rx(r"\b(?:not (?:even )?joking|no joke|not a joke|i mean it|for real|deadly serious|i'?m serious|planned|"
             r"not the \w+\.? me)\b")


def _exasperated(norm: str, *rules: _Gated) -> bool:
    """Whether every match of the ``rules`` in ``norm`` follows an exasperated "if ... one more" in its sentence."""
    starts = [m.start() for rule in rules for m in rule.rx.finditer(norm)]
    if not starts or _MEANT.search(norm):
        return False
    return all(_EXASPERATED.search(norm, max(norm.rfind(c, 0, at) for c in ".!?\n") + 1, at) for at in starts)


def safeguarding_hits(norm: str) -> list[Hit]:
    is_aware = aware(norm)
    # the reader's feelings named to point them to help, and a child's words quoted in advice, are not a disclosure
    own = _SIGNPOSTED_FEELING.sub(" ", _QUOTED_IN_ADVICE.sub(" ", norm))
    hits = named_hits("safeguarding", (
        ("self_harm", _SELF_HARM), ("self_harm_reported", _SELF_HARM_OTHER), ("abuse_disclosure", _ABUSE),
        ("child_missing", _MISSING), ("staff_allegation", _STAFF_ALLEGATION), ("staff_allegation", _STAFF_HARM),
        ("staff_allegation", _STAFF_PAEDO), ("staff_allegation", _SCHOOL_PAEDO), ("staff_allegation", _COVER_UP),
        ("exploitation", _AGE_GAP), ("incitement_to_self_harm", _INCITE_SELF_HARM),
        ("asks_for_safeguarding_lead", _ASKS_FOR_DSL)),
        own)
    if ((m := _INTO_THE_WATER.search(own)) and _WATER_INTENT.search(own)
            and not any(h.name == "self_harm" for h in hits)):
        hits.append(Hit("safeguarding", "self_harm", quote(m)))
    hits = [h for h in hits if not (h.name == "self_harm" and _exasperated(norm, _SELF_HARM, _INTO_THE_WATER))
            and not (h.name == "self_harm_reported" and _exasperated(norm, _SELF_HARM_OTHER))]
    war_dead = _WAR_DEAD.search(norm)
    if war_dead:
        hits = [h for h in hits if h.name != "child_missing"]
    if not is_aware or not grooming_aware(norm):
        # a show is not a lesson about grooming: under its photos is where a stranger asks a child's age
        hits += named_hits("safeguarding", (
            ("grooming", _GROOMING), ("grooming", _GROOMING_TOPIC), ("grooming_gifts", _GIFTS),
            ("stranger_at_the_gates", _STRANGER_AT_THE_GATES)), norm)
    if not is_aware:
        hits += named_hits("safeguarding", (("welfare_concern", _CONCERN), ("exploitation", _EXPLOITATION)), norm)
        reported = named_hits("safeguarding", (("child_missing", _MISSING_REPORTED), ("child_missing", _LOST_CHILD)), norm)
        if reported and not (war_dead or _FOUND_SAFE.search(norm) or media_hits(norm)):
            hits += reported
        if (not hits and (m := _SELF_HARM_TOPIC.search(norm)) and _FIRST_PERSON.search(norm)
                and not _DEED_CALLED_SUICIDE.search(norm)):
            hits.append(Hit("safeguarding", "self_harm_topic_first_person", quote(m)))
    return hits
