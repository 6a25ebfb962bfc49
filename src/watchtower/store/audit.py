"""The audit log: append-only, one line per thing a person or Watchtower did."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

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
    **detail: Any,
) -> None:
    """Append one line to the audit log (who, what, when, through which channel)."""
    db.execute(
        "INSERT INTO audit (at, actor, action, item_id, channel, detail) VALUES (?, ?, ?, ?, ?, ?)",
        [ts(now), actor, action, item_id, channel, json.dumps(detail, default=str, sort_keys=True)],
    )
