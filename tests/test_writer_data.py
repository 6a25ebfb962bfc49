"""The labelled writers' posts (training/data/writers/, tests/data/first_sight/) are well formed: each file one
writer, design.md's categories, one of the kinds in the writers' specification, unique ids, harmless kinds
unlabelled and every post a label-worthy kind. Training and the issue-13 figures read these files as they are."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from watchtower.models import CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "training" / "data" / "writers").glob("w*.jsonl")) + sorted(
    (ROOT / "tests" / "data" / "first_sight").glob("w*.jsonl"))
SPEC = (ROOT / "training" / "data" / "writers" / "briefs" / "SPEC.md").read_text(encoding="utf-8")
NEGATIVE_KINDS = {"violent_idiom", "sport_banter", "lesson_or_history", "awareness_or_fundraiser", "staff_banter",
                  "gaming", "joke_emoji", "ordinary"}
KINDS = set(re.findall(r"[a-z_]+", SPEC.split("positives:", 1)[1].split("- platform", 1)[0])) - {"negatives",
                                                                                                    "categories"}


def test_every_writer_in_the_table_has_a_file_and_the_kinds_are_read_from_their_specification() -> None:
    table = (ROOT / "training" / "data" / "writers" / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| (w\d+)\.jsonl \|", table, flags=re.M))
    assert {p.stem for p in FILES if p.parent.name == "writers"} == listed
    assert len(FILES) >= 10
    assert NEGATIVE_KINDS <= KINDS and {"coded_hate", "indirect_suicidal", "grooming_exploitation"} <= KINDS


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_a_writers_file_is_well_formed(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 300
    assert len({r["id"] for r in rows}) == len(rows)
    assert {r["writer"] for r in rows} == {path.stem}
    for r in rows:
        assert set(r["categories"]) <= set(CATEGORIES), r["id"]
        assert r["kind"] in KINDS, r["id"]
        assert (r["kind"] in NEGATIVE_KINDS) == (r["categories"] == []), r["id"]
        assert r["source"] in ("own", "mention") and r["text"].strip(), r["id"]
