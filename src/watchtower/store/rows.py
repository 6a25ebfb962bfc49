"""Typed rows: an ``items`` row's JSON and enum columns decoded in one place.

The item aggregate's reads (``store/items.py``: ``get_items``, ``get_item``, ``open_items_detail``, the digest's
reads, ...) return :class:`ItemRow`, the whole row typed: ``severity`` a :class:`Severity`, ``categories`` and
``possible`` tuples, the 0/1 columns booleans. Times stay the UTC ISO text the store keeps (``timeutil.parse_ts``
reads them), and ``extra`` the connector's JSON text (only the evidence export and a platform action read it).

What goes straight into a template or a JSON export stays a dict: ``ItemRow.as_dict()`` gives the row as the
database holds it, and the dashboard's own queries (``web/_queries.py``) read the columns they list. For those
partial rows, :func:`triage_columns` decodes the classification columns (:class:`TriageColumns`), and
:func:`with_categories_list` adds ``categories_list`` for the templates.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from watchtower.models import DEFAULT_SCHOOL, Severity, Source


@dataclass(frozen=True, slots=True)
class TriageColumns:
    """An item's classification columns, decoded (from any row that holds them, or none of them)."""

    severity: Severity
    categories: tuple[str, ...]
    possible: tuple[str, ...]


def _json_list(value: Any) -> tuple[str, ...]:
    return tuple(json.loads(value or "[]"))


def triage_columns(row: Mapping[str, Any]) -> TriageColumns:
    """Decode the classification columns of a row (missing or NULL columns read as none / empty)."""
    return TriageColumns(
        severity=Severity(row.get("severity") or 0),
        categories=_json_list(row.get("categories")),
        possible=_json_list(row.get("possible")),
    )


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One ``items`` row (times as the store's UTC ISO text)."""

    id: int
    platform: str
    platform_id: str
    source: Source
    source_name: str  # the configured source that first saw it
    own_post: bool
    url: str | None
    author_handle: str | None
    author_name: str | None
    title: str | None
    text: str
    created_at: str
    first_seen_at: str
    has_media: bool
    parent_id: str | None
    extra: str  # JSON text, the connector's
    classified_at: str | None
    categories: tuple[str, ...]
    severity: Severity
    possible: tuple[str, ...]
    deadline_at: str | None
    deadline_reason: str | None
    acknowledged_at: str | None
    acknowledged_by: str | None
    resolved_at: str | None
    resolved_by: str | None
    not_concern: bool
    dsl_reviewed_at: str | None
    dsl_reviewed_by: str | None
    claimed_by: str | None
    claimed_at: str | None
    school: str

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> ItemRow:
        """Decode a ``SELECT * FROM items`` row (columns added later than this class are passed by)."""
        triage = triage_columns(row)
        values = {name: row[name] for name in _ITEM_COLUMNS}
        values.update(
            id=int(row["id"]),
            own_post=bool(row["own_post"]),
            has_media=bool(row["has_media"]),
            not_concern=bool(row["not_concern"]),
            extra=row["extra"] or "{}",
            severity=triage.severity,
            categories=triage.categories,
            possible=triage.possible,
            school=str(row["school"] or DEFAULT_SCHOOL),
        )
        return cls(**values)

    def as_dict(self) -> dict[str, Any]:
        """The row as the database holds it (``categories`` and ``possible`` JSON text, ``severity`` and the flags
        integers), for templates and exports."""
        out = {name: getattr(self, name) for name in _ITEM_COLUMNS}
        out.update(
            own_post=int(self.own_post),
            has_media=int(self.has_media),
            not_concern=int(self.not_concern),
            severity=int(self.severity) if self.classified_at is not None or self.severity else None,
            categories=json.dumps(list(self.categories)) if self.classified_at is not None or self.categories
            else None,
            possible=json.dumps(list(self.possible)) if self.possible else None,
        )
        return out


_ITEM_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(ItemRow))


@dataclass(frozen=True, slots=True)
class OpenItem:
    """An item that still owes an acknowledgement, as the escalator reads it: the columns its chain needs and the
    steps already taken."""

    id: int
    platform: str
    source: Source
    severity: Severity
    categories: tuple[str, ...]
    possible: tuple[str, ...]
    created_at: str
    first_seen_at: str
    deadline_at: str
    school: str
    done_steps: frozenset[str]

    @classmethod
    def from_row(cls, row: Mapping[str, Any], done_steps: frozenset[str]) -> OpenItem:
        triage = triage_columns(row)
        return cls(id=int(row["id"]), platform=row["platform"], source=row["source"], severity=triage.severity,
                   categories=triage.categories, possible=triage.possible, created_at=row["created_at"],
                   first_seen_at=row["first_seen_at"], deadline_at=row["deadline_at"],
                   school=str(row["school"] or DEFAULT_SCHOOL), done_steps=done_steps)


def with_categories_list(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with ``categories_list`` (the decoded categories, as templates read them) added in place."""
    row["categories_list"] = list(triage_columns(row).categories)
    return row
