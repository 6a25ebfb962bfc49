"""A trust's config (``[[schools]]`` and ``[trust]``) and a one-school config are both valid, each resolves to its
schools; mixing them, or a school that breaks the policy, is refused with the key, the school and the fix.
``check-config`` describes a trust school by school."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import PEOPLE, TRUST_LEAD, TRUST_OPERATOR, school_people, to_toml, trust_data
from watchtower.cli import main as cli_main
from watchtower.config import Config, parse_config
from watchtower.exceptions import ConfigError
from watchtower.people import Directory, Roster, step_roles

ROOT = Path(__file__).resolve().parents[1]


def rss(name: str) -> dict[str, Any]:
    return {"type": "rss", "name": name, "url": f"https://feeds.example/{name}"}


def data(tmp_path: Path, **overrides: Any) -> dict[str, Any]:
    sources = {"oakfield": [rss("oak-alerts")], "hillside": [rss("hill-alerts")], "riverside": [rss("river-alerts")]}
    return trust_data(tmp_path / "t.db", 2525, sources, **overrides)


def refused(d: dict[str, Any]) -> str:
    with pytest.raises(ConfigError) as err:
        parse_config(d, path="watchtower.toml")
    return str(err.value)


class TestATrustConfig:
    def test_it_resolves_to_its_schools_each_with_its_own_people_sources_and_calendar(self, tmp_path: Path) -> None:
        d = data(tmp_path, deadlines={"nation": "england", "closure_dates": [date(2026, 12, 21)], "high_hours": 3},
                 classifier={"staff_names": ["Trustwide"]})
        d["schools"][1]["deadlines"] = {"nation": "wales", "closure_dates": [date(2026, 7, 17)]}
        d["schools"][1]["aliases"] = ["@HillsidePri"]
        d["schools"][1]["classifier"] = {"staff_names": ["Mr Hill"]}
        config = parse_config(d)
        assert [s.id for s in config.all_schools] == ["oakfield", "hillside", "riverside"]
        assert config.multi_school and config.display_name == "Northfield Learning Trust"
        oak, hill, river = config.all_schools
        assert [p.email for p in hill.people] == [p["email"] for p in school_people("hillside.example")]
        assert [s.name for s in hill.sources] == ["hill-alerts"]
        assert config.school_of_source("river-alerts") is river and config.school_of_source("nope") is None
        # a school's [schools.deadlines] is read over the trust's [deadlines]
        assert oak.deadlines.nation == "england" and oak.deadlines.closure_dates == [date(2026, 12, 21)]
        assert hill.deadlines.nation == "wales" and hill.deadlines.closure_dates == [date(2026, 7, 17)]
        assert hill.deadlines.high_hours == 3
        # its classifier knows its own names and staff, and the trust's
        assert hill.classifier.school_names == ["Hillside Primary", "@HillsidePri"]
        assert hill.classifier.staff_names == ["Trustwide", "Mr Hill"]
        assert oak.classifier.staff_names == ["Trustwide"] and "Hillside Primary" not in oak.classifier.school_names
        assert [s.name for s in config.all_sources] == ["oak-alerts", "hill-alerts", "river-alerts"]
        assert {p.email for p in config.all_people} >= {TRUST_LEAD, TRUST_OPERATOR, "dsl@riverside.example"}

    def test_each_school_has_its_own_roster_with_the_trust_people_beside_it(self, tmp_path: Path) -> None:
        config = parse_config(data(tmp_path))
        hill = Roster.from_config(config, "hillside")
        assert [p.email for p in hill.route(["dsl", "deputy_dsl"])] == ["dsl@hillside.example",
                                                                         "deputy@hillside.example"]
        # a safeguarding step tells the trust safeguarding lead too; any other step does not
        told = hill.route(step_roles(["dsl", "deputy_dsl"], ["safeguarding"]))
        assert [p.email for p in told][-1] == TRUST_LEAD
        assert TRUST_LEAD not in [p.email for p in hill.route(step_roles(["moderator"], ["safeguarding"]))]
        assert TRUST_LEAD not in [p.email for p in hill.route(step_roles(["dsl"], ["harassment"]))]
        # the school's operator and the trust's
        assert hill.operators() == [("it@hillside.example", "Operator"), (TRUST_OPERATOR, "Trust IT")]
        # what a person may read depends on their roles in the item's school
        directory = Directory.from_config(config)
        assert directory.recipient("dsl@hillside.example", "hillside").roles == frozenset({"dsl"})
        assert directory.recipient("dsl@hillside.example", "oakfield").roles == frozenset()
        assert directory.recipient(TRUST_LEAD, "riverside").roles == frozenset({"trust_safeguarding_lead"})
        with pytest.raises(ValueError, match="name the school"):
            Roster.from_config(config)

    def test_it_loads_from_toml_as_a_technician_writes_it(self, tmp_path: Path) -> None:
        """The example in docs/operations.md section 11 is a valid config."""
        guide = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
        trust_section = guide.split("## 11. ", 1)[1].split("\n## 12. ", 1)[0]
        (example,) = re.findall(r"```toml\n(.*?)```", trust_section, re.S)
        config = parse_config(tomllib.loads(example))
        assert [s.id for s in config.all_schools] == ["oakfield", "cwm-glas"]
        assert config.school_by_id("cwm-glas").deadlines.nation == "wales"
        assert [p.email for p in config.trust_people_with("safeguarding_lead")] == [
            "safeguarding@northfield-trust.example"]
        # every school has its chain: a media enquiry or a threat reaches someone at each
        for school in config.all_schools:
            assert school.people_with("headteacher") and school.people_with("aht"), school.id
        assert not [w for w in config.warnings() if "no one has the role" in w]


class TestAOneSchoolConfigIsATrustOfOne:
    def test_it_keeps_working_unchanged(self, make_config: Any) -> None:
        config: Config = make_config()
        (school,) = config.all_schools
        assert school.id == "default" and school.name == "Oakfield Academy"
        assert [p.email for p in school.people] == [p["email"] for p in PEOPLE]
        assert not config.multi_school and config.display_name == "Oakfield Academy"
        assert Roster.from_config(config).school == "default"


class TestMistakesAreRefusedWithTheKeyAndTheFix:
    def test_both_forms_at_once(self, tmp_path: Path) -> None:
        d = data(tmp_path, school={"name": "Oakfield Academy"}, people=PEOPLE)
        msg = refused(d)
        assert "school: a config with [[schools]]" in msg and "people: a config with [[schools]]" in msg
        assert "[[schools.people]]" in msg and "remove [[schools]] for a one-school config" in msg

    def test_sources_at_the_top_of_a_trust(self, tmp_path: Path) -> None:
        d = data(tmp_path)
        d["sources"] = [rss("top")]
        msg = refused(d)
        assert "sources: a config with [[schools]]" in msg and "[[schools.sources]]" in msg

    def test_neither_form(self, tmp_path: Path) -> None:
        d = data(tmp_path)
        del d["schools"], d["trust"]
        msg = refused(d)
        assert "school: this key is required" in msg and "[[schools]]" in msg

    def test_a_trust_section_without_schools(self, make_config: Any) -> None:
        with pytest.raises(ConfigError, match=r"\[trust\] goes with \[\[schools\]\]"):
            make_config(trust={"name": "Northfield Learning Trust"})

    def test_a_school_with_one_moderator_is_named(self, tmp_path: Path) -> None:
        d = data(tmp_path)
        d["schools"][1]["people"] = [p for p in d["schools"][1]["people"] if p["email"] != "mod2@hillside.example"]
        msg = refused(d)
        assert "schools[1] (hillside, Hillside Primary): people: 1 moderator(s) configured" in msg
        assert "at least two" in msg and "[[schools.people]]" in msg
        assert "oakfield" not in msg

    def test_a_school_without_a_dsl_is_named(self, tmp_path: Path) -> None:
        d = data(tmp_path)
        d["schools"][2]["people"] = [p for p in d["schools"][2]["people"] if "dsl" not in p["roles"]]
        msg = refused(d)
        assert "schools[2] (riverside, Riverside High): people: no Designated Safeguarding Lead" in msg

    def test_a_school_without_a_headteacher_or_an_aht_is_named_and_the_trust_lead_does_not_stand_in(
        self, tmp_path: Path
    ) -> None:
        d = data(tmp_path)
        d["schools"][1]["people"] = [p for p in d["schools"][1]["people"]
                                     if not {"headteacher", "aht"} & set(p["roles"])]
        assert any("safeguarding_lead" in p["roles"] for p in d["trust"]["people"])
        msg = refused(d)
        assert "schools[1] (hillside, Hillside Primary): people: no headteacher and no AHT" in msg
        assert "[[schools.people]]" in msg and "trust safeguarding lead does not stand in" in msg
        assert "oakfield" not in msg and "riverside" not in msg

    def test_a_school_with_only_an_aht_starts_with_a_warning_naming_it(self, tmp_path: Path) -> None:
        d = data(tmp_path)
        d["schools"][2]["people"] = [p for p in d["schools"][2]["people"] if "headteacher" not in p["roles"]]
        warnings = parse_config(d).warnings()
        assert [w for w in warnings if "headteacher" in w] == [
            "Riverside High: no one has the role 'headteacher': serious items and breaches escalate to the headteacher"]

    def test_a_policy_problem_is_reported_beside_a_wrong_field(self, tmp_path: Path) -> None:
        d = data(tmp_path)
        d["schools"][0]["people"] = d["schools"][0]["people"][1:]  # one moderator left
        d["smtp"]["port"] = "five"
        msg = refused(d)
        assert "smtp.port" in msg and "schools[0] (oakfield, Oakfield Academy): people: 1 moderator(s)" in msg

    def test_a_source_name_twice_across_schools(self, tmp_path: Path) -> None:
        d = data(tmp_path)
        d["schools"][2]["sources"] = [rss("oak-alerts")]
        msg = refused(d)
        assert "two sources are named 'oak-alerts' (schools oakfield, riverside)" in msg
        assert "across the whole trust" in msg

    def test_two_schools_with_one_id(self, tmp_path: Path) -> None:
        d = data(tmp_path)
        d["schools"][2]["id"] = "oakfield"
        assert "two schools have the id 'oakfield'" in refused(d)

    def test_a_bad_school_id(self, tmp_path: Path) -> None:
        d = data(tmp_path)
        d["schools"][0]["id"] = "Oak Field"
        msg = refused(d)
        assert "schools[0].id" in msg and "lower-case letters" in msg

    def test_a_school_with_its_own_time_zone(self, tmp_path: Path) -> None:
        d = data(tmp_path)
        d["schools"][1]["deadlines"] = {"timezone": "Europe/Dublin"}
        msg = refused(d)
        assert "schools[1] (hillside, Hillside Primary): deadlines.timezone" in msg and "[deadlines]" in msg

    def test_a_trust_role_that_does_not_exist(self, tmp_path: Path) -> None:
        d = data(tmp_path)
        d["trust"]["people"][0]["roles"] = ["dsl"]
        msg = refused(d)
        assert "trust.people[0].roles[0]" in msg and "safeguarding_lead" in msg and "operator" in msg


class TestCheckConfigDescribesATrustSchoolBySchool:
    def write(self, tmp_path: Path, d: dict[str, Any]) -> Path:
        path = tmp_path / "trust.toml"
        text = to_toml({k: v for k, v in d.items() if k not in ("schools", "trust")})
        text += to_toml({"trust": {"name": d["trust"]["name"]}, "trust.people": d["trust"]["people"]})
        for school in d["schools"]:
            head = {k: v for k, v in school.items() if k not in ("people", "sources")}
            text += "[[schools]]\n" + "\n".join(to_toml({"x": head}).splitlines()[1:]) + "\n"
            text += to_toml({"schools.people": school["people"], "schools.sources": school["sources"]})
        path.write_text(text, encoding="utf-8")
        return path

    def test_it_lists_what_each_school_watches_and_who_is_told(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setenv("WATCHTOWER_LINK_KEY", "x" * 40)
        monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
        path = self.write(tmp_path, data(tmp_path))
        assert cli_main(["check-config", str(path), "--credentials", str(tmp_path)]) == 0
        out = capsys.readouterr().out
        assert "Trust: Northfield Learning Trust (3 schools)" in out
        hill = out[out.index("School: Hillside Primary [id hillside]"):out.index("School: Riverside High")]
        assert "hill-alerts [rss]" in hill and "oak-alerts" not in hill
        assert "DSL hillside.example <dsl@hillside.example>: dsl" in hill
        # the chain, by name, in this school: safeguarding reaches its DSL, deputy and the trust lead
        line = next(x for x in hill.splitlines() if x.strip().startswith("- safeguarding from"))
        assert "DSL hillside.example" in line and "Deputy hillside.example" in line and "Grace Adeyemi" in line
        assert "oakfield.example" not in hill and "riverside.example" not in hill
        assert "it@hillside.example" in hill and "Trust IT <ops@northfield-trust.example>" in hill
        assert "Grace Adeyemi <lead@northfield-trust.example>: trust safeguarding lead" in out
        assert out.rstrip().endswith("Watchtower would start with this config.")

    def test_each_schools_page_is_listed_as_receiving_webhooks_and_no_first_school_warning(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        for name in ("WATCHTOWER_LINK_KEY", "FACEBOOK_PAGE_TOKEN", "META_WEBHOOK_VERIFY_TOKEN", "META_APP_SECRET"):
            monkeypatch.setenv(name, "x" * 40)
        monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
        d = data(tmp_path, webhooks={"meta_enabled": True})
        d["schools"][0]["sources"].append({"type": "facebook", "name": "oak-page", "page_id": "111"})
        d["schools"][1]["sources"].append({"type": "facebook", "name": "hill-page", "page_id": "222"})
        assert cli_main(["check-config", str(self.write(tmp_path, d)), "--credentials", str(tmp_path)]) == 0
        out = capsys.readouterr().out
        for page in ("oak-page", "hill-page"):
            line = next(x for x in out.splitlines() if f"- {page} [facebook]" in x)
            assert "in real time by Meta webhook" in line
        assert "webhook" not in next(x for x in out.splitlines() if "- oak-alerts [rss]" in x)
        assert "Warning: webhooks" not in out

    def test_it_refuses_a_school_without_a_headteacher_or_an_aht_naming_the_school(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        d = data(tmp_path)
        d["schools"][2]["people"] = [p for p in d["schools"][2]["people"]
                                     if not {"headteacher", "aht"} & set(p["roles"])]
        assert cli_main(["check-config", str(self.write(tmp_path, d))]) == 2
        err = capsys.readouterr().err
        assert "schools[2] (riverside, Riverside High): people: no headteacher and no AHT" in err

    def test_it_refuses_a_school_with_one_moderator_naming_the_school(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        d = data(tmp_path)
        d["schools"][1]["people"] = [p for p in d["schools"][1]["people"] if p["email"] != "mod2@hillside.example"]
        assert cli_main(["check-config", str(self.write(tmp_path, d))]) == 2
        err = capsys.readouterr().err
        assert "schools[1] (hillside, Hillside Primary): people: 1 moderator(s) configured" in err
