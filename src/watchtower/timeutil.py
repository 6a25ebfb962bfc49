"""One way to write a time in the database: UTC, fixed width, so text order is time order."""

from __future__ import annotations

from datetime import UTC, datetime

_FMT = "%Y-%m-%dT%H:%M:%S.%fZ"


def ts(dt: datetime) -> str:
    if dt.tzinfo is None:
        raise ValueError("refusing a naive datetime: Watchtower stores UTC only")
    return dt.astimezone(UTC).strftime(_FMT)


def parse_ts(value: str) -> datetime:
    if value.endswith("Z") and len(value) == 27:
        return datetime.strptime(value, _FMT).replace(tzinfo=UTC)
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def maybe_ts(value: str | None) -> datetime | None:
    return None if value is None else parse_ts(value)
