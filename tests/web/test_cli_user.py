"""``watchtower user``: the IT technician adds, lists, re-passwords and disables dashboard logins."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from watchtower import users
from watchtower.cli import main
from watchtower.store import connect


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    db = tmp_path / "wt.db"
    people = "\n".join(
        f'[[people]]\nname = "{n}"\nemail = "{e}"\nroles = ["{r}"]\n'
        for n, e, r in [("Amy", "amy@s.example", "moderator"), ("Ben", "ben@s.example", "moderator"),
                        ("Fatima", "dsl@s.example", "dsl"), ("David", "head@s.example", "headteacher")]
    )
    path = tmp_path / "watchtower.toml"
    path.write_text(f'[school]\nname = "Oakfield Academy"\n\n{people}\n[store]\npath = "{db}"\n', encoding="utf-8")
    return path


def _run(monkeypatch: pytest.MonkeyPatch, args: list[str], stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(args)


def test_add_list_passwd_disable(config_file: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    cfg = ["--config", str(config_file)]
    assert _run(monkeypatch, ["user", "add", "amy", "--name", "Amy Clarke", "--email", "amy@s.example",
                              "--role", "moderator", "--password-stdin", *cfg], "first password\n") == 0
    db = connect(config_file.parent / "wt.db")
    row = users.login_record(db, "amy")
    assert row is not None and row["password_hash"].startswith("$argon2id$")
    assert "first password" not in row["password_hash"]
    assert users.verify_password(row["password_hash"], "first password")

    assert _run(monkeypatch, ["user", "list", *cfg]) == 0
    assert "amy" in capsys.readouterr().out

    assert _run(monkeypatch, ["user", "passwd", "amy", "--password-stdin", *cfg], "second password\n") == 0
    row = users.login_record(db, "amy")
    assert row is not None and users.verify_password(row["password_hash"], "second password")
    assert not users.verify_password(row["password_hash"], "first password")

    assert _run(monkeypatch, ["user", "disable", "amy", *cfg]) == 0
    assert users.list_users(db)[0]["disabled"] == 1
    actions = [r[0] for r in db.execute("SELECT action FROM audit ORDER BY id")]
    assert actions == ["user_added", "user_password_changed", "user_disabled"]


def test_refuses_short_passwords_duplicates_and_bad_roles(config_file: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    cfg = ["--config", str(config_file)]
    assert _run(monkeypatch, ["user", "add", "amy", "--name", "Amy", "--role", "moderator", "--password-stdin",
                              *cfg], "short\n") == 2
    assert "too short" in capsys.readouterr().err
    assert _run(monkeypatch, ["user", "add", "amy", "--name", "Amy", "--role", "moderator", "--password-stdin",
                              *cfg], "long enough pw\n") == 0
    assert _run(monkeypatch, ["user", "add", "amy", "--name", "Amy", "--role", "moderator", "--password-stdin",
                              *cfg], "long enough pw\n") == 2
    assert "already a user" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        _run(monkeypatch, ["user", "add", "bob", "--name", "Bob", "--role", "boss", "--password-stdin", *cfg])


def test_prompts_twice_and_refuses_a_mismatch(config_file: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter(["one long password", "another password"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["user", "add", "amy", "--name", "Amy", "--role", "dsl", "--config", str(config_file)]) == 2
    assert "differ" in capsys.readouterr().err
    assert users.list_users(connect(config_file.parent / "wt.db")) == []
