"""What the connectors share beyond HTTP: identity, describe(), de-duplication within one fetch."""

from __future__ import annotations

from collections.abc import Iterable

import aiohttp

from watchtower.models import Item


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
