"""Times as text: one way to write a time in the database (UTC, fixed width, so text order is time order) and
one way to show a time to a person in the school's zone (:func:`local_text`)."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import Literal

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


#: How a local time is shown to a person, by where it is shown.
LocalStyle = Literal["full", "short", "clock", "page"]

_LOCAL_FORMATS: dict[str, str] = {
    "full": "%a %d %b %Y %H:%M %Z",  # emails, the digest, watcher alerts, deadline reasons: Mon 09 Mar 2026 17:00 GMT
    "short": "%a %d %b %H:%M %Z",  # escalation reasons: Mon 09 Mar 17:00 GMT
    "clock": "%H:%M:%S",  # the time of day alone
    "page": "%a %d %b %Y %H:%M",  # the dashboard (its own format may be passed as ``fmt``)
}


def local_text(
    moment: datetime | None, zone: tzinfo, style: LocalStyle = "full", *, none: str = "", fmt: str | None = None
) -> str:
    """``moment`` in ``zone``, written in ``style`` (or the strftime ``fmt``); ``none`` when there is no moment."""
    if moment is None:
        return none
    return moment.astimezone(zone).strftime(fmt or _LOCAL_FORMATS[style])
