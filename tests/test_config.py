"""The configuration is validated once at start-up, and every error names the key and the fix."""

from __future__ import annotations

import re
import tomllib
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
