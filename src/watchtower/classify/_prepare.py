"""What the model reads: a post rewritten the way its training data (TweetEval) was written.

TweetEval replaced every @handle with ``@user`` and every link with ``URL`` (or dropped it). A live post
carries real handles ("@ElmParkAcademy @MrsJones") and full links, which the tokenizer splits into many
word pieces the model never saw in training: they cost time and push the words that matter towards the
64-token limit. So, before the model (never before the rules, which need the real handles):

- every @handle becomes ``@user``, and a run of them becomes one ``@user`` (a reply to 15 people is
  still a reply);
- every http(s) link becomes ``URL``;
- when ``emoji_names`` is on, each emoji becomes its Unicode name in words (the base model's vocabulary
  has no emoji: they would all be ``[UNK]``). Only models trained that way set it (metadata
  ``"prepare": {"emoji_names": true}``).
"""

from __future__ import annotations

import re
import unicodedata

_HANDLE = re.compile(r"(?<![\w@])@\w{1,50}")
_HANDLE_RUN = re.compile(r"@user(?:\s+@user)+")
_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_SPACES = re.compile(r"[ \t]{2,}")


def _emoji_name(ch: str) -> str | None:
    if ord(ch) < 0x2100 or 0x1F1E6 <= ord(ch) <= 0x1F1FF or unicodedata.category(ch) != "So":
        return None  # not a pictograph; flags' regional letters and skin tones stay as they are
    name = unicodedata.name(ch, "")
    return f" {name.lower()} " if name else None


def prepare(text: str, *, emoji_names: bool = False) -> str:
    """The text the model is given for ``text``."""
    text = _URL.sub("URL", text)
    text = _HANDLE.sub("@user", text)
    text = _HANDLE_RUN.sub("@user", text)
    if emoji_names:
        text = "".join(_emoji_name(c) or c for c in text)
    return _SPACES.sub(" ", text).strip()
