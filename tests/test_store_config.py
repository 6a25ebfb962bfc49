"""``[store]``: a SQLite file (``path``, the default) or a PostgreSQL database (``url``, its password from a
secret), exactly one; the commands that open the store work on both, and those that copy SQLite files say what to
use on PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import both_stores, free_port
from pg_server import PostgresServer
from watchtower.cli import main
from watchtower.config import DEFAULT_STORE_PATH, Config, parse_config
from watchtower.exceptions import ConfigError, SecretMissing
from watchtower.store import connect

PG_URL = "postgresql://watchtower@db.trust.example:5432/watchtower"


@pytest.fixture(autouse=True)
def link_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """check-config checks every secret: the dashboard's link key is there."""
    monkeypatch.setenv("WATCHTOWER_LINK_KEY", "k" * 40)


def store_config(config: Config, store: dict[str, Any]) -> Config:
    data = config.model_dump(mode="json", exclude_defaults=True)
    data["store"] = store
    return parse_config(data)


def refused(config: Config, store: dict[str, Any]) -> str:
    with pytest.raises(ConfigError) as err:
        store_config(config, store)
    return str(err.value)


class TestTheStoreSection:
    def test_without_it_the_store_is_the_default_sqlite_file(self, config: Config) -> None:
        data = config.model_dump(mode="json", exclude_defaults=True)
        del data["store"]
        store = parse_config(data).store
        assert store.path == DEFAULT_STORE_PATH and store.url is None and not store.is_postgresql
        assert store.location().path == DEFAULT_STORE_PATH

    def test_a_url_is_a_postgresql_store_with_no_path(self, config: Config) -> None:
        store = store_config(config, {"url": PG_URL, "password_secret": "WATCHTOWER_DB_PASSWORD"}).store
        assert store.path is None and store.is_postgresql
        assert store.describe() == f"PostgreSQL {PG_URL}"
        location = store.location({"WATCHTOWER_DB_PASSWORD": "s3cret"})
        assert (location.url, location.password, location.dialect) == (PG_URL, "s3cret", "postgresql")
        assert "s3cret" not in repr(location) and "s3cret" not in str(location)

    def test_its_password_secret_must_be_set_to_open_it(self, config: Config) -> None:
        store = store_config(config, {"url": PG_URL, "password_secret": "WATCHTOWER_DB_PASSWORD"}).store
        with pytest.raises(SecretMissing, match="WATCHTOWER_DB_PASSWORD"):
            store.location({})

    def test_path_and_url_together_are_refused_naming_both(self, config: Config) -> None:
        msg = refused(config, {"path": "/var/lib/watchtower/w.db", "url": PG_URL})
        assert "store" in msg and "store.path" in msg and "store.url" in msg

    def test_a_password_in_the_url_is_refused_and_the_secret_named(self, config: Config) -> None:
        for url in ("postgresql://watchtower:hunter2@db.example/watchtower",
                    "postgresql://watchtower@db.example/watchtower?password=hunter2"):
            msg = refused(config, {"url": url})
            assert "store.url" in msg and "password_secret" in msg and "hunter2" not in msg.split("you wrote")[0]

    def test_a_password_key_is_refused_pointing_at_password_secret(self, config: Config) -> None:
        msg = refused(config, {"url": PG_URL, "password": "hunter2"})
        assert 'password_secret = "NAME"' in msg

    def test_a_url_that_is_not_postgresql_or_names_no_database_is_refused(self, config: Config) -> None:
        assert "not a PostgreSQL address" in refused(config, {"url": "mysql://db.example/w"})
        assert "names no database" in refused(config, {"url": "postgresql://db.example"})

    def test_a_password_secret_without_a_url_is_refused(self, config: Config) -> None:
        assert "needs store.url" in refused(config, {"path": "w.db", "password_secret": "X"})


# --- the commands on each store ------------------------------------------------------------------


@pytest.fixture
def pg_password_config(postgres: PostgresServer, pg_database: str, config_file: Callable[..., Path],
                       monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config whose store is a PostgreSQL database that wants a password, given in $WT_TEST_DB_PASSWORD."""
    postgres.password_role("pg-password-for-tests")
    monkeypatch.setenv("WT_TEST_DB_PASSWORD", "pg-password-for-tests")
    url = pg_database.replace(f"{postgres.superuser}@", "wt_password@")
    return config_file(store={"url": url, "password_secret": "WT_TEST_DB_PASSWORD"})


@both_stores
class TestCommandsOnEitherStore:
    def test_status_reads_a_healthy_store(self, config_file: Callable[..., Path], db: Any,
                                          capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["status", "--config", str(config_file()), "--json"]) == 0
        report = json.loads(capsys.readouterr().out)
        assert report["ok"] is True and report["store_writable"] is True, report
        assert report["queue"] == {} and report["outbox"]["pending"] == 0

    def test_check_config_names_the_store(self, config_file: Callable[..., Path], backend: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["check-config", str(config_file())]) == 0
        out = capsys.readouterr().out
        if backend == "sqlite":
            assert "Store: SQLite file " in out
        else:
            assert "Store: PostgreSQL postgresql://" in out and "(connected; schema up to date)" in out


def test_status_and_check_config_log_in_with_the_password_from_the_secret(
    pg_password_config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["check-config", str(pg_password_config)]) == 0
    assert "(connected; schema up to date)" in capsys.readouterr().out
    assert main(["status", "--config", str(pg_password_config), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["store_writable"] is True
    monkeypatch.setenv("WT_TEST_DB_PASSWORD", "not-the-password")
    assert main(["status", "--config", str(pg_password_config)]) == 2
    assert "store.password_secret" in capsys.readouterr().err


def test_status_says_a_read_only_postgresql_database_cannot_be_written(
    config_file: Callable[..., Path], pg_database: str, postgres: PostgresServer,
    capsys: pytest.CaptureFixture[str]
) -> None:
    path = config_file(store={"url": pg_database})
    with postgres.admin() as admin:  # a standby, or a database made read-only by its administrator
        admin.execute(f'ALTER DATABASE "{pg_database.rsplit("/", 1)[1]}" SET default_transaction_read_only = on')
    assert main(["status", "--config", str(path), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["store_writable"] is False
    assert report["problems"][0].startswith("the database cannot be written (") and "read-only" in \
        report["problems"][0]


def test_check_config_says_when_the_postgresql_server_cannot_be_reached(
    config_file: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = config_file(store={"url": f"postgresql://watchtower@127.0.0.1:{free_port()}/watchtower"})
    assert main(["check-config", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Store: cannot connect to the PostgreSQL database" in out and "is the server running" in out


def test_status_on_a_postgresql_database_the_daemon_never_prepared(
    config_file: Callable[..., Path], pg_empty_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", "--config", str(config_file(store={"url": pg_empty_database}))]) == 2
    assert "has no Watchtower tables: has the daemon ever started?" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_backup_and_restore_say_to_use_postgresqls_own_tools(
    command: str, config_file: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = config_file(store={"url": PG_URL})
    assert main([command, "--config", str(path), str(tmp_path / "copy.db")]) == 2
    err = capsys.readouterr().err
    assert "this one is PostgreSQL" in err and "pg_dump" in err and "docs/operations.md" in err


def test_a_postgresql_store_is_opened_by_the_cli_with_its_migrations(
    config_file: Callable[..., Path], pg_empty_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Commands that write (here `user list` opens it as `user add` would) prepare a new database as the daemon
    does."""
    path = config_file(store={"url": pg_empty_database})
    assert main(["user", "list", "--config", str(path)]) == 0
    db = connect(pg_empty_database, migrate=False)
    assert db.has_table("users")
    db.close()
