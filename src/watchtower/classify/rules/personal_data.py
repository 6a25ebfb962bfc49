# ruff: noqa: E501 -- the regular expressions below read better as whole alternations than split mid-word
"""Personal data exposed: phone numbers, email addresses, home addresses, dates of birth, NI numbers, a named
pupil with a medical or child-protection detail, leaked documents (design.md: high).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from watchtower.classify.rules._base import Hit, RuleSettings, _g, _rx, quote
from watchtower.classify.rules.gates import aware

_PHONE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)44\s?\(?0?\)?\s?|\(?0)(?P<body>7\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{3}|"
    r"1\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,4}|2\d\)?[\s.-]?\d{4}[\s.-]?\d{4})(?!\d)"
)
_EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@(?P<domain>[A-Za-z0-9.-]+\.[A-Za-z]{2,})\b")
_POSTCODE = re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)\s*\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE)
#: the last word of a street's name
_STREET_KIND = (r"road|rd|street|st|avenue|ave|close|lane|ln|drive|dr|way|crescent|grove|gardens|place|court|terrace|walk|"
                r"mews|rise|view|park|square")
_STREET = _rx(rf"\b\d{{1,4}}[a-z]?,? [a-z]+(?: [a-z]+)? (?:{_STREET_KIND})\b")
_ADDRESS_CUE = _rx(r"\b(?:lives? (?:at|on|in)|living at|home address|address is|(?:his|her|their|ur|your|'s) address|"
                   r"house is|lives round|door number|flat \d+)\b")
#: a home pointed out without a house number: the street and what marks the house ("lives on Orchard Rise, the one with
#: the yellow door", "lives on Carr Lane by the Spar", round 127), which _STREET, wanting a number before the street,
#: does not read: over 184,740 labelled posts it reads 67 posts labelled personal data and one other, a neighbour
#: on "the same road" naming "the little girl from number 42")
_HOUSE_POINTED_OUT = _rx(
    rf"\blives? (?:on|at|in|down) (?:[a-z']+ ){{1,2}}(?:{_STREET_KIND}|estate)\b[^.!?\n]{{0,40}}\b(?:the one with (?:the|a) \w+ "
    r"(?:door|gate|fence|car|van|hedge|caravan|trampoline)|the house with (?:the|a) [\w ]{1,20}|(?:blue|red|green|"
    r"yellow|black|white|grey|gray|purple|pink) (?:front )?door|number \d+|next to the \w+|opposite the \w+|above the "
    r"\w+|by the \w+)"
)
_DOB = _rx(
    r"\b(?:d\.?o\.?b\.?|date of birth|born on|birthday is|bday is|b'?day is)\b[:\s-]*(?:is |was |= )?(?:the )?"
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*(?: \d{2,4})?)"
)
_NINO = re.compile(
    r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b"
)
_SENSITIVE = _rx(
    r"\b(?:adhd|autism|autistic|asd|ehcp|special needs|epilep\w+|diabet\w+|dyslexi\w+|dyspraxi\w+|"
    r"on the child protection register|child protection plan|child in need|cp plan|social services|social worker|"
    r"camhs|looked after child|in care|foster care|free school meals|medication|ritalin|anaphyla\w+|allerg(?:y|ies|ic)|"
    r"asthma\w*|epipen|medical condition|"
    r"self[- ]harm\w*|eating disorder|anorexi\w+|bulimi\w+|depression|anxiety disorder|ocd|tourette\w*|"
    r"cerebral palsy|down'?s syndrome|hiv|pregnant|excluded|exclusion|expelled|behaviour plan|safeguarding concern|"
    r"referred to|mental health)\b"
)
#: special educational needs only in capitals: "send" and "sen" in lower case were the verb beside a pupil's name in
#: every labelled post they raised ("please send a comb, Oscar", "Our Jack's going to be the death of me ... Send help",
#: "send flowers to my funeral": 6 harmless posts), never the acronym
_SEN_IN_CAPITALS = re.compile(r"\bSEND?\b")
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


# a capitalised name placed in a class: "Kacper in Year 5", "Amara Okoye from 4B", "Zain (Y3)"; not a time or a date
# ("on Thursday from 3pm", "Monday from 5th": round 71's mental health first aiders were a named pupil)
_IN_CLASS = re.compile(
    r"(?<![@#\w])([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?:'s)? (?:\(|(?i:in|from|is in) )"
    r"(?i:(?:year|yr|y) ?\d{1,2}\b|(?:class )?\d{1,2}(?!(?:am|pm|st|nd|rd|th)\b)[a-z]{1,2}\b|reception\b|nursery\b)"
)
# words that can stand before "in Year 5" without naming anyone
_NOT_A_NAME_WORDS = (
    "children child pupils pupil students student parents parent kids boys girls everyone anyone someone nobody "
    "somebody those these all most some many few one none class classes teachers teacher staff families carers "
    "trips trip exams sats assembly lunch homework reading maths english science music sport football netball "
    "swimming well congratulations thanks thank welcome places place numbers attendance admissions learning "
    "today yesterday tomorrow this that who which my our your his her their friends friend mr mrs miss ms dr sir mx "
    "monday tuesday wednesday thursday friday saturday sunday"
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


def personal_data_hits(raw: str, norm: str, cfg: RuleSettings) -> list[Hit]:
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
            hits.append(Hit("personal_data", kind))
            break
    public = tuple(d.lower().lstrip(".") for d in cfg.public_email_domains)
    for m in _EMAIL.finditer(raw) if _EMAIL_HINT.search(raw) else ():
        domain = m.group("domain").lower()
        if not any(domain == d or domain.endswith("." + d) for d in public):
            hits.append(Hit("personal_data", "email_address", f"@{domain}"))
            break
    street = _STREET.search(norm) if has_digits or _ONE_DIGIT.search(raw) else None
    postcode = _POSTCODE.search(raw) if _ONE_DIGIT.search(raw) else None
    cue = _ADDRESS_CUE.search(norm) if street or postcode else None
    if (street and (postcode or cue)) or (postcode and cue) or ("live" in norm and _HOUSE_POINTED_OUT.search(norm)):
        hits.append(Hit("personal_data", "home_address"))
    if _ONE_DIGIT.search(raw) and _DOB.search(norm):
        hits.append(Hit("personal_data", "date_of_birth"))
    ni_cue = re.search(r"\b(?:ni|national insurance|nino)\b", norm)
    if _ONE_DIGIT.search(raw) and (_NINO.search(raw) or (ni_cue and _NINO_LOOSE.search(raw.upper()))):
        hits.append(Hit("personal_data", "national_insurance_number"))
    if (name := _named_pupil(raw)) and (s := _SENSITIVE.search(norm) or _SEN_IN_CAPITALS.search(raw)) and not aware(norm):
        hits.append(Hit("personal_data", "named_pupil_with_sensitive_detail", f"'{name}' + {quote(s)}"))
    if leak := _LEAKED.search(norm):
        hits.append(Hit("personal_data", "leaked_document", quote(leak)))
    return hits


def only_public_contacts(raw: str, cfg: RuleSettings) -> bool:
    """The post gives contact details and every one of them is public: an allowed number (``allowed_phone_numbers``),
    an organisation's announced line ("call the school office on ..."), or an email at a public domain. The model's
    personal-data head must not overrule that (the config promises allowed numbers never raise personal_data)."""
    found = False
    if _THREE_DIGITS.search(raw):
        allowed = {_digits(p) for p in cfg.allowed_phone_numbers}
        for m in _PHONE.finditer(raw):
            found = True
            mobile = m.group("body").startswith("7")
            before = raw[max(0, m.start() - (50 if mobile else 120)) : m.start()].lower()
            org = _ORG_PHONE_CUE.search(before) and not _PERSONAL_PHONE_CUE.search(before)
            if _digits(m.group(0)) not in allowed and not org:
                return False
    public = tuple(d.lower().lstrip(".") for d in cfg.public_email_domains)
    for m in _EMAIL.finditer(raw) if _EMAIL_HINT.search(raw) else ():
        found = True
        domain = m.group("domain").lower()
        if not any(domain == d or domain.endswith("." + d) for d in public):
            return False
    return found


#: what a leaked register, letter or list says that makes exposing it a danger to the children in it: who is on a
#: child protection plan, looked after, in foster care, with a social worker or in a refuge (round 56: a
#: photo-consent list marking pupils "NO PHOTOS - CP" and "LAC")
_CHILD_PROTECTION = _rx(
    r"\b(?:cp|lac|on (?:a|the|his|her) (?:cp|child protection) (?:plan|register|list)|(?:cp|child protection|lac|cla|"
    r"looked[- ]after|safeguarding|vulnerable pupils?|welfare|cin) (?:plans?|registers?|lists?|files?|logs?|folders?|"
    r"referrals?|reviews?|concerns?|status)|child protection|looked[- ]after (?:child|children|pupils?)|"
    r"(?:is|are|was|were|she'?s|he'?s|being|been|kids|children|pupils?) in (?:foster )?care|foster (?:care|famil(?:y|ies)|"
    r"carers?|placement|home)|social workers?|social services|children'?s services|(?:a )?child in need|"
    r"(?:women'?s )?refuge|non-molestation|restraining order|no contact with (?:birth )?(?:father|mother|dad|mum|parents?))\b"
)


def child_protection_details(norm: str) -> Hit | None:
    """For a post raised as personal data: the detail in it that puts the children it names at risk once exposed
    (a child protection plan, looked after, a social worker, a refuge). :mod:`_classifier` makes that a possible
    safeguarding concern, so the DSL sees the leak as well as the data protection lead; never an alert on its own:
    a parent's "our social worker is lovely" is not a leak."""
    m = _CHILD_PROTECTION.search(norm)
    return Hit("safeguarding", "child_protection_details", quote(m)) if m else None

