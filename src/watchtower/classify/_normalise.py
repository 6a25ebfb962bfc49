"""Undo the spellings people use to slip past filters, so the rules see the word that was meant.

``normalise("I'll k1ll u 🔪")`` gives ``"i'll kill u  knife "``. The model gets the original text (it was
trained on raw tweets); the rules get the normalised text and, for digits (phone numbers, dates), the
original.
"""

from __future__ import annotations

import re
import unicodedata

#: Emoji that stand for a weapon or violence, spelled out so that the threat rules can read them.
WEAPON_EMOJI: dict[str, str] = {
    "\N{HOCHO}": " knife ",
    "\N{DAGGER KNIFE}": " knife ",
    "\N{PISTOL}": " gun ",
    "\N{BOMB}": " bomb ",
    "\N{FIRECRACKER}": " bomb ",
    "\N{CROSSED SWORDS}": " knife ",
}

_HOMOGLYPHS = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "і": "i", "у": "y", "к": "k",
        "ѕ": "s", "ј": "j", "ԁ": "d", "һ": "h", "ո": "n", "α": "a", "ο": "o", "ι": "i", "κ": "k",
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
    }
)
#: the emoji that are letters: negative squared and negative circled capitals ("ni🅱️🅱️as", "🅿️aki": round 78), read as
#: their letters with the emoji variation selector after them dropped (NFKC already reads the plain squared ones)
_EMOJI_LETTERS = str.maketrans({**{0x1F170 + i: chr(ord("a") + i) for i in range(26)},
                                **{0x1F150 + i: chr(ord("a") + i) for i in range(26)}})
_EMOJI_LETTER_SELECTOR = re.compile("(?<=[\U0001F150-\U0001F169\U0001F170-\U0001F189])\ufe0f")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_KEYCAP = re.compile("\ufe0f?\u20e3")
# 6 and 9 are g in a word that hides letters ("n1663r", "ni99a": round 72's slur in digits was read as "ni66er")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "6": "g", "7": "t", "9": "g", "@": "a",
                       "$": "s", "!": "i", "|": "l", "€": "e"})
_LEET_L = str.maketrans({"1": "l", "|": "l", "!": "l"})
_TOKEN = re.compile(r"\S+")
_HAS_LETTER = re.compile(r"[a-z]")
_LEETABLE = re.compile(r"[01345679@$!|€]")
# A token that is a handle, URL, email, number, time or ordinal keeps its digits and symbols.
_KEEP_TOKEN = re.compile(
    r"^(@\w+|#\w+|https?://\S+|www\.\S+|\S+@\S+\.\S+|[\d.,:/%£$+-]+(st|nd|rd|th|am|pm|s|k|m|yo|ish)?|y\d+s?|\d+(st|nd|rd|th)|"
    # a team's age group, a key stage, a form: "U15s", "KS3", "10B" (not "uiss", "kse", "iob")
    r"u\d{1,2}(?:['’]?s)?|ks\d|(?:[1-9]|1[0-3])[a-z]|"
    # a world war: "WW1" is not "wwl" when a "1" may be an "l" (round 68: the war dead read as a child missing)
    r"ww[12])[.,!?;:)'’]*$"
)
# Letters spelled out one at a time: "k i l l", "k.i.l.l", "k-i-l-l", "k_i_l_l", "k . i . l . l"; a letter may be a
# look-alike symbol ("r e t @ r d"), which is read as its letter once the word is joined. A separator padded on
# one side only ends the word ("want u. k.y.s" is "u." then "kys"), as does a run of spaces ("p . i . k . e . y . s
# o u t" is two words).
_GAP = r"(?: [.\-_*] |[ .\-_*])"
# After the first letter a spelled word may use a look-alike digit ("p 4 k 1"); it needs two letters to be a word.
_SPELLED_RUN = rf"[a-z@$](?:{_GAP}[a-z@$013457]){{2,}}(?![a-z@$0-9])"
_SPACED = re.compile(rf"(?<![a-z@$]){_SPELLED_RUN}")
_SPELLED_LETTER = re.compile(r"[a-z@$]")
# A post spelled out letter by letter with a run of spaces between its words ("m i s s   t r a n t e r   u r
# g e t t i n g   h i t"): the wide gaps say where each word ends, so every word is joined, short ones too (round
# 66: "h i t" was left as three letters, which are more often text-speak). Three words at least, two of them
# spelled out.
_WIDE_WORD = r"[a-z@$0-9](?: [a-z@$0-9'])*"  # "d o n ' t"
# a run is tried from its first letter only (never from inside one: a long run of single letters would be read
# again from each of them, quadratic in its length)
_WIDE_START = r"(?<!\S)(?<!\s[a-z@$0-9'] )(?<!^[a-z@$0-9'] )"
# any case: the model reads the post as written, the rules after it is lower-cased
_WIDE_SPELLED = re.compile(rf"{_WIDE_START}{_WIDE_WORD}(?: {{2,}}{_WIDE_WORD}){{2,}}(?!\S)", re.IGNORECASE)
_WIDE_GAP = re.compile(r" {2,}")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_SPACES = re.compile(r"[ \t]+")


def _fold(text: str) -> str:
    if text.isascii():  # most posts: nothing to fold but case
        return text.lower()
    text = _ZERO_WIDTH.sub("", text)
    text = _KEYCAP.sub("", text)  # keycap digits are digits: "1️⃣4️⃣8️⃣8️⃣" is 1488
    text = _EMOJI_LETTER_SELECTOR.sub("", text).translate(_EMOJI_LETTERS)
    text = unicodedata.normalize("NFKC", text).translate(_HOMOGLYPHS).lower()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    for emoji, word in WEAPON_EMOJI.items():
        text = text.replace(emoji, word)
    # any other pictograph is a space to the rules: "ur dead 💀 after school" reads "ur dead after school"
    return "".join(" " if ord(c) >= 0x2100 and unicodedata.category(c) in ("So", "Sk") else c for c in text)


def _join_wide(match: re.Match[str]) -> str:
    words = _WIDE_GAP.split(match.group(0))
    if sum(len(word) > 1 for word in words) < 2:
        return match.group(0)
    return " ".join(word.replace(" ", "") for word in words)


# a number at the head of a hyphenated word is a number: "13-year-old" is not "ie-year-old" (round 69: a rescue
# team's "search for a 15-year-old boy" read as "is-year-old"), "5-a-side" is not "s-a-side"
_NUMBER_HEAD = re.compile(r"\d+-(?=[a-z])")


def _deleet_token(token: str, table: dict[int, str]) -> str:
    if _KEEP_TOKEN.match(token) or not _HAS_LETTER.search(token) or not _LEETABLE.search(token):
        return token
    if head := _NUMBER_HEAD.match(token):
        return head.group(0) + _deleet_token(token[head.end():], table)
    # Only the inside of the token: keep trailing punctuation such as "?" or "!".
    core = token.rstrip(".,?;:)\"'")
    if core.endswith("!"):
        core = core.rstrip("!")
    tail = token[len(core):]
    lead = ""
    if core.startswith("@"):  # "@ss" is leet, "@user" was kept above
        lead, core = "a", core[1:]
    return lead + core.translate(table).translate(_LEET) + tail


# a look-alike digit or symbol between two letters: "sh0t", "g3tting", "l@st", "k!ll" (not "Allah!This": a "!" before
# a capital ends a sentence written without a space)
_INNER_LEET = re.compile(r"(?<=[a-zA-Z])(?:[013457@$|€]|!(?=[a-z0-9]))+(?=[a-zA-Z])")
_WORD_LETTER = re.compile(r"[a-z]", re.IGNORECASE)


def _unleet_token(match: re.Match[str]) -> str:
    token = match.group(0)
    if (not _INNER_LEET.search(token) or len(_WORD_LETTER.findall(token)) < 3
            or _KEEP_TOKEN.match(token.lower())):
        return token  # "y7s", "b4", a handle, a link or an email stay as written
    core = token.rstrip(".,?;:)\"'!")
    return core.translate(_LEET) + token[len(core):]


def unleet(text: str) -> str | None:
    """``text`` as written but with each word that hides letters behind look-alike digits and symbols read as
    letters ("th@t w0man is g3tting sh0t" -> "that woman is getting shot"), for the model, which reads posts as
    written (round 52: a threat so written scored 0.02 on the threat head, 1.00 spelled out); None when no word
    does. A word needs such a character between two letters and three letters in all, so "Y7s", "b4" and "10W"
    are left alone."""
    if not _INNER_LEET.search(text):
        return None
    out = _TOKEN.sub(_unleet_token, text)
    return None if out == text else out


def join_spelled(text: str) -> str:
    """``text`` with the words of a post spelled out letter by letter, wide gaps between them, joined, case as
    written ("M I S S   U R   G E T T I N G   H I T" -> "MISS UR GETTING HIT"), for the model, which reads such a
    post as a row of single letters (round 66: the threat head 0.06 on it; "w e   l o v e   y o u   s i r" was a
    threat at 0.62). Unchanged when it has no such run."""
    if "  " not in text:
        return text
    return _WIDE_SPELLED.sub(_join_wide, text)


#: Words people spell out letter by letter; "k i l l u" is read as "kill u", not "killu".
_SPELLED_WORDS = (
    "unalive", "murder", "killing", "kill", "shoot", "stab", "bomb", "knife", "rape", "dead", "die", "gun",
    "hang", "kys", "kms", "suicide", "nonce", "paedo", "slag", "slut", "whore", "fuck", "cunt", "bitch",
)


def _join_spaced(match: re.Match[str], *, article_apart: bool = False) -> str:
    if article_apart and match.group(0)[0] in "ai" and match.group(0)[1] == " ":
        # the reading where a leading "a" or "i" is a word of its own: "is a p a k i" is "a paki", not "apaki"
        rest = _SPACED.fullmatch(match.group(0)[2:])
        if rest is not None:
            return f"{match.group(0)[0]} {_join_spaced(rest)}"
    raw = re.sub(r"[ .\-_*]", "", match.group(0))
    if len(_SPELLED_LETTER.findall(raw)) < 2:  # "c 4 1 5" is a seat or a code, not a word
        return match.group(0)
    joined = raw.translate(_LEET)  # "@" and "$" are read as their letters
    for word in _SPELLED_WORDS:
        if joined.startswith(word):
            return f"{word} {joined[len(word):]}" if len(joined) > len(word) else word
    # three single letters are more likely text-speak ("u r a", "i m a") than a spelled-out word
    return joined if len(joined) > 3 else match.group(0)


# text-speak "2" for "to" after the verbs it usually follows: "i want 2 die", "going 2 kill"
_TWO_AS_TO = re.compile(
    r"\b(want|wanna|going|gonna|need|needs|have|has|got|like|love|hate|try|trying|tried|used|able|ready|come|"
    r"coming|go|listen|talk|speak|deserve|deserves) 2 (?=[a-z])"
)


# text-speak "1" for "one" in a pronoun: "no1 would miss me", "any1 know", "every1 knows" (not "noi", "anyi")
_ONE_AS_ONE = re.compile(r"(?<![\w@#])(any|every|no|some)1(?![\w@])")
_ONE_WORDS = {"any": "anyone", "every": "everyone", "no": "no one", "some": "someone"}


def normalise(text: str, *, one_as_l: bool = False, article_apart: bool = False) -> str:
    """Lower-case, de-obfuscated text for the rules. ``one_as_l`` reads "1" as "l" ("ki11") not "i";
    ``article_apart`` reads a leading "a" or "i" of a spelled-out word as a word of its own ("a p a k i")."""
    return _from_folded(_fold(text), one_as_l=one_as_l, article_apart=article_apart)


def _from_folded(text: str, *, one_as_l: bool = False, article_apart: bool = False) -> str:
    """:func:`normalise` after :func:`_fold`, so that the readings of one post fold it once."""
    table = _LEET_L if one_as_l else {}
    text = _ONE_AS_ONE.sub(lambda m: _ONE_WORDS[m.group(1)], text)
    text = join_spelled(text)
    text = _TOKEN.sub(lambda m: _deleet_token(m.group(0), table), text)
    text = _SPACED.sub(lambda m: _join_spaced(m, article_apart=article_apart), text)
    text = _TWO_AS_TO.sub(r"\1 to ", text)
    text = _REPEATS.sub(r"\1\1", text)
    return _SPACES.sub(" ", text).strip()


#: a spelled-out word after "a" or "i", which the letters alone cannot tell from a spelled word beginning with one
#: ("a p a k i" is "a paki"; "a r s e" is "arse")
_ARTICLE_SPELLED = re.compile(rf"(?<![a-z@$])[ai] {_SPELLED_RUN}")


#: Scots, Geordie and Northern spellings and the standard words the rules are written in: "ah'm comin for ye, he's
#: deid" is read as "i'm coming for you, he's dead" (round 40: a Borders writer's threats were read as nothing). Only
#: as a further reading (:func:`standard_reading`): the post's own words are always read first.
_DIALECT_WORDS: dict[str, str] = {
    "gonnae": "gonna", "gaunae": "gonna", "gonny": "gonna", "gunnae": "gonna",
    "ye": "you", "yer": "your", "yous": "you", "youse": "you", "yersel": "yourself", "yerself": "yourself",
    "masel": "myself", "masell": "myself", "himsel": "himself", "hersel": "herself", "ma": "my",
    "tae": "to", "wi": "with", "fae": "from", "frae": "from", "oot": "out", "doon": "down", "aboot": "about",
    "roon": "round", "roond": "round", "hoose": "house", "hame": "home", "hyem": "home", "yem": "home",
    "noo": "now", "heid": "head", "deid": "dead", "naebody": "nobody", "naeb'dy": "nobody", "nae": "no",
    "nane": "none", "efter": "after", "cannae": "can't", "canna": "can't", "dinnae": "don't", "divvent": "don't",
    "didnae": "didn't", "wouldnae": "wouldn't", "couldnae": "couldn't", "shouldnae": "shouldn't",
    "willnae": "won't", "isnae": "isn't", "wisnae": "wasn't", "wis": "was", "whit": "what", "awa": "away",
    "gie": "give", "gies": "give me", "ken": "know", "kens": "knows", "kent": "knew", "bide": "live",
    "bides": "lives", "wean": "child", "weans": "children", "bairn": "child", "bairns": "children",
    "lassie": "girl", "laddie": "boy", "greetin": "crying", "gan": "go", "gannin": "going",
    "summat": "something", "owt": "anything", "nowt": "nothing",
    # Doric (Aberdeen and the North-East; round 47): "he winna see Monday", "the loons", "at the fitba"
    "winna": "won't", "dinna": "don't", "didna": "didn't", "wouldna": "wouldn't", "couldna": "couldn't",
    "shouldna": "shouldn't", "isna": "isn't", "wasna": "wasn't", "loon": "boy", "loons": "boys", "quine": "girl",
    "quines": "girls", "fitba": "football", "ower": "over", "mair": "more", "ony": "any", "onybody": "anybody",
    "naething": "nothing", "aabody": "everybody", "abody": "everybody", "ging": "go", "gaun": "going",
    "comin": "coming", "gettin": "getting", "goin": "going", "waitin": "waiting", "lookin": "looking",
    "bringin": "bringing", "watchin": "watching", "takin": "taking", "leavin": "leaving", "killin": "killing",
    "stabbin": "stabbing", "sayin": "saying", "doin": "doing", "thinkin": "thinking", "tellin": "telling",
    # Ulster Scots (round 164): "hasnae been at the schuil since Monday an the hoose is aw lockit up"
    "faimily": "family", "schuil": "school", "skuil": "school", "hasnae": "hasn't", "havenae": "haven't",
    "lockit": "locked", "jist": "just", "dae": "do", "fer": "for", "thon": "that", "warnin": "warning",
    "askin": "asking", "wee'uns": "children", "youngens": "children",
}
_DIALECT = re.compile(r"(?<![\w'-])(?:" + "|".join(sorted(map(re.escape, _DIALECT_WORDS), key=len, reverse=True))
                      + r")(?![\w-])")
# "ah" and "a" are "I" only where "I" must be: "ah'm", "a'll", "ah cannae", "ah ken", "ah swear"
_DIALECT_I = re.compile(r"(?<![\w'-])(?:ah|a)(?='(?:m|ll|d|ve)\b)|(?<![\w'-])ah(?= (?:am|will|wis|was|ken|know|"
                        r"swear|mean|promise|want|cannae|dinnae|didnae|wouldnae|willnae|canna|divvent|never|"
                        r"huv|have|had|hate|wish|just|pure|dae|do)\b)")


def standard_reading(norm: str) -> str | None:
    """A normalised text's dialect spellings in standard words, or None when it has none."""
    standard = _DIALECT.sub(lambda m: _DIALECT_WORDS[m.group(0)], _DIALECT_I.sub("i", norm))
    return None if standard == norm else standard


#: A hashtag written in capitalised words ("#RemigrationNow", "#GreatReplacement", "#NotJustFriends") is its words run
#: together; read apart, a slogan or a nudge in one is read as the same words written out (round 104). Only a hashtag
#: of two words or more with a capital inside it; "#oldham" and "#BLM" stay as they are.
_CAMEL_HASHTAG = re.compile(r"#([A-Za-z][a-z]+(?:[A-Z][a-z]+|[A-Z]+(?![a-z])|\d+)+|[A-Z]+[A-Z][a-z]+(?:[A-Z][a-z]+)*)")
_HASHTAG_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def split_hashtags(text: str) -> str | None:
    """``text`` with its capitalised hashtags as words ("#RemigrationNow" is "remigration now"), or None when it
    has none."""
    if "#" not in text:
        return None
    out = _CAMEL_HASHTAG.sub(lambda m: " ".join(_HASHTAG_WORD.findall(m.group(1))), text)
    return None if out == text else out


def variants(text: str) -> list[str]:
    """The normalised readings of ``text`` worth checking: one; another when a "1" may be an "l"; another when a
    spelled-out word may follow "a" or "i"; another with its capitalised hashtags read as words."""
    folded = _fold(text)
    out = [_from_folded(folded)]
    if "1" in text or "|" in text:
        second = _from_folded(folded, one_as_l=True)
        if second != out[0]:
            out.append(second)
    if _ARTICLE_SPELLED.search(folded):
        apart = _from_folded(folded, article_apart=True)
        if apart not in out:
            out.append(apart)
    if (hashtags := split_hashtags(text)) is not None:
        words = _from_folded(_fold(hashtags))
        if words not in out:
            out.append(words)
    return out


def has_weapon_emoji(text: str) -> bool:
    return any(e in text for e in WEAPON_EMOJI)
