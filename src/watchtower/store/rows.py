"""Typed rows: an ``items`` row's JSON and enum columns decoded in one place.

The store hands rows out as ``dict[str, Any]`` with ``categories`` and ``possible`` as JSON text and ``severity``
as an int; ``item_row(row)`` is the one function that decodes them, and everything that needs the decoded values
(the pipeline, the digest, actions, watchers, the dashboard, the CLI) asks it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from watchtower.models import Severity


@dataclass(frozen=True, slots=True)
class ItemRow:
    """An item's classification columns, decoded."""

    severity: Severity
    categories: tuple[str, ...]
    possible: tuple[str, ...]


def _json_list(value: Any) -> tuple[str, ...]:
    return tuple(json.loads(value or "[]"))


def item_row(row: Mapping[str, Any]) -> ItemRow:
    """Decode an ``items`` row (missing or NULL columns read as none / empty)."""
    return ItemRow(
        severity=Severity(row.get("severity") or 0),
        categories=_json_list(row.get("categories")),
        possible=_json_list(row.get("possible")),
    )


def with_categories_list(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with ``categories_list`` (the decoded categories, as templates read them) added in place."""
    row["categories_list"] = list(item_row(row).categories)
    return row
