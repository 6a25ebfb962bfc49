"""The audit log: append-only, one line per thing a person or Watchtower did.

Lines about what a person *looked at* across schools (``cross_school_view``) are kept to a useful number: an item
page each time, a list view at most once per ``VIEW_AUDIT_SECONDS`` per person (:class:`ViewAudits`)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from watchtower.models import ALL_SCHOOLS
from watchtower.store.db import Db
from watchtower.timeutil import ts


def audit(
    db: Db,
    *,
    actor: str,
    action: str,
    channel: str,
    now: datetime,
    item_id: int | None = None,
    school: str | None = None,
    **detail: Any,
) -> None:
    """Append one line to the audit log (who, what, when, through which channel, about which school).

    ``school``: the school the line is about; by default the item's, and ``*`` (the whole instance) for a line
    about no item (a login, a user added)."""
    db.execute(
        "INSERT INTO audit (at, actor, action, item_id, channel, detail, school) "
        "VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, (SELECT school FROM items WHERE id = ?), ?))",
        [ts(now), actor, action, item_id, channel, json.dumps(detail, default=str, sort_keys=True),
         school, item_id, ALL_SCHOOLS],
    )


#: a list view (the queue, the review page, the reports) that spans schools through the trust is audited at most
#: once per this many seconds per person and view (the queue refreshes itself every 15 s); an item page each time
VIEW_AUDIT_SECONDS = 600.0


class ViewAudits:
    """Which cross-school views to audit. One per dashboard: what it remembers is this process's."""

    def __init__(self, every: float = VIEW_AUDIT_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.every = every
        self.clock = clock
        self._last: dict[tuple[object, str], float] = {}
        self._lock = threading.Lock()

    def due(self, person: object, view: str, *, item_id: int | None = None,
            schools: Sequence[str] | None = None) -> bool:
        """Whether this view by ``person`` (any key: a user id) is to be audited now; if so it counts as audited."""
        if item_id is not None:
            return True
        key = (person, view + ":" + ",".join(schools or []))
        now = self.clock()
        with self._lock:
            last = self._last.get(key)
            if last is not None and now - last < self.every:
                return False
            self._last[key] = now
            return True


def audit_cross_school_view(db: Db, *, actor: str, role: str, view: str, now: datetime, item_id: int | None = None,
                            school: str | None = None, schools: Sequence[str] | None = None) -> None:
    """The line for a view that reaches a school through the trust (``access.cross_school``)."""
    audit(db, actor=actor, action="cross_school_view", channel="dashboard", now=now, item_id=item_id, school=school,
          view=view, schools=None if schools is None else list(schools), role=role)
