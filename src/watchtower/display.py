"""Hostile text made safe to *show*: the one function every place that displays post text uses.

Post text, author names, titles and URLs come from strangers. Shown as they are, a few characters do harm:

- bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what follows them, so
  ``"report‮gnp.exe"`` reads as something else, and an author name can reverse the rest of an email line;
- ANSI escape sequences (ESC, and the 8-bit CSI U+009B) drive a terminal: colours, cursor moves, a fake prompt;
- NUL and the other C0/C1 controls are invisible, cut strings short in some mail clients, or break lines;
- lone surrogates make the text unencodable, so an email could not be sent at all.

``safe_display`` replaces each of these with something visible and inert: a C0 control becomes its Unicode
"control picture" (NUL ``␀``, ESC ``␛``, so ``␛[31m`` shows what was there), DEL ``␡``, everything else
``\\ufffd``. Line breaks stay line breaks (CR LF, CR, U+2028 and U+2029 become ``\\n``) and tabs stay tabs.
Ordinary right-to-left text is untouched: the implicit marks (LRM, RLM, ALM) and joiners are kept.

Only *display* goes through here. The store and the evidence export keep the original text byte for byte.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

__all__ = ["finalize", "safe_display"]

_NEWLINES = re.compile("\r\n|[\r\u2028\u2029]")
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _picture(m: re.Match[str]) -> str:
    c = m.group()
    o = ord(c)
    if o < 0x20:
        return chr(0x2400 + o)  # ␀ ␁ … ␛ … ␟
    if o == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def safe_display(text: str | None) -> str:
    """``text`` with control, bidi-override and escape characters made visible and inert (see the module)."""
    if not text:
        return ""
    return _UNSAFE.sub(_picture, _NEWLINES.sub("\n", text))


def finalize(value: Any) -> Any:
    """jinja2 ``finalize``: every ``{{ ... }}`` string passes through ``safe_display`` on its way out, so no template
    can forget it. ``Markup`` (our own HTML, such as the SVG charts) is left as it is."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return safe_display(value)
    return value
