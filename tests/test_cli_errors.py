"""A person at a terminal gets a sentence and the documented exit code, never a traceback.

``status`` as a user who may not read the database exits 2 (docs/operations.md: 2, the database cannot be read);
``user add`` with no terminal says to use --password-stdin; ``digest --preview | head`` ends quietly;
``ack/action/resolve --by`` take only a configured person or the login of whoever runs it; ``digest --help`` is
written for the person, not the developer.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import add_item
from watchtower.cli import EXIT_BROKEN_PIPE, main
from watchtower.cli.ack import actor
from watchtower.config import Config
from watchtower.models import utcnow
from watchtower.store.db import Db

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, stdin: Any = subprocess.DEVNULL, env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess[str]:
    base = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "watchtower", *args], stdin=stdin, capture_output=True, text=True,
                          env={**base, **(env or {})}, timeout=120)


@pytest.fixture
def cfg(config_file: Callable[..., Path], config: Config) -> tuple[Path, Config]:
    return config_file(), config


class TestStatusWithoutPermission:
    def test_an_unreadable_database_is_a_sentence_and_exit_2(
        self, cfg: tuple[Path, Config], db: Db, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """As another user, /var/lib/watchtower (0700) cannot even be looked into: stat() is refused."""
        path, config = cfg
        real_stat = Path.stat

        def stat(self: Path, *a: Any, **kw: Any) -> os.stat_result:
            if self == config.store.path:
                raise PermissionError(13, "Permission denied", str(self))
            return real_stat(self, *a, **kw)

        monkeypatch.setattr(Path, "stat", stat)
        assert main(["status", "--config", str(path)]) == 2
        err = capsys.readouterr().err
        assert "cannot read the database" in err and "sudo -u watchtower" in err and "Traceback" not in err

    def test_a_permission_error_anywhere_is_a_sentence(self, cfg: tuple[Path, Config], db: Db,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
        import watchtower.store

        def refuse(*a: Any, **kw: Any) -> Any:
            raise PermissionError(13, "Permission denied", "/var/lib/watchtower/watchtower.db-wal")

        monkeypatch.setattr(watchtower.store, "connect", refuse)
        assert main(["status", "--config", str(cfg[0])]) == 2
        assert "permission denied" in capsys.readouterr().err


class TestUserAddWithoutATerminal:
    def test_it_says_to_use_password_stdin(self, cfg: tuple[Path, Config]) -> None:
        res = run_cli("user", "add", "amy", "--name", "Amy Clarke", "--role", "moderator", "--config", str(cfg[0]))
        assert res.returncode == 2, res.stderr
        assert "--password-stdin" in res.stderr and "Traceback" not in res.stderr

    def test_password_stdin_still_works(self, cfg: tuple[Path, Config]) -> None:
        res = subprocess.run(
            [sys.executable, "-m", "watchtower", "user", "add", "amy", "--name", "Amy Clarke", "--role",
             "moderator", "--password-stdin", "--config", str(cfg[0])],
            input="correct horse battery staple\n", capture_output=True, text=True, timeout=120,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
        assert res.returncode == 0, res.stderr


class TestBrokenPipe:
    def test_digest_preview_into_a_closed_pipe_ends_quietly(
        self, cfg: tuple[Path, Config], db: Db, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        class ClosedPipe(io.StringIO):
            def write(self, s: str) -> int:
                raise BrokenPipeError(32, "Broken pipe")

        add_item(db, cfg[1], text="a threat", categories=["threat"], now=utcnow())
        monkeypatch.setattr(sys, "stdout", ClosedPipe())
        assert main(["digest", "--preview", "--config", str(cfg[0])]) == EXIT_BROKEN_PIPE

    def test_through_a_real_pipe_there_is_no_traceback(self, cfg: tuple[Path, Config], db: Db) -> None:
        for i in range(40):
            add_item(db, cfg[1], text=f"complaint number {i} " + "x" * 200, categories=["complaint"], now=utcnow())
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        res = subprocess.run(  # noqa: S602 - a fixed pipeline, as a person types it
            f"{sys.executable} -m watchtower digest --preview --config {cfg[0]} | head -1",
            shell=True, capture_output=True, text=True, env=env, timeout=120,
        )
        assert "Traceback" not in res.stderr and "BrokenPipe" not in res.stderr, res.stderr


class TestTheActor:
    def test_a_configured_person_by_name_or_email(self, config: Config) -> None:
        assert actor(config, "amy clarke", login="jsmith") == "Amy Clarke"
        assert actor(config, "dsl@school.example", login="jsmith") == "Fatima Shah"

    def test_the_os_login_and_it_is_the_default(self, config: Config) -> None:
        assert actor(config, "jsmith", login="jsmith") == "jsmith"
        assert actor(config, None, login="jsmith") == "jsmith"

    def test_anyone_else_is_refused(self, cfg: tuple[Path, Config], db: Db,
                                    capsys: pytest.CaptureFixture[str]) -> None:
        path, config = cfg
        item = add_item(db, config, text="When is parents' evening?", categories=["query"], now=utcnow())
        for cmd in (["ack", str(item)], ["resolve", str(item)], ["action", str(item), "replied"]):
            assert main([*cmd, "--by", "Donald Duck", "--config", str(path)]) == 2
            err = capsys.readouterr().err
            assert "'Donald Duck' is neither a person in the config nor your login" in err and "Amy Clarke" in err
        audit = db.execute("SELECT COUNT(*) FROM audit WHERE actor = 'Donald Duck'").fetchone()[0]
        assert audit == 0

    def test_sudo_user_is_the_login(self) -> None:
        from watchtower.cli.ack import os_login

        assert os_login({"SUDO_USER": "jsmith"}) == "jsmith"


class TestDigestHelp:
    def test_it_has_no_markup_or_internal_words(self) -> None:
        res = run_cli("digest", "--help")
        assert res.returncode == 0
        for word in ("``", "persist-first", "dedup", "rows", "outbox", "daemon"):
            assert word not in res.stdout, word
        assert "--preview" in res.stdout and "--send" in res.stdout
