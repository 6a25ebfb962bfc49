"""``watchtower action ID --on-platform ...``: queues the row with the same rules as the dashboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import both_stores
from watchtower.cli import main
from watchtower.store import connect, repo

from .conftest import Harness, add

pytestmark = both_stores


def _write_config(h: Harness, path: Path) -> Path:
    from tests.conftest import to_toml

    path.write_text(to_toml(h.config.model_dump(mode="json", exclude_defaults=True)), encoding="utf-8")
    return path


async def test_cli_hides_and_refuses_a_moderator_delete_of_safeguarding(
        h: Harness, tmp_path: Path, capsys: Any) -> None:
    item_id = await add(h.store, h.config, h.clock, platform="facebook", platform_id="5_1",
                        categories=["safeguarding"])
    cfg = _write_config(h, tmp_path / "watchtower.toml")
    assert main(["action", str(item_id), "--on-platform", "hide", "--by", "Amy Clarke", "--config", str(cfg)]) == 0
    out = capsys.readouterr().out
    assert "Facebook: hide the comment" in out and "queued as platform action" in out
    assert main(["action", str(item_id), "--on-platform", "delete", "--by", "amy@oakfield.example",
                 "--config", str(cfg)]) == 2
    assert "only the DSL or the headteacher may delete" in capsys.readouterr().err
    assert main(["action", str(item_id), "--on-platform", "delete", "--by", "Fatima Shah",
                 "--config", str(cfg)]) == 0
    assert main(["action", str(item_id), "--on-platform", "hide", "--by", "Nobody", "--config", str(cfg)]) == 2
    db = connect(h.store.location)
    try:
        rows = repo.platform_actions_for_item(db, item_id)
    finally:
        db.close()
    assert [(r["kind"], r["channel"], r["requested_by"]) for r in rows] == [
        ("hide", "cli", "amy@oakfield.example"), ("delete", "cli", "dsl@oakfield.example")]
    assert rows[1]["evidence_sha256"]


@pytest.mark.parametrize("argv", [["--on-platform", "reply"]])
async def test_cli_reply_needs_text(h: Harness, tmp_path: Path, capsys: Any, argv: list[str]) -> None:
    item_id = await add(h.store, h.config, h.clock, platform="facebook", platform_id="5_2")
    cfg = _write_config(h, tmp_path / "watchtower.toml")
    assert main(["action", str(item_id), *argv, "--by", "Amy Clarke", "--config", str(cfg)]) == 2
    assert "a reply needs text" in capsys.readouterr().err
