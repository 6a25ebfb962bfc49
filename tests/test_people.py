"""The roster: who is told what, built from config; and no part of the system reaches back into the daemon."""

from __future__ import annotations

from watchtower.config import Config
from watchtower.people import Roster


def test_the_roster_routes_by_role_each_person_once(make_config: object) -> None:
    from conftest import PEOPLE

    people = [*PEOPLE, {"name": "Both", "email": "both@school.example", "roles": ["moderator", "aht"]}]
    config: Config = make_config(people=people)  # type: ignore[operator]
    roster = Roster.from_config(config)
    told = roster.route(["moderator", "aht"])
    assert [p.email for p in told].count("both@school.example") == 1
    assert {p.role for p in told} == {"moderator", "aht"}
    assert [p.email for p in roster.digest_recipients()] == ["dsl@school.example", "deputy@school.example"]
    assert roster.operators() == [("it@school.example", "Operator")]
    assert roster.recipient("DSL@school.example").roles == frozenset({"dsl"})
    assert roster.recipient("stranger@elsewhere.example").roles == frozenset()
    no_operator = config.model_copy(update={"school": config.school.model_copy(update={"operator_email": None})})
    assert [e for e, _ in Roster.from_config(no_operator).operators()] == [
        "amy@school.example", "ben@school.example", "both@school.example"]


def test_no_module_but_the_cli_imports_the_daemon() -> None:
    """The daemon is wired from parts; parts never reach back into it (issue 15)."""
    import ast
    from pathlib import Path

    import watchtower

    root = Path(watchtower.__file__).parent
    allowed = {"cli/run.py", "cli/demo.py", "daemon.py"}  # tests/test_architecture.py checks every kind of import
    offenders = []
    for path in root.rglob("*.py"):
        rel = path.relative_to(root).as_posix()
        if rel in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "watchtower.daemon":
                offenders.append(rel)
    assert offenders == [], "background jobs take a jobs.JobContext; the roster is people.Roster"
