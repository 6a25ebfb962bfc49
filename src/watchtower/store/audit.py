"""The audit log: append-only, one line per thing a person or Watchtower did."""

from __future__ import annotations

import json
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
