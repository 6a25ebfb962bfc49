"""``watchtower ack / action / resolve / queue`` (cli/ack.py) on a real database file, audited."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import add_item, both_stores
from watchtower.cli import main
from watchtower.cli.ack import countdown, excerpt
from watchtower.config import Config
from watchtower.models import utcnow
from watchtower.store.db import Db

pytestmark = both_stores


@pytest.fixture
def cfg(config_file: Callable[..., Path], config: Config) -> tuple[Path, Config]:
    return config_file(), config


def audit(db: Db, item_id: int) -> list[tuple[str, str, str, dict[str, object]]]:
    rows = db.execute("SELECT actor, action, channel, detail FROM audit WHERE item_id = ? AND actor != 'watchtower' "
                      "ORDER BY id", [item_id]).fetchall()
    return [(a, b, c, json.loads(d)) for a, b, c, d in rows]


class TestAck:
    def test_ack_stops_the_chain_and_is_audited(
        self, cfg: tuple[Path, Config], db: Db, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path, config = cfg
        item = add_item(db, config, text="When is parents' evening?", categories=["query"], now=utcnow())
        assert main(["ack", str(item), "--by", "Amy Clarke", "--note", "replied on Facebook",
                     "--config", str(path)]) == 0
        assert "acknowledged by Amy Clarke" in capsys.readouterr().out
        row = db.execute("SELECT acknowledged_by, acknowledged_at FROM items WHERE id = ?", [item]).fetchone()
        assert row[0] == "Amy Clarke" and row[1] is not None
        assert db.execute("SELECT COUNT(*) FROM items WHERE acknowledged_at IS NULL AND deadline_at IS NOT NULL"
                          ).fetchone()[0] == 0
        assert audit(db, item) == [("Amy Clarke", "acknowledge", "cli",
                                    {"first": True, "note": "replied on Facebook"})]

    def test_a_second_ack_keeps_the_first_and_says_so(
        self, cfg: tuple[Path, Config], db: Db, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path, config = cfg
        item = add_item(db, config, text="Complaint about the bus", categories=["complaint"], now=utcnow())
        main(["ack", str(item), "--by", "Amy Clarke", "--config", str(path)])
        assert main(["ack", str(item), "--by", "Ben Okafor", "--config", str(path)]) == 0
        assert "already acknowledged by Amy Clarke" in capsys.readouterr().out
        assert db.execute("SELECT acknowledged_by FROM items WHERE id = ?", [item]).fetchone()[0] == "Amy Clarke"
        assert [a[0] for a in audit(db, item)] == ["Amy Clarke", "Ben Okafor"]

    def test_an_unknown_item_is_an_error(self, cfg: tuple[Path, Config], capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["ack", "999", "--by", "Amy Clarke", "--config", str(cfg[0])]) == 2
        assert "no item 999" in capsys.readouterr().err


class TestActionAndResolve:
    def test_actions_and_resolution_are_recorded_and_audited(
        self, cfg: tuple[Path, Config], db: Db, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path, config = cfg
        item = add_item(db, config, text="You're all idiots", categories=["harassment"], now=utcnow())
        assert main(["action", str(item), "hidden", "--by", "Ben Okafor", "--config", str(path)]) == 0
        assert main(["action", str(item), "blocked_reported", "--by", "Ben Okafor", "--note", "reported to FB",
                     "--config", str(path)]) == 0
        assert main(["resolve", str(item), "--by", "Ben Okafor", "--config", str(path)]) == 0
        assert [r[0] for r in db.execute("SELECT action FROM actions WHERE item_id = ? ORDER BY id", [item])] == [
            "hidden", "blocked_reported"]
        assert db.execute("SELECT resolved_by FROM items WHERE id = ?", [item]).fetchone()[0] == "Ben Okafor"
        assert [a[1] for a in audit(db, item)] == ["action:hidden", "action:blocked_reported", "resolve"]

    def test_an_unknown_action_is_refused_with_the_list(
        self, cfg: tuple[Path, Config], db: Db, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path, config = cfg
        item = add_item(db, config, text="?", categories=["query"], now=utcnow())
        assert main(["action", str(item), "shrugged", "--by", "Amy Clarke", "--config", str(path)]) == 2
        err = capsys.readouterr().err
        assert "unknown action 'shrugged'" in err and "police_ceop" in err
        assert db.execute("SELECT COUNT(*) FROM actions").fetchone()[0] == 0

    def test_resolving_an_unknown_item_is_an_error(self, cfg: tuple[Path, Config]) -> None:
        assert main(["resolve", "42", "--by", "Amy Clarke", "--config", str(cfg[0])]) == 2


class TestOddIds:
    """An id that is not an item number of the store's form (out of SQLite's range, negative, zero, not ASCII digits)
    is a one-line error and exit 2 on every command that takes one, never a traceback."""

    @pytest.mark.parametrize("odd", ["99999999999999999999999", "9223372036854775808", "-1", "0", "abc", "1_0",
                                     "\u0663", "7\u202e", "1e3", ""])
    @pytest.mark.parametrize("command", [["ack", "{id}", "--by", "Amy"], ["resolve", "{id}", "--by", "Amy"],
                                         ["action", "{id}", "hidden", "--by", "Amy"],
                                         ["evidence", "{id}", "--out", "{out}"]])
    def test_an_odd_id_is_a_one_line_error_and_exit_2(
        self, cfg: tuple[Path, Config], db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        command: list[str], odd: str,
    ) -> None:
        out = tmp_path / "evidence.json"
        argv = [a.format(id=odd, out=out) for a in command] + ["--config", str(cfg[0])]
        assert main(argv) == 2
        captured = capsys.readouterr()
        [line] = captured.err.splitlines()
        assert line.startswith(f"watchtower {command[0]}: ") and "not an item number" in line, line
        assert "\u202e" not in line and captured.out == "" and not out.exists()
        assert db.execute("SELECT COUNT(*) FROM audit WHERE actor != 'watchtower'").fetchone()[0] == 0

    def test_the_largest_id_sqlite_can_hold_is_simply_not_found(
        self, cfg: tuple[Path, Config], capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["ack", "9223372036854775807", "--by", "Amy Clarke", "--config", str(cfg[0])]) == 2
        assert "no item 9223372036854775807" in capsys.readouterr().err


class TestQueue:
    def test_open_items_soonest_first_without_safeguarding_text(
        self, cfg: tuple[Path, Config], db: Db, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path, config = cfg
        now = utcnow()
        query = add_item(db, config, text="Is school open tomorrow?\x1b[31m", categories=["query"], now=now)
        sg = add_item(db, config, text="he touches me when mum is out", categories=["safeguarding"], now=now)
        photo = add_item(db, config, text="nice photo", categories=[], now=now)
        add_item(db, config, text="nice photo", categories=[], now=now, source="mention")  # owes nothing
        assert main(["queue", "--config", str(path)]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines[0].split()[:3] == ["ID", "SEVERITY", "DEADLINE"]
        # every own-account comment owes an acknowledgement under the 24-hour rule, the unflagged one too
        assert [int(line.split()[0]) for line in lines[1:]] == [sg, query, photo]
        assert "critical" in lines[1] and "safeguarding: text withheld" in lines[1]
        assert "he touches me" not in "\n".join(lines)
        assert "\x1b" not in "\n".join(lines)
        assert "Is school open tomorrow?" in lines[2]
        # the unflagged comment reads as the dashboard and the email say it, never "none"
        assert lines[3].split()[1:3] == ["not", "flagged"]

    def test_a_comment_the_classifier_was_not_built_to_read_says_so(
        self, cfg: tuple[Path, Config], db: Db, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path, config = cfg
        add_item(db, config, text="Dziękuję bardzo pani za wszystko, mój syn jest bardzo szczęśliwy", categories=[],
                 now=utcnow())
        add_item(db, config, text="Thank you for a lovely concert", categories=[], now=utcnow())
        main(["queue", "--config", str(path)])
        polish, english = capsys.readouterr().out.splitlines()[1:]
        assert "[not read: Polish] Dziękuję bardzo" in polish and "not read" not in english

    def test_status_counts_unflagged_own_account_comments_as_not_flagged(
        self, cfg: tuple[Path, Config], db: Db, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path, config = cfg
        add_item(db, config, text="nice photo", categories=[], now=utcnow())
        main(["status", "--config", str(path)])
        queue = capsys.readouterr().out.split("queue (awaiting acknowledgement):")[1].split("unclassified")[0]
        assert queue.split() == ["not", "flagged", "1", "open,", "0", "overdue"]

    def test_an_empty_queue_says_so(self, cfg: tuple[Path, Config], capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["queue", "--config", str(cfg[0])]) == 0
        assert "no open items" in capsys.readouterr().out

    @pytest.mark.parametrize(
        ("delta", "expected"),
        [(timedelta(hours=3, minutes=20), "in 3h20m"), (timedelta(minutes=-125), "OVERDUE 2h05m"),
         (timedelta(days=1, hours=2), "in 1d2h00m")],
    )
    def test_countdown(self, delta: timedelta, expected: str) -> None:
        now = datetime(2026, 3, 9, 10, tzinfo=UTC)
        assert countdown(now + delta, now) == expected

    def test_excerpt_is_one_safe_line(self) -> None:
        row = {"text": "line one\nline\u202etwo " + "x" * 100, "categories": '["harassment"]'}
        out = excerpt(row)
        assert "\n" not in out and "\u202e" not in out and len(out) == 60
