"""Lists the DSL can edit: knowledge a model cannot learn from a few thousand posts (issue 13, point 4).

Coded hate (numeric codes, dog whistles, antisemitic tropes, emoji used as slurs), local slang for weapons and
violence, and the phrases of exploitation and grooming. The shipped defaults are TOML files under
``watchtower/classify/lists/`` (one per category, and ``languages.toml`` for danger written in other languages, each
with a header saying where its entries come from); a
school may add entries or disable shipped ones in its own file, named by ``[classifier] lists_file``.

One entry::

    [[entry]]
    id = "code_88"                       # letters, digits, _ and -; unique; shown in reasons as list:code_88
    category = "hate"                    # a design.md category
    terms = ["88"]                       # whole words or phrases, any case ...
    pattern = '\\b88\\b'                   # ... and/or a regular expression (Python syntax) on lower-case text
    context = '\\b(?:heil|nazi)\\b'     # optional: a regex that must also match, so "88" alone is nothing
    unless = '\\bscore\\b'              # optional: a regex that, if it matches, makes the entry nothing
    note = "ADL hate symbols database: 88 = HH = Heil Hitler"   # why, and where it comes from
    in_awareness_posts = false           # optional: also match in awareness and teaching posts (default: skip them)
    loose = false                        # optional, threat entries: in play (a game, a match, a panto) the
                                         # threat head must agree, as for the built-in threat phrases

A school's file may also say ``disable = ["code_88"]`` (before its entries) to switch shipped entries off, and
may reuse a disabled entry's id to replace it. Every problem is reported with the file, the entry and the fix.

Words several entries share are written once, as a named pattern, and used as ``{name}`` in a pattern, context or
unless (it reads as ``(?:...)``)::

    [patterns]
    weapon = 'knife|blade|machete|gun'    # lower-case letters, digits and _; shared by every lists file

The shipped files' named patterns are there for a school's file too; a school's file may add its own, not redefine
a shipped one. A named pattern cannot use another (it is an error, not text that silently matches nothing).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser as _sre_parser  # type: ignore[attr-defined]
from typing import Any

from watchtower.classify._script import script_of
from watchtower.classify.rules._base import Hit, quote
from watchtower.classify.rules.builtin import BUILTIN_RULE_CATEGORY

#: the categories an entry may raise (design.md)
CATEGORIES = ("threat", "hate", "safeguarding", "harassment", "sexual", "personal_data", "media_enquiry",
              "complaint", "query", "offensive")
SHIPPED = ("hate.toml", "threat.toml", "safeguarding.toml", "languages.toml")
_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_ESCAPE = re.compile(r"\\.", re.DOTALL)  # \b, \s, \W, \. ...: escapes, not letters to match
_KEYS = {"id", "category", "terms", "pattern", "context", "unless", "note", "in_awareness_posts", "loose"}
_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
_USE = re.compile(r"\{([a-z][a-z0-9_]{0,39})\}")  # "{weapon}": a quantifier is digits, so never a name


class ListError(ValueError):
    """A lists file that cannot be used; the message names the file, the entry and the fix."""


@dataclass(frozen=True, slots=True)
class ListEntry:
    id: str
    category: str
    rx: re.Pattern[str]
    context: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    note: str
    in_awareness_posts: bool
    source: str  # the file it came from
    #: strings one of which every match of ``rx`` contains (:func:`needed_strings`); empty: no such set
    needed: tuple[str, ...] = ()
    #: in play, the threat head must agree (``loose = true``; threat entries only)
    loose: bool = False

    def search(self, texts: list[str], is_aware: bool, held: list[frozenset[str]] | None = None) -> Hit | None:
        """The entry's hit in any of ``texts`` (the readings of one post), or None. ``held``, when given, is for
        each text the set of every entry's needed strings it holds (:class:`EntryIndex`), which spares testing
        this entry's own one by one."""
        if is_aware and not self.in_awareness_posts:
            return None
        # the context may be in any reading: "w0rds" is a word only once normalised, and an emoji context ("👃",
        # "⚡⚡") is only in the original, where normalising turned it into a space; so may the exclusion
        for i, text in enumerate(texts):
            if self.needed and (held[i].isdisjoint(self.needed) if held is not None
                                else not any(n in text for n in self.needed)):
                continue  # most posts: the pattern cannot match, and a substring test is far cheaper
            if (m := self.rx.search(text)) and (self.context is None or any(self.context.search(t) for t in texts)):
                if self.unless is not None and any(self.unless.search(t) for t in texts):
                    return None
                return Hit(self.category, self.id, quote(m), by="list", loose=self.loose)
        return None


def needed_strings(rx: re.Pattern[str]) -> tuple[str, ...]:
    """Strings one of which every match of ``rx`` must contain, read from its parsed form: for
    ``\\bloaded (?:shotgun|gun)\\b`` that is ("loaded ",). Empty when no such set is worth testing (a match could
    be made of character classes alone, or a needed string is a single ASCII character)."""
    if rx.flags & re.IGNORECASE and not all(_folds_simply(c) for c in rx.pattern if not c.isascii()):
        return ()  # case folding outside ASCII ('K' the Kelvin sign is 'k', 'ſ' is 's') is not a substring test
    try:
        found = _needed_in(_sre_parser.parse(rx.pattern, rx.flags).data)
    except (re.error, RecursionError):  # pragma: no cover - it compiled, so it parses
        return ()
    if found is None:
        return ()
    fold = bool(rx.flags & re.IGNORECASE)
    return tuple(sorted({f.lower() if fold else f for f in found}))


def _folds_simply(ch: str) -> bool:
    """Whether ignoring case makes ``ch`` match nothing a lower-cased text would not hold as ``ch.lower()``: a
    character without case (Arabic, Bengali, Chinese letters, emoji, punctuation) or a Cyrillic letter, whose upper
    and lower cases are one pair. Latin and Greek letters outside ASCII are not ("ß", "ı", "ſ", "ς" fold across
    letters), so a pattern holding one gets no needed strings (languages.toml writes Polish "ł" as \\u0142)."""
    if unicodedata.category(ch) not in ("Lu", "Ll", "Lt"):
        return True
    return script_of(ch) == "CYRILLIC"


def _useful(strings: frozenset[str]) -> bool:
    return bool(strings) and all(len(s) >= 2 or not s.isascii() for s in strings)


def _needed_in(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best needed set of one sequence of parsed items, or None: one mandatory item's set (the run of
    literals in a row is one such item), the one whose shortest string is longest."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run and _useful(found := frozenset({"".join(run)})):
            candidates.append(found)
        run.clear()

    for op, av in items:
        if op is _C.LITERAL:
            run.append(chr(av))
            continue
        close_run()
        got: frozenset[str] | None = None
        if op is _C.SUBPATTERN:
            # (?i:...) matches in any case, and a needed string is a test of the exact characters
            got = None if av[1] & re.IGNORECASE else _needed_in(av[-1].data)
        elif op is _C.BRANCH:
            sets = [_needed_in(branch.data) for branch in av[1]]
            got = None if any(b is None for b in sets) else frozenset().union(*(b for b in sets if b is not None))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) and av[0] >= 1:
            got = _needed_in(av[2].data)
        elif op is _C.IN and av and all(o is _C.LITERAL for o, _ in av):
            got = frozenset(chr(c) for _, c in av)
        if got is not None and _useful(got):
            candidates.append(got)
    close_run()
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(len(s) for s in c), -len(c)))


def _terms_pattern(terms: list[str]) -> str:
    alts = []
    for term in sorted(terms, key=len, reverse=True):
        # a term's words may be written with spaces or hyphens: "bead rattler" is "bead-rattler"
        words = [w for w in re.split(r"[\s-]+", term.lower()) if w]
        alts.append(r"[\s-]+".join(re.escape(w) for w in words))
    # whole words: no letter or digit right before or after (emoji and punctuation are their own words)
    return r"(?<![a-z0-9])(?:" + "|".join(alts) + r")(?![a-z0-9])"


def _named(doc: dict[str, Any], source: str, known: dict[str, str]) -> dict[str, str]:
    """``known`` with the file's [patterns] table added; a name used before or twice is an error."""
    table = doc.get("patterns", {})
    if not isinstance(table, dict):
        raise ListError(f"{source}: patterns must be a table of names, e.g. [patterns] then weapon = 'knife|blade'")
    out = dict(known)
    for name, value in table.items():
        where = f"{source}, [patterns] {name}"
        if not _NAME.fullmatch(name):
            raise ListError(f"{where}: a pattern's name is lower-case letters, digits and _ (at most 40), e.g. weapon")
        if name in known:
            raise ListError(f"{where}: the name is taken by a shipped pattern: use it as {{{name}}}, or give yours "
                            "another name")
        if not isinstance(value, str) or not value.strip():
            raise ListError(f"{where}: must be a regular expression in quotes")
        if used := _USE.search(value):
            # it would be read as the literal text "{...}" and match nothing, with no error: say so instead
            raise ListError(f"{where}: a named pattern cannot use another ({used.group(0)}): write its words out "
                            f"here, or use both in the entry ('{{{used.group(1)}}} ... {{{name}}}')")
        _compile(value, where, "the pattern")
        out[name] = value
    return out


def _expand(text: str, named: dict[str, str], where: str, key: str) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(1) not in named:
            raise ListError(f"{where}: {key} uses {{{m.group(1)}}}, which no [patterns] table names: add it there "
                            f"({m.group(1)} = '...') or fix the name")
        return f"(?:{named[m.group(1)]})"
    return _USE.sub(one, text)


def _entry(raw: Any, where: str, source: str, named: dict[str, str]) -> ListEntry:
    if not isinstance(raw, dict):
        raise ListError(f"{where}: each [[entry]] must be a table of keys (id, category, terms or pattern, note)")
    name = raw.get("id")
    if not isinstance(name, str) or not _ID.fullmatch(name):
        raise ListError(f"{where}: id {name!r} is missing or not usable: give it an id of lower-case letters, "
                        "digits, '_' or '-' (at most 64 characters), e.g. id = \"local_knife_slang\"")
    where = f"{where} (id '{name}')"
    if unknown := sorted(set(raw) - _KEYS):
        raise ListError(f"{where}: unknown key {', '.join(unknown)}: the keys are {', '.join(sorted(_KEYS))}")
    category = raw.get("category")
    if category not in CATEGORIES:
        raise ListError(f"{where}: category {category!r} is not a category: use one of {', '.join(CATEGORIES)}")
    note = raw.get("note")
    if not isinstance(note, str) or not note.strip():
        raise ListError(f"{where}: note is missing: say why the entry is there and where it comes from")
    terms = raw.get("terms", [])
    if not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
        raise ListError(f"{where}: terms must be a list of words or phrases, e.g. terms = [\"delete this chat\"]")
    pattern = raw.get("pattern")
    if pattern is not None and (not isinstance(pattern, str) or not pattern.strip()):
        raise ListError(f"{where}: pattern must be a regular expression in quotes, or be left out")
    if not terms and pattern is None:
        raise ListError(f"{where}: give terms (words or phrases) or a pattern (a regular expression) to match")
    if pattern:
        pattern = _expand(pattern, named, where, "pattern")
    alts = ([_terms_pattern(terms)] if terms else []) + ([pattern] if pattern else [])
    rx = _compile("|".join(f"(?:{a})" for a in alts), where, "pattern" if pattern else "terms")
    in_aware = _optional_bool(raw, "in_awareness_posts", where)
    loose = _optional_bool(raw, "loose", where)
    if loose and category != "threat":
        raise ListError(f"{where}: loose is for threat entries (in play the threat head must agree): "
                        "remove it, or make the category threat")
    return ListEntry(name, category, rx, _optional_regex(raw, "context", where, named),
                     _optional_regex(raw, "unless", where, named), note.strip(), in_aware, source, needed_strings(rx),
                     loose)


def _optional_bool(raw: dict[str, Any], key: str, where: str) -> bool:
    """An entry's in_awareness_posts or loose: true or false, false if left out."""
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise ListError(f"{where}: {key} must be true or false")
    return value


def _optional_regex(raw: dict[str, Any], key: str, where: str, named: dict[str, str]) -> re.Pattern[str] | None:
    """An entry's context or unless: a regular expression in quotes, its {names} read, or None if left out."""
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ListError(f"{where}: {key} must be a regular expression in quotes, or be left out")
    return _compile(_expand(value, named, where, key), where, key)


def _flags(pattern: str) -> int:
    """Every text an entry searches is lower-cased already, so ``re.IGNORECASE`` only matters to a pattern that
    spells a capital (or any cased letter outside ASCII); leaving the flag off the rest halves the lists' cost
    (measured: 667 -> 339 us a post over the shipped entries on TweetEval val, with the same hits)."""
    letters = _ESCAPE.sub("", pattern)
    return 0 if all((c.isascii() and c.islower()) or c.lower() == c.upper() for c in letters) else re.IGNORECASE


def _compile(pattern: str, where: str, key: str) -> re.Pattern[str]:
    try:
        rx = re.compile(pattern, _flags(pattern))
    except re.error as exc:
        hint = "fix it, or use terms = [...] for plain words and phrases" if key == "pattern" else "fix it"
        raise ListError(f"{where}: {key} is not a valid regular expression ({exc}): {hint}") from None
    if rx.search(""):
        raise ListError(f"{where}: {key} matches empty text, so it would match every post: make it match words")
    return rx


def _read(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ListError(f"{source}: not valid TOML ({exc}): fix the line it names") from None


def _entries(doc: dict[str, Any], source: str, named: dict[str, str]) -> list[ListEntry]:
    raw = doc.get("entry", [])
    if not isinstance(raw, list):
        raise ListError(f"{source}: entries must be written as [[entry]] tables")
    out: list[ListEntry] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(raw, 1):
        e = _entry(item, f"{source}, entry {i}", source, named)
        if e.id in seen:
            raise ListError(f"{source}, entry {i} (id '{e.id}'): duplicate id, entry {seen[e.id]} already uses it: "
                            "give one of them another id")
        seen[e.id] = i
        out.append(e)
    return out


@lru_cache(maxsize=1)
def _shipped_docs() -> tuple[tuple[str, dict[str, Any]], ...]:
    folder = resources.files("watchtower.classify").joinpath("lists")
    return tuple((f"watchtower/classify/lists/{name}",
                  _read(folder.joinpath(name).read_text(encoding="utf-8"), f"watchtower/classify/lists/{name}"))
                 for name in SHIPPED)


@lru_cache(maxsize=1)
def shipped_patterns() -> dict[str, str]:
    """The named patterns of the shipped files, by name."""
    named: dict[str, str] = {}
    for source, doc in _shipped_docs():
        named = _named(doc, source, named)
    return named


@lru_cache(maxsize=1)
def shipped() -> tuple[ListEntry, ...]:
    """The default entries shipped with Watchtower."""
    out: list[ListEntry] = []
    for source, doc in _shipped_docs():
        out += _entries(doc, source, shipped_patterns())
    ids = [e.id for e in out]
    if dup := sorted({i for i in ids if ids.count(i) > 1}):
        raise ListError(f"shipped lists: duplicate id {', '.join(dup)}: give each entry its own id")
    return tuple(out)


#: Shipped entries folded into another: the old id, and the entry that reads its words now. A school's lists file
#: written against an older release may still name one in ``disable``; that is accepted, so that an upgrade never
#: stops the daemon over it, and ``watchtower check-config`` warns that the words are read by the other entry now
#: (:func:`retired_disabled`). An old id may also be reused for a school's own entry.
RETIRED: dict[str, str] = {
    "peacefuls": "religion_of_peace_sarcasm",
}


def retired_disabled(path: Path) -> list[str]:
    """What ``path``'s ``disable`` says of folded entries, one warning each (the file is known to load)."""
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    disable = doc.get("disable", [])
    return [f"disable names {old!r}, which was folded into {RETIRED[old]!r}: that entry reads its words now; add "
            f"{RETIRED[old]!r} to disable as well to switch them off, then remove {old!r}"
            for old in disable if isinstance(old, str) and old in RETIRED]


def load(path: Path | None) -> tuple[ListEntry, ...]:
    """The shipped entries, less those ``path`` disables, plus those it adds. Raises :class:`ListError`."""
    if path is None:
        return shipped()
    try:
        stat = path.stat()
    except OSError as exc:
        raise ListError(f"lists_file {path}: cannot read it ({exc.strerror}): check the path, or remove the "
                        "lists_file key to use the shipped lists only") from None
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load(path: str, _mtime: int, _size: int) -> tuple[ListEntry, ...]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ListError(f"lists_file {path}: cannot read it as UTF-8 text ({exc}): check the path and save it "
                        "as UTF-8") from None
    doc = _read(text, path)
    if unknown := sorted(set(doc) - {"entry", "disable", "patterns"}):
        raise ListError(f"{path}: unknown top-level key {', '.join(unknown)}: a lists file holds disable = [...], "
                        "a [patterns] table and [[entry]] tables only")
    disable = doc.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(d, str) for d in disable):
        raise ListError(f"{path}: disable must be a list of shipped ids, e.g. disable = [\"code_88\"]")
    base = shipped()
    known = {e.id for e in base}
    if missing := [d for d in disable if d not in known and d not in RETIRED]:
        raise ListError(f"{path}: disable names {', '.join(repr(d) for d in missing)}, which no shipped entry has: "
                        "check the id against the shipped lists (watchtower/classify/lists/*.toml)")
    added = _entries(doc, path, _named(doc, path, shipped_patterns()))
    for i, e in enumerate(added, 1):
        if e.id in known and e.id not in disable:
            raise ListError(f"{path}, entry {i} (id '{e.id}'): duplicate id, a shipped entry already uses it: "
                            f"give yours another id, or add disable = [\"{e.id}\"] to replace the shipped one")
        if e.id in BUILTIN_RULE_CATEGORY:
            raise ListError(f"{path}, entry {i} (id '{e.id}'): that id is the name of a built-in rule: "
                            "give the entry another id")
    return tuple(e for e in base if e.id not in disable) + tuple(added)


class EntryIndex:
    """Which entries a text could match, found in one pass over it rather than entry by entry (issue 13: the
    lists were a third of ``watchtower classify``'s time beside the model on full-length tweets).

    Every entry's needed strings (:func:`needed_strings`) are gathered into one trie, written as a regular
    expression inside a lookahead, so that one scan reports, at each place in the text, the longest needed string
    that starts there; with the needed strings that are its prefixes, that is every needed string the text holds.
    Only the entries that need none, or one of those, are then tried, in the entries' own order: the hits are
    exactly those of trying every entry (``test_the_index_finds_what_trying_every_entry_finds``)."""

    def __init__(self, entries: tuple[ListEntry, ...]) -> None:
        self.entries = entries
        strings = sorted({n for e in entries for n in e.needed})
        self._scan = re.compile(f"(?=({_trie(strings)}))") if strings else None
        #: for each needed string, the needed strings that are its prefixes (itself among them)
        self._prefixes = {s: frozenset(s[:k] for k in range(1, len(s) + 1)) & frozenset(strings) for s in strings}
        self._users: dict[str, list[int]] = {}
        for i, e in enumerate(entries):
            for n in e.needed:
                self._users.setdefault(n, []).append(i)
        self._always = [i for i, e in enumerate(entries) if not e.needed]

    def held(self, text: str) -> frozenset[str]:
        """Every needed string that ``text`` holds."""
        if self._scan is None:
            return frozenset()
        found: set[str] = set()
        for m in self._scan.finditer(text):
            found |= self._prefixes[m.group(1)]
        return frozenset(found)

    def hits(self, texts: list[str], is_aware: bool) -> list[Hit]:
        held = [self.held(t) for t in texts]
        tried = set(self._always)
        for n in frozenset().union(*held):
            tried.update(self._users[n])
        return [h for i in sorted(tried) if (h := self.entries[i].search(texts, is_aware, held))]


def _trie(strings: list[str]) -> str:
    """A regular expression that matches, at a place, the longest of ``strings`` that starts there: the strings
    as a trie, each branch one character, an optional group wherever a shorter string ends (greedy, so the longer
    is tried first; the branches of a node start with different characters, so at most one can go on)."""
    root: dict[str, Any] = {}
    for s in strings:
        node = root
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def written(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + written(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return written(root)


_INDEXES: dict[int, EntryIndex] = {}


def index(entries: tuple[ListEntry, ...]) -> EntryIndex:
    """The :class:`EntryIndex` of ``entries`` (as :func:`load` returns them, each tuple built once and kept)."""
    found = _INDEXES.get(id(entries))
    if found is None or found.entries is not entries:
        if len(_INDEXES) >= 16:
            _INDEXES.clear()
        found = _INDEXES[id(entries)] = EntryIndex(entries)
    return found


def list_hits(raw: str, norms: list[str], is_aware: bool, path: Path | None) -> list[Hit]:
    """One hit per entry that matches the text (the original, lower-cased, or a normalised variant)."""
    return index(load(path)).hits([*norms, raw.lower()], is_aware)
