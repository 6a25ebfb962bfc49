"""feedparser's own ill-formed, encoding and sanitizer test feeds, served over loopback to the RSS connector.

The feeds are not in this repository: they are read from ``../shared/data/feedparser/`` (see its README:
source, commit and BSD-2 licence). Without them this test is skipped.

Each feed must give either items or ``SourceUnavailable`` (never another exception), and every item it gives
must be safe to show: an http(s) link or none, no script left in its text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from watchtower.connectors import SourceConfig, build_connector
from watchtower.exceptions import SourceUnavailable

from .conftest import Reply

ROOT = Path(__file__).resolve().parents[2]
#: ``../shared`` beside the checkout (a worktree one level deeper looks one level further up)
CORPUS = next(
    (p for p in (ROOT.parent / "shared" / "data" / "feedparser", ROOT.parent.parent / "shared" / "data" / "feedparser")
     if p.is_dir()),
    None,
)
FEEDS = sorted(CORPUS.rglob("*.xml")) if CORPUS else []
ADAPTER: TypeAdapter[SourceConfig] = TypeAdapter(SourceConfig)
SANITIZER_ENTRIES = ("wellformed/sanitize/entry_", "wellformed/sanitize/item_")
_HEADER = re.compile(rb"^Header:\s*Content-type:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)

pytestmark = pytest.mark.skipif(not FEEDS, reason="../shared/data/feedparser/ is not there (see its README)")


async def test_every_corpus_feed_gives_safe_items_or_a_typed_failure(fake, session):
    outcomes: dict[str, int] = {"items": 0, "empty": 0, "unavailable": 0}
    sanitizer_with_items = 0
    problems: list[str] = []
    for n, path in enumerate(FEEDS):
        body = path.read_bytes()
        header = _HEADER.search(body)
        ctype = header.group(1).decode("latin-1") if header else "application/xml"
        fake.on("GET", f"/f{n}", Reply(body=body, headers={"Content-Type": ctype}))
        cfg = ADAPTER.validate_python({"type": "rss", "name": f"f{n}", "url": f"{fake.base}/f{n}"})
        name = str(path.relative_to(CORPUS))
        try:
            items = (await build_connector(cfg, session, school_names=["Oakfield"]).fetch({})).items
        except SourceUnavailable:
            outcomes["unavailable"] += 1
            continue
        outcomes["items" if items else "empty"] += 1
        sanitizer_with_items += bool(items) and name.startswith(SANITIZER_ENTRIES)
        for item in items:
            if item.url is not None and not item.url.startswith(("http://", "https://")):
                problems.append(f"{name}: link {item.url!r}")
            if re.search(r"<\s*script|javascript:|vbscript:", item.text + (item.title or ""), re.IGNORECASE):
                problems.append(f"{name}: script in text {item.text[:80]!r}")
            if not item.platform_id:
                problems.append(f"{name}: no id")
    assert problems == []
    # The sanitizer's entry cases are well-formed feeds with one entry: every one is read (its script dropped).
    assert CORPUS is not None
    sanitizer = sum(1 for p in FEEDS if str(p.relative_to(CORPUS)).startswith(SANITIZER_ENTRIES))
    assert sanitizer_with_items == sanitizer > 0, outcomes

