"""Parse one feed body in a child process, so that the parse can be stopped: ``python -I _feedparse.py ARGS``.

feedparser is pure Python and cannot be interrupted: run in a thread, a hostile or huge body keeps a thread
parsing (and holding memory) long after the poll has given up on it. In a child process the parse is killed
when the poll's time is up, and its memory is given back whole when it exits.

Standalone on purpose (the standard library and feedparser only; run with ``-I`` so that nothing but the
installed packages is importable): the child starts in about a tenth of a second.

Input: the body on stdin; ``ARGS`` is JSON ``{"content_location", "content_type", "max_entries"}``.
Output: JSON on stdout ``{"bozo", "bozo_exception", "version", "total", "entries": [...]}`` where each entry
keeps only what the connector reads (see :func:`entry_fields`), each text cut to a bound, and at most
``max_entries`` entries (in document order: feeds list their newest first).
"""

from __future__ import annotations

import calendar
import io
import json
import sys
from typing import Any

import feedparser

#: longest text kept from one field of one entry (a title, a link, a summary), in characters
MAX_FIELD = {"link": 4096, "id": 2048, "title": 2048, "author": 512, "html": 200_000}


def _str(value: Any, key: str) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    return value[: MAX_FIELD[key]]


def _time(entry: Any) -> float | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return float(calendar.timegm(parsed))
            except (TypeError, ValueError, OverflowError):
                continue
    return None


def _html(entry: Any) -> str | None:
    for content in entry.get("content") or []:
        if isinstance(content, dict) and content.get("value"):
            return _str(content["value"], "html")
    return _str(entry.get("summary") or entry.get("description"), "html")


def _has_media(entry: Any) -> bool:
    if entry.get("media_content") or entry.get("media_thumbnail"):
        return True
    for enclosure in entry.get("enclosures") or []:
        if isinstance(enclosure, dict) and str(enclosure.get("type", "")).startswith(("image/", "video/")):
            return True
    return False


def entry_fields(entry: Any) -> dict[str, Any]:
    """What the connector reads of one feedparser entry, as plain JSON."""
    return {
        "link": _str(entry.get("link"), "link"),
        "id": _str(entry.get("id"), "id"),
        "title": _str(entry.get("title"), "title"),
        "html": _html(entry),
        "author": _str(entry.get("author"), "author"),
        "time": _time(entry),
        "has_media": _has_media(entry),
    }


def parse(body: bytes, *, content_location: str, content_type: str, max_entries: int) -> dict[str, Any]:
    # A BytesIO, never the bytes themselves: feedparser takes a str or bytes that looks like a path or URL as
    # something to open.
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers={"content-location": content_location, "content-type": content_type},
    )
    entries = list(parsed.get("entries") or [])
    exc = parsed.get("bozo_exception")
    return {
        "bozo": bool(parsed.get("bozo")),
        "bozo_exception": str(exc)[:300] if exc is not None else None,
        "version": str(parsed.get("version") or ""),
        "total": len(entries),
        "entries": [entry_fields(e) for e in entries[:max_entries]],
    }


def main() -> int:
    args = json.loads(sys.argv[1])
    body = sys.stdin.buffer.read()
    out = parse(
        body,
        content_location=str(args["content_location"]),
        content_type=str(args["content_type"]),
        max_entries=int(args["max_entries"]),
    )
    sys.stdout.write(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
