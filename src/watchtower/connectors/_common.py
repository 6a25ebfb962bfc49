"""What the connectors share beyond HTTP: identity, describe(), de-duplication within one fetch."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import aiohttp

from watchtower.models import Item


def obj(value: Any) -> dict[str, Any]:
    """``value`` if it is a JSON object, else an empty one: API answers are not trusted to have the shape."""
    return value if isinstance(value, dict) else {}


class BaseConnector:
    """Holds the name, platform, shared session and timeout; subclasses implement ``fetch``."""

    platform: str = ""

    def __init__(self, *, name: str, session: aiohttp.ClientSession, timeout: float) -> None:
        self.name = name
        self.session = session
        self.timeout = timeout

    def describe(self) -> str:  # pragma: no cover - every subclass overrides
        return f"{self.platform}: {self.name}"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


def unique(items: Iterable[Item]) -> list[Item]:
    """Items with repeated (platform, platform_id) dropped, first occurrence kept, order kept.

    The first occurrence wins, so connectors list their ``own`` streams before public search: a post
    seen both as a mention of the school account and as a search hit is kept as ``own``.
    """
    seen: set[tuple[str, str]] = set()
    out: list[Item] = []
    for item in items:
        key = (item.platform, item.platform_id)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


class Watermark:
    """Newest created time seen, plus the ids seen at exactly that time.

    For platforms without ``since_id``: an item is new when it is newer than the watermark, or exactly as
    new and not among the ids already seen at that second (two comments in the same second are common).
    Kept in the cursor as ``{"newest": ISO, "ids": [...]}``.
    """

    def __init__(self, newest: datetime | None = None, ids: Iterable[str] = ()) -> None:
        self.newest = newest
        self.ids = set(ids)

    @classmethod
    def load(cls, raw: object) -> Watermark:
        if not isinstance(raw, dict) or not raw.get("newest"):
            return cls()
        try:
            newest = datetime.fromisoformat(str(raw["newest"]))
        except ValueError:
            return cls()
        if newest.tzinfo is None:
            newest = newest.replace(tzinfo=UTC)
        return cls(newest, (str(i) for i in raw.get("ids") or []))

    def is_new(self, created_at: datetime, item_id: str) -> bool:
        if self.newest is None or created_at > self.newest:
            return True
        return created_at == self.newest and item_id not in self.ids

    def older_than(self, created_at: datetime) -> bool:
        """True when ``created_at`` is strictly before the watermark: paging newest-first can stop."""
        return self.newest is not None and created_at < self.newest

    def collect(self, page: Iterable[Item | None], into: list[Item], advancing: Watermark | None = None) -> bool:
        """Append the items of ``page`` (newest first; None for a row that is no item) that are new against this
        watermark to ``into``, advancing ``advancing`` past each; True when the page reached an item older than
        the watermark, so paging newest-first can stop."""
        reached = False
        for item in page:
            if item is None:
                continue
            if self.older_than(item.created_at):
                reached = True
            elif self.is_new(item.created_at, item.platform_id):
                into.append(item)
                if advancing is not None:
                    advancing.advance(item.created_at, item.platform_id)
        return reached

    def advance(self, created_at: datetime, item_id: str) -> None:
        if self.newest is None or created_at > self.newest:
            self.newest = created_at
            self.ids = {item_id}
        elif created_at == self.newest:
            self.ids.add(item_id)

    def dump(self) -> dict[str, object] | None:
        if self.newest is None:
            return None
        return {"newest": self.newest.astimezone(UTC).isoformat(), "ids": sorted(self.ids)}
