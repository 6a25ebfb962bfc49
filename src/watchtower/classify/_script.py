"""Which writing system a post is in, where it is one the classifier cannot read.

The model (all-MiniLM-L6-v2), the rules and the lists read English. A post in Latin letters is read, at least through
the words and names it shares with English; a post written mostly in Arabic, Bengali, Devanagari, Gurmukhi or Cyrillic
script is not read at all (first-sight round 106: 101 critical posts in other scripts, 0.267 raised to critical).
Such a post is not harmless because nothing was found in it, and nobody who reads "not flagged" should think so:
:func:`unread_script` names its script, and the classifier records a note that says nothing in it was checked.

A Cyrillic or Greek letter the normaliser reads as the Latin letter it looks like ("ѕtіll waiting", "kіll", "а", "о")
counts for neither side: English disguised in look-alikes is read, and a Ukrainian post is known by the letters that
have no Latin twin ("хочу", "нікому", "потрібна").
"""

from __future__ import annotations

import unicodedata

from watchtower.classify._normalise import _HOMOGLYPHS

#: a letter's Unicode name begins with its script; the names people know the scripts by
_SCRIPT_NAMES: dict[str, str] = {
    "ARABIC": "Arabic", "BENGALI": "Bengali", "DEVANAGARI": "Devanagari", "GURMUKHI": "Gurmukhi",
    "GUJARATI": "Gujarati", "TAMIL": "Tamil", "TELUGU": "Telugu", "KANNADA": "Kannada", "MALAYALAM": "Malayalam",
    "SINHALA": "Sinhala", "ORIYA": "Odia", "CYRILLIC": "Cyrillic", "GREEK": "Greek", "HEBREW": "Hebrew",
    "ETHIOPIC": "Ge'ez (Ethiopic)", "CJK": "Chinese", "HIRAGANA": "Japanese", "KATAKANA": "Japanese",
    "HANGUL": "Korean", "THAI": "Thai", "LAO": "Lao", "KHMER": "Khmer", "MYANMAR": "Burmese", "TIBETAN": "Tibetan",
    "ARMENIAN": "Armenian", "GEORGIAN": "Georgian", "SYRIAC": "Syriac", "THAANA": "Thaana",
}

#: at least this many letters in other scripts, and more of them than Latin letters: "আবার কেটেছি" (I cut again) is
#: two words, and one word of greeting in an English post ("Eid Mubarak عيد مبارك to all our families") is not a
#: post the classifier cannot read
MIN_LETTERS = 3
#: the look-alike letters the normaliser reads as Latin ones
_LOOK_ALIKES = frozenset(chr(k) for k, v in _HOMOGLYPHS.items() if isinstance(v, str) and v.isascii() and v.isalpha())


def _script(ch: str) -> str:
    """The script of one letter: its Unicode name's first word ("ARABIC LETTER ALEF" -> "ARABIC")."""
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def unread_script(text: str) -> str | None:
    """The script the post ``text`` is mostly written in, where it is not Latin letters: "Arabic", "Bengali",
    "Cyrillic"...; None for a post in Latin letters, or with too few letters to say."""
    if text.isascii():  # most posts
        return None
    counts: dict[str, int] = {}
    latin = 0
    for ch in unicodedata.normalize("NFKC", text).lower():
        if not ch.isalpha() or ch in _LOOK_ALIKES:
            continue
        if ch.isascii():
            latin += 1
            continue
        script = _script(ch)
        if script == "LATIN":
            latin += 1
        elif script:
            counts[script] = counts.get(script, 0) + 1
    other = sum(counts.values())
    if other < MIN_LETTERS or other <= latin:
        return None
    top = max(counts, key=counts.__getitem__)
    return _SCRIPT_NAMES.get(top, top.capitalize())
