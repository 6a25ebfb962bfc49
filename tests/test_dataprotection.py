"""Subject access, erasure and evidence: what a data subject and the police are owed, and nothing leaks into the
audit log."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from conftest import both_stores
from school_toml import school_toml
from test_retention import add_item  # tests/ is on sys.path (rootdir-less test modules)
from watchtower.dataprotection import content_sha256, erase_author, evidence, export_author, handle_hash
from watchtower.models import Item
from watchtower.store import connect, immediate, repo
from watchtower.store.db import Db, Location

pytestmark = both_stores

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def db(store_location: Location) -> Db:
    d = connect(store_location)
    add_item(d, 1, age_days=3, categories=["harassment"], text="you are a disgrace mr jones", author="troll99")
    add_item(d, 2, age_days=2, categories=[], text="great match today", author="troll99")
    add_item(d, 3, age_days=1, categories=[], text="well done year 6", author="parent_a")
    return d


class TestSubjectAccess:
    def test_export_has_every_item_by_the_author_with_decisions_and_actions(self, db: Db) -> None:
        data = export_author(db, "@Troll99", now=NOW)
        assert [i["text"] for i in data["items"]] == ["you are a disgrace mr jones", "great match today"]
        flagged = data["items"][0]
        assert flagged["classifications"][0]["categories"] == ["harassment"]
        assert flagged["actions"][0]["action"] == "hidden"
        assert flagged["acknowledgements"][0]["by"] == "Amy"
        json.dumps(data)  # serialisable as it stands

    def test_author_without_handle_is_matched_on_name(self, store_location: Location) -> None:
        d = connect(store_location)
        it = Item(platform="rss", source="mention", platform_id="c1", url=None, author_handle=None,
                  author_name="Jo Bloggs", text="comment", created_at=NOW)
        with immediate(d):
            repo.ingest(d, [it], source_name="site", now=NOW)
        assert len(export_author(d, "jo bloggs", now=NOW)["items"]) == 1


class TestErasure:
    def test_erase_deletes_the_authors_items_only_and_audits_counts_and_hash(self, db: Db) -> None:
        with immediate(db):
            counts = erase_author(db, "troll99", by="Fatima Shah", now=NOW)
        assert counts["items"] == 2 and counts["actions"] == 1
        assert [r[0] for r in db.execute("SELECT author_handle FROM items")] == ["parent_a"]
        assert db.execute("SELECT COUNT(*) FROM classifications WHERE item_id IN (1, 2)").fetchone()[0] == 0
        last = "SELECT action, actor, detail FROM audit ORDER BY id DESC LIMIT 1"
        action, actor, detail = db.execute(last).fetchone()
        assert (action, actor) == ("erase_author", "Fatima Shah")
        assert json.loads(detail)["handle_sha256"] == handle_hash("troll99")
        all_audit = " ".join(r[0] for r in db.execute("SELECT detail FROM audit"))
        assert "troll99" not in all_audit and "disgrace" not in all_audit

    def test_audit_rows_about_erased_items_survive(self, db: Db) -> None:
        before = db.execute("SELECT COUNT(*) FROM audit WHERE item_id = 1").fetchone()[0]
        with immediate(db):
            erase_author(db, "troll99", by="Fatima Shah", now=NOW)
        assert before > 0
        assert db.execute("SELECT COUNT(*) FROM audit WHERE item_id = 1").fetchone()[0] == before


class TestEvidence:
    def test_snapshot_has_content_hash_classification_and_audit_trail(self, db: Db) -> None:
        with immediate(db):
            snap = evidence(db, 1, by="Fatima Shah", now=NOW)
        assert snap["content"]["text"] == "you are a disgrace mr jones"
        canonical = json.dumps(snap["content"], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        assert snap["content_sha256"] == hashlib.sha256(canonical.encode()).hexdigest()
        assert snap["flagged"] is True
        assert snap["classifications"][0]["categories"] == ["harassment"]
        assert {a["action"] for a in snap["audit_trail"]} >= {"acknowledge", "action:hidden"}
        assert snap["emails"][0]["step"] == "moderators"
        last = db.execute("SELECT action, item_id FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        assert last == ("evidence_exported", 1)

    def test_content_is_the_first_seen_version_even_if_the_post_is_seen_again_changed(self, db: Db) -> None:
        def stored() -> dict[str, Any]:
            row = repo.get_item(db, 1)
            assert row is not None
            return row.as_dict()

        before = content_sha256(stored())
        edited = Item(platform="rss", source="mention", platform_id="p1", url=None, author_handle="troll99",
                      author_name=None, text="[deleted]", created_at=NOW)
        with immediate(db):
            assert repo.ingest(db, [edited], source_name="feed", now=NOW) == []
        assert stored()["text"] == "you are a disgrace mr jones"
        assert content_sha256(stored()) == before

    def test_missing_item_is_an_error(self, db: Db) -> None:
        with pytest.raises(KeyError), immediate(db):
            evidence(db, 999, by="x", now=NOW)


def test_cli_export_erase_evidence(tmp_path: Path, db: Db, store_location: Location) -> None:
    cfg = tmp_path / "w.toml"
    cfg.write_text(school_toml(store_location))
    run = [sys.executable, "-m", "watchtower"]
    out = tmp_path / "sar.json"
    res = subprocess.run([*run, "export", "--config", str(cfg), "--author", "troll99", "--out", str(out)],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert len(json.loads(out.read_text())["items"]) == 2
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    ev = tmp_path / "ev.json"
    res = subprocess.run([*run, "evidence", "1", "--config", str(cfg), "--out", str(ev), "--by", "DSL"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert json.loads(ev.read_text())["content_sha256"] in res.stdout
    res = subprocess.run([*run, "erase", "--config", str(cfg), "--author", "troll99", "--by", "DSL", "--yes"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert "erased 2 item(s)" in res.stdout
    res = subprocess.run([*run, "evidence", "1", "--config", str(cfg), "--out", str(ev)],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 1 and "no item 1" in res.stderr
