"""What every connector is: a client that, given a cursor, fetches new items and the next cursor.

A connector never touches the database, the scheduler or logging set-up: the poller owns time
(``watchtower.poller``). It receives a shared ``aiohttp.ClientSession`` and its credentials.
Failures are typed (``watchtower.exceptions``): ``SourceUnavailable`` (transient), ``SourceAuthFailed``,
``SourceQuotaExhausted``, ``SourceMisconfigured`` (a wrong id: a person must fix the config); anything else is a
bug, logged with traceback while other sources go on.

The poller bounds each poll by the source's ``timeout_seconds``. A connector whose one poll makes several requests
in a row (X: up to four streams, several pages each) sets ``poll_budget`` to the seconds a whole poll may take,
so that ``timeout_seconds`` can stay the bound on one request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from watchtower.models import Item

Cursor = dict[str, Any]


@dataclass(slots=True)
class FetchResult:
    """New items since ``cursor`` and the cursor to persist once they are stored.

    The poller saves ``cursor`` only after ``items`` are in the database, so a crash between fetch and
    store re-fetches and never skips.
    """

    items: list[Item]
    cursor: Cursor = field(default_factory=dict)
    #: what went wrong in a fetch that still succeeded (one X stream of four refused): the poller records the
    #: source as ``degraded`` with these, so the operator hears of it while the rest keeps being watched
    warnings: list[str] = field(default_factory=list)


@runtime_checkable
class Connector(Protocol):
    #: stable id of this source in config and the database, e.g. "facebook:page" or "rss:google-alerts"
    name: str
    #: the platform stored on items: "x", "facebook", "instagram", "youtube", "rss", "mastodon", "bluesky", "reddit"
    platform: str

    async def fetch(self, cursor: Cursor) -> FetchResult:
        """Return items newer than ``cursor`` (empty dict on the first run)."""
        ...

    def describe(self) -> str:
        """One line for ``watchtower check-config``: what this source watches."""
        ...
