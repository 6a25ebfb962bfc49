"""One builder for the watchtower.toml files that tests and scripts write for a real ``watchtower`` process.

The test school is Oakfield Academy with the staff below; a caller names who of them it needs and adds the tables
it cares about (sources, SMTP, dashboard, deadlines ...). The tests import it directly (tests/ is on sys.path);
scripts/soak.py puts tests/ on sys.path, so the soak, the flood script and the tests that borrow from them share
it. In-process tests build a validated Config with conftest's ``make_config`` instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import SimpleNamespace
from typing import Any

SCHOOL = "Oakfield Academy"
#: the staff, by the first name a caller picks them with
STAFF: dict[str, dict[str, Any]] = {
    "amy": {"name": "Amy Clarke", "email": "a.clarke@oakfield.example", "roles": ["moderator"]},
    "ben": {"name": "Ben Okafor", "email": "b.okafor@oakfield.example", "roles": ["moderator", "admin"]},
    "rachel": {"name": "Rachel Hughes", "email": "r.hughes@oakfield.example", "roles": ["aht"]},
    "david": {"name": "David Price", "email": "head@oakfield.example", "roles": ["headteacher"]},
    "fatima": {"name": "Fatima Shah", "email": "dsl@oakfield.example", "roles": ["dsl"]},
}
#: the fewest people a config may name: two moderators, one of them an admin, a DSL, and a headteacher (or an AHT:
#: media enquiries and serious items must reach one of them)
FEWEST = ("amy", "ben", "fatima", "david")


def rss_source(url: str, *, name: str = "website-comments", source: str = "own", interval_seconds: float = 10,
               **extra: Any) -> dict[str, Any]:
    """One ``[[sources]]`` table: an RSS feed (the fake feed servers of scripts/soak.py serve one)."""
    return {"type": "rss", "name": name, "url": url, "source": source, "interval_seconds": interval_seconds, **extra}


def local_smtp(port: int, **extra: Any) -> dict[str, Any]:
    """The ``[smtp]`` table for a mail catcher on loopback, without TLS."""
    return {"host": "127.0.0.1", "port": port, "security": "none", "from_address": "watchtower@oakfield.example",
            **extra}


def school_toml(db_path: Path | Any, *, staff: Iterable[str] = FEWEST, aliases: Iterable[str] = (),
                sources: Iterable[Mapping[str, Any]] = (), **tables: Mapping[str, Any]) -> str:
    """Oakfield's watchtower.toml: ``[school]``, the ``staff`` named, ``sources``, then ``tables`` in the order given
    (``smtp=local_smtp(port)``, ``dashboard={...}``), and ``[store]`` at ``db_path`` (a SQLite file, or a store's
    ``Location``: a PostgreSQL one is its url)."""
    school: dict[str, Any] = {"name": SCHOOL}
    if aliases := list(aliases):
        school["aliases"] = aliases
    doc: dict[str, Any] = {"school": school, "people": [STAFF[who] for who in staff]}
    if sources := list(sources):
        doc["sources"] = sources
    url = getattr(db_path, "url", None)
    store = {"url": url} if url else {"path": getattr(db_path, "path", None) or db_path}
    return to_toml({**doc, **tables, "store": store})


def two_daemons_toml(url: str, sources: Iterable[Mapping[str, Any]], *, smtp_port: int, smtp_timeout: float,
                     max_backoff: float, lease_seconds: float) -> str:
    """The watchtower.toml two daemons share on one PostgreSQL database at ``url`` (tests/test_two_daemons.py and
    bench/two_daemons.py): Oakfield's whole staff, every alert at once (no batching), email retried after 1 s up to
    ``max_backoff``, no dashboard, JSON logs, and ``lease_seconds`` in ``[store]``."""
    return school_toml(
        SimpleNamespace(url=url), staff=STAFF, aliases=["Oakfield School"], sources=sources,
        escalation={"batch_minutes": 0},
        smtp=local_smtp(smtp_port, timeout_seconds=smtp_timeout),
        notify={"first_backoff_seconds": 1, "max_backoff_seconds": max_backoff},
        dashboard={"enabled": False, "public_url": "https://watchtower.oakfield.example"},
        logging={"level": "info", "format": "json"},
    ).replace("[store]\n", f"[store]\nlease_seconds = {lease_seconds}\n")


def to_toml(doc: Mapping[str, Any]) -> str:
    """TOML for a document of tables (a mapping) and arrays of tables (a list of mappings), one level deep."""
    lines: list[str] = []
    for key, value in doc.items():
        for table in value if isinstance(value, list) else [value]:
            lines += ["", f"[[{key}]]" if isinstance(value, list) else f"[{key}]"]
            lines += [f"{k} = {_value(v)}" for k, v in table.items()]
    return "\n".join(lines[1:]) + "\n"


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, str | Path):
        return json.dumps(str(v))  # a JSON string is a TOML basic string
    if isinstance(v, list | tuple):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    raise TypeError(f"no TOML for {v!r}")
