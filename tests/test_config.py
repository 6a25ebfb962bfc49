"""The configuration is validated once at start-up, and every error names the key and the fix."""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from watchtower.cli import main as cli_main
from watchtower.config import Config, load_config, parse_config
from watchtower.exceptions import ConfigError, SecretMissing
from watchtower.secrets import get_secret

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "config" / "watchtower.toml"


def example() -> dict[str, Any]:
    return tomllib.loads(EXAMPLE.read_text())


def refused(data: dict[str, Any]) -> str:
    with pytest.raises(ConfigError) as err:
        parse_config(data, path="watchtower.toml")
    return str(err.value)


class TestTheExampleConfig:
    def test_the_shipped_example_is_valid(self) -> None:
        config = load_config(EXAMPLE)
        assert config.school.name == "Oakfield Academy"
        assert len(config.people_with("moderator")) >= 2
        assert {s.type for s in config.sources} == {
            "rss", "x", "facebook", "instagram", "youtube", "mastodon", "bluesky", "reddit"
        }

    def test_every_config_key_is_documented_in_the_example(self) -> None:
        """A key that a technician cannot find in the example file does not exist for them."""
        text = EXAMPLE.read_text()
        missing: list[str] = []

        def walk(model: type[BaseModel], where: str) -> None:
            for name, field in model.model_fields.items():
                as_key = re.search(rf"^\s*#?\s*{re.escape(name)}\s*=", text, re.M)
                as_table = re.search(rf"[\[.]{re.escape(name)}\]", text)
                if not (as_key or as_table or (name == "type" and where.startswith("sources"))):
                    missing.append(f"{where}.{name}")
                ann = field.annotation
                for sub in getattr(ann, "__args__", ()) or (ann,):
                    for cand in getattr(sub, "__args__", ()) or (sub,):
                        if isinstance(cand, type) and issubclass(cand, BaseModel):
                            walk(cand, f"{where}.{name}")

        walk(Config, "")
        from watchtower.connectors.config import SourceConfig

        for model in SourceConfig.__args__[0].__args__:  # type: ignore[attr-defined]
            walk(model, f"sources[{model.__name__}]")
        assert missing == []


class TestPolicyChecks:
    def test_fewer_than_two_moderators_is_refused(self) -> None:
        data = example()
        others = [p for p in data["people"] if "moderator" not in p["roles"]]
        data["people"] = [*others, {"name": "Only One", "email": "one@school.example", "roles": ["moderator"]}]
        msg = refused(data)
        assert "people" in msg and "at least two" in msg and 'roles = ["moderator"]' in msg

    def test_no_designated_safeguarding_lead_is_refused(self) -> None:
        data = example()
        data["people"] = [p for p in data["people"] if "dsl" not in p["roles"]]
        msg = refused(data)
        assert "Designated Safeguarding Lead" in msg and 'roles = ["dsl"]' in msg

    def test_neither_a_headteacher_nor_an_aht_is_refused_saying_who_would_not_be_told(self) -> None:
        """Media enquiries go straight to the headteacher (and AHT); threats, hate and missed deadlines escalate to
        the AHT, then the headteacher: with neither, they would reach no one."""
        data = example()
        data["people"] = [p for p in data["people"] if not {"headteacher", "aht"} & set(p["roles"])]
        msg = refused(data)
        assert "people: no headteacher and no AHT" in msg and "journalist" in msg and "reach no one" in msg
        assert 'roles = ["headteacher"]' in msg and "[[people]]" in msg

    @pytest.mark.parametrize("kept", ["headteacher", "aht"])
    def test_one_of_the_two_is_enough_to_start_with_a_warning_for_the_other(self, kept: str) -> None:
        data = example()
        missing = "aht" if kept == "headteacher" else "headteacher"
        data["people"] = [p for p in data["people"] if missing not in p["roles"]]
        config = parse_config(data)
        assert [w for w in config.warnings() if "no one has the role" in w] == [
            f"no one has the role {missing!r}: " + ("missed deadlines escalate to an AHT" if missing == "aht" else
                                                    "serious items and breaches escalate to the headteacher")]

    def test_check_config_and_the_daemon_refuse_it_alike(self, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
        text = EXAMPLE.read_text()
        for role in ("aht", "headteacher"):
            text = text.replace(f'roles = ["{role}"]', 'roles = ["admin"]')
        path = tmp_path / "watchtower.toml"
        path.write_text(text)
        assert cli_main(["check-config", str(path)]) == 2
        assert "people: no headteacher and no AHT" in capsys.readouterr().err
        assert cli_main(["run", "--config", str(path)]) == 2  # refused before anything starts
        assert "people: no headteacher and no AHT" in capsys.readouterr().err

    def test_the_same_person_twice_is_refused(self) -> None:
        data = example()
        data["people"].append(dict(data["people"][0]))
        assert "listed twice" in refused(data)

    def test_two_sources_with_one_name_are_refused(self) -> None:
        data = example()
        data["sources"].append(dict(data["sources"][0]))
        assert "two sources are named 'facebook-page'" in refused(data)


class TestErrorsNameTheKeyAndTheFix:
    def test_an_unknown_key_is_named(self) -> None:
        data = example()
        data["smtp"]["hostname"] = "mail.example"
        msg = refused(data)
        assert "smtp.hostname" in msg and "unknown key" in msg

    def test_a_missing_required_key_is_named(self) -> None:
        data = example()
        del data["school"]["name"]
        msg = refused(data)
        assert "school.name" in msg and "required" in msg

    def test_a_bad_role_lists_the_allowed_ones(self) -> None:
        data = example()
        data["people"][0]["roles"] = ["teacher"]
        msg = refused(data)
        assert "people[0].roles[0]" in msg and "moderator" in msg and "dsl" in msg

    def test_a_bad_email_address_says_how_to_write_one(self) -> None:
        data = example()
        data["people"][1]["email"] = "ben at school"
        msg = refused(data)
        assert "people[1].email" in msg and "name@school.example" in msg

    def test_a_source_with_an_unknown_type_lists_the_types(self) -> None:
        data = example()
        data["sources"][0]["type"] = "tiktok"
        msg = refused(data)
        assert "sources[0]" in msg and "rss" in msg and "facebook" in msg

    def test_a_pasted_token_instead_of_a_secret_name_is_refused(self) -> None:
        data = example()
        data["sources"][0]["token_secret"] = "EAAG very secret token value!"
        msg = refused(data)
        assert "sources[0].token_secret" in msg and "never the secret itself" in msg

    @pytest.mark.parametrize(("table", "key"), [("smtp", "password_secret"), ("webhooks", "meta_app_secret_secret"),
                                                ("actions", "youtube_refresh_token_secret")])
    def test_every_secret_key_refuses_a_pasted_secret_the_same_way(self, table: str, key: str) -> None:
        data = example()
        data.setdefault(table, {})[key] = "hunter2 is my password!"
        msg = refused(data)
        assert f"{table}.{key}" in msg and "never the secret itself" in msg

    def test_every_error_is_reported_at_once(self) -> None:
        data = example()
        data["smtp"]["port"] = 0
        data["deadlines"]["nation"] = "france"
        msg = refused(data)
        assert "smtp.port" in msg and "deadlines.nation" in msg

    def test_broken_toml_names_the_line(self, tmp_path: Path) -> None:
        bad = tmp_path / "w.toml"
        bad.write_text('[school]\nname = "Oakfield\n')
        with pytest.raises(ConfigError, match=r"not valid TOML.*line 2"):
            load_config(bad)

    def test_a_missing_file_says_what_to_do(self, tmp_path: Path) -> None:
        with pytest.raises(ConfigError, match=r"copy config/watchtower\.toml"):
            load_config(tmp_path / "nope.toml")


class TestSecrets:
    def test_secrets_come_from_the_environment(self) -> None:
        assert get_secret("SMTP_PASSWORD", environ={"SMTP_PASSWORD": "hunter2"}) == "hunter2"

    def test_systemd_credentials_win_over_the_environment(self, tmp_path: Path) -> None:
        (tmp_path / "SMTP_PASSWORD").write_text("from-credential\n")
        env = {"CREDENTIALS_DIRECTORY": str(tmp_path), "SMTP_PASSWORD": "from-env"}
        assert get_secret("SMTP_PASSWORD", environ=env) == "from-credential"

    def test_a_missing_secret_says_where_to_put_it(self) -> None:
        with pytest.raises(SecretMissing, match=r"environment variable SMTP_PASSWORD.*LoadCredential"):
            get_secret("SMTP_PASSWORD", environ={})


class TestCheckConfigCommand:
    def test_it_shows_what_is_watched_and_who_is_told(self, capsys: pytest.CaptureFixture[str]) -> None:
        env_keys = ["FACEBOOK_PAGE_TOKEN", "INSTAGRAM_TOKEN", "SMTP_PASSWORD", "WATCHTOWER_LINK_KEY"]
        mp = pytest.MonkeyPatch()
        for k in env_keys:
            mp.setenv(k, "x" * 40)
        try:
            code = cli_main(["check-config", str(EXAMPLE)])
        finally:
            mp.undo()
        out = capsys.readouterr().out
        assert code == 0, out
        for name in ("facebook-page", "instagram", "google-alerts", "x-account", "youtube", "mastodon", "bluesky",
                     "reddit"):
            assert name in out
        assert "Fatima Shah" in out and "dsl" in out
        assert "HEADTEACHER" in out.upper()

    def test_it_fails_when_a_secret_is_missing(self, capsys: pytest.CaptureFixture[str]) -> None:
        mp = pytest.MonkeyPatch()
        names = ["FACEBOOK_PAGE_TOKEN", "INSTAGRAM_TOKEN", "SMTP_PASSWORD", "WATCHTOWER_LINK_KEY",
                 "CREDENTIALS_DIRECTORY"]
        for k in names:
            mp.delenv(k, raising=False)
        try:
            code = cli_main(["check-config", str(EXAMPLE)])
        finally:
            mp.undo()
        out = capsys.readouterr().out
        assert code == 1
        assert "FACEBOOK_PAGE_TOKEN" in out and "NOT READY" in out

    def test_a_bad_config_exits_2_with_the_key(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        bad = tmp_path / "w.toml"
        bad.write_text(EXAMPLE.read_text().replace('port = 587', 'port = "five"'))
        assert cli_main(["check-config", str(bad)]) == 2
        assert "smtp.port" in capsys.readouterr().err


def check_config(*args: str, env: dict[str, str], user: str | None = None,
                 cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "watchtower", "check-config", *args], capture_output=True,
                          text=True, env=env, user=user, cwd=cwd, timeout=120)


def clean_env(**extra: str) -> dict[str, str]:
    drop = {"CREDENTIALS_DIRECTORY", "WATCHTOWER_CONFIG", *EXAMPLE_SECRETS}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])
    return {**env, **extra}


EXAMPLE_SECRETS = ("FACEBOOK_PAGE_TOKEN", "INSTAGRAM_TOKEN", "SMTP_PASSWORD", "WATCHTOWER_LINK_KEY")


class TestCheckConfigAsTheServiceUser:
    """The docs run it as the `watchtower` user, who cannot read the root-only credential files; under systemd
    the service (and ExecReload=) get private copies in $CREDENTIALS_DIRECTORY."""

    @pytest.fixture
    def shared(self) -> Iterator[Path]:
        """A folder another user can read (pytest's tmp_path is private to its owner)."""
        folder = Path(tempfile.mkdtemp(prefix="wt-check-"))
        folder.chmod(0o755)
        try:
            yield folder
        finally:
            shutil.rmtree(folder)

    def service_user(self) -> str | None:
        """As root: `nobody`, a user like `watchtower` without privileges, where it can run this Python."""
        if os.geteuid() != 0:
            return None
        try:
            subprocess.run([sys.executable, "-c", "pass"], user="nobody", check=True, timeout=30, cwd="/")
        except (OSError, subprocess.CalledProcessError):
            return None  # e.g. a pyenv Python under /root: run as this user, with the same credentials folder
        return "nobody"

    def test_with_credentials_as_systemd_gives_them_it_is_valid(self, shared: Path) -> None:
        config = shared / "watchtower.toml"
        shutil.copy(EXAMPLE, config)
        config.chmod(0o644)
        creds = shared / "credentials"  # like systemd's: owned by the service user, files 0400
        creds.mkdir()
        for name in EXAMPLE_SECRETS:
            (creds / name).write_text("x" * 40 + "\n")
            (creds / name).chmod(0o400)
        user = self.service_user()
        if user is not None:
            uid = pwd.getpwnam(user).pw_uid
            for f in [creds, *creds.iterdir()]:
                os.chown(f, uid, -1)
        creds.chmod(0o500)
        res = check_config(str(config), env=clean_env(CREDENTIALS_DIRECTORY=str(creds)), user=user, cwd=shared)
        assert res.returncode == 0, res.stdout + res.stderr
        assert "valid" in res.stdout and "would not start" not in res.stdout
        assert "NOT" not in res.stdout

    def test_without_them_it_says_the_secrets_were_not_checked_not_that_it_would_not_start(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from watchtower.cli import check_config as cc

        root_only = tmp_path / "credentials"
        root_only.mkdir()
        monkeypatch.setattr(cc, "DEFAULT_CREDENTIALS", root_only)
        real_listdir = os.listdir

        def listdir(path: Any) -> list[str]:
            if Path(path) == root_only:
                raise PermissionError(13, "Permission denied", str(path))
            return real_listdir(path)

        monkeypatch.setattr(cc.os, "listdir", listdir)
        for k in ("CREDENTIALS_DIRECTORY", *EXAMPLE_SECRETS):
            monkeypatch.delenv(k, raising=False)
        assert cli_main(["check-config", str(EXAMPLE)]) == 0
        out = capsys.readouterr().out
        assert "secrets not checked" in out and "sudo watchtower check-config" in out
        assert "would not start" not in out and "NOT READY" not in out

    def test_as_root_it_reads_the_credentials_folder_itself(self, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
        creds = tmp_path / "credentials"
        creds.mkdir()
        for name in EXAMPLE_SECRETS:
            (creds / name).write_text("x" * 40)
        mp = pytest.MonkeyPatch()
        for k in ("CREDENTIALS_DIRECTORY", *EXAMPLE_SECRETS):
            mp.delenv(k, raising=False)
        try:
            assert cli_main(["check-config", str(EXAMPLE), "--credentials", str(creds)]) == 0
        finally:
            mp.undo()
        out = capsys.readouterr().out
        assert out.rstrip().endswith("Watchtower would start with this config.")


class TestCheckConfigVerdict:
    def test_a_missing_secret_names_its_key_and_the_load_credential_line(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        for k in ("CREDENTIALS_DIRECTORY", *EXAMPLE_SECRETS):
            monkeypatch.delenv(k, raising=False)
        for k in ("FACEBOOK_PAGE_TOKEN", "INSTAGRAM_TOKEN", "WATCHTOWER_LINK_KEY"):
            monkeypatch.setenv(k, "x" * 40)
        assert cli_main(["check-config", str(EXAMPLE), "--credentials", str(ROOT / "config")]) == 1
        out = capsys.readouterr().out
        assert "smtp.password_secret" in out
        assert "LoadCredential=SMTP_PASSWORD:/etc/watchtower/credentials/SMTP_PASSWORD" in out
        assert "would not start" in out and "valid" not in out

    def test_it_prints_the_public_url(self, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
        for k in EXAMPLE_SECRETS:
            monkeypatch.setenv(k, "x" * 40)
        monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
        cli_main(["check-config", str(EXAMPLE)])
        assert "Dashboard: https://watchtower.oakfield-academy.example" in capsys.readouterr().out


class TestPublicUrl:
    def test_it_is_required_when_smtp_is_configured(self) -> None:
        data = example()
        del data["dashboard"]["public_url"]
        msg = refused(data)
        assert "dashboard.public_url" in msg and "required when [smtp]" in msg and "public_url = " in msg

    def test_it_must_be_a_web_address(self) -> None:
        data = example()
        data["dashboard"]["public_url"] = "watchtower.school.example"
        assert "dashboard.public_url" in refused(data)


class TestEveryMessageCarriesAFix:
    def test_a_quoted_number(self) -> None:
        data = example()
        data["deadlines"]["critical_hours"] = "one"
        msg = refused(data)
        assert "deadlines.critical_hours" in msg and "without quotes" in msg and "critical_hours = " in msg

    def test_a_single_value_where_a_list_belongs(self) -> None:
        data = example()
        data["school"]["aliases"] = "Oakfield School"
        msg = refused(data)
        assert "school.aliases" in msg and 'aliases = ["' in msg

    def test_a_date_written_day_first(self) -> None:
        data = example()
        data["deadlines"]["closure_dates"] = ["25/12/2026"]
        msg = refused(data)
        assert "deadlines.closure_dates[0]" in msg and "YYYY-MM-DD" in msg

    def test_a_password_in_the_config_points_at_password_secret(self) -> None:
        data = example()
        data["smtp"]["password"] = "hunter2"
        msg = refused(data)
        assert "smtp.password" in msg and 'password_secret = "' in msg and "never go in the config" in msg

    def test_three_errors_are_all_reported(self) -> None:
        data = example()
        data["smtp"]["port"] = "five"
        data["deadlines"]["critical_hours"] = "one"
        data["people"] = [p for p in data["people"] if "dsl" not in p["roles"]]
        msg = refused(data)
        assert "smtp.port" in msg and "deadlines.critical_hours" in msg and "Designated Safeguarding Lead" in msg
        assert msg.count("\n  - ") == 3
